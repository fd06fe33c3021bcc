import { z } from 'zod';
import { centimesSchema, versionSchema } from './commun.ts';

/** Un « parcours type » du volet 2 (003 · annexe 4 § 2-a) : les sept items demandés pour chaque parcours. */
export const parcoursTypeSchema = z.object({
  nom: z.string().min(1, { error: 'nom du parcours obligatoire' }),
  duree: z.string(),
  contenu: z.string(),
  modalites: z.string(),
  public_cible: z.string(),
  cout_unitaire: centimesSchema.nullable(),
  places_financees: z.int().min(0).nullable(),
});
export type ParcoursType = z.infer<typeof parcoursTypeSchema>;

/** Les cinq volets du « plan partagé d'actions » (003 · annexe 3, « Documents clés »). */
export const PARTIES_PLAN_PARTAGE = [
  { code: 'entree_parcours', libelle: 'Entrée en parcours et reprise de contact' },
  { code: 'accompagnement_emploi', libelle: 'Accompagnement et suivi dans l’emploi' },
  { code: 'partage_donnees', libelle: 'Partage de données et indicateurs' },
  { code: 'mobilisation_entreprises', libelle: 'Mobilisation locale des entreprises' },
  { code: 'gouvernance', libelle: 'Mise en place de la gouvernance' },
] as const;

/** Volet 3 : note d'engagement et plan partagé d'actions en 5 parties (003 · annexe 3). */
export const volet3Schema = z.object({
  /** « Courte note précisant le bassin cible, l'engagement dans la méthode co-construite … » */
  note_engagement: z.object({
    bassin_cible: z.string(),
    engagement_methode: z.string(),
    strategie_deploiement: z.string(),
  }),
  plan_partage: z.object({
    entree_parcours: z.string(),
    accompagnement_emploi: z.string(),
    partage_donnees: z.string(),
    mobilisation_entreprises: z.string(),
    gouvernance: z.string(),
  }),
});
export type Volet3 = z.infer<typeof volet3Schema>;

/** Axes de coopération France Travail / département (003 · annexe 7, annexe 5), en liste à cocher. */
export const AXES_COOPERATION = [
  { code: '1.1', libelle: 'Préparation de la mise en place des nouveaux processus prévus par la loi' },
  { code: '1.2', libelle: 'Structuration de l’offre de solutions locales coordonnée avec le département' },
  { code: '2.1', libelle: 'Échanges entre les SI du département et le SI « Plateforme France Travail »' },
  { code: '2.2', libelle: 'Mise à disposition des outils et services numériques' },
  { code: '3', libelle: 'Données de pilotage et indicateurs de performance' },
  { code: '4', libelle: 'Acculturation et développement des compétences des professionnels' },
  { code: '5', libelle: 'Contribution aux pilotes de l’accompagnement rénové des ARSA' },
] as const;
export const CODES_AXES_COOPERATION = AXES_COOPERATION.map((axe) => axe.code);

export const cooperationSchema = z.array(
  z.object({
    axe: z.string(),
    retenu: z.boolean(),
    commentaire: z.string(),
  }),
);

export const franceTravailSchema = z.object({
  parcours_types: z.array(parcoursTypeSchema.extend({ id: z.int() })),
  volet3: volet3Schema,
  cooperation: cooperationSchema,
});
export type FranceTravail = z.infer<typeof franceTravailSchema>;

export const franceTravailModificationSchema = z.object({
  version: versionSchema,
  parcours_types: z.array(parcoursTypeSchema).optional(),
  volet3: volet3Schema.optional(),
  cooperation: cooperationSchema.optional(),
});
export type FranceTravailModification = z.infer<typeof franceTravailModificationSchema>;
