/**
 * Format d'échange parcours RSA v1.1 : ajouts pour le volet 3 France Travail (003 · annexe 3 « Liste minimale des
 * données à partager » ; 003 · annexe 4 § 3). Additif : les types et colonnes v1 ne changent pas ; les nouveaux
 * événements vivent à côté des événements v1 (`evenementsVolet3`), que le moteur v1 ne voit jamais.
 * Définitions : docs/indicateurs-volet3.md ; choix : docs/interpretations.md.
 */
import type { Jour } from '../moteur/dates.ts';
import type { DossierPersonne, Organisme, Parcours } from '../moteur/modele.ts';

export const TYPES_EVENEMENT_V11 = [
  /** Entretien de diagnostic socio-professionnel ; `freins` = freins repérés (003 · annexe 3). */
  'diagnostic',
  /** Prestation ou service d'accompagnement ; `duree_heures`, `modalite` (003 · annexe 3 : « dates et durée des prestations … individuels ou collectifs »). */
  'action_accompagnement',
  /** Reprise d'emploi ; `type_contrat`, `duree_mois` (003 · annexe 4 § 3 : « retour à l'emploi … types de contrat »). */
  'reprise_emploi',
  /** Sortie du RSA. */
  'sortie_rsa',
  /** Signature d'un projet personnalisé d'accès à l'emploi (003 · annexe 4 § 3 : « CER/PPAE signés » ; INT-DONNEES-10). */
  'ppae',
] as const;
export type TypeEvenementV11 = (typeof TYPES_EVENEMENT_V11)[number];

export const MODALITES = ['individuel', 'collectif'] as const;
export type Modalite = (typeof MODALITES)[number];

export const TYPES_CONTRAT = [
  'cdi',
  'cdd',
  'interim',
  'alternance',
  'contrat_aide',
  'iae',
  'creation_entreprise',
  'autre',
] as const;
export type TypeContrat = (typeof TYPES_CONTRAT)[number];

export interface EvenementVolet3 {
  readonly type: TypeEvenementV11;
  readonly jour: Jour;
  readonly organisme?: Organisme;
  readonly parcours?: Parcours;
  readonly freins?: readonly string[];
  /** Durée en centièmes d'heure (entier : pas de somme en virgule flottante). */
  readonly dureeCentiemes?: number;
  readonly modalite?: Modalite;
  readonly typeContrat?: TypeContrat;
  readonly dureeMois?: number;
  readonly motif?: string;
}

export interface DossierPersonneV11 extends DossierPersonne {
  /** Triés par jour croissant, ordre du fichier à jour égal. */
  readonly evenementsVolet3: readonly EvenementVolet3[];
}

/** Parcours d'une personne pour les ventilations, `non_renseigne` sans orientation qui le dise. */
export const PARCOURS_VENTILES = ['professionnel', 'socio_professionnel', 'social', 'non_renseigne'] as const;
export type ParcoursVentile = (typeof PARCOURS_VENTILES)[number];

/** Codes du résultat volet 3 : ceux du référentiel France Travail 2024 quand le sens est le même. */
export const CODES_VOLET3 = [
  'deploiement_inscrits',
  'deploiement_nouveaux_entrants',
  'deploiement_sortants',
  'deploiement_cer_ppae',
  'cer_signes',
  'ppae_signes',
  'retour_emploi',
  'retour_emploi_durable',
  'taux_retour_emploi',
  'taux_retour_emploi_durable',
  'delai_ouverture_droit_premier_entretien',
  'delai_ouverture_droit_premier_entretien_median',
  'ouvertures_avec_premier_entretien',
  'delai_diagnostic_premiere_action',
  'delai_diagnostic_premiere_action_median',
  'diagnostics_avec_premiere_action',
  'accompagnement_intensif',
  'part_accompagnement_intensif',
  'parcours_professionnel',
  'parcours_socio_professionnel',
  'parcours_social',
  'parcours_non_renseigne',
] as const;
export type CodeVolet3 = (typeof CODES_VOLET3)[number];

export interface ResultatVolet3 {
  readonly annee: number;
  readonly indicateurs: Readonly<Record<CodeVolet3, number | null>>;
  /** Chaque indicateur ventilé par parcours (emploi = `professionnel`, socio-professionnel, social). */
  readonly parParcours: Readonly<Record<CodeVolet3, Readonly<Record<ParcoursVentile, number | null>>>>;
  readonly reprisesParContrat: Readonly<Record<TypeContrat, number>>;
}

/** Une ligne d'explication volet 3 : une personne considérée pour un indicateur, comptée ou non, et pourquoi. */
export interface LigneExplicationVolet3 {
  readonly id_personne: string;
  readonly indicateur: CodeVolet3;
  readonly compte: boolean;
  readonly raison: string;
  readonly parcours: ParcoursVentile;
  readonly date_depart: string | null;
  readonly date_reference: string | null;
  readonly valeur: number | null;
  readonly detail: string;
}
