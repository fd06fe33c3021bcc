import { createRoute, z } from '@hono/zod-openapi';
import {
  ecritureOffreSchema,
  financementsConventionSchema,
  importOffreSchema,
  lienOffreSchema,
  manquesSchema,
  objetDataInclusionSchema,
  offreCollectiviteSchema,
  resultatImportOffreSchema,
} from '@jalon/schemas';
import {
  creerObjetOffre,
  jourDe,
  lireOffreCollectivite,
  modifierObjetOffre,
  supprimerObjetOffre,
} from '../../cas/offre.ts';
import { exporterOffre, FICHIERS_EXPORT, importerOffre } from '../../cas/offre-echange.ts';
import { financementsDeLaConvention, modifierLien } from '../../cas/offre-liens.ts';
import { manquesDeLaCollectivite } from '../../cas/offre-manques.ts';
import type { AppJalon, Dependances } from '../contexte.ts';
import {
  acteurDe,
  corpsJson,
  ERREURS_ECRITURE,
  ERREURS_LECTURE,
  json,
  paramsConvention,
  paramsFiche,
} from './commun.ts';

const paramsCollectivite = z.object({
  collectivite: z
    .string()
    .min(3)
    .max(40)
    .openapi({ param: { name: 'collectivite', in: 'path' }, example: 'departement:44' }),
});

const paramsObjet = paramsCollectivite.extend({
  objetId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'objetId', in: 'path' }, example: 1 }),
});

const paramsLien = paramsFiche.extend({
  serviceId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'serviceId', in: 'path' }, example: 1 }),
});

const MODELES = [
  { modele: 'structure', chemin: 'structures', libelle: 'une structure' },
  { modele: 'service', chemin: 'services', libelle: 'un service' },
] as const;

/** Offre d'insertion au schéma data·inclusion (issue 8) : saisie, import, export, liens, manques. */
export function routesOffre(app: AppJalon, deps: Dependances) {
  const { persistance } = deps;
  const aujourdhui = () => jourDe(deps.horloge);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/offre/{collectivite}',
      tags: ['offre d’insertion'],
      summary:
        'Structures et services de la collectivité (data·inclusion v1), score de qualité, financements',
      request: { params: paramsCollectivite },
      responses: { 200: json(offreCollectiviteSchema, 'Offre de la collectivité'), ...ERREURS_LECTURE },
    }),
    async (c) =>
      c.json(
        await lireOffreCollectivite(
          persistance,
          acteurDe(c),
          c.req.valid('param').collectivite,
          aujourdhui(),
        ),
        200,
      ),
  );

  for (const { modele, chemin, libelle } of MODELES) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/offre/{collectivite}/${chemin}`,
        tags: ['offre d’insertion'],
        summary: `Créer ${libelle} (objet data·inclusion v1 ; validé par Ajv et les règles hors schéma)`,
        request: { params: paramsCollectivite, ...corpsJson(objetDataInclusionSchema) },
        responses: { 201: json(ecritureOffreSchema, 'Créé'), ...ERREURS_ECRITURE },
      }),
      async (c) =>
        c.json(
          await creerObjetOffre(
            persistance,
            acteurDe(c),
            modele,
            c.req.valid('param').collectivite,
            c.req.valid('json'),
            aujourdhui(),
          ),
          201,
        ),
    );

    app.openapi(
      createRoute({
        method: 'put',
        path: `/api/offre/{collectivite}/${chemin}/{objetId}`,
        tags: ['offre d’insertion'],
        summary: `Remplacer ${libelle} (id et source inchangés)`,
        request: { params: paramsObjet, ...corpsJson(objetDataInclusionSchema) },
        responses: { 200: json(ecritureOffreSchema, 'Modifié'), ...ERREURS_ECRITURE },
      }),
      async (c) => {
        const { collectivite, objetId } = c.req.valid('param');
        return c.json(
          await modifierObjetOffre(
            persistance,
            acteurDe(c),
            modele,
            collectivite,
            objetId,
            c.req.valid('json'),
            aujourdhui(),
          ),
          200,
        );
      },
    );

    app.openapi(
      createRoute({
        method: 'delete',
        path: `/api/offre/{collectivite}/${chemin}/{objetId}`,
        tags: ['offre d’insertion'],
        summary: `Supprimer ${libelle}`,
        request: { params: paramsObjet },
        responses: { 200: json(z.object({ supprime: z.literal(true) }), 'Supprimé'), ...ERREURS_ECRITURE },
      }),
      async (c) => {
        const { collectivite, objetId } = c.req.valid('param');
        await supprimerObjetOffre(persistance, acteurDe(c), modele, collectivite, objetId);
        return c.json({ supprime: true as const }, 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/offre/{collectivite}/import',
      tags: ['offre d’insertion'],
      summary:
        'Importer des exports data·inclusion (JSON, CSV) ou le classeur XLSX « valideur » (tout ou rien)',
      request: { params: paramsCollectivite, ...corpsJson(importOffreSchema) },
      responses: { 200: json(resultatImportOffreSchema, 'Importé'), ...ERREURS_ECRITURE },
    }),
    async (c) =>
      c.json(
        await importerOffre(
          persistance,
          acteurDe(c),
          c.req.valid('param').collectivite,
          c.req.valid('json'),
          aujourdhui(),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/offre/{collectivite}/export',
      tags: ['offre d’insertion'],
      summary:
        'Export open data au format data·inclusion (ids `<source>--<id local>`), validé au schéma officiel',
      request: {
        params: paramsCollectivite,
        query: z.object({ fichier: z.enum(FICHIERS_EXPORT).default('services.json') }),
      },
      responses: {
        200: {
          description: 'Fichier (JSON, CSV ou XLSX)',
          content: {
            'application/json': { schema: z.array(objetDataInclusionSchema) },
            'text/csv': { schema: z.string() },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: z.string().openapi({ format: 'binary' }),
            },
          },
        },
        ...ERREURS_LECTURE,
        422: json(z.object({ erreur: z.string() }), 'Offre invalide : export refusé'),
      },
    }),
    async (c) => {
      const fichier = await exporterOffre(
        persistance,
        acteurDe(c),
        c.req.valid('param').collectivite,
        c.req.valid('query').fichier,
        aujourdhui(),
      );
      c.header('Content-Type', fichier.type);
      c.header('Content-Disposition', `attachment; filename="${fichier.nom}"`);
      const corps = typeof fichier.contenu === 'string' ? fichier.contenu : new Uint8Array(fichier.contenu);
      return c.body(corps, 200) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/offre/{collectivite}/manques',
      tags: ['offre d’insertion'],
      summary: 'Manques de l’offre du département : catégories, freins, zones, offres intensives, tableau',
      request: { params: paramsCollectivite },
      responses: {
        200: json(manquesSchema, 'Analyse des manques'),
        ...ERREURS_LECTURE,
        422: json(z.object({ erreur: z.string() }), 'Collectivité sans département'),
      },
    }),
    async (c) =>
      c.json(await manquesDeLaCollectivite(persistance, acteurDe(c), c.req.valid('param').collectivite), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conventions/{id}/offre',
      tags: ['offre d’insertion'],
      summary: 'Services financés par les fiches actions de la convention',
      request: { params: paramsConvention },
      responses: { 200: json(financementsConventionSchema, 'Liens'), ...ERREURS_LECTURE },
    }),
    async (c) =>
      c.json(await financementsDeLaConvention(persistance, acteurDe(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/conventions/{id}/fiches/{ficheId}/services',
      tags: ['offre d’insertion'],
      summary: 'La fiche action finance ce service (lien, idempotent)',
      request: { params: paramsFiche, ...corpsJson(lienOffreSchema) },
      responses: { 200: json(financementsConventionSchema, 'Liens à jour'), ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { id, ficheId } = c.req.valid('param');
      await modifierLien(persistance, acteurDe(c), id, ficheId, c.req.valid('json').service_id, true);
      return c.json(await financementsDeLaConvention(persistance, acteurDe(c), id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/conventions/{id}/fiches/{ficheId}/services/{serviceId}',
      tags: ['offre d’insertion'],
      summary: 'La fiche action ne finance plus ce service',
      request: { params: paramsLien },
      responses: { 200: json(financementsConventionSchema, 'Liens à jour'), ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { id, ficheId, serviceId } = c.req.valid('param');
      await modifierLien(persistance, acteurDe(c), id, ficheId, serviceId, false);
      return c.json(await financementsDeLaConvention(persistance, acteurDe(c), id), 200);
    },
  );
}
