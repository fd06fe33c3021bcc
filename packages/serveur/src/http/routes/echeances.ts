import { createRoute, z } from '@hono/zod-openapi';
import {
  bilanEnvoiSchema,
  boiteEnvoiSchema,
  echeancesSchema,
  filtresEcheancesSchema,
  jetonCalendrierSchema,
} from '@jalon/schemas';
import { echeancesDuCompte } from '../../cas/echeances.ts';
import {
  boiteEnvoi,
  configRappels,
  creerJetonCalendrier,
  envoyerRappelsDemande,
  fluxCalendrier,
  lireJetonCalendrier,
  revoquerJetonCalendrier,
  type ConfigRappels,
} from '../../cas/rappels.ts';
import type { AppJalon, Dependances } from '../contexte.ts';
import { acteurDe, ERREURS_LECTURE, json } from './commun.ts';

/** Échéances, rappels et calendrier (issue 6 § 2 ; docs/pilotage.md). */
export function routesEcheances(app: AppJalon, deps: Dependances, config?: ConfigRappels) {
  const { persistance } = deps;
  const rappels = config ?? configRappels(process.env, deps.demo !== undefined);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/echeances',
      tags: ['échéances'],
      summary:
        'Échéances des conventions du territoire du compte, classées (en retard, proches, à venir, faites)',
      request: { query: filtresEcheancesSchema },
      responses: { 200: json(echeancesSchema, 'Échéances'), ...ERREURS_LECTURE },
    }),
    async (c) =>
      c.json(
        await echeancesDuCompte(persistance.depots, acteurDe(c), deps.horloge(), c.req.valid('query')),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rappels/boite',
      tags: ['échéances'],
      summary: 'Boîte d’envoi des rappels : ceux adressés au compte (tous pour l’administration centrale)',
      responses: { 200: json(boiteEnvoiSchema, 'Courriels'), ...ERREURS_LECTURE },
    }),
    async (c) => c.json(await boiteEnvoi(persistance, acteurDe(c), rappels.domaine), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/rappels/envoi',
      tags: ['échéances'],
      summary: 'Envoyer maintenant les rappels dus (administration centrale ; idempotent)',
      responses: { 200: json(bilanEnvoiSchema, 'Bilan du passage'), ...ERREURS_LECTURE },
    }),
    async (c) => c.json(await envoyerRappelsDemande(persistance, acteurDe(c), rappels, deps.horloge()), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/calendrier/jeton',
      tags: ['échéances'],
      summary: 'Le flux iCalendar du compte est-il actif ?',
      responses: { 200: json(jetonCalendrierSchema, 'État du jeton'), ...ERREURS_LECTURE },
    }),
    async (c) => c.json(await lireJetonCalendrier(persistance, acteurDe(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/calendrier/jeton',
      tags: ['échéances'],
      summary: 'Créer l’adresse secrète du flux iCalendar du compte (révoque la précédente)',
      responses: {
        200: json(jetonCalendrierSchema, 'Adresse du flux (montrée une seule fois)'),
        ...ERREURS_LECTURE,
      },
    }),
    async (c) => c.json(await creerJetonCalendrier(persistance, acteurDe(c), rappels.urlPublique), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/calendrier/jeton',
      tags: ['échéances'],
      summary: 'Révoquer l’adresse du flux iCalendar du compte',
      responses: { 200: json(jetonCalendrierSchema, 'Révoqué'), ...ERREURS_LECTURE },
    }),
    async (c) => c.json(await revoquerJetonCalendrier(persistance, acteurDe(c)), 200),
  );

  // Flux iCalendar : hors de /api (pas de session : le jeton secret fait foi), pour les agendas abonnés.
  const fichier = z.string().regex(/^[A-Za-z0-9_-]+\.ics$/);
  app.get('/calendrier/:fichier', async (c) => {
    const lu = fichier.safeParse(c.req.param('fichier'));
    const texte = lu.success
      ? await fluxCalendrier(persistance, lu.data.slice(0, -'.ics'.length), deps.horloge())
      : undefined;
    if (texte === undefined) return c.text('Calendrier introuvable ou adresse révoquée.', 404);
    return c.body(texte, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'private, no-store',
    });
  });
}
