import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { dossierDonneesPret, portLibre } from '@jalon/serveur/aide-tests';

export { portLibre };

/**
 * Aides communes des tests de bout en bout (issue « Plateforme » § 8 et 9) : l'interface construite servie par le
 * vrai serveur Jalon (`principal.ts`, processus enfant) sur un dossier PGlite de démonstration, Chromium de Debian
 * piloté par playwright-core, axe-core pour l'accessibilité. Ce fichier n'est pas un test.
 */
export const RACINE = resolve(import.meta.dirname, '../../../..');
export const WEB = resolve(import.meta.dirname, '../..');
export const PRINCIPAL = join(RACINE, 'packages/serveur/src/principal.ts');
export const CHROMIUM = '/usr/bin/chromium';
export const ARGS_CHROMIUM = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Ce qui manque pour lancer ces tests (vide : tout est là). En CI, les tests échouent au lieu de sauter. */
export function prerequisManquants(): string {
  return [
    existsSync(PRINCIPAL) ? '' : `serveur absent (${PRINCIPAL})`,
    existsSync(CHROMIUM) ? '' : `chromium absent (${CHROMIUM} : apt-get install -y chromium)`,
  ]
    .filter(Boolean)
    .join(' ; ');
}

/**
 * `npm test` construit l'interface avant vitest ; un test lancé seul la construit si `dist/` manque (ou si
 * `JALON_RECONSTRUIRE_WEB=1`).
 */
export function preparerWeb(): void {
  if (!existsSync(join(WEB, 'dist/index.html')) || process.env.JALON_RECONSTRUIRE_WEB === '1') {
    execFileSync('npm', ['run', 'build', '-w', '@jalon/web'], { cwd: RACINE, stdio: 'pipe' });
  }
}

export interface ServeurLance {
  readonly base: string;
  readonly processus: ChildProcess;
  journal(): string;
  arreter(): Promise<void>;
}

/** Lance le vrai serveur sur `donnees` (démonstration), attend `/api/sante`. */
export async function lancerServeur(
  donnees: string,
  env: Readonly<Record<string, string>> = {},
): Promise<ServeurLance> {
  // `env.PORT` : port choisi par l'appelant (un fournisseur OIDC doit connaître l'adresse avant le démarrage).
  const port = env.PORT ?? String(await portLibre());
  const base = `http://127.0.0.1:${port}`;
  let sortie = '';
  const processus = spawn(process.execPath, ['--import', 'tsx', PRINCIPAL], {
    cwd: RACINE,
    env: { ...process.env, PORT: port, JALON_DONNEES: donnees, JALON_DEMO: '1', ...env },
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

/** Un environnement complet : interface construite, dossier de démonstration, serveur, navigateur. */
export interface Environnement {
  /** Dossier PGlite du serveur (temporaire, supprimé par `fermer`). */
  readonly donnees: string;
  readonly serveur: ServeurLance;
  readonly navigateur: Browser;
  fermer(): Promise<void>;
}

export async function demarrerEnvironnement(
  env: Readonly<Record<string, string>> = {},
): Promise<Environnement> {
  preparerWeb();
  // Dossier PGlite déjà migré et semé (modèle copié) : le serveur démarre en quelques secondes.
  const donnees = await dossierDonneesPret({ demo: true });
  const serveur = await lancerServeur(donnees, env);
  const navigateur = await chromium.launch({ executablePath: CHROMIUM, args: ARGS_CHROMIUM });
  return {
    donnees,
    serveur,
    navigateur,
    async fermer() {
      await navigateur.close();
      await serveur.arreter();
      rmSync(donnees, { recursive: true, force: true });
    },
  };
}

/** Mot de passe des comptes de démonstration, tel que le serveur l'annonce. */
export async function motDePasseDemo(base: string): Promise<string> {
  const session = (await (await fetch(`${base}/api/session`)).json()) as { mot_de_passe_demo?: string };
  return session.mot_de_passe_demo ?? '';
}

/** Connexion par la page de connexion, jusqu'à l'accueil « Conventions ». */
export async function seConnecter(page: Page, base: string, identifiant: string): Promise<void> {
  await page.goto(`${base}/connexion`);
  await page.getByLabel('Identifiant').fill(identifiant);
  await page.getByLabel('Mot de passe').fill(await motDePasseDemo(base));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Conventions' }).waitFor();
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Violations axe-core « serious » ou « critical » de la page (RGAA). axe est injecté par le protocole du
 * navigateur (`page.evaluate`) : la CSP stricte du serveur interdit tout script en ligne, donc pas de
 * `addScriptTag` ni de contournement de la CSP.
 */
export async function violationsGraves(
  page: Page,
): Promise<{ id: string; help: string; cibles: string[] }[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: () => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const resultat = await axe.run();
    return resultat.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, help: v.help, cibles: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/**
 * Un bloc de tests de bout en bout sur un environnement (serveur de démonstration et Chromium) démarré une fois
 * et fermé à la fin. Sauté hors CI si un prérequis manque (`prerequisManquants`, `manqueAussi`) ; en CI, il
 * échoue. `environnement()` dans un test rend l'environnement démarré.
 */
export function decrireDansLeNavigateur(
  nom: string,
  tests: (environnement: () => Environnement) => void,
  options: { readonly manqueAussi?: boolean; readonly env?: Readonly<Record<string, string>> } = {},
): void {
  const manque = prerequisManquants() !== '' || options.manqueAussi === true;
  describe.skipIf(manque && !process.env.CI)(nom, () => {
    let environnement: Environnement | undefined;
    beforeAll(async () => {
      environnement = await demarrerEnvironnement(options.env);
    }, 900_000);
    afterAll(async () => {
      await environnement?.fermer();
    });
    tests(() => {
      if (environnement === undefined) throw new Error('environnement non démarré');
      return environnement;
    });
  });
}
