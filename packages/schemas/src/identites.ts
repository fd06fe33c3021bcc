import { z } from 'zod';
import { ROLES } from './acces.ts';
import { entreeHistoriqueSchema } from './historique.ts';

/**
 * Connexion par ProConnect (OIDC) et association des identités aux comptes (docs/securite.md). Réservé à
 * l'administration centrale (rôle `national`, INT-SECURITE-1).
 */
export const oidcEtatSchema = z.object({
  /** La connexion ProConnect est-elle configurée sur ce serveur ? */
  actif: z.boolean(),
});
export type OidcEtat = z.infer<typeof oidcEtatSchema>;

export const oidcDeconnexionSchema = z.object({
  /** Adresse de fin de session chez le fournisseur (session ProConnect), `null` pour un compte local. */
  redirection: z.string().nullable(),
});

/** Codes d'erreur de retour de connexion (`/connexion?erreur=…`), traduits en français par l'interface. */
export const ERREURS_OIDC = [
  'etat_invalide',
  'identite_inconnue',
  'fournisseur',
  'indisponible',
  'trop_de_tentatives',
] as const;
export type ErreurOidc = (typeof ERREURS_OIDC)[number];

export const MESSAGES_ERREURS_OIDC: Readonly<Record<ErreurOidc, string>> = {
  etat_invalide:
    'La connexion ProConnect n’a pas pu être vérifiée (lien expiré, déjà utilisé ou falsifié) : recommencez la connexion.',
  identite_inconnue:
    'Votre identité ProConnect n’est associée à aucun compte Jalon : demandez à l’administration centrale de l’associer à votre rôle et à votre territoire.',
  fournisseur: 'ProConnect a refusé ou interrompu la connexion : recommencez ou contactez votre assistance.',
  indisponible: 'ProConnect ne répond pas pour le moment : réessayez dans quelques minutes.',
  trop_de_tentatives: 'Trop de tentatives de connexion : patientez quelques minutes avant de réessayer.',
};

const texte = z.string().trim();

/** Rôle et territoire : collectivité (agents, valideurs), département (DDETS), région (commissaire), rien (national). */
export const identiteEntreeSchema = z.object({
  email: z.email({ error: 'adresse e-mail invalide' }).max(254),
  /** Identifiant ProConnect (`sub`) s'il est connu ; sinon retenu à la première connexion par l'e-mail. */
  sub: texte.min(1).max(255).nullable().optional(),
  nom: texte.min(1, { error: 'nom obligatoire' }).max(200),
  role: z.enum(ROLES),
  collectivite_id: z.string().nullable().optional(),
  departement: z.string().nullable().optional(),
  region: z.string().nullable().optional(),
});
export type IdentiteEntree = z.infer<typeof identiteEntreeSchema>;

export const identiteModificationSchema = identiteEntreeSchema.omit({ email: true, sub: true });
export type IdentiteModification = z.infer<typeof identiteModificationSchema>;

export const identiteSchema = z.object({
  id: z.int(),
  email: z.string(),
  sub: z.string().nullable(),
  nom: z.string(),
  role: z.enum(ROLES),
  collectivite_id: z.string().nullable(),
  departement: z.string().nullable(),
  region: z.string().nullable(),
  cree_par: z.string(),
  cree_le: z.string(),
  derniere_connexion: z.string().nullable(),
});
export type Identite = z.infer<typeof identiteSchema>;

export const identitesSchema = z.object({
  identites: z.array(identiteSchema),
  /** Journal d'audit des associations (qui, quand, avant, après). */
  historique: z.array(entreeHistoriqueSchema),
});
export type Identites = z.infer<typeof identitesSchema>;
