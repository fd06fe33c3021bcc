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

// --- Échéances, rappels, calendrier (issue 6 § 2) -------------------------------------------------------

export const STATUTS_ECHEANCE = ['en_retard', 'proche', 'a_venir', 'fait', 'repere'] as const;

export const echeanceApiSchema = z.object({
  convention_id: z.int(),
  collectivite: z.object({ id: z.string(), nom: z.string() }),
  cadre: z.string(),
  exercice: z.int(),
  regime: z.enum(['civil', 'glissant']),
  code: z.string(),
  libelle: z.string(),
  source: z.string(),
  debut: z.string().nullable(),
  echeance: z.string(),
  responsables: z.array(z.enum(ROLES_PILOTAGE)),
  statut: z.enum(STATUTS_ECHEANCE),
  fait_le: z.string().nullable(),
});
export type EcheanceApi = z.infer<typeof echeanceApiSchema>;

export const echeancesSchema = z.object({
  aujourdhui: z.string(),
  echeances: z.array(echeanceApiSchema),
  retards_par_collectivite: z.record(z.string(), z.int()),
});
export type EcheancesApi = z.infer<typeof echeancesSchema>;

export const filtresEcheancesSchema = z.object({
  exercice: z.coerce.number().int().optional(),
  collectivite: z.string().optional(),
  statut: z.enum(STATUTS_ECHEANCE).optional(),
});

export const courrielSchema = z.object({
  id: z.int(),
  destinataire: z.string(),
  sujet: z.string(),
  corps: z.string(),
  transport: z.enum(['smtp', 'boite']),
  cree_le: z.string(),
  envoye_le: z.string().nullable(),
  erreur: z.string().nullable(),
});
export const boiteEnvoiSchema = z.object({ courriels: z.array(courrielSchema) });
export type BoiteEnvoi = z.infer<typeof boiteEnvoiSchema>;

export const bilanEnvoiSchema = z.object({
  examinees: z.int(),
  envoyes: z.int(),
  deja_envoyes: z.int(),
  erreurs: z.int(),
});
export type BilanEnvoi = z.infer<typeof bilanEnvoiSchema>;

export const jetonCalendrierSchema = z.object({
  actif: z.boolean(),
  cree_le: z.string().nullable(),
  /** Adresse du flux, donnée une seule fois, à la création (le jeton n'est gardé qu'en empreinte). */
  url: z.string().nullable(),
});
export type JetonCalendrier = z.infer<typeof jetonCalendrierSchema>;

// --- Bilan partagé (issue 6 § 3) -------------------------------------------------------------------------

const champsBilanSchema = z.object({
  date_bilan: jourSchema,
  participants: z.string().max(5000),
  constats: z.string().max(20000),
  decisions: z.string().max(20000),
  exercice: z.int().min(2018).max(2100).nullable(),
  /** Numéros des fiches actions examinées. */
  actions: z.array(z.string()).max(500),
  /** Codes des indicateurs examinés. */
  indicateurs: z.array(z.string()).max(500),
});

export const bilanPartageSchema = champsBilanSchema.extend({
  id: z.int(),
  convention_id: z.int(),
  version: z.int(),
  cree_par: z.string(),
  cree_le: z.string(),
  modifie_le: z.string(),
});
export type BilanPartage = z.infer<typeof bilanPartageSchema>;

export const bilansPartagesSchema = z.object({
  bilans: z.array(bilanPartageSchema),
  /** Le compte peut-il écrire un bilan (collectivité, DDETS, commissaire du territoire) ? */
  modifiable: z.boolean(),
});
export type BilansPartages = z.infer<typeof bilansPartagesSchema>;

export const bilanCreationSchema = champsBilanSchema;
export type BilanCreation = z.infer<typeof bilanCreationSchema>;
/** Modification : version du bilan (verrouillage optimiste, 409 si périmée). */
export const bilanModificationSchema = champsBilanSchema.extend({ version: versionSchema });
export type BilanModification = z.infer<typeof bilanModificationSchema>;
