import { createRoute, z } from '@hono/zod-openapi';
import { ficheCreationSchema, ficheModificationSchema, lignesFinancieresSchema } from '@jalon/schemas';
import { creerFiche, modifierFiche, modifierLignesFinancieres, supprimerFiche } from '../../cas/fiches.ts';
import type { AppJalon, Dependances } from '../contexte.ts';
import {
  acteurDe,
  corpsJson,
  ERREURS_ECRITURE,
  json,
  paramsConvention,
  paramsFiche,
  reponseVersion,
} from './commun.ts';

export function routesFiches(app: AppJalon, deps: Dependances) {
  const { persistance } = deps;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/conventions/{id}/fiches',
      tags: ['fiches actions'],
      summary: 'Créer une fiche action',
      request: { params: paramsConvention, ...corpsJson(ficheCreationSchema) },
      responses: { 201: json(z.object({ id: z.int(), version: z.int() }), 'Créée'), ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { resultat, version } = await creerFiche(
        persistance,
        acteurDe(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json({ id: resultat, version }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/conventions/{id}/fiches/{ficheId}',
      tags: ['fiches actions'],
      summary: 'Modifier une fiche action (champs fournis seulement)',
      request: { params: paramsFiche, ...corpsJson(ficheModificationSchema) },
      responses: { 200: json(reponseVersion, 'Modifiée'), ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { id, ficheId } = c.req.valid('param');
      const { version } = await modifierFiche(persistance, acteurDe(c), id, ficheId, c.req.valid('json'));
      return c.json({ version }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/conventions/{id}/fiches/{ficheId}',
      tags: ['fiches actions'],
      summary: 'Supprimer une fiche action (?version=)',
      request: { params: paramsFiche, query: z.object({ version: z.coerce.number().int().min(1) }) },
      responses: { 200: json(reponseVersion, 'Supprimée'), ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { id, ficheId } = c.req.valid('param');
      const { version } = await supprimerFiche(
        persistance,
        acteurDe(c),
        id,
        ficheId,
        c.req.valid('query').version,
      );
      return c.json({ version }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/conventions/{id}/lignes-financieres',
      tags: ['fiches actions'],
      summary: 'Modifier en bloc les lignes financières (collage depuis un tableur), montants en centimes',
      request: { params: paramsConvention, ...corpsJson(lignesFinancieresSchema) },
      responses: { 200: json(reponseVersion, 'Modifiées'), ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { version } = await modifierLignesFinancieres(
        persistance,
        acteurDe(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json({ version }, 200);
    },
  );
}
