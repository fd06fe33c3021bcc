import { createRoute, z } from '@hono/zod-openapi';
import {
  identiteEntreeSchema,
  identiteModificationSchema,
  identiteSchema,
  identitesSchema,
} from '@jalon/schemas';
import { associerIdentite, listerIdentites, modifierIdentite, retirerIdentite } from '../../cas/identites.ts';
import type { AppJalon, Dependances } from '../contexte.ts';
import { acteurDe, corpsJson, ERREURS_ECRITURE, ERREURS_LECTURE, json } from './commun.ts';

const paramsIdentite = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

/** Administration des identités ProConnect (rôle `national`, INT-SECURITE-1), avec audit. */
export function routesIdentites(app: AppJalon, deps: Dependances) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/identites',
      tags: ['identites'],
      summary: 'Identités ProConnect associées et journal des associations (administration centrale)',
      responses: { 200: json(identitesSchema, 'Identités et historique'), ...ERREURS_LECTURE },
    }),
    async (c) => c.json(await listerIdentites(deps.persistance.depots, acteurDe(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/identites',
      tags: ['identites'],
      summary: 'Associer une identité (e-mail, sub) à un rôle et un territoire',
      request: corpsJson(identiteEntreeSchema),
      responses: { 201: json(identiteSchema, 'Identité associée'), ...ERREURS_ECRITURE },
    }),
    async (c) => c.json(await associerIdentite(deps.persistance, acteurDe(c), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/identites/{id}',
      tags: ['identites'],
      summary: 'Changer le rôle ou le territoire d’une identité (ses sessions sont fermées)',
      request: { params: paramsIdentite, ...corpsJson(identiteModificationSchema) },
      responses: { 200: json(identiteSchema, 'Identité modifiée'), ...ERREURS_ECRITURE },
    }),
    async (c) =>
      c.json(
        await modifierIdentite(deps.persistance, acteurDe(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/identites/{id}',
      tags: ['identites'],
      summary: 'Retirer une identité (compte désactivé, sessions fermées)',
      request: { params: paramsIdentite },
      responses: { 204: { description: 'Identité retirée' }, ...ERREURS_LECTURE },
    }),
    async (c) => {
      await retirerIdentite(deps.persistance, acteurDe(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
