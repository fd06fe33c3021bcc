import { createRoute, z } from '@hono/zod-openapi';
import {
  conventionDetailSchema,
  ficheCreationSchema,
  ficheModificationSchema,
  lignesFinancieresSchema,
} from '@jalon/schemas';
import { detailConvention } from '../../cas/conventions.ts';
import { creerFiche, modifierFiche, modifierLignesFinancieres, supprimerFiche } from '../../cas/fiches.ts';
import type { AppJalon, Dependances } from '../contexte.ts';
import { acteurDe, corpsJson, ERREURS_ECRITURE, json, paramsConvention, paramsFiche } from './commun.ts';

export function routesFiches(app: AppJalon, deps: Dependances) {
  const { persistance } = deps;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/conventions/{id}/fiches',
      tags: ['fiches actions'],
      summary: 'Créer une fiche action',
      request: { params: paramsConvention, ...corpsJson(ficheCreationSchema) },
      responses: {
        201: json(
          conventionDetailSchema.extend({ fiche_id: z.int() }),
          'Créée : la convention à jour et l’id de la fiche',
        ),
        ...ERREURS_ECRITURE,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { resultat, convention } = await creerFiche(persistance, acteurDe(c), id, c.req.valid('json'));
      const detail = await detailConvention(persistance, acteurDe(c), id, convention);
      return c.json({ ...detail, fiche_id: resultat }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/conventions/{id}/fiches/{ficheId}',
      tags: ['fiches actions'],
      summary: 'Modifier une fiche action (champs fournis seulement)',
      request: { params: paramsFiche, ...corpsJson(ficheModificationSchema) },
      responses: {
        200: json(conventionDetailSchema, 'Modifiée : la convention à jour'),
        ...ERREURS_ECRITURE,
      },
    }),
    async (c) => {
      const { id, ficheId } = c.req.valid('param');
      const { convention } = await modifierFiche(persistance, acteurDe(c), id, ficheId, c.req.valid('json'));
      return c.json(await detailConvention(persistance, acteurDe(c), id, convention), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/conventions/{id}/fiches/{ficheId}',
      tags: ['fiches actions'],
      summary: 'Supprimer une fiche action (?version=)',
      request: { params: paramsFiche, query: z.object({ version: z.coerce.number().int().min(1) }) },
      responses: {
        200: json(conventionDetailSchema, 'Supprimée : la convention à jour'),
        ...ERREURS_ECRITURE,
      },
    }),
    async (c) => {
      const { id, ficheId } = c.req.valid('param');
      await supprimerFiche(persistance, acteurDe(c), id, ficheId, c.req.valid('query').version);
      return c.json(await detailConvention(persistance, acteurDe(c), id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/conventions/{id}/lignes-financieres',
      tags: ['fiches actions'],
      summary: 'Modifier en bloc les lignes financières (collage depuis un tableur), montants en centimes',
      request: { params: paramsConvention, ...corpsJson(lignesFinancieresSchema) },
      responses: {
        200: json(conventionDetailSchema, 'Modifiées : la convention à jour'),
        ...ERREURS_ECRITURE,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await modifierLignesFinancieres(persistance, acteurDe(c), id, c.req.valid('json'));
      return c.json(await detailConvention(persistance, acteurDe(c), id), 200);
    },
  );
}
