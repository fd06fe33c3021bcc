import { createRoute, z } from '@hono/zod-openapi';
import { noteAnalyseDocx } from '@jalon/documents';
import { noteAnalyseModificationSchema, noteAnalyseSchema } from '@jalon/schemas';
import { enregistrerNote, lireNote } from '../../cas/note-analyse.ts';
import type { AppJalon, Dependances } from '../contexte.ts';
import { acteurDe, corpsJson, ERREURS_ECRITURE, ERREURS_LECTURE, json, paramsConvention } from './commun.ts';

const TYPE_DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Note d'analyse du commissaire (issue 6 § 4) : lecture des chiffres pré-remplis, enregistrement de la
 * justification (commissaire de la région), export DOCX. Le dépôt de la note est la transition
 * `deposer_note_analyse` de `POST /api/conventions/{id}/transitions`.
 */
export function routesNotes(app: AppJalon, deps: Dependances) {
  const { persistance } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conventions/{id}/note-analyse',
      tags: ['pilotage'],
      summary: 'Note d’analyse du commissaire : chiffres pré-remplis par le domaine et justification',
      request: { params: paramsConvention },
      responses: { 200: json(noteAnalyseSchema, 'La note'), ...ERREURS_LECTURE },
    }),
    async (c) => c.json(await lireNote(persistance, acteurDe(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/conventions/{id}/note-analyse',
      tags: ['pilotage'],
      summary: 'Enregistrer une version de la justification (commissaire de la région, rapport déposé)',
      request: { params: paramsConvention, ...corpsJson(noteAnalyseModificationSchema) },
      responses: { 200: json(noteAnalyseSchema, 'Enregistrée : la note à jour'), ...ERREURS_ECRITURE },
    }),
    async (c) => {
      const { version, justification } = c.req.valid('json');
      const note = await enregistrerNote(
        persistance,
        acteurDe(c),
        c.req.valid('param').id,
        version,
        justification,
      );
      return c.json(note, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conventions/{id}/note-analyse.docx',
      tags: ['pilotage'],
      summary: 'Note d’analyse au format DOCX',
      request: { params: paramsConvention },
      responses: {
        200: {
          content: { [TYPE_DOCX]: { schema: z.string().openapi({ format: 'binary' }) } },
          description: 'DOCX',
        },
        ...ERREURS_LECTURE,
      },
    }),
    async (c) => {
      const note = await lireNote(persistance, acteurDe(c), c.req.valid('param').id);
      const octets = await noteAnalyseDocx(note);
      const nom = `note-analyse-${note.collectivite.id.replace(':', '-')}-${String(note.exercice)}.docx`;
      return c.body(new Uint8Array(octets), 200, {
        'content-type': TYPE_DOCX,
        'content-disposition': `attachment; filename="${nom}"`,
      });
    },
  );
}
