import type { Source } from '../source.ts';
import type { Volet } from '../cadres/types.ts';

/**
 * Nature d'un indicateur (INT-REFERENTIELS-5) :
 * - `flux` : nombre d'événements ou de personnes sur la période ;
 * - `stock` : nombre à une date (au 31 décembre) ;
 * - `delai` : nombre de personnes dont une étape est franchie dans un délai, ou durée mesurée ;
 * - `taux` : rapport exprimé en pourcentage ;
 * - `moyenne` : moyenne (personnes par conseiller, délai moyen en jours).
 */
export const NATURES_INDICATEUR = ['flux', 'stock', 'delai', 'taux', 'moyenne'] as const;
export type NatureIndicateur = (typeof NATURES_INDICATEUR)[number];

/** Codes que le moteur calcule depuis le format d'échange (shared/specs/parcours-rsa-v1.md § 2), à l'identique. */
export const CODES_INDICATEURS_MOTEUR = [
  'nouveaux_entrants',
  'nouveaux_entrants_orientes',
  'nouveaux_entrants_orientes_hors_france_travail',
  'orientes_1_mois',
  'orientes_15_jours',
  'premiers_rdv',
  'premiers_rdv_2_semaines',
  'premiers_cer',
  'premiers_cer_2_mois',
  'ga_orientes',
  'ga_en_cours',
  'ag_orientes',
  'ag_en_cours',
  'ag_par_conseiller',
  'ag_delai_moyen_jours',
] as const;
export type CodeIndicateurMoteur = (typeof CODES_INDICATEURS_MOTEUR)[number];

export interface Cible {
  /** Le texte de l'objectif tel qu'écrit. */
  readonly texte: string;
  readonly valeur: number;
  readonly unite: 'pourcentage' | 'personnes' | 'jours';
  /** `egal` : atteindre la valeur ; `au_moins` ; `au_plus` ; `moins_de` (strictement). */
  readonly comparaison: 'egal' | 'au_moins' | 'au_plus' | 'moins_de';
  /** Ce que la valeur mesure quand ce n'est pas l'indicateur lui-même (ex. part des nouveaux entrants orientés). */
  readonly portee?: string;
  readonly source: Source;
}

export interface Indicateur {
  /** Code stable, snake_case français ; unique dans un cadre. */
  readonly code: string;
  /** Libellé officiel, recopié du texte du cadre (coquilles comprises, INT-REFERENTIELS-6). */
  readonly libelle: string;
  /** Rubrique du tableau officiel (« 1.1. L'accélération… »). */
  readonly rubrique: string;
  /** Définition en nos mots, d'après le texte. */
  readonly definition: string;
  readonly nature: NatureIndicateur;
  /** `true` : à renseigner dès que la mesure (ou le volet) est contractualisée ; `false` : « OPTIONNEL ». */
  readonly obligatoire: boolean;
  /** Code de la mesure du cadre (CALPAE) ou du type d'action (France Travail). */
  readonly mesure?: string;
  /** Volet France Travail. */
  readonly volet?: Volet;
  /** `true` quand le moteur le calcule depuis le format d'échange (code de `CODES_INDICATEURS_MOTEUR`). */
  readonly calculable: boolean;
  /** Déclinaisons demandées (thématiques, tranches d'âge). */
  readonly declinaisons?: readonly string[];
  readonly cible?: Cible;
  readonly source: Source;
}

/** Délai d'orientation de référence d'un cadre : 1 mois (CALPAE), 15 jours (France Travail 2024). */
export interface DelaiOrientation {
  readonly indicateur: 'orientes_1_mois' | 'orientes_15_jours';
  readonly delai: { readonly mois: number } | { readonly jours: number };
  /** Délai retenu quand le département ne peut pas paramétrer le premier (003 · annexe 4 § 2-b). */
  readonly repli?: { readonly indicateur: 'orientes_1_mois'; readonly delai: { readonly mois: number } };
  readonly source: Source;
}
