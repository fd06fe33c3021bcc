/**
 * Freins périphériques nommés par les textes, rattachés aux catégories de thématiques data·inclusion
 * (INT-OFFRE-6 pour le rattachement). Ce sont des données : un frein de plus = une entrée de plus.
 */

export interface Frein {
  readonly code: string;
  readonly libelle: string;
  /** Catégories de thématiques (`data/derived/categories-thematiques.derived.json`) qui y répondent. */
  readonly categories: readonly string[];
  readonly source: string;
}

export const FREINS: readonly Frein[] = [
  {
    code: 'mobilite',
    libelle: 'Mobilité',
    categories: ['mobilite'],
    source: '001 · annexe 1 § 3 et 3.1 ; 003 · annexe 2 § 2 et 2.c',
  },
  {
    code: 'garde-enfants-famille',
    libelle: 'Garde d’enfants / famille',
    categories: ['famille'],
    source:
      '001 · annexe 1 § 3 et 3.2 (accueil du jeune enfant) ; 003 · annexe 2 § 2.a ; 003 · annexe 3 (« Garde d’enfants, problématiques familiales »)',
  },
  {
    code: 'sante',
    libelle: 'Santé',
    categories: ['sante'],
    source: '001 · annexe 1 § 3 et 3.2 ; 003 · annexe 2 § 2.b',
  },
  {
    code: 'logement',
    libelle: 'Logement',
    categories: ['logement-hebergement'],
    source:
      '001 · annexe 1 § 3 et 3.2 ; 003 · annexe 3 (« Logement (RDV avec un référent SIAO, démarche AVDL, sollicitation du FSL…) »)',
  },
];

/**
 * Programmation hebdomadaire visée pour les parcours intensifs : « au moins quinze heures d'actions de formation,
 * d'accompagnement et d'appui » (003 · II volet 2 et annexe 2 ; annexe 3 « 15 heures par semaine »).
 */
export const HEURES_HEBDOMADAIRES_INTENSIF = 15;
