/**
 * Cache mémoire, de très courte durée, des deux lectures faites à CHAQUE requête sur une convention : la session
 * avec son compte (`sessions.trouverAvecCompte`) et la convention elle-même (`conventions.trouver`, droits et
 * version) — INT-PLATEFORME-8. Sur PGlite, une requête SQL coûte 0,7 à 2 ms selon la charge : c'était l'essentiel
 * du temps d'un `GET /api/conventions/{id}` servi depuis le cache de contenu (`cas/cache-analyse.ts`).
 *
 * Sûreté, par construction plutôt que par liste :
 * - toute méthode d'un dépôt des comptes ou des conventions qui n'est pas une lecture (nom en `lister…`,
 *   `trouver…`, `lire…`, `par…`, `compter…`, `avenants`) est tenue pour une écriture et vide, avant et après,
 *   toute la famille de son dépôt (voir `Famille`) ; une méthode ajoutée plus tard au port est donc couverte.
 *   Seules les écritures listées dans `ECRITURES_CIBLEES`, qui ne touchent que la ligne de leur premier
 *   argument, ne rendent périmée que cette entrée (une fiche écrite ne fait pas relire les autres conventions) ;
 * - une transaction qui a écrit vide encore le cache APRÈS sa validation (une lecture concurrente a pu y
 *   remettre l'état d'avant) ; les lectures faites DANS une transaction ne passent jamais par le cache ;
 * - une valeur lue pendant qu'une écriture la touchant passait n'est pas gardée (compteurs de générations, par
 *   famille et par clé).
 * Le seul écart : un AUTRE processus branché sur le même PostgreSQL voit une écriture (déconnexion, changement
 * de statut) avec au plus `dureeMs` de retard (2 s). Avec PGlite, un seul processus tient la base (verrou).
 */
/**
 * Deux familles, invalidées séparément : les comptes (session et compte, écrits par les dépôts `sessions`,
 * `utilisateurs`, `identites`) et les conventions (ligne de la convention et sa collectivité, écrites par les
 * dépôts `conventions`, `cycle` et `collectivites`). Les autres dépôts n'écrivent aucune table lue par une lecture
 * en cache : leurs écritures ne vident rien (un test relit le code des dépôts et le vérifie,
 * `cache-lectures-tables.unit.test.ts`). Écrire une fiche ne fait donc pas relire la session de chacun, ni les
 * autres conventions ; une connexion ne fait pas relire les conventions.
 */
export type Famille = 'comptes' | 'conventions';
const FAMILLE_DES_ECRITURES: Readonly<Record<string, Famille>> = {
  sessions: 'comptes',
  utilisateurs: 'comptes',
  identites: 'comptes',
  conventions: 'conventions',
  cycle: 'conventions',
  collectivites: 'conventions',
};
export const familleDesEcritures = (nomDepot: string): Famille | undefined => FAMILLE_DES_ECRITURES[nomDepot];

/**
 * Écritures qui ne touchent QU'UNE entrée en cache : celle dont la clé est leur premier argument (identifiant de
 * la convention, empreinte de la session). Toute autre écriture de la famille la vide entière.
 */
const ECRITURES_CIBLEES: Readonly<Record<string, ReadonlySet<string>>> = {
  conventions: new Set(['avancerVersion', 'modifier', 'supprimer', 'ajouterAvenant']),
  cycle: new Set(['ecrire']),
  sessions: new Set(['supprimer', 'prolonger']),
};

/** Ce qu'une écriture rend périmé : une entrée (clé) ou toute la famille (`cle` absente). */
export interface Peremption {
  readonly famille: Famille;
  readonly cle?: string;
}

/** Jeton pris avant une lecture SQL : la valeur lue n'est gardée que si rien ne l'a rendue périmée entre-temps. */
export interface Jeton {
  readonly famille: number;
  readonly cle: number;
}

export class CacheLectures {
  private readonly familles: Record<
    Famille,
    {
      entrees: Map<string, { valeur: unknown; jusquA: number }>;
      generation: number;
      generationsCles: Map<string, number>;
    }
  > = {
    comptes: { entrees: new Map(), generation: 0, generationsCles: new Map() },
    conventions: { entrees: new Map(), generation: 0, generationsCles: new Map() },
  };

  constructor(
    private readonly dureeMs = 2000,
    private readonly tailleMax = 10_000,
    private readonly maintenant: () => number = () => performance.now(),
  ) {}

  /** À prendre avant la lecture SQL de `cle` : `ecrire` refuse une valeur lue avant une écriture qui la touche. */
  jeton(famille: Famille, cle: string): Jeton {
    const f = this.familles[famille];
    return { famille: f.generation, cle: f.generationsCles.get(cle) ?? 0 };
  }

  lire(famille: Famille, cle: string): { valeur: unknown } | undefined {
    const { entrees } = this.familles[famille];
    const entree = entrees.get(cle);
    if (entree === undefined) return undefined;
    if (entree.jusquA <= this.maintenant()) {
      entrees.delete(cle);
      return undefined;
    }
    return entree;
  }

  ecrire(famille: Famille, cle: string, valeur: unknown, jeton: Jeton) {
    const f = this.familles[famille];
    // Une écriture survenue pendant la lecture SQL rend la valeur lue suspecte. Une absence n'est pas gardée
    // (une session ou une convention créée juste après doit être vue).
    if (jeton.famille !== f.generation || jeton.cle !== (f.generationsCles.get(cle) ?? 0)) return;
    if (valeur === undefined) return;
    if (f.entrees.size >= this.tailleMax) f.entrees.clear();
    f.entrees.set(cle, { valeur, jusquA: this.maintenant() + this.dureeMs });
  }

  /** Rend périmée une entrée (et toute lecture en cours de cette entrée). */
  oublier(famille: Famille, cle: string) {
    const f = this.familles[famille];
    if (f.generationsCles.size >= this.tailleMax) {
      // Compteurs bornés : les oublier tous revient à vider la famille (sûr).
      this.vider(famille);
      return;
    }
    f.generationsCles.set(cle, (f.generationsCles.get(cle) ?? 0) + 1);
    f.entrees.delete(cle);
  }

  /** Vide une famille, ou les deux. */
  vider(famille?: Famille) {
    for (const nom of famille === undefined ? (['comptes', 'conventions'] as const) : [famille]) {
      const f = this.familles[nom];
      f.generation++;
      f.generationsCles.clear();
      f.entrees.clear();
    }
  }

  perimer(p: Peremption) {
    if (p.cle === undefined) this.vider(p.famille);
    else this.oublier(p.famille, p.cle);
  }
}

/** Les lectures gardées en cache : (dépôt, méthode) → préfixe de clé. Un seul argument, la clé. */
const LECTURES_EN_CACHE: Readonly<Record<string, Readonly<Record<string, Famille>>>> = {
  sessions: { trouverAvecCompte: 'comptes' },
  conventions: { trouver: 'conventions' },
};

const estLecture = (nom: string): boolean => /^(lister|trouver|lire|par[A-Z]|compter|avenants$)/u.test(nom);

type Methode = (...args: unknown[]) => unknown;

function envelopper<T extends object>(
  nomDepot: string,
  depot: T,
  cache: CacheLectures,
  enTransaction: boolean,
  surEcriture: (peremption: Peremption) => void,
): T {
  const enCache = LECTURES_EN_CACHE[nomDepot] ?? {};
  const familleEcrite = familleDesEcritures(nomDepot);
  const ciblees = ECRITURES_CIBLEES[nomDepot];
  return new Proxy(depot, {
    get(cible, nom) {
      const valeur: unknown = Reflect.get(cible, nom, cible);
      if (typeof valeur !== 'function' || typeof nom !== 'string') return valeur;
      const methode = (valeur as Methode).bind(cible);
      const famille = enCache[nom];
      if (famille !== undefined && !enTransaction) {
        return async (cle: unknown) => {
          const k = String(cle);
          const connue = cache.lire(famille, k);
          if (connue !== undefined) return connue.valeur;
          const jeton = cache.jeton(famille, k);
          const lue = await methode(cle);
          cache.ecrire(famille, k, lue, jeton);
          return lue;
        };
      }
      if (estLecture(nom) || familleEcrite === undefined) return methode;
      return async (...args: unknown[]) => {
        const premier = args[0];
        const peremption: Peremption =
          ciblees?.has(nom) === true && (typeof premier === 'number' || typeof premier === 'string')
            ? { famille: familleEcrite, cle: String(premier) }
            : { famille: familleEcrite };
        surEcriture(peremption);
        cache.perimer(peremption);
        try {
          return await methode(...args);
        } finally {
          cache.perimer(peremption);
        }
      };
    },
  });
}

/**
 * Les dépôts, chacun derrière le cache. `enTransaction` : aucune lecture en cache (lire ses propres écritures) ;
 * `surEcriture` : appelé à chaque écriture (la persistance revide le cache après la validation).
 */
export function depotsAvecCache<D extends object>(
  depots: D,
  cache: CacheLectures,
  options: { enTransaction?: boolean; surEcriture?: (peremption: Peremption) => void } = {},
): D {
  const enTransaction = options.enTransaction ?? false;
  const surEcriture = options.surEcriture ?? (() => undefined);
  return Object.fromEntries(
    Object.entries(depots).map(([nom, depot]) => [
      nom,
      typeof depot === 'object' && depot !== null
        ? envelopper(nom, depot, cache, enTransaction, surEcriture)
        : depot,
    ]),
  ) as D;
}
