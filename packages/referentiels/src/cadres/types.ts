import type { Source } from '../source.ts';
import type { Echeance, Regime } from '../calendrier/types.ts';
import type { CodeReferentielChorus } from '../chorus/types.ts';
import type { ModelesFinanciers } from '../financier/types.ts';
import type { DelaiOrientation, Indicateur } from '../indicateurs/types.ts';
import type { OuvertureContractualisation } from '../territoires/types.ts';

export const CODES_CADRE = ['calpae-2020', 'calpae-2022', 'calpae-2023', 'france-travail-2024'] as const;
export type CodeCadre = (typeof CODES_CADRE)[number];

export type FamilleCadre = 'calpae' | 'france_travail';
export type Volet = 1 | 2 | 3;

/** Une mesure (CALPAE) ou un type d'action d'un volet (France Travail) d'un cadre annuel. */
export interface Mesure {
  readonly code: string;
  readonly libelle: string;
  /** `socle` : engagement commun ; `initiative` : engagement à l'initiative du département (CALPAE). */
  readonly nature: 'socle' | 'initiative';
  /** Code d'activité Chorus attendu pour l'imputation (CALPAE). */
  readonly codeChorus?: string;
  /** Codes Chorus admis quand plusieurs le sont (accès aux droits 2023 : 001 · annexe 10). */
  readonly codesChorusAdmis?: readonly string[];
  /** Volets France Travail où la mesure peut figurer. */
  readonly volets?: readonly Volet[];
  /** Exemptée de la parité État / département (actions de mobilité : 001 · annexe 4). */
  readonly exempteeParite?: boolean;
  readonly source: Source;
}

export interface Cadre {
  readonly code: CodeCadre;
  readonly famille: FamilleCadre;
  readonly libelle: string;
  /** Exercices couverts par le cadre. */
  readonly exercices: readonly number[];
  readonly mesures: readonly Mesure[];
  readonly source: Source;
  /** Référentiel Chorus du texte du cadre ; `null` quand le texte n'en donne pas (France Travail, programme 102). */
  readonly referentielChorus: CodeReferentielChorus | null;
  /** Régimes de conventionnement admis (l'année glissante n'existe qu'en 2022-2023 : 001 · annexe 4). */
  readonly regimes: readonly Regime[];
  /** Catalogue des indicateurs du cadre. */
  readonly indicateurs: readonly Indicateur[];
  /** Délai d'orientation de référence : 1 mois (CALPAE), 15 jours (France Travail 2024). */
  readonly delaiOrientation: DelaiOrientation;
  /** Modèles des tableaux financiers (annexe 9 CALPAE ; plan de financement et bilan France Travail). */
  readonly modelesFinanciers: ModelesFinanciers;
  /** Échéances du cadre, dans l'ordre chronologique de chaque régime (voir `echeances()`). */
  readonly echeances: readonly Echeance[];
  /** Types de collectivités avec lesquelles l'État contractualise dans ce cadre. */
  readonly collectivites: readonly OuvertureContractualisation[];
}
