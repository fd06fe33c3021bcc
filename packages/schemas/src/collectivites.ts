import { z } from 'zod';

export const TYPES_COLLECTIVITE = ['departement', 'metropole', 'region'] as const;
export type TypeCollectivite = (typeof TYPES_COLLECTIVITE)[number];

/** Une collectivité qui contractualise (000 · annexe 6 ; 001 · II). `id` = `<type>:<code>` (`departement:44`). */
export const collectiviteSchema = z.object({
  id: z.string(),
  type: z.enum(TYPES_COLLECTIVITE),
  code: z.string(),
  nom: z.string(),
  /** Département du territoire (département lui-même, département d'accueil d'une métropole) ; null pour une région. */
  departement: z.string().nullable(),
  region: z.string().nullable(),
});
export type Collectivite = z.infer<typeof collectiviteSchema>;

export const collectivitesSchema = z.object({ collectivites: z.array(collectiviteSchema) });
