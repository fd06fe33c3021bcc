import { createRoute } from '@hono/zod-openapi';
import { demandeTransitionSchema, refusTransitionReponseSchema, vueCycleSchema } from '@jalon/schemas';
import { appliquerTransitions, lireCycle, versDemande } from '../../cas/cycle.ts';
import type { AppJalon, Dependances } from '../contexte.ts';
import { acteurDe, corpsJson, ERREURS_ECRITURE, ERREURS_LECTURE, json, paramsConvention } from './commun.ts';

/** Cycle de vie d'une convention (issue 6 § 1 ; docs/pilotage.md « Plateforme »). */
export function routesCycle(app: AppJalon, deps: Dependances) {
  const { persistance } = deps;
  const maintenant = () => deps.horloge();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conventions/{id}/transitions',
      tags: ['cycle de vie'],
      summary: 'Parcours, prochaine étape et transitions possibles pour le compte (avec la raison des refus)',
      request: { params: paramsConvention },
      responses: { 200: json(vueCycleSchema, 'Cycle de vie'), ...ERREURS_LECTURE },
    }),
    async (c) =>
      c.json(await lireCycle(persistance, acteurDe(c), c.req.valid('param').id, maintenant()), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/conventions/{id}/transitions',
      tags: ['cycle de vie'],
      summary:
        'Appliquer une transition (rôle et prérequis jugés par le domaine ; date d’acte ; version, sinon 409 ; audit)',
      request: { params: paramsConvention, ...corpsJson(demandeTransitionSchema) },
      responses: {
        200: json(vueCycleSchema, 'Appliquée : le cycle à jour (nouvelle version)'),
        ...ERREURS_ECRITURE,
        403: json(refusTransitionReponseSchema, 'Rôle ou territoire : transition refusée'),
        422: json(refusTransitionReponseSchema, 'État, prérequis, date ou motif : transition refusée'),
      },
    }),
    async (c) => {
      const demande = c.req.valid('json');
      const vue = await appliquerTransitions(
        persistance,
        acteurDe(c),
        c.req.valid('param').id,
        demande.version,
        [versDemande(demande)],
        maintenant(),
      );
      return c.json(vue, 200);
    },
  );
}
