import { z } from 'zod';
import { CODES_CADRE } from '@jalon/referentiels';
import { ETATS_CONVENTION, NATURES_DEPENSE, type EtatConvention } from '@jalon/domaine';
import { collectiviteSchema } from './collectivites.ts';
import { centimesSchema, versionSchema } from './commun.ts';

/**
 * Statut d'une convention = état de son cycle de vie (issue 6 § 1 ; `ETATS_CONVENTION` de `@jalon/domaine`,
 * migration 0003 qui remplace les statuts provisoires de INT-PLATEFORME-2). Les transitions ont leur route
 * (`/api/conventions/{id}/transitions`) ; le contenu ne se modifie qu'au brouillon et en négociation.
 */
export const STATUTS_CONVENTION = ETATS_CONVENTION;
export type StatutConvention = EtatConvention;
export const STATUTS_MODIFIABLES: readonly StatutConvention[] = ['brouillon', 'en_negociation'];
/** Statuts où, sans pouvoir modifier, la collectivité saisit l'exécution (INT-SAISIE-EXECUTION-1). */
export const STATUTS_SAISIE_EXECUTION: readonly StatutConvention[] = ['en_execution'];

/** Libellés communs (ceux du cadre — « bilan final » pour France Travail — sont dans `CYCLES_DE_VIE`). */
export const LIBELLES_STATUTS: Readonly<Record<StatutConvention, string>> = {
  brouillon: 'Brouillon',
  en_negociation: 'En négociation',
  validee_conjointement: 'Validée conjointement',
  deliberee: 'Délibérée',
  signee: 'Signée',
  en_execution: 'En exécution',
  rapport_depose: 'Rapport déposé',
  analysee: 'Analysée',
  cloturee: 'Clôturée',
};

/** Colonnes du prévisionnel, annexe 9 de 001 (A à E, dont valorisation) — spec convention-v1 § 1. En centimes. */
export const previsionnelSchema = z.object({
  etat: centimesSchema,
  report_etat: centimesSchema,
  cd: centimesSchema,
  valorisation_cd: centimesSchema,
  report_cd: centimesSchema,
  autres: centimesSchema,
});
export type PrevisionnelApi = z.infer<typeof previsionnelSchema>;

/** Colonnes « exécution » de l'annexe 9 de 001. En centimes. */
export const executionSchema = z.object({
  realise: centimesSchema,
  valorisation_cd: centimesSchema,
  a_reporter_etat: centimesSchema,
  a_reporter_cd: centimesSchema,
});
export type ExecutionApi = z.infer<typeof executionSchema>;

/**
 * Indicateurs de suivi propres à la fiche action France Travail volet 2 (003 · annexe 7, annexe 1).
 */
export const indicateursFicheSchema = z.object({
  nouveaux_entrants: z.int().min(0).nullable(),
  nouveaux_entrants_orientes_15_jours: z.int().min(0).nullable(),
  nouveaux_entrants_concernes: z.int().min(0).nullable(),
  allocataires_concernes: z.int().min(0).nullable(),
});

/**
 * Champs descriptifs d'une fiche action : union des modèles officiels — 001 · annexe 7 « Annexe A – fiche
 * action » et « Annexe B » (initiatives), 003 · annexe 7 « Annexe 1 – fiche action (volet 2) ». Textes libres ;
 * chaîne vide = non renseigné.
 */
export const champsDescriptifsSchema = z.object({
  /** « Thème de la contractualisation » (001 annexe A). */
  theme: z.string(),
  /** « Contexte / État du préexistant » (003 annexe 1). */
  contexte: z.string(),
  /** « Enjeux identifiés et objectifs visés par l'action » (003 annexe 1). */
  enjeux_objectifs: z.string(),
  description: z.string(),
  /** « Lien avec la stratégie pauvreté ou le Pacte des Solidarités » (001 annexe B). */
  lien_strategie: z.string(),
  date_mise_en_place: z.string(),
  duree_action: z.string(),
  partenaires_cofinanceurs: z.string(),
  /** « Budget détaillé » : détail par poste de dépense, soutien de l'État (001 annexes A/B ; 003 annexe 1). */
  budget_detaille: z.string(),
  /** « Action déjà financée au titre du FAPI : oui/non ; si oui, combien » (001 annexes A/B). */
  financee_fapi: z.boolean().nullable(),
  montant_fapi: centimesSchema.nullable(),
  /** « Objectifs et progression » (001 annexes A/B). */
  objectifs_progression: z.string(),
  /** « Calendrier prévisionnel » (003 annexe 1). */
  calendrier_previsionnel: z.string(),
  indicateurs_suivi: indicateursFicheSchema,
});

/** Lignes financières d'une action, au format `jalon.convention/1` (montants en centimes). */
export const champsFinanciersSchema = z.object({
  previsionnel: previsionnelSchema,
  /** Absente tant que l'exercice n'est pas clos (spec § 1). */
  execution: executionSchema.nullable(),
  realise_exercice_precedent: centimesSchema.nullable(),
  justification: z.string(),
  validee_par_commissaire: z.boolean(),
});

export const ficheActionSchema = z.object({
  id: z.int(),
  numero: z.string(),
  rang: z.int(),
  intitule: z.string(),
  mesure: z.string(),
  code_chorus: z.string().nullable(),
  volet: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  nature_depense: z.enum(NATURES_DEPENSE).nullable(),
  ...champsDescriptifsSchema.shape,
  ...champsFinanciersSchema.shape,
});
export type FicheAction = z.infer<typeof ficheActionSchema>;

export const conventionResumeSchema = z.object({
  id: z.int(),
  collectivite: collectiviteSchema,
  cadre: z.enum(CODES_CADRE),
  exercice: z.int(),
  regime: z.enum(['civil', 'glissant']),
  duree_mois: z.union([z.literal(12), z.literal(6)]),
  enveloppe_etat: centimesSchema,
  statut: z.enum(STATUTS_CONVENTION),
  version: z.int(),
  modifiee_le: z.string(),
});
export type ConventionResume = z.infer<typeof conventionResumeSchema>;

export const conventionsSchema = z.object({ conventions: z.array(conventionResumeSchema) });

export const filtresConventionsSchema = z.object({
  collectivite: z.string().optional(),
  exercice: z.coerce.number().int().optional(),
  cadre: z.enum(CODES_CADRE).optional(),
  statut: z.enum(STATUTS_CONVENTION).optional(),
});

const ligneTotauxSchema = z.object({
  previsionnel: previsionnelSchema.extend({ total: centimesSchema }),
  execution: executionSchema,
});
export type LigneTotaux = z.infer<typeof ligneTotauxSchema>;

/** Totaux de la spec convention-v1 § 2, calculés par `@jalon/domaine`, en centimes. */
export const totauxSchema = z.object({
  actions: z.record(z.string(), ligneTotauxSchema),
  mesures: z.record(z.string(), ligneTotauxSchema),
  socle: ligneTotauxSchema.nullable(),
  initiatives: ligneTotauxSchema.nullable(),
  volets: z.record(z.string(), ligneTotauxSchema).nullable(),
  general: ligneTotauxSchema,
  controle: z.object({ ligne: ligneTotauxSchema, ecart: z.boolean() }),
});
export type Totaux = z.infer<typeof totauxSchema>;

/** Un contrôle financier (spec convention-v1 § 3), calculé par `@jalon/domaine`. */
export const controleSchema = z.object({
  code: z.string(),
  gravite: z.enum(['bloquant', 'alerte']),
  actions: z.array(z.string()),
  message: z.string(),
  source: z.string(),
});
export type Controle = z.infer<typeof controleSchema>;

export const avenantSchema = z.object({
  id: z.int(),
  numero: z.int(),
  objet: z.string(),
  date_signature: z.string().nullable(),
});

/** Ce que le compte connecté peut faire sur cette convention (calculé par le serveur, qui revérifie tout). */
export const droitsSchema = z.object({
  lire: z.boolean(),
  modifier: z.boolean(),
  deposer: z.boolean(),
  valider: z.boolean(),
  /**
   * Saisir l'exécution (`execution` : réalisé, valorisation, montants à reporter) pour le rapport d'exécution
   * (001 · annexe 4 § 1) : collectivité, convention en exécution ; `modifier` l'implique.
   * INT-SAISIE-EXECUTION-1 et 2.
   */
  saisir_execution: z.boolean(),
});
export type Droits = z.infer<typeof droitsSchema>;

export const conventionDetailSchema = z.object({
  convention: conventionResumeSchema,
  fiches_actions: z.array(ficheActionSchema),
  avenants: z.array(avenantSchema),
  totaux: totauxSchema,
  controles: z.array(controleSchema),
  /** Vrai si aucun contrôle bloquant. */
  depot_possible: z.boolean(),
  droits: droitsSchema,
});
export type ConventionDetail = z.infer<typeof conventionDetailSchema>;

// --- Entrées des modifications -------------------------------------------------------------------------

export const conventionModificationSchema = z.object({
  version: versionSchema,
  regime: z.enum(['civil', 'glissant']).optional(),
  duree_mois: z.union([z.literal(12), z.literal(6)]).optional(),
  enveloppe_etat: centimesSchema.optional(),
  /** Seuls `brouillon` ↔ `en_negociation` se choisissent ici ; le dépôt a sa route. */
  statut: z.enum(['brouillon', 'en_negociation']).optional(),
});
export type ConventionModification = z.infer<typeof conventionModificationSchema>;

const champsFicheModifiables = z.object({
  numero: z.string().min(1, { error: 'numéro obligatoire' }),
  intitule: z.string().min(1, { error: 'intitulé obligatoire' }),
  mesure: z.string().min(1, { error: 'mesure obligatoire' }),
  code_chorus: z.string().nullable(),
  volet: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  nature_depense: z.enum(NATURES_DEPENSE).nullable(),
  ...champsDescriptifsSchema.shape,
  ...champsFinanciersSchema.shape,
});

/** Création : numéro, intitulé et mesure obligatoires ; le reste prend sa valeur vide. */
export const ficheCreationSchema = champsFicheModifiables
  .partial()
  .required({ numero: true, intitule: true, mesure: true })
  .extend({ version: versionSchema });
export type FicheCreation = z.infer<typeof ficheCreationSchema>;

export const ficheModificationSchema = champsFicheModifiables.partial().extend({ version: versionSchema });
export type FicheModification = z.infer<typeof ficheModificationSchema>;

export const versionSeuleSchema = z.object({ version: versionSchema });

/**
 * Modification en bloc des lignes financières (collage depuis un tableur) : pour chaque fiche, les colonnes
 * fournies remplacent les anciennes ; `execution: null` efface l'exécution.
 */
export const lignesFinancieresSchema = z.object({
  version: versionSchema,
  lignes: z
    .array(
      z.object({
        fiche_id: z.int(),
        previsionnel: previsionnelSchema.partial().optional(),
        execution: executionSchema.partial().nullable().optional(),
        realise_exercice_precedent: centimesSchema.nullable().optional(),
        justification: z.string().optional(),
        validee_par_commissaire: z.boolean().optional(),
      }),
    )
    .min(1, { error: 'au moins une ligne attendue' }),
});
export type LignesFinancieres = z.infer<typeof lignesFinancieresSchema>;

/** Refus de dépôt : les contrôles bloquants (HTTP 422). */
export const refusDepotSchema = z.object({
  erreur: z.string(),
  details: z.object({ controles: z.array(controleSchema) }),
});
