import type { Source } from '../source.ts';

/**
 * Modèles de tableaux financiers des cadres, avec leurs libellés officiels exacts : ils serviront à produire les
 * tableurs et documents aux formats des annexes. Un intitulé peut contenir des marques d'année remplacées par
 * `intitule(texte, exercice)` : `{n}` exercice, `{n-1}`, `{n-2}`, `{n+1}` ; `{aa}` exercice sur 2 chiffres.
 */

/** Colonnes « prévisionnel » de l'annexe 9, clés du format `jalon.convention/1` (spec convention-v1 § 1). */
export const CLES_PREVISIONNEL = [
  'etat',
  'report_etat',
  'cd',
  'valorisation_cd',
  'report_cd',
  'autres',
  'total',
] as const;
export type ClePrevisionnel = (typeof CLES_PREVISIONNEL)[number];

/** Colonnes « exécution » de l'annexe 9 (spec convention-v1 § 1). */
export const CLES_EXECUTION = ['realise', 'valorisation_cd', 'a_reporter_etat', 'a_reporter_cd'] as const;
export type CleExecution = (typeof CLES_EXECUTION)[number];

export type LettreColonne = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

export interface ColonneFinanciere<Cle extends string> {
  readonly cle: Cle;
  /** Lettre de la colonne dans l'annexe 9 ; absente pour les colonnes « dont » et celles de l'exécution. */
  readonly lettre?: LettreColonne;
  /** Intitulé officiel, sans la lettre, avec marques d'année. */
  readonly intitule: string;
  /** Colonne calculée : somme de ces colonnes (F = A+B+C+D+E, la valorisation étant « dont » C). */
  readonly somme?: readonly Cle[];
  /** Colonne « dont » : partie de la colonne désignée, jamais ajoutée au total. */
  readonly dontDe?: Cle;
  readonly source: Source;
}

/** Une ligne « thème » de l'annexe 9 : une mesure, suivie des lignes de ses actions puis d'un « Sous total ». */
export interface ThemeTableau {
  /** Code de la mesure (fichiers `mesures-*.ts`). */
  readonly mesure: string;
  /** Colonne « Thème de la contractualisation », texte officiel. */
  readonly theme: string;
  /** Colonne « Imputation chorus (code chorus - description longue) », texte officiel. */
  readonly imputationChorus: string;
  /** Code Chorus de la ligne, sans espace. */
  readonly codeChorus: string;
  /** Préfixe des numéros de fiche action du modèle (« 6 » pour 6.1, 6.2) ; absent si le modèle n'en donne pas. */
  readonly prefixeFiche?: string;
  readonly nature: 'socle' | 'initiative';
  /** `false` pour une ligne ajoutée par Jalon, absente du modèle officiel (INT-REFERENTIELS-4). */
  readonly officiel: boolean;
  readonly source: Source;
}

/** Libellés officiels des lignes de totaux de l'annexe 9. */
export interface LibellesTotaux {
  readonly sousTotal: string;
  readonly sousTotalSocle: string;
  readonly sousTotalInitiatives: string;
  readonly totaux: string;
  readonly totalControle: string;
}

export interface TableauFinancierCalpae {
  readonly nature: 'previsionnel' | 'execution';
  readonly titre: string;
  readonly sousTitre: string;
  /** « Exécution budgétaire {n} » / « Prévisionnel Année {n} ». */
  readonly intitule: string;
  /** En-têtes des colonnes descriptives, dans l'ordre. */
  readonly colonnesDescriptives: readonly string[];
  /** Colonnes A à F (et « dont valorisation » au prévisionnel). */
  readonly colonnesPrevisionnel: readonly ColonneFinanciere<ClePrevisionnel>[];
  /** Colonnes de l'exécution (vide pour le tableau prévisionnel). */
  readonly colonnesExecution: readonly ColonneFinanciere<CleExecution>[];
  /** Les thèmes dans l'ordre du modèle ; les initiatives départementales viennent après le sous-total socle. */
  readonly themes: readonly ThemeTableau[];
  readonly libellesTotaux: LibellesTotaux;
  /** `false` quand le texte du cadre ne donne pas ce tableau et qu'on reprend un autre modèle (INT-REFERENTIELS-3). */
  readonly officiel: boolean;
  readonly source: Source;
}

/** Une ligne d'un modèle France Travail (plan de financement ou bilan financier). */
export type LigneModeleFranceTravail =
  | { readonly type: 'section'; readonly libelle: string }
  | {
      readonly type: 'ligne';
      /** Colonne « Nature de dépenses » / « Nature de la dépense ». */
      readonly nature?: string;
      /** Colonne « Objet de la dépense » (plan de financement). */
      readonly objet?: string;
      /** Colonne « Précisions sur l'action / objet » (plan de financement). */
      readonly precision?: string;
      /** Type d'action France Travail correspondant (fichier `mesures-france-travail.ts`). */
      readonly mesure?: string;
      /** Ligne « pour info » (moyens de Pôle emploi, non financés par la convention). */
      readonly pourInformation?: boolean;
    }
  | { readonly type: 'total'; readonly libelle: string };

export interface ModeleVoletFranceTravail {
  readonly volet: 1 | 2 | 3;
  /** Lignes de titre du modèle, dans l'ordre (« Construction du plan de financement - VOLET 1 - … »). */
  readonly titres: readonly string[];
  /** Groupes d'en-têtes au-dessus des colonnes (« Etat des lieux de l'existant »…), s'il y en a. */
  readonly groupesColonnes: readonly { readonly libelle: string; readonly colonnes: readonly string[] }[];
  readonly colonnes: readonly string[];
  readonly lignes: readonly LigneModeleFranceTravail[];
  readonly source: Source;
}

export interface ModelesFinanciersFranceTravail {
  readonly planFinancement: readonly ModeleVoletFranceTravail[];
  readonly bilanFinancier: readonly ModeleVoletFranceTravail[];
}

/** Modèles financiers d'un cadre, selon sa famille. */
export type ModelesFinanciers =
  | {
      readonly famille: 'calpae';
      readonly previsionnel: TableauFinancierCalpae;
      readonly execution: TableauFinancierCalpae;
    }
  | ({ readonly famille: 'france_travail' } & ModelesFinanciersFranceTravail);
