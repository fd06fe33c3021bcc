import { createRoute, z } from '@hono/zod-openapi';
import {
  enveloppeModificationSchema,
  enveloppeSchema,
  partOutreMerModificationSchema,
  simulationDemandeSchema,
  simulationSchema,
} from '@jalon/schemas';
import { definirEnveloppe, definirPartOutreMer, lireEnveloppe, simulerRegion } from '../../cas/enveloppes.ts';
import type { AppJalon, Dependances } from '../contexte.ts';
import { acteurDe, corpsJson, ERREURS_ECRITURE, ERREURS_LECTURE, json } from './commun.ts';

const params = z.object({
  cadre: z.string().openapi({ param: { name: 'cadre', in: 'path' }, example: 'calpae-2023' }),
  exercice: z.coerce
    .number()
    .int()
    .min(2019)
    .max(2030)
    .openapi({ param: { name: 'exercice', in: 'path' }, example: 2023 }),
});

/**
 * Enveloppes (issue 6 § 5) : lecture (État), fixation (national), part conservée outre-mer (commissaire de la
 * région, national), simulation des réfactions (commissaire).
 */
export function routesEnveloppes(app: AppJalon, deps: Dependances) {
  const { persistance } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/enveloppes/{cadre}/{exercice}',
      tags: ['pilotage'],
      summary: 'Enveloppe nationale et montants notifiés (services de l’État)',
      request: { params },
      responses: { 200: json(enveloppeSchema, 'L’enveloppe'), ...ERREURS_LECTURE },
    }),
    async (c) => {
      const { cadre, exercice } = c.req.valid('param');
      return c.json(await lireEnveloppe(persistance, acteurDe(c), cadre, exercice), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/enveloppes/{cadre}/{exercice}',
      tags: ['pilotage'],
      summary: 'Fixer l’enveloppe nationale et la clé de répartition (administration centrale)',
      request: { params, ...corpsJson(enveloppeModificationSchema) },
      responses: { 200: json(enveloppeSchema, 'Répartie et enregistrée'), ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { cadre, exercice } = c.req.valid('param');
      return c.json(
        await definirEnveloppe(persistance, acteurDe(c), cadre, exercice, c.req.valid('json')),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/enveloppes/{cadre}/{exercice}/outre-mer/{collectivite}',
      tags: ['pilotage'],
      summary:
        'Part des crédits conservée par l’État dans une collectivité de l’article 73 (001 · I.4 ; commissaire de la région, national)',
      request: {
        params: params.extend({
          collectivite: z
            .string()
            .min(1)
            .max(64)
            .openapi({ param: { name: 'collectivite', in: 'path' }, example: 'departement:974' }),
        }),
        ...corpsJson(partOutreMerModificationSchema),
      },
      responses: { 200: json(enveloppeSchema, 'Décision enregistrée'), ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { cadre, exercice, collectivite } = c.req.valid('param');
      return c.json(
        await definirPartOutreMer(
          persistance,
          acteurDe(c),
          cadre,
          exercice,
          collectivite,
          c.req.valid('json'),
          deps.horloge(),
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/enveloppes/{cadre}/{exercice}/regions/{region}/simulation',
      tags: ['pilotage'],
      summary: 'Simuler les réfactions et la part maintenue en région (≥ 80 %), sans rien écrire',
      request: {
        params: params.extend({
          region: z
            .string()
            .regex(/^\d{2}$/)
            .openapi({ param: { name: 'region', in: 'path' }, example: '52' }),
        }),
        ...corpsJson(simulationDemandeSchema),
      },
      responses: { 200: json(simulationSchema, 'La simulation'), ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { cadre, exercice, region } = c.req.valid('param');
      return c.json(
        await simulerRegion(persistance, acteurDe(c), cadre, exercice, region, c.req.valid('json')),
        200,
      );
    },
  );
}
