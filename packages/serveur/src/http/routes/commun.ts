import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { erreurSchema } from '@jalon/schemas';
import { nonConnecte } from '../../cas/erreurs.ts';
import type { Acteur } from '../../cas/mutation.ts';
import type { EnvJalon } from '../contexte.ts';

export function acteurDe(c: Context<EnvJalon>): Acteur {
  const session = c.get('session');
  if (session === undefined) throw nonConnecte();
  return session.acteur;
}

export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const erreur = (description: string) => json(erreurSchema, description);

/** Réponses d'erreur communes à toute route protégée. */
export const ERREURS_LECTURE = {
  401: erreur('Non connecté'),
  403: erreur('Rôle ou territoire insuffisant'),
  404: erreur('Introuvable ou hors du territoire du compte'),
} as const;

export const ERREURS_ECRITURE = {
  ...ERREURS_LECTURE,
  409: erreur('Version périmée : la convention a changé, rien n’a été écrit'),
  422: erreur('Entrée invalide (chemin JSON et raison en français)'),
} as const;

export const paramsConvention = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

export const paramsFiche = paramsConvention.extend({
  ficheId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'ficheId', in: 'path' }, example: 1 }),
});

export const corpsJson = <S extends z.ZodType>(schema: S) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
