import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * Aides des tests de bout en bout des documents : port libre, vrai serveur Jalon (`principal.ts`) sur un dossier
 * PGlite préparé, attente de `/api/sante`, arrêt propre. Mêmes gestes que `plateforme.e2e.test.ts`, réunis ici
 * pour pouvoir être partagés (ce fichier n'est pas un test).
 */
export async function portLibre(): Promise<number> {
  return new Promise((ok, ko) => {
    const serveur = createServer();
    serveur.once('error', ko);
    serveur.listen(0, '127.0.0.1', () => {
      const adresse = serveur.address();
      const port = typeof adresse === 'object' && adresse !== null ? adresse.port : 0;
      serveur.close(() => ok(port));
    });
  });
}

export interface ServeurLance {
  readonly base: string;
  readonly processus: ChildProcess;
  journal(): string;
  arreter(): Promise<void>;
}

export async function lancerServeur(
  principal: string,
  racine: string,
  donnees: string,
): Promise<ServeurLance> {
  const port = await portLibre();
  const base = `http://127.0.0.1:${port}`;
  let sortie = '';
  const processus = spawn(process.execPath, ['--import', 'tsx', principal], {
    cwd: racine,
    env: { ...process.env, PORT: String(port), JALON_DONNEES: donnees, JALON_DEMO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  processus.stdout?.on('data', (d: Buffer) => (sortie += d.toString()));
  processus.stderr?.on('data', (d: Buffer) => (sortie += d.toString()));
  const limite = Date.now() + 90_000;
  for (;;) {
    if (processus.exitCode !== null)
      throw new Error(`Le serveur s'est arrêté (code ${processus.exitCode}) :\n${sortie}`);
    try {
      if ((await fetch(`${base}/api/sante`)).ok) break;
    } catch {
      // pas encore prêt
    }
    if (Date.now() > limite) throw new Error(`Le serveur ne répond pas sur ${base}/api/sante :\n${sortie}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    base,
    processus,
    journal: () => sortie,
    async arreter() {
      if (processus.exitCode !== null) return;
      // Arrêt propre (base fermée, verrou PGlite libéré) avant de supprimer le dossier.
      const fin = new Promise((ok) => processus.once('exit', ok));
      processus.kill('SIGTERM');
      await Promise.race([fin, new Promise((ok) => setTimeout(ok, 15_000))]);
    },
  };
}
