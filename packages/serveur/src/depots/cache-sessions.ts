import type { DepotSessions, DepotUtilisateurs } from './ports.ts';

type SessionEtCompte = Awaited<ReturnType<DepotSessions['trouverAvecCompte']>>;

/**
 * Cache mémoire, de très courte durée, de la lecture « session + compte » faite à CHAQUE requête HTTP
 * (INT-PLATEFORME-12). Sur PGlite, une requête SQL coûte environ 0,7 ms : la lecture de la session représentait
 * la moitié du temps d'un `GET /api/conventions/{id}` servi depuis le cache de contenu.
 *
 * Sûreté : toute écriture passée par ce processus sur les sessions ou les comptes (connexion, déconnexion,
 * rotation, purge, changement de rôle…) vide le cache avant ET après l'écriture ; l'expiration de la session
 * reste vérifiée à chaque requête par l'appelant (`expireLe`). Un autre processus branché sur le même
 * PostgreSQL ne voit une déconnexion qu'après au plus `dureeMs` (2 s par défaut) : c'est le seul écart.
 */
export class CacheSessions {
  private readonly entrees = new Map<string, { valeur: SessionEtCompte; jusquA: number }>();

  constructor(
    private readonly dureeMs = 2000,
    private readonly tailleMax = 10_000,
    private readonly maintenant: () => number = () => performance.now(),
  ) {}

  lire(empreinte: string): SessionEtCompte | undefined {
    const entree = this.entrees.get(empreinte);
    if (entree === undefined) return undefined;
    if (entree.jusquA <= this.maintenant()) {
      this.entrees.delete(empreinte);
      return undefined;
    }
    return entree.valeur;
  }

  ecrire(empreinte: string, valeur: SessionEtCompte, generation: number) {
    // Une écriture survenue pendant la lecture SQL rend la valeur lue suspecte : on ne la garde pas.
    if (generation !== this.generation || valeur === undefined) return;
    if (this.entrees.size >= this.tailleMax) this.entrees.clear();
    this.entrees.set(empreinte, { valeur, jusquA: this.maintenant() + this.dureeMs });
  }

  /** Compteur d'écritures : `ecrire` refuse une valeur lue avant la dernière écriture. */
  generation = 0;

  vider() {
    this.generation++;
    this.entrees.clear();
  }
}

const LECTURES_SESSIONS = new Set<PropertyKey>(['trouver', 'trouverAvecCompte']);
const LECTURES_UTILISATEURS = new Set<PropertyKey>(['parIdentifiant', 'parId', 'compter', 'lister']);

/**
 * Enveloppe un dépôt : les méthodes de lecture passent telles quelles, toute autre méthode (écriture, présente
 * ou future) vide le cache avant et après. Un Proxy plutôt qu'une classe : une méthode ajoutée au port plus tard
 * est couverte sans qu'on pense à la recopier ici.
 */
function envelopper<T extends object>(
  depot: T,
  lectures: ReadonlySet<PropertyKey>,
  cache: CacheSessions,
  surEcriture: () => void,
): T {
  return new Proxy(depot, {
    get(cible, nom) {
      const valeur: unknown = Reflect.get(cible, nom, cible);
      if (typeof valeur !== 'function') return valeur;
      const methode = valeur as (...args: unknown[]) => unknown;
      if (lectures.has(nom)) return methode.bind(cible);
      return async (...args: unknown[]) => {
        surEcriture();
        cache.vider();
        try {
          return await methode.apply(cible, args);
        } finally {
          cache.vider();
        }
      };
    },
  });
}

/**
 * `surEcriture` : appelé à chaque écriture ; dans une transaction, la persistance s'en sert pour vider le cache
 * encore une fois APRÈS la validation (une lecture concurrente a pu y remettre l'état d'avant).
 */
export function sessionsAvecCache<T extends Pick<DepotSessions, 'trouverAvecCompte'>>(
  depot: T,
  cache: CacheSessions,
  surEcriture: () => void = () => undefined,
): T {
  const enveloppe = envelopper(depot, LECTURES_SESSIONS, cache, surEcriture);
  return new Proxy(enveloppe, {
    get(cible, nom) {
      if (nom !== 'trouverAvecCompte') return Reflect.get(cible, nom, cible) as unknown;
      return async (empreinte: string): Promise<SessionEtCompte> => {
        const connue = cache.lire(empreinte);
        if (connue !== undefined) return connue;
        const generation = cache.generation;
        const lue = await depot.trouverAvecCompte(empreinte);
        cache.ecrire(empreinte, lue, generation);
        return lue;
      };
    },
  });
}

export function utilisateursAvecCache<T extends Partial<DepotUtilisateurs>>(
  depot: T,
  cache: CacheSessions,
  surEcriture: () => void = () => undefined,
): T {
  return envelopper(depot, LECTURES_UTILISATEURS, cache, surEcriture);
}
