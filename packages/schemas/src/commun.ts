import { z } from 'zod';

/**
 * Conventions communes de l'API HTTP de Jalon (docs/plateforme.md) :
 * - noms de champs en snake_case, ceux du format `jalon.convention/1` (spec convention-v1 § 1) ;
 * - **montants en centimes entiers** (jamais de sommes en euros flottants) : 1 234,56 € s'écrit 123456 ;
 * - erreurs : `{ "erreur": "<message en français>", "details": … }`.
 */

/** Plafond d'un montant : 1 000 milliards d'euros en centimes (même borne que le domaine, INT-FINANCES-4). */
export const CENTIMES_MAXIMUM = 100_000_000_000_000;

export const centimesSchema = z
  .int({ error: 'montant en centimes entiers attendu' })
  .min(0, { error: 'montant négatif interdit' })
  .max(CENTIMES_MAXIMUM, { error: 'montant hors limites (plus de 1 000 milliards d’euros)' });

export const identifiantSchema = z.coerce.number().int().positive();

export const erreurSchema = z.object({
  erreur: z.string(),
  details: z.unknown().optional(),
});
export type ErreurApi = z.infer<typeof erreurSchema>;

/** Une erreur de validation : chemin JSON (`lignes[2].previsionnel.cd`) et raison en français. */
export const erreurChampSchema = z.object({ chemin: z.string(), raison: z.string() });
export type ErreurChamp = z.infer<typeof erreurChampSchema>;

/** Version attendue de la convention : toute modification la porte ; périmée → HTTP 409 (INT-PLATEFORME-3). */
export const versionSchema = z.int().min(1);
