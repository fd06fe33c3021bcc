import { createRoute, z } from '@hono/zod-openapi';
import type { AppJalon } from '../contexte.ts';
import { json } from './commun.ts';

export function routesSysteme(app: AppJalon) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sante',
      tags: ['système'],
      summary: 'État du serveur',
      responses: { 200: json(z.object({ statut: z.literal('ok') }), 'Serveur en service') },
    }),
    (c) => c.json({ statut: 'ok' as const }, 200),
  );
}
