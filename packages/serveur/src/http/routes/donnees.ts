import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  apercuProfilSchema,
  listeImportsSchema,
  listeProfilsSchema,
  profilCreationSchema,
  profilEnregistreSchema,
  profilModificationSchema,
  reponseTeleversementSchema,
  versionSchema,
} from '@jalon/schemas';
import { ErreurMetier } from '../../cas/erreurs.ts';
import { creerProfil, listerProfils, modifierProfil, supprimerProfil } from '../../cas/donnees-profils.ts';
import {
  apercuProfilTeleverse,
  explicationCsv,
  listerImports,
  televerserDonnees,
} from '../../cas/donnees-televersement.ts';
import type { AppJalon, Dependances, EnvJalon } from '../contexte.ts';
import { REGLAGES_SECURITE } from '../securite-reglages.ts';
import { acteurDe, corpsJson, ERREURS_ECRITURE, ERREURS_LECTURE, json, paramsConvention } from './commun.ts';

/**
 * Données réelles (docs/donnees-reelles.md § 4) : profils de correspondance par collectivité, téléversement en
 * flux (multipart/form-data) calculé par le moteur, historique des imports et listes d'explication (CSV).
 * Les routes multipart et CSV sont décrites dans l'OpenAPI à la main (le validateur de formulaire de
 * @hono/zod-openapi lirait tout le corps en mémoire, et avant le contrôle des droits).
 */
const paramsCollectivite = z.object({
  collectivite: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'collectivite', in: 'path' }, example: 'departement:37' }),
});
const paramsProfil = paramsCollectivite.extend({
  profilId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'profilId', in: 'path' }, example: 1 }),
});
const paramsExplication = paramsConvention.extend({
  importId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'importId', in: 'path' }, example: 1 }),
  indicateur: z
    .string()
    .regex(/^[a-z0-9_]{1,80}$/)
    .openapi({ param: { name: 'indicateur', in: 'path' }, example: 'orientes_1_mois' }),
});

const formulaireTeleversement = z.object({
  version: z.string().openapi({ description: 'version de la convention (409 si périmée)' }),
  annee: z.string().openapi({ description: 'année du calcul (période P)', example: '2023' }),
  profil: z
    .string()
    .optional()
    .openapi({ description: 'exports CSV/XLSX : « rdv-insertion » ou identifiant d’un profil enregistré' }),
  cle: z
    .string()
    .optional()
    .openapi({ description: 'clé de pseudonymisation du département (flux CAF), jamais conservée' }),
  fichier: z.array(z.string().openapi({ format: 'binary' })).openapi({
    description:
      'archive .zip ; ou situations_mensuelles.csv + evenements.csv ; ou flux CAF/MSA .xml et exports .csv/.xlsx',
  }),
});

/** Erreur métier → réponse ; 413 pour un téléversement trop volumineux. */
function statutDe(e: unknown): number | undefined {
  if (!(e instanceof ErreurMetier)) return undefined;
  const d = e.details as { statut?: unknown } | undefined;
  return d?.statut === 413 ? 413 : undefined;
}

async function avec413<T>(c: Context<EnvJalon>, travail: () => Promise<T>): Promise<T | Response> {
  try {
    return await travail();
  } catch (e) {
    if (statutDe(e) === 413 && e instanceof ErreurMetier)
      return c.json({ erreur: e.message, details: e.details }, 413);
    throw e;
  }
}

export function routesDonnees(app: AppJalon, deps: Dependances) {
  const { persistance } = deps;
  // Une seule lecture de `JALON_TELEVERSEMENT_MAX_MO` : config.ts, dans les réglages de sécurité (la même borne
  // que celle de l'intergiciel des tailles, http/limites.ts).
  const tailleMax = (deps.securite ?? REGLAGES_SECURITE).tailles.televersement;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/collectivites/{collectivite}/profils',
      tags: ['donnees'],
      summary: 'Profils de correspondance de la collectivité (et profils intégrés)',
      request: { params: paramsCollectivite },
      responses: { 200: json(listeProfilsSchema, 'Profils'), ...ERREURS_LECTURE },
    }),
    async (c) =>
      c.json(await listerProfils(persistance, acteurDe(c), c.req.valid('param').collectivite), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/collectivites/{collectivite}/profils',
      tags: ['donnees'],
      summary: 'Enregistrer un profil de correspondance (agents et valideurs de la collectivité)',
      request: { params: paramsCollectivite, ...corpsJson(profilCreationSchema) },
      responses: { 201: json(profilEnregistreSchema, 'Enregistré'), ...ERREURS_ECRITURE },
    }),
    async (c) =>
      c.json(
        await creerProfil(persistance, acteurDe(c), c.req.valid('param').collectivite, c.req.valid('json')),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/collectivites/{collectivite}/profils/{profilId}',
      tags: ['donnees'],
      summary: 'Modifier un profil de correspondance (version du profil, 409 si périmée)',
      request: { params: paramsProfil, ...corpsJson(profilModificationSchema) },
      responses: { 200: json(profilEnregistreSchema, 'Modifié'), ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { collectivite, profilId } = c.req.valid('param');
      return c.json(
        await modifierProfil(persistance, acteurDe(c), collectivite, profilId, c.req.valid('json')),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/collectivites/{collectivite}/profils/{profilId}',
      tags: ['donnees'],
      summary: 'Supprimer un profil de correspondance',
      request: { params: paramsProfil, query: z.object({ version: z.coerce.number().pipe(versionSchema) }) },
      responses: { 204: { description: 'Supprimé' }, ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { collectivite, profilId } = c.req.valid('param');
      await supprimerProfil(persistance, acteurDe(c), collectivite, profilId, c.req.valid('query').version);
      return c.body(null, 204);
    },
  );

  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/collectivites/{collectivite}/profils/apercu',
    tags: ['donnees'],
    summary:
      'Aperçu d’un profil sur un export : premières lignes produites et lignes rejetées (rien n’est écrit)',
    request: {
      params: paramsCollectivite,
      body: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: z.object({
              profil: z.string().openapi({ description: 'profil JSON (jalon.profil/1) ou sa référence' }),
              cle: z.string().optional(),
              fichier: z.string().openapi({ format: 'binary' }),
            }),
          },
        },
      },
    },
    responses: {
      200: json(apercuProfilSchema, 'Aperçu'),
      ...ERREURS_ECRITURE,
      413: json(z.object({ erreur: z.string() }), 'Trop volumineux'),
    },
  });
  app.post('/api/collectivites/:collectivite/profils/apercu', async (c) => {
    const collectivite = c.req.param('collectivite');
    const r = await avec413(c, () =>
      apercuProfilTeleverse(persistance, acteurDe(c), collectivite, c.req.raw, tailleMax),
    );
    return r instanceof Response ? r : c.json(r, 200);
  });

  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/conventions/{id}/donnees',
    tags: ['donnees'],
    summary:
      'Téléverser des données (format d’échange v1/v1.1, zip, flux CAF/MSA, exports par profil) : calcul des ' +
      'indicateurs, valeurs de la matrice avec leur provenance',
    request: {
      params: paramsConvention,
      body: { required: true, content: { 'multipart/form-data': { schema: formulaireTeleversement } } },
    },
    responses: {
      200: json(reponseTeleversementSchema, 'Importé'),
      ...ERREURS_ECRITURE,
      413: json(z.object({ erreur: z.string() }), 'Trop volumineux (JALON_TELEVERSEMENT_MAX_MO)'),
    },
  });
  app.post('/api/conventions/:id/donnees', async (c) => {
    const id = paramsConvention.safeParse({ id: c.req.param('id') });
    if (!id.success) return c.json({ erreur: 'Convention introuvable : identifiant invalide.' }, 404);
    const r = await avec413(c, () =>
      televerserDonnees(persistance, acteurDe(c), id.data.id, c.req.raw, {
        tailleMax,
        maintenant: deps.horloge,
      }),
    );
    return r instanceof Response ? r : c.json(r, 200);
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conventions/{id}/donnees/imports',
      tags: ['donnees'],
      summary: 'Historique des téléversements (qui, quand, fichiers, empreintes, lignes, anomalies)',
      request: { params: paramsConvention },
      responses: { 200: json(listeImportsSchema, 'Historique'), ...ERREURS_LECTURE },
    }),
    async (c) => c.json(await listerImports(persistance, acteurDe(c), c.req.valid('param').id), 200),
  );

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/conventions/{id}/donnees/imports/{importId}/explications/{indicateur}',
    tags: ['donnees'],
    summary:
      'Liste d’explication d’un indicateur (personnes pseudonymisées retenues ou écartées, raison), CSV',
    request: { params: paramsExplication },
    responses: {
      200: {
        description: 'CSV UTF-8 avec BOM, séparateur « ; »',
        content: { 'text/csv': { schema: z.string() } },
      },
      ...ERREURS_LECTURE,
    },
  });
  app.get('/api/conventions/:id/donnees/imports/:importId/explications/:indicateur', async (c) => {
    const p = paramsExplication.safeParse(c.req.param());
    if (!p.success) return c.json({ erreur: 'Liste d’explication introuvable : adresse invalide.' }, 404);
    const { import: imp, csv } = await explicationCsv(
      persistance,
      acteurDe(c),
      p.data.id,
      p.data.importId,
      p.data.indicateur,
    );
    return c.body(new Uint8Array(csv), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="explication-${p.data.indicateur}-import-${imp.id}.csv"`,
    });
  });
}
