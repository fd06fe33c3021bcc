/**
 * Cache mémoire, de très courte durée, des deux lectures faites à CHAQUE requête sur une convention : la session
 * avec son compte (`sessions.trouverAvecCompte`) et la convention elle-même (`conventions.trouver`, droits et
 * version) — INT-PLATEFORME-8. Sur PGlite, une requête SQL coûte 0,7 à 2 ms selon la charge : c'était l'essentiel
 * du temps d'un `GET /api/conventions/{id}` servi depuis le cache de contenu (`cas/cache-analyse.ts`).
 *
 * Sûreté, par construction plutôt que par liste :
 * - toute méthode d'un dépôt qui n'est pas une lecture (nom en `lister…`, `trouver…`, `lire…`, `par…`,
 *   `compter…`, `avenants`) est tenue pour une écriture et vide, avant et après, la famille de son dépôt
 *   (comptes ou conventions, voir `Famille`) ; une méthode ajoutée plus tard au port est donc couverte ;
 * - une transaction qui a écrit vide encore le cache APRÈS sa validation (une lecture concurrente a pu y
 *   remettre l'état d'avant) ; les lectures faites DANS une transaction ne passent jamais par le cache ;
 * - une valeur lue pendant qu'une écriture passait n'est pas gardée (compteur de générations).
 * Le seul écart : un AUTRE processus branché sur le même PostgreSQL voit une écriture (déconnexion, changement
 * de statut) avec au plus `dureeMs` de retard (2 s). Avec PGlite, un seul processus tient la base (verrou).
 */
/**
 * Deux familles, invalidées séparément : les comptes (session et compte, changés par les dépôts `sessions`,
 * `utilisateurs`, `identites`) et les conventions (changées par tout autre dépôt). Écrire une fiche ne fait donc
 * pas relire la session de chacun ; une connexion ne fait pas relire les conventions.
 */
export type Famille = 'comptes' | 'conventions';
const DEPOTS_DES_COMPTES = new Set(['sessions', 'utilisateurs', 'identites']);
export const familleDesEcritures = (nomDepot: string): Famille =>
  DEPOTS_DES_COMPTES.has(nomDepot) ? 'comptes' : 'conventions';

export class CacheLectures {
  private readonly familles: Record<
    Famille,
    { entrees: Map<string, { valeur: unknown; jusquA: number }>; generation: number }
  > = {
    comptes: { entrees: new Map(), generation: 0 },
    conventions: { entrees: new Map(), generation: 0 },
  };

  constructor(
    private readonly dureeMs = 2000,
    private readonly tailleMax = 10_000,
    private readonly maintenant: () => number = () => performance.now(),
  ) {}

  /** Compteur d'écritures de la famille : `ecrire` refuse une valeur lue avant la dernière écriture. */
  generation(famille: Famille): number {
    return this.familles[famille].generation;
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

  ecrire(famille: Famille, cle: string, valeur: unknown, generation: number) {
    const f = this.familles[famille];
    // Une écriture survenue pendant la lecture SQL rend la valeur lue suspecte. Une absence n'est pas gardée
    // (une session ou une convention créée juste après doit être vue).
    if (generation !== f.generation || valeur === undefined) return;
    if (f.entrees.size >= this.tailleMax) f.entrees.clear();
    f.entrees.set(cle, { valeur, jusquA: this.maintenant() + this.dureeMs });
  }

  /** Vide une famille, ou les deux. */
  vider(famille?: Famille) {
    for (const nom of famille === undefined ? (['comptes', 'conventions'] as const) : [famille]) {
      this.familles[nom].generation++;
      this.familles[nom].entrees.clear();
    }
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
  surEcriture: (famille: Famille) => void,
): T {
  const enCache = LECTURES_EN_CACHE[nomDepot] ?? {};
  const familleEcrite = familleDesEcritures(nomDepot);
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
          const generation = cache.generation(famille);
          const lue = await methode(cle);
          cache.ecrire(famille, k, lue, generation);
          return lue;
        };
      }
      if (estLecture(nom)) return methode;
      return async (...args: unknown[]) => {
        surEcriture(familleEcrite);
        cache.vider(familleEcrite);
        try {
          return await methode(...args);
        } finally {
          cache.vider(familleEcrite);
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
  options: { enTransaction?: boolean; surEcriture?: (famille: Famille) => void } = {},
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
