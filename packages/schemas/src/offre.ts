import { z } from 'zod';
import { collectiviteSchema } from './collectivites.ts';

/**
 * API de l'offre d'insertion (issue 8). Les structures et services voyagent au format data·inclusion v1 tel quel
 * (`@jalon/offre`) : leur validation est celle du schéma officiel (Ajv) et des règles hors schéma, faite par le
 * serveur, pas par zod ; ici, seulement l'enveloppe.
 */
export const objetDataInclusionSchema = z.record(z.string(), z.unknown());
export type ObjetDataInclusion = z.infer<typeof objetDataInclusionSchema>;

/** Un constat de validation (erreur : non publiable ; avertissement : publiable). */
export const constatOffreSchema = z.object({
  code: z.string(),
  severite: z.enum(['erreur', 'avertissement']),
  champ: z.string(),
  chemin: z.string(),
  message: z.string(),
});
export type ConstatOffre = z.infer<typeof constatOffreSchema>;

/** Une fiche action qui finance un service, avec sa convention (§ 4). */
export const financementSchema = z.object({
  service_id: z.int(),
  fiche_id: z.int(),
  numero: z.string(),
  intitule: z.string(),
  convention_id: z.int(),
  collectivite_id: z.string(),
  cadre: z.string(),
  exercice: z.int(),
});
export type Financement = z.infer<typeof financementSchema>;

export const structureOffreSchema = z.object({
  id: z.int(),
  id_publie: z.string(),
  source: z.string(),
  modifiee_le: z.string(),
  donnees: objetDataInclusionSchema,
  /** Moyenne des scores de ses services (derived · _note), 0 sans service. */
  score: z.number(),
});
export type StructureOffre = z.infer<typeof structureOffreSchema>;

export const serviceOffreSchema = structureOffreSchema.extend({
  structure_id_publie: z.string(),
  /** Critères du score de qualité, `null` si non applicable (derived · score_qualite_service). */
  criteres: z.record(z.string(), z.number().nullable()),
  avertissements: z.array(constatOffreSchema),
  financements: z.array(financementSchema),
});
export type ServiceOffre = z.infer<typeof serviceOffreSchema>;

export const offreCollectiviteSchema = z.object({
  collectivite: collectiviteSchema,
  /** Le compte peut-il saisir, importer, lier ? (agents et valideurs de la collectivité.) */
  modifier: z.boolean(),
  /** Source data·inclusion des objets saisis ici (INT-OFFRE-11). */
  source: z.string(),
  /** Date du jour utilisée pour le score (AAAA-MM-JJ). */
  aujourdhui: z.string(),
  seuil_dora: z.number(),
  structures: z.array(structureOffreSchema),
  services: z.array(serviceOffreSchema),
});
export type OffreCollectivite = z.infer<typeof offreCollectiviteSchema>;

/** Réponse d'une création ou modification : l'objet enregistré, normalisé, et ses avertissements. */
export const ecritureOffreSchema = z.object({
  id: z.int(),
  id_publie: z.string(),
  donnees: objetDataInclusionSchema,
  score: z.number().nullable(),
  avertissements: z.array(constatOffreSchema),
});
export type EcritureOffre = z.infer<typeof ecritureOffreSchema>;

export const FORMATS_OFFRE = ['json', 'csv', 'xlsx'] as const;

/** Import : fichiers en base64 (JSON, CSV ou XLSX « valideur »). */
export const importOffreSchema = z.object({
  fichiers: z
    .array(
      z.object({
        nom: z.string().min(1).max(200),
        contenu_base64: z.string().max(20_000_000),
      }),
    )
    .min(1)
    .max(4),
});
export type ImportOffre = z.infer<typeof importOffreSchema>;

export const resultatImportOffreSchema = z.object({
  structures: z.object({ creees: z.int(), remplacees: z.int() }),
  services: z.object({ crees: z.int(), remplaces: z.int() }),
  avertissements: z.array(z.string()),
});
export type ResultatImportOffre = z.infer<typeof resultatImportOffreSchema>;

export const lienOffreSchema = z.object({ service_id: z.int().positive() });

export const financementsConventionSchema = z.object({
  liens: z.array(financementSchema.extend({ service_nom: z.string(), service_id_publie: z.string() })),
});
export type FinancementsConvention = z.infer<typeof financementsConventionSchema>;

const ligneCategorieSchema = z.object({
  categorie: z.string(),
  libelle: z.string(),
  services: z.int(),
  servicesToutLeDepartement: z.int(),
  frein: z.string().optional(),
  manque: z.boolean(),
});

const ligneFreinSchema = z.object({
  frein: z.string(),
  libelle: z.string(),
  source: z.string(),
  services: z.int(),
  servicesToutLeDepartement: z.int(),
  zonesCouvertes: z.array(z.string()),
  manque: z.boolean(),
});

/** Analyse des manques d'un département (`@jalon/offre`, manques/analyse.ts) et son tableau. */
export const manquesSchema = z.object({
  departement: z.string(),
  parCategorie: z.array(ligneCategorieSchema),
  freins: z.array(ligneFreinSchema),
  zones: z.array(
    z.object({
      zone: z.string(),
      genre: z.string(),
      parCategorie: z.record(z.string(), z.int()),
      services: z.int(),
    }),
  ),
  intensif: z.object({
    seuilHeuresHebdomadaires: z.number(),
    avecVolume: z.array(
      z.object({
        id: z.string(),
        nom: z.string(),
        volume_horaire_hebdomadaire: z.number(),
        nombre_semaines: z.number().nullable(),
        minutesTotales: z.number().nullable(),
        atteintSeuil: z.boolean(),
      }),
    ),
    atteignantSeuil: z.int(),
    sansVolume: z.int(),
  }),
  nonRattaches: z.array(z.object({ id: z.string(), raison: z.string() })),
  thematiquesInconnues: z.array(z.string()),
  tableau: z.object({ colonnes: z.array(z.string()), lignes: z.array(z.array(z.string())) }),
});
export type Manques = z.infer<typeof manquesSchema>;

export const erreursImportOffreSchema = z.object({ constats: z.array(z.string()) });
