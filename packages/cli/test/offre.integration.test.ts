import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandeOffre } from '../src/commandes/offre.ts';
import type { Io } from '../src/io.ts';

const RACINE = resolve(import.meta.dirname, '../../..');
const EXEMPLE = join(RACINE, 'packages/offre/test/exemples/jeu-93');
const dossier = mkdtempSync(join(tmpdir(), 'jalon-offre-cli-'));
cpSync(EXEMPLE, join(dossier, 'jeu-93'), { recursive: true });

async function lancer(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd: dossier,
  };
  const code = await commandeOffre(args, io);
  return { code, stdout, stderr };
}

describe('jalon offre valider', () => {
  it('exemple valide : sortie 0, bilan et score', async () => {
    const r = await lancer(['valider', 'jeu-93', '--date', '2025-06-30']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 structure(s), 4 service(s) : 0 erreur(s), 0 avertissement(s).');
    expect(r.stdout).toMatch(/Score de qualité moyen des services : \d,\d\d ; \d service\(s\) sous 0,80/);
  });

  it('données invalides : sortie 1, faute située', async () => {
    const services = JSON.parse(readFileSync(join(dossier, 'jeu-93/services.json'), 'utf8')) as Record<
      string,
      unknown
    >[];
    services[1] = { ...services[1], publics: ['tous-publics', 'jeunes'] };
    writeFileSync(join(dossier, 'services-invalides.json'), JSON.stringify(services));
    const r = await lancer(['valider', 'services-invalides.json', '--date', '2025-06-30']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'services-invalides.json, service n° 2, champ « /publics » : erreur TOUS_PUBLICS_NON_EXCLUSIF',
    );
  });

  it('date dans le futur par rapport à --date : erreur DATE_MAJ_HORS_BORNES', async () => {
    const r = await lancer(['valider', 'jeu-93', '--date', '2025-02-01', '--format', 'json']);
    expect(r.code).toBe(1);
    const sortie = JSON.parse(r.stdout) as {
      valide: boolean;
      constats: { code: string }[];
      scores: unknown[];
    };
    expect(sortie.valide).toBe(false);
    expect(sortie.constats.map((c) => c.code)).toEqual(['DATE_MAJ_HORS_BORNES', 'DATE_MAJ_HORS_BORNES']);
    expect(sortie.scores).toHaveLength(4);
  });

  it('entrée illisible ou usage incorrect : sortie 2, message en français', async () => {
    expect(await lancer(['valider', 'absent.json'])).toMatchObject({
      code: 2,
      stderr: 'absent.json : fichier introuvable.\n',
    });
    expect((await lancer(['valider'])).stderr).toMatch(/^Entrée manquante/);
    expect((await lancer(['inventer', 'x'])).code).toBe(2);
    expect((await lancer(['valider', 'jeu-93', '--date', '30/06/2025'])).stderr).toMatch(
      /^Date « 30\/06\/2025 » invalide/,
    );
    expect((await lancer(['--aide'])).code).toBe(0);
  });
});

describe('jalon offre convertir', () => {
  it.each(['json', 'csv'])('vers %s : écrit structures et services', async (vers) => {
    const r = await lancer([
      'convertir',
      'jeu-93',
      '--vers',
      vers,
      '--sortie',
      `export-${vers}`,
      '--date',
      '2025-06-30',
    ]);
    expect(r.code).toBe(0);
    expect(existsSync(join(dossier, `export-${vers}`, `structures.${vers}`))).toBe(true);
    expect(existsSync(join(dossier, `export-${vers}`, `services.${vers}`))).toBe(true);
  });

  it('vers xlsx puis retour en json : même contenu que l’exemple', async () => {
    expect(
      (
        await lancer([
          'convertir',
          'jeu-93',
          '--vers',
          'xlsx',
          '--sortie',
          'offre.xlsx',
          '--date',
          '2025-06-30',
        ])
      ).code,
    ).toBe(0);
    expect(
      (
        await lancer([
          'convertir',
          'offre.xlsx',
          '--vers',
          'json',
          '--sortie',
          'retour',
          '--date',
          '2025-06-30',
        ])
      ).code,
    ).toBe(0);
    const retour = JSON.parse(readFileSync(join(dossier, 'retour/services.json'), 'utf8')) as Record<
      string,
      unknown
    >[];
    const origine = JSON.parse(readFileSync(join(EXEMPLE, 'services.json'), 'utf8')) as Record<
      string,
      unknown
    >[];
    expect(retour.map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== null)))).toEqual(
      origine,
    );
  });

  it('données invalides : sortie 1 et rien d’écrit', async () => {
    const r = await lancer([
      'convertir',
      'services-invalides.json',
      '--vers',
      'json',
      '--sortie',
      'jamais',
      '--date',
      '2025-06-30',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Données invalides : rien n’est écrit.');
    expect(existsSync(join(dossier, 'jamais'))).toBe(false);
  });

  it('--vers obligatoire', async () => {
    expect((await lancer(['convertir', 'jeu-93', '--sortie', 'x'])).stderr).toMatch(
      /^Option --vers json\|csv\|xlsx obligatoire/,
    );
  });
});

describe('jalon offre manques', () => {
  it('tableau texte : freins sans réponse', async () => {
    const r = await lancer(['manques', 'jeu-93', '--departement', '93', '--date', '2025-06-30']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^frein +logement +Logement +0 +0 +logement +oui$/m);
    expect(r.stdout).toMatch(/^frein +mobilite +Mobilité +2 +2 +mobilite +non$/m);
  });

  it('CSV dans un fichier', async () => {
    const r = await lancer([
      'manques',
      'jeu-93',
      '--departement',
      '93',
      '--format',
      'csv',
      '--sortie',
      'manques.csv',
      '--date',
      '2025-06-30',
    ]);
    expect(r.code).toBe(0);
    const csv = readFileSync(join(dossier, 'manques.csv'), 'utf8');
    expect(csv).toContain(
      'frein,garde-enfants-famille,Garde d’enfants / famille,0,0,garde-enfants-famille,oui,',
    );
  });

  it('département inconnu ou absent : sortie 2', async () => {
    expect((await lancer(['manques', 'jeu-93', '--departement', '20'])).stderr).toMatch(
      /^Département « 20 » inconnu/,
    );
    expect((await lancer(['manques', 'jeu-93'])).code).toBe(2);
  });
});

describe('npx jalon offre (sous-processus)', () => {
  it('valide l’exemple et sort 0 ; fichier absent → 2', () => {
    const ok = spawnSync('npx', ['jalon', 'offre', 'valider', EXEMPLE, '--date', '2025-06-30'], {
      cwd: RACINE,
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('2 structure(s), 4 service(s)');
    const ko = spawnSync('npx', ['jalon', 'offre', 'valider', 'absent.json'], {
      cwd: RACINE,
      encoding: 'utf8',
    });
    expect(ko.status).toBe(2);
  });
});
