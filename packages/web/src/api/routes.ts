/** Chemins de l'API (packages/web/BESOINS-API.md) : un seul endroit à changer si le serveur les renomme. */
export const ROUTES = {
  session: '/api/session',
  collectivites: '/api/collectivites',
  conventions: (filtres: Readonly<Record<string, string | undefined>> = {}): string => {
    const parametres = new URLSearchParams(
      Object.entries(filtres).filter(
        (entree): entree is [string, string] => entree[1] !== undefined && entree[1] !== '',
      ),
    ).toString();
    return `/api/conventions${parametres === '' ? '' : `?${parametres}`}`;
  },
  convention: (id: number): string => `/api/conventions/${id}`,
  lignesFinancieres: (id: number): string => `/api/conventions/${id}/lignes-financieres`,
  fiches: (id: number): string => `/api/conventions/${id}/fiches`,
  fiche: (id: number, ficheId: number): string => `/api/conventions/${id}/fiches/${ficheId}`,
  depot: (id: number): string => `/api/conventions/${id}/depot`,
  indicateurs: (id: number): string => `/api/conventions/${id}/indicateurs`,
  importIndicateurs: (id: number): string => `/api/conventions/${id}/indicateurs/import`,
  historique: (id: number): string => `/api/conventions/${id}/historique`,
  franceTravail: (id: number): string => `/api/conventions/${id}/france-travail`,
} as const;
