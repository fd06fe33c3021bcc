import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DossierVerrouille, verrouillerDossier } from '../src/base/verrou.ts';
import { dossierDonneesPret } from './aide/dossier-modele.ts';

const PRINCIPAL = fileURLToPath(new URL('../src/principal.ts', import.meta.url));

function lancer(dossier: string): {
  processus: ChildProcess;
  sortie: () => string;
  fin: Promise<number | null>;
} {
  const processus = spawn(process.execPath, ['--import', 'tsx', PRINCIPAL], {
    env: { ...process.env, JALON_DONNEES: dossier, PORT: '0', JALON_DEMO: '0', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let texte = '';
  processus.stdout?.on('data', (d: Buffer) => (texte += d.toString()));
  processus.stderr?.on('data', (d: Buffer) => (texte += d.toString()));
  const fin = new Promise<number | null>((resolve) => processus.on('exit', (code) => resolve(code)));
  return { processus, sortie: () => texte, fin };
}

async function attendre(condition: () => boolean, ms: number): Promise<void> {
  const limite = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > limite) throw new Error('délai dépassé');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const aNettoyer: ChildProcess[] = [];
afterAll(() => {
  for (const p of aNettoyer) if (p.exitCode === null) p.kill('SIGKILL');
});

describe('verrou du dossier PGlite', () => {
  it('deux vrais processus : le second s’arrête avec une erreur française ; arrêt propre libère le verrou', async () => {
    // Dossier déjà initialisé et migré (modèle copié) : le test porte sur le verrou, pas sur initdb.
    const dossier = await dossierDonneesPret({ demo: false });
    const premier = lancer(dossier);
    aNettoyer.push(premier.processus);
    await attendre(() => premier.sortie().includes('Jalon écoute'), 110_000);

    const second = lancer(dossier);
    aNettoyer.push(second.processus);
    expect(await second.fin).toBe(1);
    expect(second.sortie()).toContain(
      `déjà utilisé par un autre processus Jalon (pid ${premier.processus.pid}`,
    );

    premier.processus.kill('SIGTERM');
    expect(await premier.fin).toBe(0);
    expect(existsSync(join(dossier, 'verrou.pid'))).toBe(false);
    expect(existsSync(join(dossier, 'verrou.lock'))).toBe(false);
  });

  it('dans un même processus, un second verrou est refusé ; après libération il est accordé', () => {
    const dossier = mkdtempSync(join(tmpdir(), 'jalon-verrou-'));
    const verrou = verrouillerDossier(dossier);
    expect(readFileSync(join(dossier, 'verrou.pid'), 'utf8').trim()).toBe(String(process.pid));
    expect(() => verrouillerDossier(dossier)).toThrow(DossierVerrouille);
    verrou.liberer();
    verrouillerDossier(dossier).liberer();
  });

  it('verrou laissé par un processus mort (arrêt brutal) : repris tout de suite', () => {
    const dossier = mkdtempSync(join(tmpdir(), 'jalon-verrou-'));
    const mort = spawnSync(process.execPath, ['-e', '0']).pid;
    mkdirSync(join(dossier, 'verrou.lock'));
    writeFileSync(join(dossier, 'verrou'), '');
    writeFileSync(join(dossier, 'verrou.pid'), `${mort}\n`);
    const verrou = verrouillerDossier(dossier);
    expect(readFileSync(join(dossier, 'verrou.pid'), 'utf8').trim()).toBe(String(process.pid));
    verrou.liberer();
  });
});
