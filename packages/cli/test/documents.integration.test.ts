import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { commandeDocuments } from '../src/commandes/documents.ts';
import type { Io } from '../src/io.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'documents', 'test', 'fixtures');
const RACINE = join(import.meta.dirname, '..', '..', '..');
const dossier = mkdtempSync(join(tmpdir(), 'jalon-cli-documents-'));
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

function ioCapture(): Io & { sortie: () => string; erreurs: () => string } {
  let sortie = '';
  let erreurs = '';
  return {
    stdout: { write: (t: string) => (sortie += t) },
    stderr: { write: (t: string) => (erreurs += t) },
    cwd: dossier,
    sortie: () => sortie,
    erreurs: () => erreurs,
  };
}
function prevision(classeur: ExcelJS.Workbook): ExcelJS.Worksheet {
  const feuille = classeur.getWorksheet('Prévisionnel 2023');
  if (feuille === undefined) throw new Error('feuille Prévisionnel 2023 absente');
  return feuille;
}
function execution(classeur: ExcelJS.Workbook): ExcelJS.Worksheet {
  const feuille = classeur.getWorksheet('Exécution 2023');
  if (feuille === undefined) throw new Error('feuille Exécution 2023 absente');
  return feuille;
}
const CONVENTION = join(FIXTURES, 'convention-calpae-2023.json');
const CONTENU = join(FIXTURES, 'contenu-calpae-2023.json');

describe('jalon documents (en mémoire)', () => {
  it('produit un DOCX (zip) et un XLSX', async () => {
    const io = ioCapture();
    expect(
      await commandeDocuments(
        ['rapport-execution', '--convention', CONVENTION, '--contenu', CONTENU, '--sortie', 'rapport.docx'],
        io,
      ),
    ).toBe(0);
    expect(readFileSync(join(dossier, 'rapport.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(io.erreurs()).toBe('Document « rapport-execution » (docx) écrit dans rapport.docx.\n');
    expect(
      await commandeDocuments(
        ['tableau-financier', '--convention', CONVENTION, '--sortie', 'tableau.xlsx'],
        ioCapture(),
      ),
    ).toBe(0);
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.readFile(join(dossier, 'tableau.xlsx'));
    expect(classeur.worksheets.map((f) => f.name)).toEqual(['Prévisionnel 2023', 'Exécution 2023']);
  });

  it('relit le tableau financier rempli et écrit la convention mise à jour', async () => {
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.readFile(join(dossier, 'tableau.xlsx'));
    // Colonne E « autres financeurs » : J14 au prévisionnel, I16 à l'exécution (les deux feuilles doivent concorder).
    prevision(classeur).getCell('J14').value = 1234.5;
    execution(classeur).getCell('I16').value = 1234.5;
    await classeur.xlsx.writeFile(join(dossier, 'rempli.xlsx'));
    const io = ioCapture();
    expect(await commandeDocuments(['importer-tableau', 'rempli.xlsx', '--convention', CONVENTION], io)).toBe(
      0,
    );
    const document = JSON.parse(io.sortie()) as { actions: { previsionnel: { autres: number } }[] };
    expect(document.actions[0]?.previsionnel.autres).toBe(1234.5);
  });

  it('refuse un tableau faux : code 2, feuille et cellule citées, rien d’écrit', async () => {
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.readFile(join(dossier, 'tableau.xlsx'));
    prevision(classeur).getCell('G14').value = -5;
    await classeur.xlsx.writeFile(join(dossier, 'faux.xlsx'));
    const io = ioCapture();
    expect(
      await commandeDocuments(
        ['importer-tableau', 'faux.xlsx', '--convention', CONVENTION, '--sortie', 'sortie.json'],
        io,
      ),
    ).toBe(2);
    expect(io.erreurs()).toContain(
      "faux.xlsx : Feuille 'Prévisionnel 2023', cellule G14 : montant négatif (-5)",
    );
    expect(() => readFileSync(join(dossier, 'sortie.json'))).toThrow();
  });

  it('code 2 et message français pour les erreurs d’usage et d’entrée', async () => {
    const cas: [string[], RegExp][] = [
      [['inconnu', '--convention', CONVENTION, '--sortie', 'x'], /Type de document « inconnu » inconnu/u],
      [['rapport-execution', '--sortie', 'x'], /Option --convention <fichier\.json> obligatoire/u],
      [['rapport-execution', '--convention', CONVENTION], /Option --sortie <fichier> obligatoire/u],
      [
        ['fiche-action', '--convention', CONVENTION, '--sortie', 'x'],
        /Option --action <numéro> obligatoire/u,
      ],
      [
        ['rapport-execution', '--convention', CONVENTION, '--format', 'xlsx', '--sortie', 'x'],
        /se produit en docx ou pdf, pas en xlsx/u,
      ],
      [
        ['rapport-execution', '--convention', 'absent.json', '--sortie', 'x'],
        /absent\.json : fichier introuvable/u,
      ],
      [['bilan-final', '--convention', CONVENTION, '--sortie', 'x'], /vaut pour le cadre France Travail/u],
      [
        ['rapport-execution', '--convention', CONVENTION, '--contenu', CONVENTION, '--sortie', 'x'],
        /Contenu illisible/u,
      ],
    ];
    for (const [args, message] of cas) {
      const io = ioCapture();
      expect(await commandeDocuments(args, io), args.join(' ')).toBe(2);
      expect(io.erreurs()).toMatch(message);
    }
    writeFileSync(join(dossier, 'invalide.json'), '{ "format": ');
    const io = ioCapture();
    expect(
      await commandeDocuments(['convention', '--convention', 'invalide.json', '--sortie', 'x'], io),
    ).toBe(2);
    expect(io.erreurs()).toMatch(/^invalide\.json : .*JSON invalide/u);
  });
});

describe('npx jalon documents (sous-processus)', () => {
  // Suppose la commande enregistrée dans packages/cli/src/main.ts (« documents » → commandeDocuments).
  it('produit un PDF par LibreOffice et sort avec 0', async () => {
    const sortie = join(dossier, 'fiche.pdf');
    await promisify(execFile)(
      'npx',
      [
        'jalon',
        'documents',
        'fiche-action',
        '--convention',
        CONVENTION,
        '--contenu',
        CONTENU,
        '--action',
        '4.1',
        '--format',
        'pdf',
        '--sortie',
        sortie,
      ],
      { cwd: RACINE },
    );
    expect(readFileSync(sortie).subarray(0, 5).toString()).toBe('%PDF-');
  });
  it('sort avec 2 sur une erreur', async () => {
    const resultat = await promisify(execFile)(
      'npx',
      ['jalon', 'documents', 'avenant', '--convention', CONVENTION, '--sortie', join(dossier, 'a.docx')],
      { cwd: RACINE },
    ).catch((erreur: { code: number; stderr: string }) => erreur);
    expect(resultat).toMatchObject({ code: 2 });
    expect((resultat as { stderr: string }).stderr).toContain(
      "L'avenant-type de 000 · annexe 7-1 vaut pour le cadre calpae-2020",
    );
  });
});
