import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import {
  depotFigeSchema,
  depotRapportDemandeSchema,
  documentsConventionSchema,
  FORMATS_DOCUMENT_API,
  importTableauReponseSchema,
  TAILLE_MAX_TABLEAU,
  textesRapportModificationSchema,
  textesRapportReponseSchema,
  TYPES_DOCUMENT_API,
} from '@jalon/schemas';
import { deposerRapport, fichierDepose } from '../../cas/depots-figes.ts';
import { documentsDeLaConvention, telechargerDocument } from '../../cas/documents.ts';
import { importerTableauXlsx } from '../../cas/documents-import.ts';
import { lireTextesRapport, modifierTextesRapport } from '../../cas/documents-textes.ts';
import { invalide } from '../../cas/erreurs.ts';
import type { AppJalon, Dependances } from '../contexte.ts';
import { acteurDe, corpsJson, ERREURS_ECRITURE, ERREURS_LECTURE, json, paramsConvention } from './commun.ts';

/**
 * Documents officiels d'une convention (issue 5 ; docs/documents.md § Serveur) : liste, téléchargements,
 * ré-import du tableau financier XLSX, textes du rapport, dépôts figés. Droits : lecture de la convention pour
 * lire et télécharger ; « modifier » pour les textes et le ré-import ; valideur de la collectivité pour déposer.
 */
const binaire = (description: string) => ({
  content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
  description,
});

/** `attachment` avec un nom ASCII et sa forme UTF-8 (RFC 6266, RFC 8187). */
const disposition = (nom: string): string =>
  `attachment; filename="${nom.replace(/[^\x20-\x7e]|["\\]/gu, '_')}"; filename*=UTF-8''${encodeURIComponent(nom)}`;

const enMio = (octets: number): string =>
  `${(octets / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mio`;

export function routesDocuments(app: AppJalon, deps: Dependances) {
  const { persistance } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conventions/{id}/documents',
      tags: ['documents'],
      summary:
        'Documents que la convention produit (selon son cadre), PDF disponible, dépôts figés du rapport',
      request: { params: paramsConvention },
      responses: { 200: json(documentsConventionSchema, 'Documents et dépôts'), ...ERREURS_LECTURE },
    }),
    async (c) =>
      c.json(await documentsDeLaConvention(persistance, acteurDe(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conventions/{id}/documents/{type}',
      tags: ['documents'],
      summary: 'Télécharger un document (DOCX, XLSX ou PDF) produit depuis l’état courant de la convention',
      request: {
        params: paramsConvention.extend({
          type: z.enum(TYPES_DOCUMENT_API).openapi({ param: { name: 'type', in: 'path' } }),
        }),
        query: z.object({
          format: z.enum(FORMATS_DOCUMENT_API).optional(),
          /** Numéro de l'action, pour une fiche action. */
          action: z.string().min(1).max(40).optional(),
        }),
      },
      responses: {
        200: binaire('Le fichier (Content-Disposition : nom parlant)'),
        ...ERREURS_LECTURE,
        422: json(
          z.object({ erreur: z.string(), details: z.unknown().optional() }),
          'Document ou format indisponible',
        ),
      },
    }),
    async (c) => {
      const { id, type } = c.req.valid('param');
      const { format, action } = c.req.valid('query');
      const fichier = await telechargerDocument(persistance, acteurDe(c), id, { type, format, action });
      return c.body(new Uint8Array(fichier.octets), 200, {
        'content-type': fichier.typeMime,
        'content-disposition': disposition(fichier.nomFichier),
        'content-length': String(fichier.octets.byteLength),
        'cache-control': 'no-store',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/conventions/{id}/tableau-financier/xlsx',
      tags: ['documents'],
      summary: `Relire un tableau financier XLSX rempli (001 · annexe 9) : tout ou rien, ${enMio(TAILLE_MAX_TABLEAU)} au plus`,
      middleware: [
        bodyLimit({
          maxSize: TAILLE_MAX_TABLEAU + 64 * 1024,
          onError: (c) =>
            c.json(
              {
                erreur: `Fichier trop volumineux : ${enMio(TAILLE_MAX_TABLEAU)} au plus pour un tableau financier.`,
              },
              413,
            ),
        }),
      ] as const,
      request: {
        params: paramsConvention,
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({
                version: z.coerce.number().int().min(1),
                fichier: z.instanceof(File).openapi({ type: 'string', format: 'binary' }),
              }),
            },
          },
        },
      },
      responses: {
        200: json(importTableauReponseSchema, 'Relu et enregistré'),
        ...ERREURS_ECRITURE,
        413: json(z.object({ erreur: z.string() }), 'Fichier trop volumineux'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version, fichier } = c.req.valid('form');
      if (fichier.size > TAILLE_MAX_TABLEAU) {
        throw invalide(
          `Fichier trop volumineux : ${enMio(TAILLE_MAX_TABLEAU)} au plus pour un tableau financier.`,
        );
      }
      const octets = new Uint8Array(await fichier.arrayBuffer());
      return c.json(await importerTableauXlsx(persistance, acteurDe(c), id, version, octets), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conventions/{id}/rapport/textes',
      tags: ['documents'],
      summary:
        'Textes libres du rapport d’exécution : introduction, bilan et perspectives par action (001 · annexe 5)',
      request: { params: paramsConvention },
      responses: { 200: json(textesRapportReponseSchema, 'Textes du rapport'), ...ERREURS_LECTURE },
    }),
    async (c) => c.json(await lireTextesRapport(persistance, acteurDe(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/conventions/{id}/rapport/textes',
      tags: ['documents'],
      summary: 'Modifier les textes du rapport d’exécution (version, audit)',
      request: { params: paramsConvention, ...corpsJson(textesRapportModificationSchema) },
      responses: {
        200: json(textesRapportReponseSchema, 'Enregistrés : les textes à jour'),
        ...ERREURS_ECRITURE,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await modifierTextesRapport(persistance, acteurDe(c), id, c.req.valid('json'));
      return c.json(await lireTextesRapport(persistance, acteurDe(c), id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/conventions/{id}/depots-rapport',
      tags: ['documents'],
      summary:
        'Déposer le rapport d’exécution (bilan final en France Travail) : données et fichiers figés, SHA-256',
      request: { params: paramsConvention, ...corpsJson(depotRapportDemandeSchema) },
      responses: { 201: json(depotFigeSchema, 'Déposé'), ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const version = c.req.valid('json').version;
      // En exécution, le dépôt applique aussi la transition « deposer_rapport » du cycle (INT-CYCLE-VALIDATIONS-3).
      return c.json(await deposerRapport(persistance, acteurDe(c), id, version, deps.horloge()), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conventions/{id}/depots-rapport/{depotId}/fichiers/{nom}',
      tags: ['documents'],
      summary: 'Télécharger un fichier déposé : exactement les octets enregistrés (en-tête X-Jalon-SHA256)',
      request: {
        params: paramsConvention.extend({
          depotId: z.coerce
            .number()
            .int()
            .positive()
            .openapi({ param: { name: 'depotId', in: 'path' } }),
          nom: z
            .string()
            .min(1)
            .max(200)
            .openapi({ param: { name: 'nom', in: 'path' } }),
        }),
      },
      responses: { 200: binaire('Le fichier déposé'), ...ERREURS_LECTURE },
    }),
    async (c) => {
      const { id, depotId, nom } = c.req.valid('param');
      const fichier = await fichierDepose(persistance, acteurDe(c), id, depotId, nom);
      return c.body(new Uint8Array(fichier.octets), 200, {
        'content-type': fichier.typeMime,
        'content-disposition': disposition(fichier.nomFichier),
        'content-length': String(fichier.octets.byteLength),
        'x-jalon-sha256': fichier.sha256,
        'cache-control': 'no-store',
      });
    },
  );
}
