import { z } from 'zod';
import { CODES_TRANSITION, ETATS_AVENANT, ETATS_CONVENTION, ROLES_PILOTAGE } from '@jalon/domaine';
import { versionSchema } from './commun.ts';

/**
 * Cycle de vie d'une convention côté API (issue 6 § 1) : la vue (parcours, prochaine étape, transitions jugées
 * pour le compte connecté) et la demande de transition. Les règles sont celles de `@jalon/domaine`
 * (`CYCLES_DE_VIE`) ; le serveur les applique, l'interface ne fait qu'afficher.
 */

const jourSchema = z.iso.date({ error: 'date AAAA-MM-JJ attendue' });

export const refusTransitionSchema = z.object({
  motif: z.string(),
  message: z.string(),
  source: z.string().optional(),
});
export type RefusTransition = z.infer<typeof refusTransitionSchema>;

export const transitionOfferteSchema = z.object({
  code: z.enum(CODES_TRANSITION),
  libelle: z.string(),
  roles: z.array(z.enum(ROLES_PILOTAGE)),
  possible: z.boolean(),
  refus: z.array(refusTransitionSchema),
  source: z.string(),
  /** La transition porte la date d'un acte à saisir (délibération, signature). */
  date: z.enum(['deliberation', 'signature']).nullable(),
  /** Un motif écrit est exigé (réouverture, avenant, dénonciation). */
  motif: z.boolean(),
  /** Validation de fiches : le compte choisit les fiches (toutes par défaut). */
  fiches: z.boolean(),
  principale: z.boolean(),
});
export type TransitionOfferteApi = z.infer<typeof transitionOfferteSchema>;

export const vueCycleSchema = z.object({
  convention_id: z.int(),
  version: z.int(),
  etat: z.enum(ETATS_CONVENTION),
  libelle_etat: z.string(),
  parcours: z.array(
    z.object({
      etat: z.enum(ETATS_CONVENTION),
      libelle: z.string(),
      statut: z.enum(['franchie', 'courante', 'a_venir']),
      le: z.string().nullable(),
    }),
  ),
  prochaine_etape: z
    .object({
      code: z.enum(CODES_TRANSITION),
      libelle: z.string(),
      roles: z.array(z.enum(ROLES_PILOTAGE)),
      libelles_roles: z.array(z.string()),
      signatures_attendues: z.array(z.string()),
      prerequis_manquants: z.array(refusTransitionSchema),
    })
    .nullable(),
  transitions: z.array(transitionOfferteSchema),
  date_deliberation: z.string().nullable(),
  date_signature: z.string().nullable(),
  signatures: z.array(z.object({ signataire: z.string(), libelle: z.string(), le: z.string().nullable() })),
  fiches: z.array(
    z.object({
      numero: z.string(),
      intitule: z.string(),
      collectivite: z.string().nullable(),
      etat: z.string().nullable(),
    }),
  ),
  avenants: z.array(
    z.object({
      numero: z.int(),
      objet: z.string(),
      etat: z.enum(ETATS_AVENANT),
      date_deliberation: z.string().nullable(),
      date_signature: z.string().nullable(),
    }),
  ),
  journal: z.array(
    z.object({
      transition: z.enum(CODES_TRANSITION),
      objet: z.enum(['convention', 'avenant']),
      avenant: z.int().nullable(),
      de: z.string(),
      vers: z.string(),
      acteur: z.string(),
      role: z.enum(ROLES_PILOTAGE),
      horodatage: z.string(),
      date: z.string(),
      details: z.string().nullable(),
    }),
  ),
});
export type VueCycleApi = z.infer<typeof vueCycleSchema>;

/** `POST /api/conventions/{id}/transitions`. */
export const demandeTransitionSchema = z.object({
  version: versionSchema,
  code: z.enum(CODES_TRANSITION, { error: 'transition inconnue' }),
  /** Jour de l'acte (délibération, signature) ; aujourd'hui (Paris) par défaut. */
  date: jourSchema.optional(),
  motif: z.string().max(2000).optional(),
  /** `valider_fiches` : numéros des fiches ; toutes par défaut. */
  fiches: z.array(z.string()).optional(),
});
export type DemandeTransitionApi = z.infer<typeof demandeTransitionSchema>;

/** Refus d'une transition (HTTP 403 si seuls le rôle ou le territoire manquent, 422 sinon). */
export const refusTransitionReponseSchema = z.object({
  erreur: z.string(),
  details: z.object({ refus: z.array(refusTransitionSchema) }),
});
