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
  /** Expiration glissante (repoussée à chaque activité, jamais au-delà de `expire_absolu_le`). */
  expire_le: string;
  cree_le: Generated<string>;
  /** Expiration absolue (migration 0007) ; `null` pour une session plus ancienne : `expire_le` fait foi. */
  expire_absolu_le: ColumnType<string | null, string | null | undefined, string | null>;
  /** Jeton d'identité OIDC (déconnexion chez le fournisseur : `id_token_hint`), `null` pour un compte local. */
  id_token: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Identité OIDC (ProConnect) associée à un compte par un administrateur (migration 0007). */
export interface TableIdentite {
  id: Generated<number>;
  /** `null` tant que la personne ne s'est pas connectée (associée par son e-mail seulement). */
  sub: string | null;
  email: string;
  utilisateur_id: number;
  cree_par: string;
  cree_le: Generated<string>;
  derniere_connexion: string | null;
}

/** Connexion OIDC en cours, à usage unique (migration 0007). */
export interface TableOidcAttente {
  /** Empreinte SHA-256 du cookie du navigateur qui a commencé la connexion. */
  empreinte: string;
  etat: string;
  nonce: string;
  verificateur: string;
  retour: string;
  expire_le: string;
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
  /** Migration 0003 : actes du cycle de vie (jours AAAA-MM-JJ) et signatures `{ signataire: trace }`. */
  date_deliberation: string | null;
  date_signature: string | null;
  signatures: ColumnType<unknown, string | undefined, string>;
}

export interface TableAvenant {
  id: Generated<number>;
  convention_id: number;
  numero: number;
  objet: string;
  date_signature: string | null;
  /** Migration 0003 : état de l'avenant dans le cycle de vie. */
  etat: ColumnType<string, string | undefined, string>;
  date_deliberation: string | null;
  signatures: ColumnType<unknown, string | undefined, string>;
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

// --- Migration 0003 : cycle de vie, rappels, calendriers, bilans partagés (issue 6 § 1 à 3) -------------

export interface TableValidationFiche {
  fiche_id: number;
  partie: 'collectivite' | 'etat';
  acteur: string;
  role: string;
  le: string;
}

export interface TableJournalCycle {
  id: Generated<number>;
  convention_id: number;
  transition: string;
  objet: 'convention' | 'avenant';
  avenant: number | null;
  de: string;
  vers: string;
  acteur: string;
  role: string;
  horodatage: string;
  date: string;
  details: string | null;
}

export interface TableCourriel {
  id: Generated<number>;
  cle: string;
  convention_id: number | null;
  destinataire: string;
  sujet: string;
  corps: string;
  transport: 'smtp' | 'boite';
  cree_le: Generated<string>;
  envoye_le: string | null;
  erreur: string | null;
}

export interface TableJetonCalendrier {
  empreinte: string;
  utilisateur_id: number;
  cree_le: Generated<string>;
  revoque_le: string | null;
}

export interface TableBilanPartage {
  id: Generated<number>;
  convention_id: number;
  date_bilan: string;
  participants: string;
  constats: string;
  decisions: string;
  exercice: number | null;
  actions: Json;
  indicateurs: Json;
  version: Generated<number>;
  cree_par: string;
  cree_le: Generated<string>;
  modifie_le: Generated<string>;
}

/** Offre d'insertion (migration 0006) : objets data·inclusion v1 en JSONB, colonnes d'index. */
export interface TableOffreStructure {
  id: Generated<number>;
  collectivite_id: string;
  departement: string | null;
  source: string;
  id_publie: string;
  donnees: Json;
  modifiee_le: Generated<string>;
}

export interface TableOffreService extends TableOffreStructure {
  structure_publie: string;
}

export interface TableOffreFinancement {
  fiche_id: number;
  service_id: number;
}

// --- Migration 0004 : documents (issue 5) — textes du rapport, dépôts figés -----------------------------

export interface TableTexteRapport {
  convention_id: number;
  textes: Json;
  modifie_par: string;
  modifie_le: Horodatage;
}

/** Dépôt figé : aucune modification ni suppression (déclencheur de la migration 0004). */
export interface TableDepotFige {
  id: Generated<number>;
  convention_id: number;
  numero: number;
  type_document: 'rapport-execution' | 'bilan-final';
  version_convention: number;
  depose_par: string;
  role: string;
  utilisateur_id: number | null;
  depose_le: Horodatage;
}

export interface TableDepotFichier {
  depot_id: number;
  rang: number;
  nom: string;
  type_mime: string;
  taille: number;
  sha256: string;
  octets: Uint8Array;
}

// --- Migration 0008 : note d'analyse du commissaire, enveloppes (issue 6 § 4 et 5) -----------------------

export interface TableNoteAnalyse {
  convention_id: number;
  justification: string;
  numero: number;
  redigee_par: string;
  redigee_le: Horodatage;
}

export interface TableNoteAnalyseVersion {
  convention_id: number;
  numero: number;
  justification: string;
  par: string;
  le: Horodatage;
}

export interface TableEnveloppe {
  cadre: string;
  exercice: number;
  montant: number;
  modifiee_par: string;
  modifiee_le: Horodatage;
}

export interface TableEnveloppeNotification {
  cadre: string;
  exercice: number;
  collectivite_id: string;
  poids: number;
  montant: number;
}

// --- Migration 0009 : part des crédits conservée par l'État outre-mer (001 · I.4) ------------------------

export interface TableEnveloppeOutreMer {
  cadre: string;
  exercice: number;
  collectivite_id: string;
  montant_notifie: number;
  credits_socle: number;
  conserve_socle: number;
  conserve_initiatives: number;
  concertation_le: string;
  motif: string;
  modifiee_par: string;
  modifiee_le: Horodatage;
}

// --- Migration 0005 : données réelles (profils, téléversements, historique CAF) -------------------------
export interface TableProfilCorrespondance {
  id: Generated<number>;
  collectivite_id: string;
  nom: string;
  profil: Json;
  version: Generated<number>;
  modifie_par: string;
  modifie_le: Horodatage;
}

export interface TableImportDonnees {
  id: Generated<number>;
  convention_id: number;
  annee: number;
  qui: string;
  quand: Horodatage;
  forme: 'archive' | 'echange' | 'sources';
  profil: string | null;
  fichiers: Json;
  empreinte: string;
  moteur_version: string;
  lignes_situations: number;
  lignes_evenements: number;
  anomalies: Json;
  avertissements: Json;
  indicateurs: Json;
  ignores: Json;
}

export interface TableExplicationImport {
  import_id: number;
  indicateur: string;
  lignes: number;
  retenues: number;
  csv_gz: Uint8Array;
}

export interface TableHistoriqueCaf {
  collectivite_id: string;
  personne: string;
  mois: string;
  observation: Json;
}

export interface TableFluxCaf {
  collectivite_id: string;
  cle: string;
  flux: Json;
}

export interface BaseJalon {
  collectivite: TableCollectivite;
  utilisateur: TableUtilisateur;
  session: TableSession;
  identite: TableIdentite;
  oidc_attente: TableOidcAttente;
  convention: TableConvention;
  avenant: TableAvenant;
  fiche_action: TableFicheAction;
  valeur_indicateur: TableValeurIndicateur;
  parcours_type: TableParcoursType;
  volet3: TableVolet3;
  cooperation: TableCooperation;
  audit: TableAudit;
  offre_structure: TableOffreStructure;
  offre_service: TableOffreService;
  offre_financement: TableOffreFinancement;
  validation_fiche: TableValidationFiche;
  journal_cycle: TableJournalCycle;
  courriel: TableCourriel;
  jeton_calendrier: TableJetonCalendrier;
  bilan_partage: TableBilanPartage;
  texte_rapport: TableTexteRapport;
  depot_fige: TableDepotFige;
  depot_fichier: TableDepotFichier;
  note_analyse: TableNoteAnalyse;
  note_analyse_version: TableNoteAnalyseVersion;
  enveloppe: TableEnveloppe;
  enveloppe_notification: TableEnveloppeNotification;
  enveloppe_outre_mer: TableEnveloppeOutreMer;
  profil_correspondance: TableProfilCorrespondance;
  import_donnees: TableImportDonnees;
  explication_import: TableExplicationImport;
  historique_caf: TableHistoriqueCaf;
  flux_caf: TableFluxCaf;
}
