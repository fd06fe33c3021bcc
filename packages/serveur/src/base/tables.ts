import type { ColumnType, Generated } from 'kysely';

/**
 * Tables de la base Jalon (types Kysely). Montants en centimes (`bigint`, rendus en nombres : types-sql.ts).
 * Horodatages rendus en chaînes ISO 8601.
 */
type Horodatage = ColumnType<string, string | undefined, string>;
type Json = ColumnType<unknown, string, string>;

export interface TableCollectivite {
  /** `<type>:<code>` : `departement:44`, `metropole:69M`, `region:52`. */
  id: string;
  type: 'departement' | 'metropole' | 'region';
  code: string;
  nom: string;
  departement: string | null;
  region: string | null;
}

export interface TableUtilisateur {
  id: Generated<number>;
  identifiant: string;
  nom: string;
  hash_mot_de_passe: string;
  role: string;
  collectivite_id: string | null;
  departement: string | null;
  region: string | null;
  actif: Generated<boolean>;
  cree_le: Generated<string>;
}

export interface TableSession {
  /** Empreinte SHA-256 du jeton de session (le jeton lui-même n'est jamais stocké). */
  empreinte: string;
  utilisateur_id: number;
  jeton_csrf: string;
  expire_le: string;
  cree_le: Generated<string>;
}

export interface TableConvention {
  id: Generated<number>;
  collectivite_id: string;
  cadre: string;
  exercice: number;
  regime: 'civil' | 'glissant';
  duree_mois: number;
  enveloppe_etat: number;
  statut: string;
  version: Generated<number>;
  cree_le: Generated<string>;
  modifiee_le: Generated<string>;
}

export interface TableAvenant {
  id: Generated<number>;
  convention_id: number;
  numero: number;
  objet: string;
  date_signature: string | null;
}

export interface TableFicheAction {
  id: Generated<number>;
  convention_id: number;
  numero: string;
  rang: number;
  intitule: string;
  mesure: string;
  code_chorus: string | null;
  volet: number | null;
  nature_depense: string | null;
  theme: string;
  contexte: string;
  enjeux_objectifs: string;
  description: string;
  lien_strategie: string;
  date_mise_en_place: string;
  duree_action: string;
  partenaires_cofinanceurs: string;
  budget_detaille: string;
  financee_fapi: boolean | null;
  montant_fapi: number | null;
  objectifs_progression: string;
  calendrier_previsionnel: string;
  ind_nouveaux_entrants: number | null;
  ind_nouveaux_entrants_orientes_15_jours: number | null;
  ind_nouveaux_entrants_concernes: number | null;
  ind_allocataires_concernes: number | null;
  prev_etat: number;
  prev_report_etat: number;
  prev_cd: number;
  prev_valorisation_cd: number;
  prev_report_cd: number;
  prev_autres: number;
  execution_saisie: boolean;
  exec_realise: number;
  exec_valorisation_cd: number;
  exec_a_reporter_etat: number;
  exec_a_reporter_cd: number;
  realise_exercice_precedent: number | null;
  justification: string;
  validee_par_commissaire: boolean;
}

export interface TableValeurIndicateur {
  id: Generated<number>;
  convention_id: number;
  indicateur: string;
  annee: number;
  nature: 'situation_t0' | 'resultat' | 'objectif';
  valeur: number | null;
  commentaire: string;
  provenance: 'saisie' | 'calcul';
  moteur_version: string | null;
  empreinte: string | null;
  /** Date du calcul par le moteur (migration 0002), si le résultat importé la donne. */
  calcule_le: string | null;
  modifiee_par: string | null;
  modifiee_le: Horodatage;
}

export interface TableParcoursType {
  id: Generated<number>;
  convention_id: number;
  rang: number;
  nom: string;
  duree: string;
  contenu: string;
  modalites: string;
  public_cible: string;
  cout_unitaire: number | null;
  places_financees: number | null;
}

export interface TableVolet3 {
  convention_id: number;
  bassin_cible: string;
  engagement_methode: string;
  strategie_deploiement: string;
  entree_parcours: string;
  accompagnement_emploi: string;
  partage_donnees: string;
  mobilisation_entreprises: string;
  gouvernance: string;
}

export interface TableCooperation {
  convention_id: number;
  axe: string;
  retenu: boolean;
  commentaire: string;
}

export interface TableAudit {
  id: Generated<number>;
  convention_id: number | null;
  utilisateur_id: number | null;
  qui: string;
  role: string | null;
  quand: Generated<string>;
  action: string;
  entite: string;
  entite_id: string;
  avant: Json | null;
  apres: Json | null;
}

export interface BaseJalon {
  collectivite: TableCollectivite;
  utilisateur: TableUtilisateur;
  session: TableSession;
  convention: TableConvention;
  avenant: TableAvenant;
  fiche_action: TableFicheAction;
  valeur_indicateur: TableValeurIndicateur;
  parcours_type: TableParcoursType;
  volet3: TableVolet3;
  cooperation: TableCooperation;
  audit: TableAudit;
}
