import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandeFinances } from '../src/commandes/finances.ts';
import type { Io } from '../src/io.ts';

const RACINE = resolve(import.meta.dirname, '../../..');
const EXEMPLE = '/work/shared/specs/exemples/convention/calpae-2023-exemple.json';
const dossier = mkdtempSync(join(tmpdir(), 'jalon-finances-'));

function ecrire(nom: string, contenu: unknown): string {
  const chemin = join(dossier, nom);
  writeFileSync(chemin, typeof contenu === 'string' ? contenu : JSON.stringify(contenu, null, 2));
  return chemin;
}
const exemple = (): Record<string, unknown> =>
  JSON.parse(readFileSync(EXEMPLE, 'utf8')) as Record<string, unknown>;
const premiereAction = (document: Record<string, unknown>) =>
  (document.actions as Record<string, Record<string, unknown>>[])[0] ?? {};

async function lancer(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd: dossier,
  };
  const code = await commandeFinances(args, io);
  return { code, stdout, stderr };
}

interface Sortie {
  totaux: {
    actions: Record<string, { previsionnel: { total: number } }>;
    general: { previsionnel: { total: number } };
    socle: { previsionnel?: { total: number } };
    initiatives: { previsionnel?: { total: number } };
    volets: Record<string, unknown>;
    controle: { ecart: boolean };
  };
  controles: { code: string; gravite: string; actions: string[]; message: string; source: string }[];
}

describe('jalon finances controler (en mémoire)', () => {
  it('exemple de la spec : total 220 000, aucun bloquant, sortie 0', async () => {
    const { code, stdout, stderr } = await lancer(['controler', EXEMPLE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const sortie = JSON.parse(stdout) as Sortie;
    expect(Object.keys(sortie)).toEqual(['totaux', 'controles']);
    expect(Object.keys(sortie.totaux)).toEqual([
      'actions',
      'mesures',
      'socle',
      'initiatives',
      'volets',
      'general',
      'controle',
    ]);
    expect(sortie.totaux.actions['4.1']?.previsionnel.total).toBe(220000);
    expect(sortie.totaux.general.previsionnel.total).toBe(220000);
    expect(sortie.totaux.socle.previsionnel?.total).toBe(220000);
    expect(sortie.totaux.initiatives.previsionnel?.total).toBe(0);
    expect(sortie.controles.filter((c) => c.gravite === 'bloquant')).toEqual([]);
    expect(stdout).toBe(`${JSON.stringify(sortie, null, 2)}\n`);
  });

  it('chemin relatif résolu depuis le dossier courant', async () => {
    ecrire('relatif.json', exemple());
    expect((await lancer(['controler', 'relatif.json'])).code).toBe(0);
  });

  it('cd = 90 000 : PARITE_ACTION (4.1) et PARITE_CONVENTION, sortie 1', async () => {
    const document = exemple();
    (premiereAction(document).previsionnel as Record<string, unknown>).cd = 90000;
    const { code, stdout } = await lancer(['controler', ecrire('parite.json', document)]);
    expect(code).toBe(1);
    const sortie = JSON.parse(stdout) as Sortie;
    expect(sortie.controles.map((c) => [c.code, c.gravite, c.actions, c.source])).toEqual([
      ['PARITE_ACTION', 'bloquant', ['4.1'], '001 · annexe 4'],
      ['PARITE_CONVENTION', 'bloquant', ['4.1'], '001 · annexe 4'],
    ]);
    expect(sortie.controles[0]?.message).toContain('90 000,00 €');
  });

  it('alerte seule : sortie 0', async () => {
    const document = exemple();
    (premiereAction(document).previsionnel as Record<string, unknown>).valorisation_cd = 10000;
    const { code, stdout } = await lancer(['controler', ecrire('alerte.json', document), '--format', 'json']);
    expect((JSON.parse(stdout) as Sortie).controles.map((c) => c.code)).toEqual(['VALORISATION_JUSTIFIEE']);
    expect(code).toBe(0);
  });

  it('document hors format : sortie 2, chemin JSON sur la sortie d’erreur, rien sur la sortie standard', async () => {
    const document = exemple();
    delete (premiereAction(document).previsionnel as Record<string, unknown>).cd;
    const { code, stdout, stderr } = await lancer(['controler', ecrire('hors-format.json', document)]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('actions[0].previsionnel.cd : champ obligatoire manquant');
    expect(stderr).toContain('hors-format.json');
  });

  it('JSON invalide : sortie 2 avec ligne et colonne', async () => {
    const { code, stdout, stderr } = await lancer([
      'controler',
      ecrire('casse.json', '{\n  "format": "jalon.convention/1",\n  "cadre" 3\n}'),
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/casse\.json : ligne 3, colonne \d+ : JSON invalide/);
  });

  it('fichier introuvable, sous-commande ou format inconnus, option inconnue : sortie 2', async () => {
    const introuvable = await lancer(['controler', 'absent.json']);
    expect(introuvable).toMatchObject({ code: 2, stdout: '' });
    expect(introuvable.stderr).toContain('fichier introuvable');
    expect((await lancer(['verifier', EXEMPLE])).code).toBe(2);
    expect((await lancer(['controler'])).code).toBe(2);
    expect((await lancer([])).code).toBe(2);
    expect((await lancer(['controler', EXEMPLE, '--format', 'xml'])).code).toBe(2);
    const option = await lancer(['controler', EXEMPLE, '--verbeux']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('--verbeux');
  });

  it('--aide : usage, sortie 0', async () => {
    const { code, stdout } = await lancer(['--aide']);
    expect(code).toBe(0);
    expect(stdout).toContain('jalon finances controler <convention.json> [--format json|texte]');
  });

  it('--format texte : tableau par mesure puis contrôles avec gravité, actions, message, source', async () => {
    const document = exemple();
    (premiereAction(document).previsionnel as Record<string, unknown>).cd = 90000;
    const { code, stdout } = await lancer(['controler', ecrire('texte.json', document), '--format', 'texte']);
    expect(code).toBe(1);
    expect(stdout).toContain('mesure insertion_orientation');
    // F = 100 000 + 10 000 + 90 000 + 10 000 = 210 000
    expect(stdout).toContain('210 000,00 €');
    expect(stdout).toContain('[bloquant] PARITE_ACTION — action(s) 4.1');
    expect(stdout).toContain('source : 001 · annexe 4');
  });
});

describe('npx jalon finances (sous-processus)', () => {
  const jalon = (args: string[]) =>
    spawnSync('npx', ['jalon', 'finances', ...args], { cwd: RACINE, encoding: 'utf8', timeout: 60_000 });

  it('exemple de la spec : sortie 0, total 220 000', () => {
    const resultat = jalon(['controler', EXEMPLE]);
    expect(resultat.status).toBe(0);
    const sortie = JSON.parse(resultat.stdout) as Sortie;
    expect(sortie.totaux.general.previsionnel.total).toBe(220000);
    expect(sortie.controles.filter((c) => c.gravite === 'bloquant')).toEqual([]);
  });

  it('cd = 90 000 : sortie 1 ; document hors format : sortie 2', () => {
    const document = exemple();
    (premiereAction(document).previsionnel as Record<string, unknown>).cd = 90000;
    const parite = jalon(['controler', ecrire('sp-parite.json', document)]);
    expect(parite.status).toBe(1);
    expect((JSON.parse(parite.stdout) as Sortie).controles.map((c) => c.code)).toEqual([
      'PARITE_ACTION',
      'PARITE_CONVENTION',
    ]);

    const horsFormat = { ...exemple(), duree_mois: 9 };
    const erreur = jalon(['controler', ecrire('sp-hors-format.json', horsFormat)]);
    expect(erreur.status).toBe(2);
    expect(erreur.stdout).toBe('');
    expect(erreur.stderr).toContain('duree_mois : valeur 9 non admise');
  });
});
