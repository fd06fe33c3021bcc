import { createRoute } from '@hono/zod-openapi';
import { collectivitesSchema } from '@jalon/schemas';
import { perimetreDe } from '../../acces/politique.ts';
import { interdit } from '../../cas/erreurs.ts';
import type { AppJalon, Dependances } from '../contexte.ts';
import { acteurDe, ERREURS_LECTURE, json } from './commun.ts';

export function routesCollectivites(app: AppJalon, deps: Dependances) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/collectivites',
      tags: ['collectivités'],
      summary: 'Collectivités du territoire du compte',
      responses: { 200: json(collectivitesSchema, 'Collectivités visibles'), ...ERREURS_LECTURE },
    }),
    async (c) => {
      const perimetre = perimetreDe(acteurDe(c).compte);
      if (perimetre === undefined) throw interdit('consulter les collectivités');
      return c.json({ collectivites: await deps.persistance.depots.collectivites.lister(perimetre) }, 200);
    },
  );
}
