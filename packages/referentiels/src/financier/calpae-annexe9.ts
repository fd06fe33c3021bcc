import type {
  ClePrevisionnel,
  CleExecution,
  ColonneFinanciere,
  LibellesTotaux,
  ThemeTableau,
} from './types.ts';

/**
 * Modèles de l'annexe 9 de 001 (« Tableau financier récapitulatif ») : exécution budgétaire 2022 et
 * prévisionnel 2023. Libellés recopiés du texte, années remplacées par des marques (`{n}` = exercice).
 */
const SOURCE_EXECUTION = '001 · annexe 9 (exécution budgétaire 2022)';
const SOURCE_PREVISIONNEL = '001 · annexe 9 (prévisionnel 2023)';

export const TITRE_EXECUTION = 'ANNEXE 9 - TABLEAU FINANCIER RECAPITULATIF';
export const TITRE_PREVISIONNEL = 'ANNEXE 9- TABLEAU FINANCIER RECAPITULATIF PREVISIONNEL';
export const SOUS_TITRE_EXECUTION =
  "CONVENTION D'APPUI À LA LUTTE CONTRE LA PAUVRETÉ ET D'ACCÈS À L'EMPLOI - Région xxx - Département du xxx";
export const SOUS_TITRE_PREVISIONNEL =
  "CONVENTION D'APPUI À LA LUTTE CONTRE LA PAUVRETÉ ET D'ACCÈS A L'EMPLOI - Région xxx - Département du xxx";
export const INTITULE_EXECUTION = 'Exécution budgétaire {n}';
export const INTITULE_PREVISIONNEL = 'Prévisionnel Année {n}';

/** Le modèle d'exécution ajoute en italique « une ligne par action financée » sous « Intitulé de l'action ». */
export const COLONNES_DESCRIPTIVES = [
  'Thème de la contractualisation',
  'Imputation chorus (code chorus - description longue)',
  'Fiche action N°',
  "Intitulé de l'action",
] as const;

/** F = A+B+C+D+E ; la valorisation est une partie (« dont ») de C et n'entre pas dans la somme (001 · annexe 9). */
export const FORMULE_F: readonly ClePrevisionnel[] = ['etat', 'report_etat', 'cd', 'report_cd', 'autres'];

export const COLONNES_A_F_EXECUTION: readonly ColonneFinanciere<ClePrevisionnel>[] = [
  { cle: 'etat', lettre: 'A', intitule: 'Crédits Etats versés en {n}', source: SOURCE_EXECUTION },
  {
    cle: 'report_etat',
    lettre: 'B',
    intitule: 'Crédits Etat {n-1} (le cas échéant {n-2}) reportés sur {n} (le cas échéant)',
    source: SOURCE_EXECUTION,
  },
  { cle: 'cd', lettre: 'C', intitule: 'Crédits CD affectés en {n}', source: SOURCE_EXECUTION },
  {
    cle: 'report_cd',
    lettre: 'D',
    intitule: 'Crédits CD {n-1} (le cas échéant {n-2}) reprogrammés sur {n} (le cas échéant)',
    source: SOURCE_EXECUTION,
  },
  {
    cle: 'autres',
    lettre: 'E',
    intitule: "Participation d'autres financeurs le cas échéant",
    source: SOURCE_EXECUTION,
  },
  {
    cle: 'total',
    lettre: 'F',
    intitule: "Budget global de l'action prévu en {n} A+B+C+D+E",
    somme: FORMULE_F,
    source: SOURCE_EXECUTION,
  },
];

export const COLONNES_EXECUTION: readonly ColonneFinanciere<CleExecution>[] = [
  { cle: 'realise', intitule: 'Montant total réalisé au 31/12/{n} ou 30/06/{n+1}', source: SOURCE_EXECUTION },
  {
    cle: 'valorisation_cd',
    intitule: 'Dont valorisation de dépenses du CD',
    dontDe: 'realise',
    source: SOURCE_EXECUTION,
  },
  { cle: 'a_reporter_etat', intitule: 'Montant à reporter en {n+1} - Part Etat', source: SOURCE_EXECUTION },
  { cle: 'a_reporter_cd', intitule: 'Montant à reporter en {n+1} - Part CD', source: SOURCE_EXECUTION },
];

export const COLONNES_PREVISIONNEL: readonly ColonneFinanciere<ClePrevisionnel>[] = [
  {
    cle: 'etat',
    lettre: 'A',
    intitule: 'Participation État notifiée pour la convention {n} (nouveaux crédits Etat {n})',
    source: SOURCE_PREVISIONNEL,
  },
  {
    cle: 'report_etat',
    lettre: 'B',
    intitule: 'Crédits Etat {n-1} reportés sur {n} (le cas échéant)',
    source: SOURCE_PREVISIONNEL,
  },
  {
    cle: 'cd',
    lettre: 'C',
    intitule: 'Crédits CD affectés pour la convention {n}',
    source: SOURCE_PREVISIONNEL,
  },
  { cle: 'valorisation_cd', intitule: 'Dont valorisation CD', dontDe: 'cd', source: SOURCE_PREVISIONNEL },
  {
    cle: 'report_cd',
    lettre: 'D',
    intitule: 'Crédits CD {n-1} reportés sur {n} (le cas échéant)',
    source: SOURCE_PREVISIONNEL,
  },
  {
    cle: 'autres',
    lettre: 'E',
    intitule: "Participation d'autres financeurs le cas échéant",
    source: SOURCE_PREVISIONNEL,
  },
  {
    cle: 'total',
    lettre: 'F',
    intitule: "Budget global de l'action prévu en {n} (A+B+C+D+E)",
    somme: FORMULE_F,
    source: SOURCE_PREVISIONNEL,
  },
];

export const LIBELLES_TOTAUX_EXECUTION: LibellesTotaux = {
  sousTotal: 'Sous total',
  sousTotalSocle: 'Sous-total engagements de mesures socle',
  sousTotalInitiatives: "Sous total engagements à l'initiative du département",
  totaux: 'TOTAUX FINANCIERS',
  totalControle: 'Total de contrôle',
};

export const LIBELLES_TOTAUX_PREVISIONNEL: LibellesTotaux = {
  ...LIBELLES_TOTAUX_EXECUTION,
  sousTotalSocle: 'Sous-total engagements des mesures socle',
};

const IMPUTATION = {
  maraudes: '0304 50 19 19 05 - Maraudes Etat (sans abri) / conseil départemental (ASE)',
  preventionSpecialisee: '0304 50 19 19 06 - Soutien à des actions de prévention spécialisée',
  formation: '0304 50 19 19 02 - Formation travail social CD contract',
  accueil: '0304 50 19 19 03 - 1er accueil social inconditionnel',
  referents: '0304 50 19 19 04 - Référents de parcours',
  insertion: "0304 50 19 19 07 - Garantie d'activité et insertion des BRSA",
  initiatives: '0304 50 19 19 10 - Initiatives locales',
} as const;

const REFONDER = 'Refonder et revaloriser le travail social au service de toutes les familles';

type Theme = Omit<ThemeTableau, 'officiel' | 'source'>;

const MARAUDES: Theme = {
  mesure: 'maraudes_mixtes',
  theme: 'Maraudes mixtes (le cas échéant)',
  imputationChorus: IMPUTATION.maraudes,
  codeChorus: '030450191905',
  nature: 'socle',
};
const PREVENTION: Theme = {
  mesure: 'prevention_specialisee',
  theme: 'Prévention spécialisée (le cas échéant)',
  imputationChorus: IMPUTATION.preventionSpecialisee,
  codeChorus: '030450191906',
  nature: 'socle',
};
const FORMATION: Theme = {
  mesure: 'formation_travailleurs_sociaux',
  theme: 'Mise en place du plan de formation des travailleurs sociaux des conseils départementaux',
  imputationChorus: IMPUTATION.formation,
  codeChorus: '030450191902',
  prefixeFiche: '6',
  nature: 'socle',
};
const ACCUEIL: Theme = {
  mesure: 'premier_accueil_social',
  theme: `${REFONDER} – Premier accueil social inconditionnel de proximité`,
  imputationChorus: IMPUTATION.accueil,
  codeChorus: '030450191903',
  prefixeFiche: '2',
  nature: 'socle',
};
const REFERENTS: Theme = {
  mesure: 'referents_parcours',
  theme: `${REFONDER} – Référent de parcours`,
  imputationChorus: IMPUTATION.referents,
  codeChorus: '030450191904',
  prefixeFiche: '3',
  nature: 'socle',
};
const ORIENTATION: Theme = {
  mesure: 'insertion_orientation',
  theme: 'Insertion des allocataires du RSA – Orientation et parcours des allocataires',
  imputationChorus: IMPUTATION.insertion,
  codeChorus: '030450191907',
  prefixeFiche: '4',
  nature: 'socle',
};
const GARANTIE: Theme = {
  mesure: 'garantie_activite',
  theme: "Insertion des allocataires du RSA – Garantie d'activité",
  imputationChorus: IMPUTATION.insertion,
  codeChorus: '030450191907',
  prefixeFiche: '5',
  nature: 'socle',
};
const MOBILITE: Theme = {
  mesure: 'mobilite',
  theme: "Développer la mobilité des demandeurs d'emploi",
  imputationChorus: IMPUTATION.insertion,
  codeChorus: '030450191907',
  prefixeFiche: '7',
  nature: 'socle',
};
const INITIATIVES: Theme = {
  mesure: 'initiatives_departementales',
  theme: "Engagements à l'initiative du département",
  imputationChorus: IMPUTATION.initiatives,
  codeChorus: '030450191910',
  nature: 'initiative',
};

const officiel =
  (source: string) =>
  (theme: Theme): ThemeTableau => ({ ...theme, officiel: true, source });

/** Ordre des thèmes du tableau d'exécution 2022 (001 · annexe 9). */
export const THEMES_EXECUTION: readonly ThemeTableau[] = [
  MARAUDES,
  PREVENTION,
  FORMATION,
  ACCUEIL,
  REFERENTS,
  ORIENTATION,
  GARANTIE,
  MOBILITE,
  INITIATIVES,
].map(officiel(SOURCE_EXECUTION));

/** Ordre des thèmes du tableau prévisionnel 2023 : accueil et référents « (le cas échéant) », formation après GA. */
export const THEMES_PREVISIONNEL: readonly ThemeTableau[] = [
  MARAUDES,
  PREVENTION,
  { ...ACCUEIL, theme: `${ACCUEIL.theme} (le cas échéant)` },
  { ...REFERENTS, theme: `${REFERENTS.theme} (le cas échéant)` },
  ORIENTATION,
  GARANTIE,
  FORMATION,
  MOBILITE,
  INITIATIVES,
].map(officiel(SOURCE_PREVISIONNEL));
