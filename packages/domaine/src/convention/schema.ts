import { z } from 'zod';
import { CODES_CADRE } from '@jalon/referentiels';

/**
 * Schéma du document `jalon.convention/1` (spec convention-v1 § 1).
 *
 * Partage entre « hors format » et contrôles (INT-FINANCES-1) : la structure (clés, types des champs non
 * monétaires, énumérations) est vérifiée ici et rend le document illisible ; la *valeur* d'un montant n'est
 * jamais vérifiée ici : un montant négatif, non numérique ou à plus de deux décimales est signalé par le
 * contrôle `MONTANT_INVALIDE`. Un champ de montant doit seulement être présent.
 *
 * Les clés inconnues sont conservées (objets « loose », INT-FINANCES-25) pour qu'un document lu puis réécrit ne perde rien.
 */

export const CHAMP_MANQUANT = 'champ obligatoire manquant';

/** Montant : n'importe quelle valeur JSON, mais la clé doit exister. */
const montantPresent = z.unknown().refine((valeur) => valeur !== undefined, { message: CHAMP_MANQUANT });

/** `nature_depense` (France Travail) — spec § 3 ; 003 · annexe 7 art. 4.2 ; annexe 2 § 3.a ; II.2. */
export const NATURES_DEPENSE = [
  'etp_accompagnement',
  'etp_ingenierie',
  'prestation_accompagnement',
  'subvention_solution_locale',
  'developpement_si',
  'frais_generaux',
  'frais_mission',
  'prestation_evaluation',
  'prestation_formation',
  'prestation_gestion_projet',
  'investissement',
  'conseiller_relation_entreprise',
  'cofinancement_caom',
] as const;
export type NatureDepense = (typeof NATURES_DEPENSE)[number];

/** Colonnes A à E de l'annexe 9 (001), prévisionnel : C `cd` comprend `valorisation_cd`. */
export const COLONNES_PREVISIONNEL = [
  'etat',
  'report_etat',
  'cd',
  'valorisation_cd',
  'report_cd',
  'autres',
] as const;
/** Colonnes « exécution » de l'annexe 9 (001). */
export const COLONNES_EXECUTION = ['realise', 'valorisation_cd', 'a_reporter_etat', 'a_reporter_cd'] as const;

const previsionnelSchema = z.looseObject({
  etat: montantPresent,
  report_etat: montantPresent,
  cd: montantPresent,
  valorisation_cd: montantPresent,
  report_cd: montantPresent,
  autres: montantPresent,
});

const executionSchema = z.looseObject({
  realise: montantPresent,
  valorisation_cd: montantPresent,
  a_reporter_etat: montantPresent,
  a_reporter_cd: montantPresent,
});

export const actionSchema = z.looseObject({
  numero: z.string(),
  intitule: z.string(),
  mesure: z.string(),
  code_chorus: z.string().optional(),
  /** Volet France Travail : vérifié selon le cadre dans `verifierStructure` (lecture.ts). */
  volet: z.unknown().optional(),
  nature_depense: z.enum(NATURES_DEPENSE).optional(),
  previsionnel: previsionnelSchema,
  execution: executionSchema.optional(),
  realise_exercice_precedent: z.unknown().optional(),
  justification: z.string().default(''),
  validee_par_commissaire: z.boolean().default(false),
});

export const conventionSchema = z.looseObject({
  format: z.literal('jalon.convention/1'),
  cadre: z.enum(CODES_CADRE),
  collectivite: z.looseObject({
    type: z.enum(['departement', 'metropole', 'region']),
    code: z.string(),
  }),
  exercice: z.int(),
  regime: z.enum(['civil', 'glissant']),
  duree_mois: z.literal([12, 6]),
  enveloppe_etat: montantPresent,
  actions: z.array(actionSchema),
});

/** Le document tel qu'il est lu (montants encore bruts). */
export type ConventionDocument = z.output<typeof conventionSchema>;
export type ActionDocument = z.output<typeof actionSchema>;
