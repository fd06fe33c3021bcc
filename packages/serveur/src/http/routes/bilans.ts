import { createRoute, z } from '@hono/zod-openapi';
import {
  bilanCreationSchema,
  bilanModificationSchema,
  bilanPartageSchema,
  bilansPartagesSchema,
} from '@jalon/schemas';
import { creerBilan, listerBilans, modifierBilan, supprimerBilan } from '../../cas/bilan-partage.ts';
import type { AppJalon, Dependances } from '../contexte.ts';
import { acteurDe, corpsJson, ERREURS_ECRITURE, ERREURS_LECTURE, json, paramsConvention } from './commun.ts';

const paramsBilan = paramsConvention.extend({
  bilanId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'bilanId', in: 'path' }, example: 1 }),
});

/** Bilans partagés d'une convention (issue 6 § 3). */
export function routesBilans(app: AppJalon, deps: Dependances) {
  const { persistance } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conventions/{id}/bilans',
      tags: ['bilan partagé'],
      summary: 'Bilans partagés de la convention, du plus récent au plus ancien',
      request: { params: paramsConvention },
      responses: { 200: json(bilansPartagesSchema, 'Bilans'), ...ERREURS_LECTURE },
    }),
    async (c) => c.json(await listerBilans(persistance, acteurDe(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/conventions/{id}/bilans',
      tags: ['bilan partagé'],
      summary: 'Enregistrer un bilan partagé (collectivité, DDETS, commissaire du territoire ; audité)',
      request: { params: paramsConvention, ...corpsJson(bilanCreationSchema) },
      responses: { 201: json(bilanPartageSchema, 'Enregistré'), ...ERREURS_ECRITURE },
    }),
    async (c) =>
      c.json(await creerBilan(persistance, acteurDe(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/conventions/{id}/bilans/{bilanId}',
      tags: ['bilan partagé'],
      summary: 'Modifier un bilan partagé (version du bilan, sinon 409 ; audité)',
      request: { params: paramsBilan, ...corpsJson(bilanModificationSchema) },
      responses: { 200: json(bilanPartageSchema, 'Modifié'), ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { id, bilanId } = c.req.valid('param');
      return c.json(await modifierBilan(persistance, acteurDe(c), id, bilanId, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/conventions/{id}/bilans/{bilanId}',
      tags: ['bilan partagé'],
      summary: 'Supprimer un bilan partagé (paramètre version ; audité)',
      request: { params: paramsBilan, query: z.object({ version: z.coerce.number().int().min(1) }) },
      responses: { 204: { description: 'Supprimé' }, ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { id, bilanId } = c.req.valid('param');
      await supprimerBilan(persistance, acteurDe(c), id, bilanId, c.req.valid('query').version);
      return c.body(null, 204);
    },
  );
}
