import { z } from 'zod';

/**
 * Part des crédits conservée par l'État dans une collectivité régie par l'article 73 de la Constitution
 * (001 · I.4 ; annexe 4 § 2 ; issue 6 § 5). Montants en centimes.
 */
export const partOutreMerModificationSchema = z.object({
  /**
   * Part du montant notifié dédiée aux engagements socles ; le reste du montant notifié est le crédit des
   * initiatives (INT-ENVELOPPES-OM-1).
   */
  credits_socle: z.int().min(0),
  conserve_socle: z.int().min(0),
  conserve_initiatives: z.int().min(0).default(0),
  /** Jour de la concertation avec la collectivité (préalable, 001 · I.4) ; absente : refus motivé (422). */
  concertation_le: z.iso.date({ error: 'date AAAA-MM-JJ attendue' }).nullable().default(null),
  motif: z.string().trim().min(1, 'Motif obligatoire.').max(2000),
});
export type PartOutreMerModification = z.infer<typeof partOutreMerModificationSchema>;

export const partOutreMerSchema = z.object({
  collectivite_id: z.string(),
  nom: z.string(),
  region: z.string().nullable(),
  /** Montant notifié aujourd'hui (enveloppe courante). */
  montant_notifie: z.int(),
  /** La décision enregistrée, ou null : rien n'est conservé, tout le montant notifié est versé. */
  decision: z
    .object({
      /** Montant notifié que la décision a vu (diffère du montant courant si l'enveloppe a été répartie depuis). */
      montant_notifie: z.int(),
      credits_socle: z.int(),
      credits_initiatives: z.int(),
      conserve_socle: z.int(),
      conserve_initiatives: z.int(),
      verse_socle: z.int(),
      verse_initiatives: z.int(),
      total_conserve: z.int(),
      total_verse: z.int(),
      concertation_le: z.string(),
      motif: z.string(),
      modifiee_par: z.string(),
      modifiee_le: z.string(),
    })
    .nullable(),
  /** Montant versé à la collectivité : montant notifié courant − part conservée. */
  verse: z.int(),
  /**
   * Crédits socles proposés (aide à la saisie) : le montant notifié réparti comme les crédits État prévus par la
   * convention de la collectivité pour ce cadre et cet exercice ; null sans convention ou sans crédit État
   * (INT-ENVELOPPES-OM-6).
   */
  proposition_credits_socle: z.int().nullable(),
  /** Non vide : la décision ne correspond plus à la notification courante (à revoir). */
  a_revoir: z.array(z.string()),
  peut_modifier: z.boolean(),
});
export type PartOutreMerApi = z.infer<typeof partOutreMerSchema>;
