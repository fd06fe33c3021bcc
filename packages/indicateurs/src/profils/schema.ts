/**
 * Profil de correspondance (issue 7 § 2) : déclaré une fois par un département, il dit comment un export CSV/XLSX de
 * son logiciel devient des lignes du format d'échange (parcours RSA v1/v1.1). Schéma zod versionné (`jalon.profil/1`),
 * partagé par la CLI et le serveur. Documentation et exemple : docs/donnees-reelles.md.
 */
import { z } from 'zod';

export const FORMAT_PROFIL = 'jalon.profil/1';

/** Formats de date acceptés dans un export (jetons : JJ, MM, AAAA, AA). */
export const FORMATS_DATE = [
  'JJ/MM/AAAA',
  'AAAA-MM-JJ',
  'JJ-MM-AAAA',
  'JJ.MM.AAAA',
  'JJ/MM/AA',
  'AAAAMMJJ',
] as const;

/**
 * Règle d'un champ de sortie : valeur fixe, ou colonne de l'export (éventuellement traduite par `correspondances`,
 * clés comparées sans casse ni accents), avec une valeur `defaut` quand la cellule est vide.
 */
export const schemaChamp = z
  .object({
    colonne: z.string().min(1).optional(),
    valeur: z.string().optional(),
    correspondances: z.record(z.string(), z.string()).optional(),
    /** Valeur de sortie quand la cellule est vide (sinon : champ vide, ou rejet si le champ est obligatoire). */
    defaut: z.string().optional(),
    /** Valeur de sortie pour une valeur absente des correspondances (sinon : ligne rejetée, raison donnée). */
    autre: z.string().optional(),
  })
  .strict()
  .refine((c) => (c.colonne === undefined) !== (c.valeur === undefined), {
    message: 'un champ a soit « colonne », soit « valeur »',
  });
export type Champ = z.infer<typeof schemaChamp>;

const CHAMPS_EVENEMENT = [
  'type',
  'date',
  'organisme',
  'parcours',
  'dispositif',
  'statut',
  'conseiller',
  'motif',
  'freins',
  'duree_heures',
  'modalite',
  'type_contrat',
  'duree_mois',
] as const;
const CHAMPS_SITUATION = ['mois', 'droit_versable', 'soumis_droits_devoirs', 'etat_droit'] as const;
export type ChampEvenement = (typeof CHAMPS_EVENEMENT)[number];
export type ChampSituation = (typeof CHAMPS_SITUATION)[number];

/** Une règle produit au plus une ligne de sortie par ligne de l'export ; `si` la rend conditionnelle. */
export const schemaRegle = z
  .object({
    nom: z.string().optional(),
    /** Colonne qui doit être non vide pour produire la ligne (ex. « Date du dernier RDV ») : sinon rien, sans rejet. */
    si: z.string().min(1).optional(),
    champs: z.partialRecord(z.enum([...CHAMPS_EVENEMENT, ...CHAMPS_SITUATION]), schemaChamp),
  })
  .strict();
export type Regle = z.infer<typeof schemaRegle>;

export const schemaProfil = z
  .object({
    format: z.literal(FORMAT_PROFIL),
    nom: z.string().min(1),
    departement: z.string().optional(),
    description: z.string().optional(),
    cible: z.enum(['evenements', 'situations_mensuelles']),
    entree: z
      .object({
        /** Nom de la feuille d'un classeur XLSX (défaut : la première). */
        feuille: z.string().optional(),
      })
      .strict()
      .default({}),
    identifiant: z
      .object({
        colonne: z.string().min(1),
        /** Vrai : la colonne est pseudonymisée avec la clé du département (HMAC) ; faux : déjà pseudonymisée. */
        pseudonymiser: z.boolean(),
      })
      .strict(),
    formatsDate: z.array(z.enum(FORMATS_DATE)).min(1).default(['JJ/MM/AAAA', 'AAAA-MM-JJ']),
    regles: z.array(schemaRegle).min(1),
  })
  .strict();
export type Profil = z.infer<typeof schemaProfil>;

export class ErreurProfil extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ErreurProfil';
  }
}

/** Valide un profil (objet JSON déjà lu) ; `ErreurProfil` avec chaque problème et son chemin, en français. */
export function validerProfil(brut: unknown, nomFichier = 'profil'): Profil {
  const r = schemaProfil.safeParse(brut);
  if (r.success) return r.data;
  const problemes = r.error.issues.map((i) => `  - ${i.path.join('.') || '(racine)'} : ${i.message}`);
  throw new ErreurProfil(`${nomFichier} : profil invalide (${FORMAT_PROFIL}) :\n${problemes.join('\n')}`);
}
