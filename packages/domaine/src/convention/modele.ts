import type { Cadre, Mesure, Volet } from '@jalon/referentiels';
import type { Centimes } from '../montant.ts';
import type { COLONNES_EXECUTION, COLONNES_PREVISIONNEL, NatureDepense } from './schema.ts';

/**
 * Modèle financier d'une convention, montants en centimes (spec convention-v1 § 1). Les colonnes gardent les
 * noms du format d'échange, qui sont ceux de l'annexe 9 (001) : A `etat`, B `report_etat`, C `cd` (dont
 * `valorisation_cd`), D `report_cd`, E `autres`.
 */
export type Previsionnel = Record<(typeof COLONNES_PREVISIONNEL)[number], Centimes>;
export type Execution = Record<(typeof COLONNES_EXECUTION)[number], Centimes>;

export interface ActionFinanciere {
  /** Rang de l'action dans le document (ordre des contrôles). */
  readonly rang: number;
  readonly numero: string;
  readonly intitule: string;
  /** Code de mesure tel que saisi. */
  readonly codeMesure: string;
  /** Mesure du cadre ; absente si le code est inconnu du cadre (ou, France Travail, du volet de l'action). */
  readonly mesure: Mesure | undefined;
  readonly volet: Volet | undefined;
  readonly codeChorus: string | undefined;
  readonly natureDepense: NatureDepense | undefined;
  /** Montants invalides comptés pour 0 (spec : contrôle MONTANT_INVALIDE). */
  readonly previsionnel: Previsionnel;
  readonly execution: Execution | undefined;
  /** Absent (ou invalide) : la règle « action sans dépense » n'est pas jugée. */
  readonly realiseExercicePrecedent: Centimes | undefined;
  readonly justification: string;
  readonly valideeParCommissaire: boolean;
}

/** Un montant illisible : négatif, non numérique ou à plus de deux décimales. */
export interface MontantInvalide {
  /** Numéro de l'action ; absent pour `enveloppe_etat`. */
  readonly numero: string | undefined;
  readonly chemin: string;
  readonly raison: string;
}

export interface ConventionFinanciere {
  readonly cadre: Cadre;
  readonly exercice: number;
  readonly regime: 'civil' | 'glissant';
  readonly dureeMois: 12 | 6;
  /** Absente si `enveloppe_etat` est invalide. */
  readonly enveloppeEtat: Centimes | undefined;
  readonly actions: readonly ActionFinanciere[];
  readonly montantsInvalides: readonly MontantInvalide[];
}
