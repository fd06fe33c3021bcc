import { createRoute, z } from '@hono/zod-openapi';
import { importIndicateursSchema, matriceIndicateursSchema, valeursModificationSchema } from '@jalon/schemas';
import { importerResultat, matriceIndicateurs, modifierValeurs } from '../../cas/indicateurs.ts';
import type { AppJalon, Dependances } from '../contexte.ts';
import { acteurDe, corpsJson, ERREURS_ECRITURE, ERREURS_LECTURE, json, paramsConvention } from './commun.ts';

export function routesIndicateurs(app: AppJalon, deps: Dependances) {
  const { persistance } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conventions/{id}/indicateurs',
      tags: ['indicateurs'],
      summary: 'Matrice d’indicateurs du cadre : T0 2018, résultats par année, objectifs, commentaires',
      request: { params: paramsConvention },
      responses: { 200: json(matriceIndicateursSchema, 'Matrice'), ...ERREURS_LECTURE },
    }),
    async (c) => c.json(await matriceIndicateurs(persistance, acteurDe(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/conventions/{id}/indicateurs',
      tags: ['indicateurs'],
      summary: 'Saisir des valeurs (provenance « saisie »)',
      request: { params: paramsConvention, ...corpsJson(valeursModificationSchema) },
      responses: {
        200: json(matriceIndicateursSchema, 'Enregistrées : la matrice à jour'),
        ...ERREURS_ECRITURE,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await modifierValeurs(persistance, acteurDe(c), id, c.req.valid('json'));
      return c.json(await matriceIndicateurs(persistance, acteurDe(c), id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/conventions/{id}/indicateurs/import',
      tags: ['indicateurs'],
      summary: 'Importer un résultat de « jalon indicateurs calculer » (provenance « calcul » conservée)',
      request: { params: paramsConvention, ...corpsJson(importIndicateursSchema) },
      responses: {
        200: json(
          matriceIndicateursSchema.extend({
            import: z.object({
              importes: z.int(),
              ignores: z.array(z.object({ indicateur: z.string(), raison: z.string() })),
              moteur_version: z.string(),
              empreinte: z.string(),
            }),
          }),
          'Importé : la matrice à jour et le compte rendu d’import',
        ),
        ...ERREURS_ECRITURE,
      },
    }),
    async (c) => {
      const { version, resultat } = c.req.valid('json');
      const { id } = c.req.valid('param');
      const sortie = await importerResultat(persistance, acteurDe(c), id, version, resultat);
      return c.json(
        { ...(await matriceIndicateurs(persistance, acteurDe(c), id)), import: sortie.resultat },
        200,
      );
    },
  );
}
