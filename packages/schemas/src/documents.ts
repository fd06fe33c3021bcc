import { z } from 'zod';
import { versionSchema } from './commun.ts';

/**
 * Documents officiels d'une convention (issue 5 ; docs/documents.md) : téléchargements, ré-import du tableau
 * financier, textes libres du rapport d'exécution, dépôts figés. Les types et formats recopient ceux de
 * `@jalon/documents` (que l'interface n'importe pas : exceljs, docx) ; un test serveur vérifie qu'ils concordent.
 */
export const TYPES_DOCUMENT_API = [
  'convention',
  'avenant',
  'fiche-action',
  'rapport-execution',
  'bilan-final',
  'tableau-financier',
  'tableau-indicateurs',
] as const;
export type TypeDocumentApi = (typeof TYPES_DOCUMENT_API)[number];
export const FORMATS_DOCUMENT_API = ['docx', 'pdf', 'xlsx'] as const;
export type FormatDocumentApi = (typeof FORMATS_DOCUMENT_API)[number];

/** Un document que la convention peut produire (selon son cadre), et ses formats. */
export const documentDisponibleSchema = z.object({
  type: z.enum(TYPES_DOCUMENT_API),
  libelle: z.string(),
  /** Texte officiel du modèle (« 001 · annexe 5 »). */
  source: z.string(),
  formats: z.array(z.enum(FORMATS_DOCUMENT_API)),
  /** Vrai pour une fiche action : le numéro d'action est demandé (`?action=`). */
  par_action: z.boolean(),
});
export type DocumentDisponible = z.infer<typeof documentDisponibleSchema>;

export const fichierDepotSchema = z.object({
  nom: z.string(),
  type_mime: z.string(),
  taille: z.int(),
  /** SHA-256 des octets, en hexadécimal. */
  sha256: z.string(),
});
export type FichierDepot = z.infer<typeof fichierDepotSchema>;

/** Dépôt figé d'un rapport d'exécution (ou bilan final France Travail) : rien ne s'y modifie. */
export const depotFigeSchema = z.object({
  id: z.int(),
  numero: z.int(),
  type_document: z.enum(['rapport-execution', 'bilan-final']),
  version_convention: z.int(),
  depose_par: z.string(),
  role: z.string(),
  depose_le: z.string(),
  fichiers: z.array(fichierDepotSchema),
});
export type DepotFige = z.infer<typeof depotFigeSchema>;

export const documentsConventionSchema = z.object({
  convention_id: z.int(),
  version: z.int(),
  documents: z.array(documentDisponibleSchema),
  /** LibreOffice est installé sur le serveur : les PDF sont disponibles. */
  pdf_disponible: z.boolean(),
  /** Le tableau financier XLSX rempli se relit dans cette convention (cadres CALPAE). */
  tableau_reimportable: z.boolean(),
  /** Le compte peut déposer le rapport (valideur de la collectivité, convention non clôturée — INT-DOCUMENTS-11). */
  depot_possible: z.boolean(),
  depots: z.array(depotFigeSchema),
});
export type DocumentsConvention = z.infer<typeof documentsConventionSchema>;

const texteLibre = z.string().max(100_000, { error: 'texte trop long (100 000 caractères au plus)' });

/** Bilan et perspectives d'une action (001 · annexe 5, 1.1.1.5, 1.1.1.7 et 1.1.1.8). */
export const texteActionSchema = z.strictObject({
  commentaire_budget: texteLibre.default(''),
  bilan: texteLibre.default(''),
  perspectives: texteLibre.default(''),
});

/**
 * Textes libres du rapport d'exécution (001 · annexe 5) et du bilan final (003 · annexe 7 art. 3.2), gardés
 * dans Jalon. Chaîne vide : la mention « [à compléter] » du modèle reste dans le document.
 */
export const textesRapportSchema = z.strictObject({
  /** Date portée sur le rapport (texte libre : « 20 mars 2024 »). */
  date: texteLibre.default(''),
  introduction: texteLibre.default(''),
  /** Commentaire par mesure (code de mesure du cadre). */
  mesures: z.record(z.string(), texteLibre).default({}),
  /** Bilan final France Travail : « bilan de mise en œuvre du plan d'actions ». */
  bilan_mise_en_oeuvre: texteLibre.default(''),
  /** Par numéro d'action. */
  actions: z.record(z.string(), texteActionSchema).default({}),
  /** « Explication apportée sur l'atteinte de l'objectif », par code d'indicateur. */
  explications: z.record(z.string(), texteLibre).default({}),
});
export type TextesRapport = z.infer<typeof textesRapportSchema>;
export type TextesRapportEntree = z.input<typeof textesRapportSchema>;

export const textesRapportReponseSchema = z.object({
  convention_id: z.int(),
  version: z.int(),
  textes: textesRapportSchema,
  modifie_par: z.string().nullable(),
  modifie_le: z.string().nullable(),
});
export type TextesRapportReponse = z.infer<typeof textesRapportReponseSchema>;

export const textesRapportModificationSchema = z.object({
  version: versionSchema,
  textes: textesRapportSchema,
});
export type TextesRapportModification = z.infer<typeof textesRapportModificationSchema>;

export const depotRapportDemandeSchema = z.object({ version: versionSchema });

/** Réponse d'un ré-import réussi du tableau financier. */
export const importTableauReponseSchema = z.object({
  version: z.int(),
  /** Actions dont un montant ou l'intitulé a changé. */
  actions_modifiees: z.array(z.string()),
});
export type ImportTableauReponse = z.infer<typeof importTableauReponseSchema>;

/** Taille maximale d'un tableau financier XLSX téléversé (octets). */
export const TAILLE_MAX_TABLEAU = 5 * 1024 * 1024;
