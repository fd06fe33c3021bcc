/** Chemins de l'API des données réelles (docs/donnees-reelles.md § 4). */
export const ROUTES_DONNEES = {
  televersement: (id: number): string => `/api/conventions/${id}/donnees`,
  imports: (id: number): string => `/api/conventions/${id}/donnees/imports`,
  explication: (id: number, importId: number, indicateur: string): string =>
    `/api/conventions/${id}/donnees/imports/${importId}/explications/${encodeURIComponent(indicateur)}`,
  profils: (collectivite: string): string => `/api/collectivites/${encodeURIComponent(collectivite)}/profils`,
  profil: (collectivite: string, id: number): string =>
    `/api/collectivites/${encodeURIComponent(collectivite)}/profils/${id}`,
  apercu: (collectivite: string): string =>
    `/api/collectivites/${encodeURIComponent(collectivite)}/profils/apercu`,
} as const;
