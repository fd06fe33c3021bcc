/**
 * États d'une convention (issue 6 § 1), dans l'ordre du parcours annuel : négociée (001 · I.3 ; 003 · III.4.b),
 * fiches actions validées conjointement (001 · annexe 4 § 2), délibérée (001 · annexe 4 § 2 « délibération en
 * commission permanente ou assemblée délibérante » ; 003 · III.4.c), signée (001 · annexe 7 ; 003 · III.4.b),
 * exécutée, rapport d'exécution ou bilan final déposé (001 · annexe 4 § 1 ; 003 · annexe 7 art. 3.2), analysée
 * (note du commissaire, 001 · annexe 4 § 2 ; bilan final de l'État, 003 · III.3), clôturée.
 */
export const ETATS_CONVENTION = [
  'brouillon',
  'en_negociation',
  'validee_conjointement',
  'deliberee',
  'signee',
  'en_execution',
  'rapport_depose',
  'analysee',
  'cloturee',
] as const;
export type EtatConvention = (typeof ETATS_CONVENTION)[number];

/** États d'un avenant (001 · annexe 4 § 2 ; 000 · annexe 5 § 2) : négocié, validé, délibéré, signé. */
export const ETATS_AVENANT = ['en_negociation', 'validee_conjointement', 'deliberee', 'signee'] as const;
export type EtatAvenant = (typeof ETATS_AVENANT)[number];

export const rangEtat = (etat: EtatConvention): number => ETATS_CONVENTION.indexOf(etat);
