import { z } from 'zod';
import { versionSchema } from './commun.ts';

/**
 * Données réelles (docs/donnees-reelles.md § 4) : profils de correspondance enregistrés par collectivité,
 * téléversements calculés par le moteur d'indicateurs, historique des imports et listes d'explication.
 * Le profil lui-même (`jalon.profil/1`) est validé par le serveur (`@jalon/indicateurs/profils`).
 */
export const profilEnregistreSchema = z.object({
  id: z.int(),
  collectivite_id: z.string(),
  nom: z.string(),
  profil: z.record(z.string(), z.unknown()),
  version: z.int(),
  modifie_par: z.string(),
  modifie_le: z.string(),
});
export type ProfilEnregistre = z.infer<typeof profilEnregistreSchema>;

export const profilIntegreSchema = z.object({
  code: z.string(),
  nom: z.string(),
  profil: z.record(z.string(), z.unknown()),
});

export const listeProfilsSchema = z.object({
  profils: z.array(profilEnregistreSchema),
  integres: z.array(profilIntegreSchema),
  droits: z.object({ modifier: z.boolean() }),
});
export type ListeProfils = z.infer<typeof listeProfilsSchema>;

export const profilCreationSchema = z.object({
  nom: z.string().trim().min(1).max(120),
  profil: z.record(z.string(), z.unknown()),
});
export const profilModificationSchema = profilCreationSchema.extend({ version: versionSchema });

/** Une ligne en cause : fichier, ligne (1 = en-tête), colonne, raison. */
export const erreurLigneDonneesSchema = z.object({
  fichier: z.string(),
  ligne: z.int(),
  colonne: z.string().nullable(),
  raison: z.string(),
});
export type ErreurLigneDonnees = z.infer<typeof erreurLigneDonneesSchema>;

export const importDonneesSchema = z.object({
  id: z.int(),
  convention_id: z.int(),
  annee: z.int(),
  qui: z.string(),
  quand: z.string(),
  forme: z.enum(['archive', 'echange', 'sources']),
  profil: z.string().nullable(),
  fichiers: z.array(z.object({ nom: z.string(), octets: z.int(), empreinte: z.string() })),
  empreinte: z.string(),
  moteur_version: z.string(),
  lignes: z.object({ situations: z.int(), evenements: z.int() }),
  anomalies: z.array(
    z.object({ code: z.string(), message: z.string(), nombre: z.int(), exemples: z.array(z.string()) }),
  ),
  avertissements: z.array(z.string()),
  indicateurs: z.record(z.string(), z.number().nullable()),
  ignores: z.array(z.object({ indicateur: z.string(), raison: z.string() })),
  explications: z.array(z.object({ indicateur: z.string(), lignes: z.int(), retenues: z.int() })),
});
export type ImportDonnees = z.infer<typeof importDonneesSchema>;

export const listeImportsSchema = z.object({ imports: z.array(importDonneesSchema) });
export type ListeImports = z.infer<typeof listeImportsSchema>;

export const reponseTeleversementSchema = z.object({
  import: importDonneesSchema,
  version: z.int(),
});
export type ReponseTeleversement = z.infer<typeof reponseTeleversementSchema>;

export const apercuProfilSchema = z.object({
  colonnes_source: z.array(z.string()),
  colonnes: z.array(z.string()),
  lues: z.int(),
  produites: z.int(),
  lignes: z.array(z.record(z.string(), z.string())),
  rejets: z.array(z.object({ ligne: z.int(), colonne: z.string().nullable(), raison: z.string() })),
});
export type ApercuProfilDto = z.infer<typeof apercuProfilSchema>;

/** Champs texte du formulaire de téléversement (multipart/form-data, avant les fichiers). */
export const CHAMPS_TELEVERSEMENT = ['version', 'annee', 'profil', 'cle'] as const;
/** Profil intégré RDV-Insertion : valeur du champ `profil`. */
export const PROFIL_INTEGRE_RDV_INSERTION = 'rdv-insertion';
