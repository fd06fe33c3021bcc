import { z } from 'zod';

/** Rôles des comptes (issue « Plateforme » § 5). */
export const ROLES = [
  'departement_agent',
  'departement_valideur',
  'ddets',
  'commissaire',
  'national',
] as const;
export type Role = (typeof ROLES)[number];

export const LIBELLES_ROLES: Readonly<Record<Role, string>> = {
  departement_agent: 'Agent de la collectivité',
  departement_valideur: 'Valideur de la collectivité',
  ddets: 'DDETS (État au département)',
  commissaire: 'Commissaire à la lutte contre la pauvreté (région)',
  national: 'Administration centrale',
};

/**
 * Territoire d'un compte (INT-PLATEFORME-1) : une collectivité (agents et valideurs), un département (DDETS),
 * une région (commissaire) ou la France entière (national).
 */
export const territoireSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('collectivite'), collectivite_id: z.string(), libelle: z.string() }),
  z.object({ type: z.literal('departement'), code: z.string(), libelle: z.string() }),
  z.object({ type: z.literal('region'), code: z.string(), libelle: z.string() }),
  z.object({ type: z.literal('national'), libelle: z.string() }),
]);
export type Territoire = z.infer<typeof territoireSchema>;

export const utilisateurSchema = z.object({
  id: z.int(),
  identifiant: z.string(),
  nom: z.string(),
  role: z.enum(ROLES),
  territoire: territoireSchema,
});
export type Utilisateur = z.infer<typeof utilisateurSchema>;

export const connexionEntreeSchema = z.object({
  identifiant: z.string().min(1, { error: 'identifiant obligatoire' }),
  mot_de_passe: z.string().min(1, { error: 'mot de passe obligatoire' }),
});
export type ConnexionEntree = z.infer<typeof connexionEntreeSchema>;

/**
 * `GET /api/session` : le compte connecté (ou `null`), le jeton CSRF à renvoyer dans l'en-tête
 * `X-CSRF-Token` de toute requête qui modifie, et `demo: true` en mode démonstration (bandeau « Démonstration »).
 */
export const sessionSchema = z.object({
  utilisateur: utilisateurSchema.nullable(),
  csrf: z.string().nullable(),
  demo: z.boolean(),
  /** En démonstration : les comptes de démonstration et leur mot de passe commun (données fictives). */
  comptes_demo: z
    .array(z.object({ identifiant: z.string(), role: z.enum(ROLES), territoire: z.string() }))
    .optional(),
  mot_de_passe_demo: z.string().optional(),
});
export type Session = z.infer<typeof sessionSchema>;

export const EN_TETE_CSRF = 'X-CSRF-Token';
