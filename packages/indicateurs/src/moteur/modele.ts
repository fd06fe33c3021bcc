import { CODES_INDICATEURS_MOTEUR, type CodeCadre, type CodeIndicateurMoteur } from '@jalon/referentiels';
import type { Jour, MoisAbsolu } from './dates.ts';

/**
 * Modèle en mémoire du format d'échange « parcours RSA » v1 (shared/specs/parcours-rsa-v1.md § 1), une fois lu et
 * validé. La lecture (`../lecture/`) produit des `DossierPersonne` ; le moteur (pur) les évalue un par un.
 */
export const ETATS_DROIT = ['ouvert', 'suspendu', 'radie', 'clos'] as const;
export type EtatDroit = (typeof ETATS_DROIT)[number];

export const ORGANISMES = ['france_travail', 'departement', 'delegataire', 'caf', 'msa', 'autre'] as const;
export type Organisme = (typeof ORGANISMES)[number];

export const PARCOURS = ['professionnel', 'socio_professionnel', 'social'] as const;
export type Parcours = (typeof PARCOURS)[number];

export const DISPOSITIFS = ['garantie_activite_departementale', 'accompagnement_global'] as const;
export type Dispositif = (typeof DISPOSITIFS)[number];

export const STATUTS_RDV = ['prevu', 'honore', 'absent', 'annule'] as const;
export type StatutRdv = (typeof STATUTS_RDV)[number];

export const TYPES_EVENEMENT = [
  'reception_notification',
  'ouverture_droit',
  'orientation',
  'designation_referent',
  'rdv',
  'cer',
  'fin_suivi',
  'proposition_dispositif',
  'entree_dispositif',
  'sortie_dispositif',
] as const;
export type TypeEvenement = (typeof TYPES_EVENEMENT)[number];

/** Types pour lesquels `organisme` est obligatoire / `dispositif` est obligatoire (spec § 1). */
export const TYPES_AVEC_ORGANISME_OBLIGATOIRE: readonly TypeEvenement[] = ['orientation'];
export const TYPES_AVEC_DISPOSITIF_OBLIGATOIRE: readonly TypeEvenement[] = [
  'proposition_dispositif',
  'entree_dispositif',
  'sortie_dispositif',
];

export interface SituationMensuelle {
  readonly mois: MoisAbsolu;
  readonly droitVersable: boolean;
  readonly soumisDroitsDevoirs: boolean;
  /** Défaut à la lecture : `ouvert` si versable, sinon `suspendu`. */
  readonly etatDroit: EtatDroit;
}

export interface Evenement {
  readonly type: TypeEvenement;
  readonly jour: Jour;
  readonly organisme?: Organisme;
  readonly parcours?: Parcours;
  readonly dispositif?: Dispositif;
  readonly statut?: StatutRdv;
  readonly conseiller?: string;
  readonly motif?: string;
}

export interface DossierPersonne {
  readonly id: string;
  /** Triées par mois croissant ; un mois au plus une fois. Vide si la personne n'a que des événements. */
  readonly situations: readonly SituationMensuelle[];
  /** Triés par jour croissant, dans l'ordre du fichier à jour égal. */
  readonly evenements: readonly Evenement[];
}

export interface ParametresCalcul {
  /** Période P : l'année civile. */
  readonly annee: number;
  readonly cadre: CodeCadre;
  /**
   * Mois couverts par le fichier des situations (tous individus confondus) : une absence n'est une radiation
   * qu'à l'intérieur de cette fenêtre (docs/interpretations.md). `null` si le fichier est vide.
   */
  readonly fenetre: { readonly premierMois: MoisAbsolu; readonly dernierMois: MoisAbsolu } | null;
}

/**
 * Codes des indicateurs, dans l'ordre de la spec (parcours-rsa-v1 § 2, tableau « Indicateurs ») : définis une fois
 * dans le catalogue des référentiels, où chaque cadre dit lesquels il retient.
 */
export const CODES_INDICATEURS = CODES_INDICATEURS_MOTEUR;
export type CodeIndicateur = CodeIndicateurMoteur;
export type Indicateurs = Record<CodeIndicateur, number | null>;

/** Une anomalie signalée au département, agrégée par code. */
export interface Anomalie {
  readonly code: string;
  readonly message: string;
  readonly nombre: number;
  /** Les premiers identifiants (ou emplacements « fichier, ligne N ») concernés, 20 au plus. */
  readonly exemples: readonly string[];
}

export interface ResultatMoteur {
  readonly indicateurs: Indicateurs;
  readonly anomalies: readonly Anomalie[];
}

/** Une ligne de `jalon indicateurs expliquer` : une personne considérée pour un indicateur, comptée ou non. */
export interface LigneExplication {
  readonly id_personne: string;
  readonly indicateur: CodeIndicateur;
  readonly compte: boolean;
  /** Code stable de la raison (ex. `SUIVI_EN_COURS`, `SANS_T0`, `HORS_DELAI`, `COMPTE`). */
  readonly raison: string;
  /** Mois d'entrée retenu (AAAA-MM), T0, date d'orientation (AAAA-MM-JJ), organisme de l'orientation. */
  readonly mois_entree: string | null;
  readonly t0: string | null;
  readonly date_orientation: string | null;
  readonly organisme_orientation: string | null;
  /** Date de l'événement mesuré (rendez-vous, CER, entrée en dispositif…) et écart en jours avec le départ. */
  readonly date_reference: string | null;
  readonly ecart_jours: number | null;
  readonly detail: string;
}
