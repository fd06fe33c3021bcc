import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genererFluxSynthetique } from '../../indicateurs/test/fixtures/caf/generateur.ts';
import { DELAI_FUZZ, estTexteErreurPropre, ITERATIONS_FUZZ } from '../../serveur/test/fuzz-commun.ts';
import { main } from '../src/main.ts';
import type { Io } from '../src/io.ts';

/**
 * Fuzzing des importateurs (issue 9 § 5), par la commande `jalon` elle-même (le chemin qu'emprunte un fichier
 * réel) : des fichiers valides — extractions v1 (parcours-mini), format v1.1 (volet 3), export rdv-insertion et
 * profil de correspondance, flux CAF VRSB0801 (XML), convention jalon.convention/1 (JSON), tableau financier
 * relu (XLSX), offre data·inclusion (JSON, CSV, XLSX) — sont altérés par fast-check (octets, cellules, valeurs
 * JSON), puis lus. Attendu : aucune exception, un code de sortie 0, 1 ou 2, et un message d'erreur propre (en
 * français, sans trace technique) dès que le code n'est pas 0.
 */
const RACINE = fileURLToPath(new URL('../../../', import.meta.url));
const MINI = '/work/shared/specs/exemples/parcours-mini';
const CONVENTION = join(RACINE, 'packages/documents/test/fixtures/convention-calpae-2023.json');
const OFFRE = join(RACINE, 'packages/offre/test/exemples/jeu-93');
const dossier = mkdtempSync(join(tmpdir(), 'jalon-fuzz-'));
const N = ITERATIONS_FUZZ;

function io(cwd: string): Io & { texte: () => string } {
  let sortie = '';
  let erreurs = '';
  return {
    stdout: { write: (t: string) => (sortie += t) },
    stderr: { write: (t: string) => (erreurs += t) },
    cwd,
    texte: () => `${erreurs}\n${sortie.slice(0, 2000)}`,
  };
}

/** Lance la commande ; vérifie l'invariant du fuzzing. */
async function lancer(args: string[], cwd: string): Promise<number> {
  const sortie = io(cwd);
  let code: number;
  try {
    code = await main(args, sortie);
  } catch (erreur) {
    throw new Error(`jalon ${args.join(' ')} a levé une exception : ${String(erreur)}\n${sortie.texte()}`);
  }
  expect([0, 1, 2], `code ${code} : ${sortie.texte()}`).toContain(code);
  if (code !== 0) expect(estTexteErreurPropre(sortie.texte()), sortie.texte()).toBe(true);
  return code;
}

// --- Altérations -------------------------------------------------------------------------------------------

const MORCEAUX = [
  ';',
  ',',
  '\t',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  '\uFEFF',
  'é',
  '\u0000',
  '\uFFFD',
  '0',
  '-1',
  '1e309',
  'NaN',
  '99999999999999999999',
  '2022-13-45',
  '31/02/2022',
  '',
  ' ',
  '<',
  '>',
  '&',
  '&amp;',
  ']]>',
  '<!--',
  '<?xml',
  '{',
  '}',
  '[',
  ']',
  ':',
  'null',
  'true',
  '=1+1',
  '@SUM(A1)',
  '\\',
  '𝕁',
  'oui',
  'non',
  'A',
  '2022-03',
];

const alteration = fc.oneof(
  fc.record({
    genre: fc.constant('remplacer' as const),
    ou: fc.nat(),
    long: fc.nat(8),
    par: fc.constantFrom(...MORCEAUX),
  }),
  fc.record({
    genre: fc.constant('inserer' as const),
    ou: fc.nat(),
    par: fc.string({ maxLength: 6, unit: 'binary' }),
  }),
  fc.record({ genre: fc.constant('supprimer' as const), ou: fc.nat(), long: fc.nat(40) }),
  fc.record({ genre: fc.constant('dupliquer' as const), ou: fc.nat(), long: fc.nat(80) }),
  fc.record({ genre: fc.constant('tronquer' as const), ou: fc.nat() }),
);
type Alteration = typeof alteration extends fc.Arbitrary<infer T> ? T : never;

function alterer(texte: string, alterations: readonly Alteration[]): string {
  let s = texte;
  for (const a of alterations) {
    const ou = s.length === 0 ? 0 : a.ou % (s.length + 1);
    if (a.genre === 'remplacer') s = s.slice(0, ou) + a.par + s.slice(ou + a.long);
    else if (a.genre === 'inserer') s = s.slice(0, ou) + a.par + s.slice(ou);
    else if (a.genre === 'supprimer') s = s.slice(0, ou) + s.slice(ou + a.long);
    else if (a.genre === 'dupliquer')
      s = s.slice(0, ou + a.long) + s.slice(ou, ou + a.long) + s.slice(ou + a.long);
    else s = s.slice(0, ou);
  }
  return s;
}

const alterations = fc.array(alteration, { minLength: 1, maxLength: 6 });
/** Encodage d'écriture : UTF-8 ou Windows-1252 (latin1 ici), comme les fichiers réels. */
const encodage = fc.constantFrom<'utf8' | 'latin1'>('utf8', 'utf8', 'latin1');

/** Altération structurée d'une valeur JSON : un chemin au hasard reçoit une valeur JSON quelconque. */
function remplacerDansJson(valeur: unknown, chemin: readonly number[], par: unknown): unknown {
  if (chemin.length === 0 || valeur === null || typeof valeur !== 'object') return par;
  const [tete, ...reste] = chemin as [number, ...number[]];
  if (Array.isArray(valeur)) {
    if (valeur.length === 0) return par;
    const i = tete % valeur.length;
    return valeur.map((v, k) => (k === i ? remplacerDansJson(v, reste, par) : v));
  }
  const cles = Object.keys(valeur);
  if (cles.length === 0) return par;
  const cle = cles[tete % cles.length] as string;
  return {
    ...(valeur as Record<string, unknown>),
    [cle]: remplacerDansJson((valeur as Record<string, unknown>)[cle], reste, par),
  };
}
const alterationJson = fc.record({
  chemin: fc.array(fc.nat(), { maxLength: 5 }),
  par: fc.jsonValue({ maxDepth: 2 }),
});

// --- Graines -----------------------------------------------------------------------------------------------

const PROFIL = {
  format: 'jalon.profil/1',
  nom: 'Export test',
  cible: 'evenements',
  identifiant: { colonne: 'ID interne au département', pseudonymiser: false },
  regles: [{ nom: 'rdv', champs: { type: { valeur: 'rdv' }, date: { colonne: 'Date du dernier RDV' } } }],
};
const USAGERS =
  "\uFEFFNom;ID interne au département;Date d'entrée flux;Date du dernier RDV;Statut du rdv;Type d'orientation;Date de début d'accompagnement;Date de fin d'accompagnement\n" +
  'Synthé;D1;01/02/2024;20/02/2024;Rendez-vous honoré;Sociale;15/02/2024;\n' +
  'Synthé;D2;;05/03/2024;Statut bizarre;;;\n';
const FLUX = genererFluxSynthetique({
  type: 'M',
  dateReference: '2024-01-31',
  dateCreation: '2024-02-05',
  foyers: [{ matricule: '7', etat: '2', personnes: [{ nir: '1800175000001', role: 'DEM', sdd: true }] }],
});

let tableau: Buffer;
let offreXlsx: Buffer;
let offreCsv: { structures: string; services: string };
let compteur = 0;
const nouveau = (): string => {
  compteur += 1;
  const d = join(dossier, `cas-${compteur}`);
  cpSync(join(dossier, 'vide'), d, { recursive: true });
  return d;
};

beforeAll(async () => {
  mkdirSync(join(dossier, 'vide'));
  writeFileSync(join(dossier, 'vide', 'cle'), `${'cd'.repeat(32)}\n`);
  const graines = join(dossier, 'graines');
  mkdirSync(graines);
  expect(
    await main(
      ['documents', 'tableau-financier', '--convention', CONVENTION, '--sortie', join(graines, 't.xlsx')],
      io(dossier),
    ),
  ).toBe(0);
  tableau = readFileSync(join(graines, 't.xlsx'));
  expect(
    await main(
      [
        'offre',
        'convertir',
        OFFRE,
        '--vers',
        'xlsx',
        '--sortie',
        join(graines, 'offre.xlsx'),
        '--date',
        '2025-06-30',
      ],
      io(dossier),
    ),
  ).toBe(0);
  offreXlsx = readFileSync(join(graines, 'offre.xlsx'));
  expect(
    await main(
      [
        'offre',
        'convertir',
        OFFRE,
        '--vers',
        'csv',
        '--sortie',
        join(graines, 'offre-csv'),
        '--date',
        '2025-06-30',
      ],
      io(dossier),
    ),
  ).toBe(0);
  offreCsv = {
    structures: readFileSync(join(graines, 'offre-csv', 'structures.csv'), 'utf8'),
    services: readFileSync(join(graines, 'offre-csv', 'services.csv'), 'utf8'),
  };
}, DELAI_FUZZ);

afterAll(() => rmSync(dossier, { recursive: true, force: true }));

const options = { numRuns: N, endOnFailure: true } as const;

describe('fuzzing des importateurs (fichiers altérés, par la commande jalon)', () => {
  it(
    'extractions v1 (CSV) : indicateurs calculer',
    async () => {
      const evenements = readFileSync(join(MINI, 'evenements.csv'), 'utf8');
      const situations = readFileSync(join(MINI, 'situations_mensuelles.csv'), 'utf8');
      await fc.assert(
        fc.asyncProperty(alterations, fc.boolean(), encodage, async (alt, surEvenements, enc) => {
          const d = nouveau();
          writeFileSync(
            join(d, 'evenements.csv'),
            Buffer.from(surEvenements ? alterer(evenements, alt) : evenements, enc),
          );
          writeFileSync(
            join(d, 'situations_mensuelles.csv'),
            Buffer.from(surEvenements ? situations : alterer(situations, alt), enc),
          );
          await lancer(['indicateurs', 'calculer', '--donnees', d, '--annee', '2022'], d);
        }),
        options,
      );
    },
    DELAI_FUZZ,
  );

  it(
    'format v1.1 (CSV) : donnees volet3',
    async () => {
      const evenements = readFileSync(join(MINI, 'evenements.csv'), 'utf8');
      const situations = readFileSync(join(MINI, 'situations_mensuelles.csv'), 'utf8');
      await fc.assert(
        fc.asyncProperty(alterations, encodage, async (alt, enc) => {
          const d = nouveau();
          writeFileSync(join(d, 'evenements.csv'), Buffer.from(alterer(evenements, alt), enc));
          writeFileSync(join(d, 'situations_mensuelles.csv'), situations);
          await lancer(['donnees', 'volet3', '--donnees', d, '--annee', '2022'], d);
        }),
        options,
      );
    },
    DELAI_FUZZ,
  );

  it(
    'profils de correspondance : export CSV altéré et profil JSON altéré (donnees convertir)',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          alterations,
          alterationJson,
          fc.boolean(),
          encodage,
          async (alt, altJson, surProfil, enc) => {
            const d = nouveau();
            writeFileSync(
              join(d, 'usagers.csv'),
              Buffer.from(surProfil ? USAGERS : alterer(USAGERS, alt), enc),
            );
            const profil = surProfil ? remplacerDansJson(PROFIL, altJson.chemin, altJson.par) : PROFIL;
            writeFileSync(join(d, 'profil.json'), JSON.stringify(profil));
            await lancer(
              ['donnees', 'convertir', '--profil', 'profil.json', '--entree', 'usagers.csv', '--apercu', '3'],
              d,
            );
            await lancer(
              [
                'donnees',
                'convertir',
                '--profil',
                'rdv-insertion',
                '--entree',
                'usagers.csv',
                '--apercu',
                '3',
              ],
              d,
            );
          },
        ),
        options,
      );
    },
    DELAI_FUZZ,
  );

  it(
    'flux CAF VRSB0801 (XML) : donnees caf',
    async () => {
      await fc.assert(
        fc.asyncProperty(alterations, encodage, async (alt, enc) => {
          const d = nouveau();
          writeFileSync(join(d, 'RSABEM.xml'), Buffer.from(alterer(FLUX, alt), enc));
          await lancer(['donnees', 'caf', '--entree', 'RSABEM.xml', '--sortie', 'envoi', '--cle', 'cle'], d);
        }),
        options,
      );
    },
    DELAI_FUZZ,
  );

  it(
    'convention jalon.convention/1 (JSON) : finances controler',
    async () => {
      const texte = readFileSync(CONVENTION, 'utf8');
      const valeur = JSON.parse(texte) as unknown;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            alterations.map((a) => alterer(texte, a)),
            alterationJson.map((a) => JSON.stringify(remplacerDansJson(valeur, a.chemin, a.par))),
          ),
          async (contenu) => {
            const d = nouveau();
            writeFileSync(join(d, 'convention.json'), contenu);
            await lancer(['finances', 'controler', 'convention.json'], d);
          },
        ),
        options,
      );
    },
    DELAI_FUZZ,
  );

  it(
    'tableau financier relu (XLSX) : documents importer-tableau — cellules altérées, octets altérés',
    async () => {
      const valeurCase = fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.double({ noNaN: false }),
        fc.integer(),
        fc.constantFrom('=1/0', '=SUM(A1:A3)', '-5', '1 234,56', '12,5 €', 'N/A'),
        fc.date({ noInvalidDate: true }),
        fc.constant(null),
      );
      const cellule = fc.record({
        feuille: fc.nat(1),
        ligne: fc.integer({ min: 1, max: 40 }),
        colonne: fc.integer({ min: 1, max: 16 }),
        valeur: valeurCase,
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(cellule, { minLength: 1, maxLength: 8 }),
          fc.option(fc.nat(), { freq: 5 }),
          async (cellules, coupe) => {
            const d = nouveau();
            const classeur = new ExcelJS.Workbook();
            await classeur.xlsx.load(tableau as unknown as ExcelJS.Buffer);
            for (const c of cellules) {
              const feuille = classeur.worksheets[c.feuille % classeur.worksheets.length];
              if (feuille === undefined) continue;
              const v = c.valeur;
              feuille.getCell(c.ligne, c.colonne).value =
                typeof v === 'string' && v.startsWith('=')
                  ? { formula: v.slice(1) }
                  : (v as ExcelJS.CellValue);
            }
            let octets = Buffer.from(await classeur.xlsx.writeBuffer());
            if (coupe !== null) octets = octets.subarray(0, coupe % octets.length);
            writeFileSync(join(d, 'tableau.xlsx'), octets);
            await lancer(['documents', 'importer-tableau', 'tableau.xlsx', '--convention', CONVENTION], d);
          },
        ),
        { ...options, numRuns: Math.max(1, Math.round(N / 2)) },
      );
    },
    DELAI_FUZZ,
  );

  it(
    'offre data·inclusion : JSON, CSV et XLSX altérés (offre valider)',
    async () => {
      const services = readFileSync(join(OFFRE, 'services.json'), 'utf8');
      const structures = readFileSync(join(OFFRE, 'structures.json'), 'utf8');
      await fc.assert(
        fc.asyncProperty(
          alterations,
          alterationJson,
          fc.constantFrom('json', 'json-structure', 'csv', 'xlsx'),
          encodage,
          async (alt, altJson, genre, enc) => {
            const d = nouveau();
            if (genre === 'json') {
              writeFileSync(join(d, 'services.json'), alterer(services, alt));
              writeFileSync(join(d, 'structures.json'), structures);
            } else if (genre === 'json-structure') {
              writeFileSync(join(d, 'services.json'), services);
              writeFileSync(
                join(d, 'structures.json'),
                JSON.stringify(remplacerDansJson(JSON.parse(structures), altJson.chemin, altJson.par)),
              );
            } else if (genre === 'csv') {
              writeFileSync(join(d, 'services.csv'), Buffer.from(alterer(offreCsv.services, alt), enc));
              writeFileSync(join(d, 'structures.csv'), Buffer.from(offreCsv.structures, enc));
            } else {
              const classeur = new ExcelJS.Workbook();
              await classeur.xlsx.load(offreXlsx as unknown as ExcelJS.Buffer);
              const feuille = classeur.worksheets[alt.length % classeur.worksheets.length];
              const premier = alt[0];
              if (feuille !== undefined && premier !== undefined) {
                feuille.getCell(1 + (premier.ou % 6), 1 + ((premier.ou >> 3) % 12)).value =
                  'par' in premier ? String(premier.par) : null;
              }
              writeFileSync(join(d, 'offre.xlsx'), Buffer.from(await classeur.xlsx.writeBuffer()));
              await lancer(['offre', 'valider', 'offre.xlsx', '--date', '2025-06-30'], d);
              return;
            }
            await lancer(['offre', 'valider', d, '--date', '2025-06-30'], d);
          },
        ),
        options,
      );
    },
    DELAI_FUZZ,
  );
});
