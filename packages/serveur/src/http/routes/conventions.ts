import { createRoute, z } from '@hono/zod-openapi';
import {
  conventionDetailSchema,
  conventionModificationSchema,
  conventionsSchema,
  filtresConventionsSchema,
  historiqueSchema,
  refusDepotSchema,
  versionSeuleSchema,
} from '@jalon/schemas';
import {
  deposerConvention,
  detailConvention,
  historiqueConvention,
  listerConventions,
  modifierChampsConvention,
  validerConventionDeposee,
} from '../../cas/conventions.ts';
import { exporterConvention, importerConvention } from '../../cas/echange.ts';
import type { AppJalon, Dependances } from '../contexte.ts';
import { acteurDe, corpsJson, ERREURS_ECRITURE, ERREURS_LECTURE, json, paramsConvention } from './commun.ts';

export function routesConventions(app: AppJalon, deps: Dependances) {
  const { persistance } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conventions',
      tags: ['conventions'],
      summary: 'Conventions du territoire du compte, filtrables',
      request: { query: filtresConventionsSchema },
      responses: { 200: json(conventionsSchema, 'Conventions'), ...ERREURS_LECTURE },
    }),
    async (c) => {
      const conventions = await listerConventions(persistance, acteurDe(c), c.req.valid('query'));
      return c.json({ conventions }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conventions/{id}',
      tags: ['conventions'],
      summary: 'Détail : fiches actions, lignes financières, totaux et contrôles (calculés par le domaine)',
      request: { params: paramsConvention },
      responses: { 200: json(conventionDetailSchema, 'Convention'), ...ERREURS_LECTURE },
    }),
    async (c) => c.json(await detailConvention(persistance, acteurDe(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/conventions/{id}',
      tags: ['conventions'],
      summary: 'Modifier régime, durée, enveloppe État ou statut (brouillon ↔ en négociation)',
      request: { params: paramsConvention, ...corpsJson(conventionModificationSchema) },
      responses: {
        200: json(conventionDetailSchema, 'Modifiée : la convention à jour'),
        ...ERREURS_ECRITURE,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await modifierChampsConvention(persistance, acteurDe(c), id, c.req.valid('json'));
      return c.json(await detailConvention(persistance, acteurDe(c), id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/conventions/{id}/depot',
      tags: ['conventions'],
      summary: 'Déposer (valideur de la collectivité) ; refusé avec les contrôles bloquants',
      request: { params: paramsConvention, ...corpsJson(versionSeuleSchema) },
      responses: {
        200: json(conventionDetailSchema, 'Déposée : la convention à jour'),
        ...ERREURS_ECRITURE,
        422: json(refusDepotSchema, 'Contrôles bloquants : dépôt refusé'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await deposerConvention(persistance, acteurDe(c), id, c.req.valid('json').version);
      return c.json(await detailConvention(persistance, acteurDe(c), id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/conventions/{id}/validation',
      tags: ['conventions'],
      summary: 'Valider une convention déposée (DDETS du département)',
      request: { params: paramsConvention, ...corpsJson(versionSeuleSchema) },
      responses: { 200: json(conventionDetailSchema, 'Validée : la convention à jour'), ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await validerConventionDeposee(persistance, acteurDe(c), id, c.req.valid('json').version);
      return c.json(await detailConvention(persistance, acteurDe(c), id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conventions/{id}/historique',
      tags: ['conventions'],
      summary: 'Journal d’audit de la convention (qui, quand, quoi, avant, après)',
      request: { params: paramsConvention },
      responses: {
        200: json(historiqueSchema, 'Historique, du plus récent au plus ancien'),
        ...ERREURS_LECTURE,
      },
    }),
    async (c) => {
      const entrees = await historiqueConvention(persistance, acteurDe(c), c.req.valid('param').id);
      return c.json({ entrees }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conventions/{id}/export',
      tags: ['échange'],
      summary: 'Export au format jalon.convention/1 (montants en euros)',
      request: { params: paramsConvention },
      responses: {
        200: json(z.looseObject({ format: z.literal('jalon.convention/1') }), 'Document'),
        ...ERREURS_LECTURE,
      },
    }),
    async (c) => {
      const { document, convention } = await exporterConvention(
        persistance,
        acteurDe(c),
        c.req.valid('param').id,
      );
      const nom = `convention-${convention.collectivite.code}-${convention.cadre}-${convention.exercice}.json`;
      c.header('Content-Disposition', `attachment; filename="${nom}"`);
      return c.json(document, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/conventions/import',
      tags: ['échange'],
      summary: 'Import d’un document jalon.convention/1 (crée, ou remplace avec ?version=)',
      request: {
        query: z.object({ version: z.coerce.number().int().min(1).optional() }),
        body: { content: { 'application/json': { schema: z.looseObject({}) } }, required: true },
      },
      responses: {
        200: json(z.object({ id: z.int(), version: z.int(), cree: z.boolean() }), 'Importée'),
        ...ERREURS_ECRITURE,
      },
    }),
    async (c) => {
      const resultat = await importerConvention(
        persistance,
        acteurDe(c),
        c.req.valid('json'),
        c.req.valid('query').version,
      );
      return c.json(resultat, 200);
    },
  );
}
