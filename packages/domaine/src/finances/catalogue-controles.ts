import { CODES_CADRE, type CodeCadre } from '@jalon/referentiels';

/**
 * Catalogue des contrôles financiers, en données (spec convention-v1 § 3). L'ordre du catalogue est l'ordre
 * de sortie des contrôles. `source` reprend à l'identique la colonne « source » de la spec.
 */
export const CODES_CONTROLE = [
  'MONTANT_INVALIDE',
  'MESURE_INCONNUE',
  'IMPUTATION_CHORUS',
  'VALORISATION_SUPERIEURE_CD',
  'PARITE_ACTION',
  'PARITE_CONVENTION',
  'VALORISATION_PLAFOND',
  'VALORISATION_JUSTIFIEE',
  'ENVELOPPE_DEPASSEE',
  'ACTION_SANS_DEPENSE',
  'NUMERIQUE_PLAFOND',
  'FONGIBILITE_ASYMETRIQUE',
  'REPORT_AU_DELA_CONVENTION',
  'COFINANCEMENT_VOLET2',
  'FONGIBILITE_VOLETS',
  'DEPENSE_INELIGIBLE',
] as const;
export type CodeControle = (typeof CODES_CONTROLE)[number];

export type Gravite = 'bloquant' | 'alerte';

export interface EntreeCatalogue {
  readonly code: CodeControle;
  readonly gravite: Gravite;
  /** Cadres où le contrôle s'applique. */
  readonly cadres: readonly CodeCadre[];
  readonly source: string;
  readonly description: string;
}

/** « CALPAE » = les trois cadres CALPAE ; « CALPAE 2023 » = calpae-2023 seul (INT-FINANCES-2). */
const TOUS: readonly CodeCadre[] = CODES_CADRE;
const CALPAE: readonly CodeCadre[] = ['calpae-2020', 'calpae-2022', 'calpae-2023'];
const CALPAE_2023: readonly CodeCadre[] = ['calpae-2023'];
const FRANCE_TRAVAIL: readonly CodeCadre[] = ['france-travail-2024'];

export const SOURCE_CADRE = 'cadre';

export const CATALOGUE_CONTROLES: readonly EntreeCatalogue[] = [
  {
    code: 'MONTANT_INVALIDE',
    gravite: 'bloquant',
    cadres: TOUS,
    source: '—',
    description: 'montant négatif, non numérique ou à plus de deux décimales',
  },
  {
    code: 'MESURE_INCONNUE',
    gravite: 'bloquant',
    cadres: TOUS,
    source: SOURCE_CADRE,
    description: 'mesure absente du cadre (France Travail : ou absente du volet de l’action)',
  },
  {
    code: 'IMPUTATION_CHORUS',
    gravite: 'bloquant',
    cadres: CALPAE,
    source: '001 · annexe 10',
    description:
      'code Chorus différent de celui de la mesure (accès aux droits 2023 : l’un des codes 0304501919 02, 03, 04)',
  },
  {
    code: 'VALORISATION_SUPERIEURE_CD',
    gravite: 'bloquant',
    cadres: TOUS,
    source: '—',
    description: 'valorisation supérieure aux crédits CD de l’action',
  },
  {
    code: 'PARITE_ACTION',
    gravite: 'bloquant',
    cadres: CALPAE,
    source: '001 · annexe 4',
    description:
      'par action, crédits CD de l’exercice (C) inférieurs aux crédits État (A) ; les actions mobilite en sont exemptées',
  },
  {
    code: 'PARITE_CONVENTION',
    gravite: 'bloquant',
    cadres: CALPAE,
    source: '001 · annexe 4',
    description:
      'sur la convention, somme des C inférieure à la somme des A (actions mobilite exclues des deux sommes)',
  },
  {
    code: 'VALORISATION_PLAFOND',
    gravite: 'bloquant',
    cadres: CALPAE,
    source: '001 · annexe 4',
    description: 'valorisation supérieure à 50 % des crédits CD de l’action',
  },
  {
    code: 'VALORISATION_JUSTIFIEE',
    gravite: 'alerte',
    cadres: CALPAE,
    source: '001 · annexe 4',
    description: 'valorisation non nulle sans justification',
  },
  {
    code: 'ENVELOPPE_DEPASSEE',
    gravite: 'bloquant',
    cadres: TOUS,
    source: '001 · annexe 7 art. 2.2 ; 003 · annexe 7 art. 4.1',
    description: 'somme des crédits État (A) supérieure à enveloppe_etat',
  },
  {
    code: 'ACTION_SANS_DEPENSE',
    gravite: 'bloquant',
    cadres: CALPAE_2023,
    source: '001 · annexe 4',
    description:
      'action sans dépense l’exercice précédent dotée de crédits État sans justification et validation du commissaire',
  },
  {
    code: 'NUMERIQUE_PLAFOND',
    gravite: 'bloquant',
    cadres: CALPAE_2023,
    source: '001 · annexe 1 § 4',
    description: 'crédits État des actions numerique_insertion au-delà de 100 000 € au total',
  },
  {
    code: 'FONGIBILITE_ASYMETRIQUE',
    gravite: 'bloquant',
    cadres: CALPAE,
    source: '001 · annexe 4',
    description:
      'à l’exécution, dépassement d’une mesure socle non couvert par la sous-consommation des initiatives, ou initiatives au-delà de leur prévisionnel',
  },
  {
    code: 'REPORT_AU_DELA_CONVENTION',
    gravite: 'alerte',
    cadres: CALPAE_2023,
    source: '001 · annexe 7 art. 5',
    description: 'montant à reporter non nul alors que l’exercice est le dernier de la convention',
  },
  {
    code: 'COFINANCEMENT_VOLET2',
    gravite: 'bloquant',
    cadres: FRANCE_TRAVAIL,
    source: '003 · III.2 ; annexe 7 art. 3.3',
    description: 'part CD inférieure à 50 % du coût total des actions du volet 2',
  },
  {
    code: 'FONGIBILITE_VOLETS',
    gravite: 'bloquant',
    cadres: FRANCE_TRAVAIL,
    source: '003 · III.2',
    description: 'à l’exécution, crédits État consommés sur un volet au-delà de ce qui y était alloué',
  },
  {
    code: 'DEPENSE_INELIGIBLE',
    gravite: 'bloquant',
    cadres: FRANCE_TRAVAIL,
    source: '003 · annexe 7 art. 4.2 ; annexe 2 § 3.a ; II.2',
    description: 'nature de dépense non éligible au financement de l’État',
  },
];

/**
 * La source telle que l'écrit la colonne « source » de la spec (convention-v1 § 3), à l'identique : d'autres outils
 * comparent ce champ. Pour `MESURE_INCONNUE`, « cadre » renvoie au référentiel du cadre de la convention, que le
 * message nomme.
 */
export function sourceDuControle(entree: EntreeCatalogue, _cadre: CodeCadre): string {
  return entree.source;
}

export function entreeCatalogue(code: CodeControle): EntreeCatalogue {
  const entree = CATALOGUE_CONTROLES.find((candidate) => candidate.code === code);
  if (entree === undefined) throw new Error(`Contrôle absent du catalogue : ${code}`);
  return entree;
}
