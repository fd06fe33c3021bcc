import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commandeIndicateurs } from '../src/commandes/indicateurs.ts';
import type { Io } from '../src/io.ts';

const RACINE = join(import.meta.dirname, '..', '..', '..');
const MINI = '/work/shared/specs/exemples/parcours-mini';
const executer = promisify(execFile);

function ioCapture(cwd = RACINE): Io & { sortie: () => string; erreurs: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    cwd,
    sortie: () => out,
    erreurs: () => err,
  };
}

async function jalon(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await executer('npx', ['jalon', ...args], { cwd: RACINE, maxBuffer: 1 << 26 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

function jeu(situations: string, evenements: string): string {
  const d = mkdtempSync(join(tmpdir(), 'jalon-cli-'));
  writeFileSync(join(d, 'situations_mensuelles.csv'), situations);
  writeFileSync(join(d, 'evenements.csv'), evenements);
  return d;
}

const attendu = JSON.parse(readFileSync(join(MINI, 'attendu-2022.json'), 'utf8')) as {
  annee: number;
  indicateurs: Record<string, number | null>;
};

/** Jeu avec deux lignes invalides (mois impossible ligne 3, type inconnu ligne 2 des événements). */
const INVALIDE = jeu(
  'id_personne;mois;droit_versable;soumis_droits_devoirs\nA;2022-03;oui;oui\nA;2022-13;oui;oui\n',
  'id_personne;type;date;organisme\nA;inconnu;2022-03-01;\nA;orientation;2022-03-10;departement\n',
);

describe('jalon indicateurs calculer (processus réel)', () => {
  it('l’exemple officiel parcours-mini donne attendu-2022.json', async () => {
    const r = await jalon(['indicateurs', 'calculer', '--donnees', MINI, '--annee', '2022']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json.annee).toBe(attendu.annee);
    expect(json.indicateurs).toEqual(attendu.indicateurs);
    expect(Object.keys(json)).toEqual([
      'annee',
      'cadre',
      'indicateurs',
      'lignes_ecartees',
      'anomalies',
      'provenance',
    ]);
    expect(json.cadre).toBe('calpae-2023');
    expect(json.lignes_ecartees).toBe(0);
  });

  it('lignes invalides : code 1, « ligne » sur stderr, rien sur stdout', async () => {
    const r = await jalon(['indicateurs', 'calculer', '--donnees', INVALIDE, '--annee', '2022']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('situations_mensuelles.csv, ligne 3, colonne « mois »');
    expect(r.stderr).toContain('evenements.csv, ligne 2, colonne « type »');
  });

  it('entrée illisible : code 2', async () => {
    const r = await jalon(['indicateurs', 'calculer', '--donnees', '/nulle/part', '--annee', '2022']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('introuvable');
  });
});

describe('jalon indicateurs calculer (en mémoire)', () => {
  it('avec --ignorer-lignes-invalides : code 0, lignes_ecartees et avertissement', async () => {
    const io = ioCapture();
    const code = await commandeIndicateurs(
      ['calculer', '--donnees', INVALIDE, '--annee', '2024', '--ignorer-lignes-invalides'],
      io,
    );
    expect(code).toBe(0);
    const json = JSON.parse(io.sortie()) as {
      lignes_ecartees: number;
      cadre: string;
      provenance: { empreinte: string };
    };
    expect(json.lignes_ecartees).toBe(2);
    expect(json.cadre).toBe('france-travail-2024');
    expect(json.provenance.empreinte).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(io.erreurs()).toContain('2 ligne(s) invalide(s) écartée(s)');
  });

  it('au-delà de 50 lignes invalides : les 50 premières puis « … et N autres »', async () => {
    const d = jeu(
      `id_personne;mois;droit_versable;soumis_droits_devoirs\n${'A;2022-13;oui;oui\n'.repeat(53)}`,
      'id_personne;type;date\n',
    );
    const io = ioCapture();
    expect(await commandeIndicateurs(['calculer', '--donnees', d, '--annee', '2022'], io)).toBe(1);
    const lignes = io.erreurs().split('\n');
    expect(lignes.filter((l) => l.startsWith('situations_mensuelles.csv, ligne '))).toHaveLength(50);
    expect(io.erreurs()).toContain('situations_mensuelles.csv, ligne 51, colonne « mois »');
    expect(io.erreurs()).not.toContain('ligne 52,');
    expect(io.erreurs()).toContain('… et 3 autres lignes invalides');
    expect(io.sortie()).toBe('');
  });

  it('format csv : BOM, « indicateur;valeur », virgule décimale, vide pour null', async () => {
    const io = ioCapture();
    expect(
      await commandeIndicateurs(['calculer', '--donnees', MINI, '--annee', '2022', '--format', 'csv'], io),
    ).toBe(0);
    const t = io.sortie();
    expect(t.startsWith('\uFEFFindicateur;valeur\r\n')).toBe(true);
    expect(t).toContain('\r\nnouveaux_entrants;4\r\n');
    expect(t).toContain('\r\nag_par_conseiller;\r\n');
    expect(t.trim().split('\r\n')).toHaveLength(16);
  });

  it('format xlsx : --sortie obligatoire ; deux feuilles Indicateurs et Anomalies', async () => {
    const io = ioCapture();
    expect(
      await commandeIndicateurs(['calculer', '--donnees', MINI, '--annee', '2022', '--format', 'xlsx'], io),
    ).toBe(2);
    const fichier = join(mkdtempSync(join(tmpdir(), 'jalon-xlsx-')), 'r.xlsx');
    const io2 = ioCapture();
    expect(
      await commandeIndicateurs(
        ['calculer', '--donnees', MINI, '--annee', '2022', '--format', 'xlsx', '--sortie', fichier],
        io2,
      ),
    ).toBe(0);
    const { default: ExcelJS } = await import('exceljs');
    const c = new ExcelJS.Workbook();
    await c.xlsx.readFile(fichier);
    expect(c.worksheets.map((f) => f.name)).toEqual(['Indicateurs', 'Anomalies']);
    const f = c.getWorksheet('Indicateurs');
    expect(f?.getRow(2).getCell(1).value).toBe('nouveaux_entrants');
    expect(f?.getRow(2).getCell(3).value).toBe(4);
  });

  it('options invalides : code 2 et message en français', async () => {
    for (const args of [
      ['calculer', '--annee', '2022'],
      ['calculer', '--donnees', MINI, '--annee', '22'],
      ['calculer', '--donnees', MINI, '--annee', '2022', '--cadre', 'calpae-2099'],
      ['calculer', '--donnees', MINI, '--annee', '2022', '--format', 'pdf'],
      ['calculer', '--donnees', MINI, '--annee', '2022', '--inconnue'],
      ['inconnue'],
    ]) {
      const io = ioCapture();
      expect(await commandeIndicateurs(args, io)).toBe(2);
      expect(io.erreurs()).toMatch(/Option invalide|Sous-commande inconnue/);
    }
  });

  it('--aide affiche l’usage', async () => {
    const io = ioCapture();
    expect(await commandeIndicateurs(['--aide'], io)).toBe(0);
    expect(io.sortie()).toContain('jalon indicateurs calculer');
  });
});

describe('jalon indicateurs expliquer', () => {
  it('indicateur inconnu : code 2 avec la liste des codes', async () => {
    const io = ioCapture();
    expect(
      await commandeIndicateurs(['expliquer', '--donnees', MINI, '--annee', '2022', '--indicateur', 'x'], io),
    ).toBe(2);
    expect(io.erreurs()).toContain('orientes_1_mois');
  });

  it('csv : en-tête = clés de LigneExplication, compte en oui/non ; filtre --personne', async () => {
    const io = ioCapture();
    const code = await commandeIndicateurs(
      ['expliquer', '--donnees', MINI, '--annee', '2022', '--indicateur', 'orientes_1_mois'],
      io,
    );
    expect(code).toBe(0);
    const lignes = io.sortie().trimEnd().split('\r\n');
    expect(lignes[0]).toBe(
      '\uFEFFid_personne;indicateur;compte;raison;mois_entree;t0;date_orientation;organisme_orientation;date_reference;ecart_jours;detail',
    );
    // A (orientée le 31/03, T0 01/03) est comptée ; B (orientée le 01/04) ne l'est pas : README de l'exemple.
    const ligneDe = (id: string) => lignes.find((l) => l.startsWith(`${id};`))?.split(';');
    expect(ligneDe('A')?.[2]).toBe('oui');
    expect(ligneDe('B')?.[2]).toBe('non');
    const io2 = ioCapture();
    await commandeIndicateurs(
      [
        'expliquer',
        '--donnees',
        MINI,
        '--annee',
        '2022',
        '--indicateur',
        'orientes_1_mois',
        '--personne',
        'B',
        '--format',
        'json',
      ],
      io2,
    );
    const json = JSON.parse(io2.sortie()) as { id_personne: string; compte: boolean }[];
    expect(json.map((l) => [l.id_personne, l.compte])).toEqual([['B', false]]);
  });

  it('lignes invalides : code 1 comme calculer', async () => {
    const io = ioCapture();
    expect(
      await commandeIndicateurs(
        ['expliquer', '--donnees', INVALIDE, '--annee', '2022', '--indicateur', 'nouveaux_entrants'],
        io,
      ),
    ).toBe(1);
  });
});
