import { createRoute } from '@hono/zod-openapi';
import { franceTravailModificationSchema, franceTravailSchema } from '@jalon/schemas';
import { lireFranceTravail, modifierFranceTravail } from '../../cas/france-travail.ts';
import type { AppJalon, Dependances } from '../contexte.ts';
import { acteurDe, corpsJson, ERREURS_ECRITURE, ERREURS_LECTURE, json, paramsConvention } from './commun.ts';

export function routesFranceTravail(app: AppJalon, deps: Dependances) {
  const { persistance } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conventions/{id}/france-travail',
      tags: ['France Travail'],
      summary: 'Parcours types (003 annexe 4 § 2-a), volet 3 (annexe 3), coopération (annexe 7, annexe 5)',
      request: { params: paramsConvention },
      responses: { 200: json(franceTravailSchema, 'Éléments France Travail'), ...ERREURS_LECTURE },
    }),
    async (c) => c.json(await lireFranceTravail(persistance, acteurDe(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/conventions/{id}/france-travail',
      tags: ['France Travail'],
      summary: 'Modifier parcours types, volet 3 ou coopération',
      request: { params: paramsConvention, ...corpsJson(franceTravailModificationSchema) },
      responses: { 200: json(franceTravailSchema, 'Modifiés : les éléments à jour'), ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await modifierFranceTravail(persistance, acteurDe(c), id, c.req.valid('json'));
      return c.json(await lireFranceTravail(persistance, acteurDe(c), id), 200);
    },
  );
}
