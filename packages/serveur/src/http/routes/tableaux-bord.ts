import { createRoute, z } from '@hono/zod-openapi';
import { genererCsv, type ValeurCsv } from '@jalon/domaine';
import { ecrireXlsx, type Cellule, type Classeur } from '@jalon/documents';
import { tableauBordSchema, type CelluleApi, type TableauBordApi } from '@jalon/schemas';
import { tableauBord, type TerritoireTableau } from '../../cas/tableaux-bord.ts';
import type { AppJalon, Dependances } from '../contexte.ts';
import { acteurDe, ERREURS_LECTURE } from './commun.ts';

const TYPE_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const requete = z.object({
  annee: z.coerce.number().int().min(2018).max(2030).openapi({ example: 2022 }),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

const texteCellule = (c: CelluleApi): ValeurCsv =>
  c.type === 'valeur' ? c.valeur : c.type === 'secret' ? c.affichage : null;

/** Le tableau à plat : une ligne par département (mêmes colonnes en CSV et en XLSX). */
export function lignesExport(t: TableauBordApi): { entetes: string[]; lignes: ValeurCsv[][] } {
  const entetes = [
    'Département',
    'Nom',
    'État de la convention',
    'Taux de consommation (%)',
    'Taux d’atteinte moyen (%)',
    'En retard',
    ...t.indicateurs.map((i) => i.libelle),
  ];
  const lignes = t.lignes.map((l) => [
    l.departement,
    l.nom,
    l.etat,
    l.taux_consommation,
    texteCellule(l.taux_atteinte),
    l.en_retard ? 'oui' : 'non',
    ...t.indicateurs.map((i) => texteCellule(l.indicateurs[i.code] ?? { type: 'vide' })),
  ]);
  return { entetes, lignes };
}

export function classeur(t: TableauBordApi): Classeur {
  const { entetes, lignes } = lignesExport(t);
  const cellule = (v: ValeurCsv): Cellule | undefined =>
    v === null || v === undefined
      ? undefined
      : typeof v === 'number'
        ? { valeur: v, format: 'nombre' }
        : { valeur: typeof v === 'string' ? v : '', format: 'texte' };
  return {
    titre: `Tableau de bord ${t.territoire.nom} ${String(t.annee)}`,
    feuilles: [
      {
        nom: `Tableau ${String(t.annee)}`,
        largeurs: entetes.map((_, i) => (i === 1 ? 24 : 16)),
        lignes: [
          [
            {
              valeur: `Tableau de bord — ${t.territoire.nom}, ${String(t.annee)} (${t.cadre})`,
              style: 'titre',
            },
          ],
          [
            {
              valeur: `Secret statistique : comptes de 1 à ${String(t.seuil_secret - 1)} affichés « < ${String(t.seuil_secret)} ».`,
              style: 'note',
            },
          ],
          entetes.map((e) => ({ valeur: e, style: 'entete' as const })),
          ...lignes.map((l) => l.map(cellule)),
        ],
        fusions: [],
        ligneEntete: 3,
        colonnesFigees: 2,
        paysage: true,
      },
    ],
  };
}

/**
 * Tableaux de bord (issue 6 § 6) : `?format=json` (défaut), `csv` (séparateur `;`, cellules neutralisées
 * contre l'injection de formules) ou `xlsx` (exceljs, texte jamais écrit comme formule). Secret statistique
 * appliqué côté serveur, dans les trois formats.
 */
export function routesTableauxBord(app: AppJalon, deps: Dependances) {
  const { persistance } = deps;
  const reponses = {
    200: {
      content: {
        'application/json': { schema: tableauBordSchema },
        'text/csv': { schema: z.string() },
        [TYPE_XLSX]: { schema: z.string().openapi({ format: 'binary' }) },
      },
      description: 'Le tableau (JSON, CSV ou XLSX)',
    },
    ...ERREURS_LECTURE,
  };

  const repondre = async (
    c: Parameters<Parameters<AppJalon['openapi']>[1]>[0],
    territoire: TerritoireTableau,
    annee: number,
    format: 'json' | 'csv' | 'xlsx',
  ) => {
    const t = await tableauBord(persistance, acteurDe(c), territoire, annee, deps.horloge());
    const nom = `tableau-bord-${t.territoire.code}-${String(annee)}`;
    if (format === 'csv') {
      const { entetes, lignes } = lignesExport(t);
      return c.body(`\ufeff${genererCsv(entetes, lignes)}`, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${nom}.csv"`,
      });
    }
    if (format === 'xlsx') {
      return c.body(new Uint8Array(await ecrireXlsx(classeur(t))), 200, {
        'content-type': TYPE_XLSX,
        'content-disposition': `attachment; filename="${nom}.xlsx"`,
      });
    }
    return c.json(t, 200);
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tableaux-bord/regions/{code}',
      tags: ['pilotage'],
      summary: 'Tableau de bord d’une région (commissaire, DDETS de la région, national)',
      request: {
        params: z.object({
          code: z
            .string()
            .regex(/^\d{2}$/)
            .openapi({ param: { name: 'code', in: 'path' }, example: '24' }),
        }),
        query: requete,
      },
      responses: reponses,
    }),
    async (c) => {
      const { annee, format } = c.req.valid('query');
      return repondre(c, { type: 'region', code: c.req.valid('param').code }, annee, format);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tableaux-bord/national',
      tags: ['pilotage'],
      summary: 'Tableau de bord national (services de l’État)',
      request: { query: requete },
      responses: reponses,
    }),
    async (c) => {
      const { annee, format } = c.req.valid('query');
      return repondre(c, { type: 'national' }, annee, format);
    },
  );
}
