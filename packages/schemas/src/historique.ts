import { z } from 'zod';

/** Une ligne du journal d'audit : qui, quand, quoi, avant, après (issue « Plateforme » § 6). */
export const entreeHistoriqueSchema = z.object({
  id: z.int(),
  quand: z.string(),
  qui: z.string(),
  role: z.string().nullable(),
  action: z.string(),
  entite: z.string(),
  entite_id: z.string(),
  avant: z.unknown(),
  apres: z.unknown(),
});
export type EntreeHistorique = z.infer<typeof entreeHistoriqueSchema>;

export const historiqueSchema = z.object({ entrees: z.array(entreeHistoriqueSchema) });
