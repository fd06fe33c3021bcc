import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importerTableauFinancier } from '@jalon/documents';
import { dossierDonneesPret } from '@jalon/serveur/aide-tests';
import { lancerServeur, type ServeurLance } from './documents-aide-e2e.ts';

/**
 * Onglet « Documents » dans un vrai Chromium (issue 5) : l'agent de Loire-Atlantique ouvre l'onglet, télécharge
 * le tableau financier XLSX (événement de téléchargement du navigateur) ; le fichier reçu est un vrai classeur
 * que `@jalon/documents` relit à l'identique de l'export `jalon.convention/1` de la même convention.
 */
const RACINE = resolve(import.meta.dirname, '../../..');
const WEB = resolve(import.meta.dirname, '..');
const PRINCIPAL = join(RACINE, 'packages/serveur/src/principal.ts');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
];
const manque = !existsSync(CHROMIUM);

describe.skipIf(manque && !process.env.CI)('onglet Documents dans un vrai navigateur', () => {
  let serveur: ServeurLance | undefined;
  let navigateur: Browser;
  let donnees = '';
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  beforeAll(async () => {
    if (!existsSync(join(WEB, 'dist/index.html')) || process.env.JALON_RECONSTRUIRE_WEB === '1') {
      execFileSync('npm', ['run', 'build', '-w', '@jalon/web'], { cwd: RACINE, stdio: 'pipe' });
    }
    donnees = await dossierDonneesPret({ demo: true });
    serveur = await lancerServeur(PRINCIPAL, RACINE, donnees);
    navigateur = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 300_000);

  afterAll(async () => {
    await navigateur?.close();
    await serveur?.arreter();
    if (donnees !== '') rmSync(donnees, { recursive: true, force: true });
  });

  it('télécharger le tableau financier XLSX depuis l’onglet Documents', { timeout: 120_000 }, async () => {
    const base = serveur?.base ?? '';
    const contexte = await navigateur.newContext({ acceptDownloads: true, bypassCSP: true });
    const page = await contexte.newPage();
    const session = (await (await fetch(`${base}/api/session`)).json()) as { mot_de_passe_demo?: string };
    await page.goto(`${base}/connexion`);
    await page.getByLabel('Identifiant').fill('agent.44');
    await page.getByLabel('Mot de passe').fill(session.mot_de_passe_demo ?? '');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conventions' }).waitFor();

    const liste = (await (await page.request.get(`${base}/api/conventions?exercice=2023`)).json()) as {
      conventions: { id: number; collectivite: { id: string } }[];
    };
    const convention = liste.conventions.find((c) => c.collectivite.id === 'departement:44');
    if (convention === undefined) throw new Error('convention 2023 de Loire-Atlantique absente');

    await page.goto(`${base}/conventions/${convention.id}/documents`);
    await page.getByRole('heading', { level: 2, name: 'Documents' }).waitFor();
    await page.getByRole('heading', { name: 'Relire un tableau financier rempli' }).waitFor();

    const [telechargement] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Tableau financier — XLSX/ }).click(),
    ]);
    expect(telechargement.suggestedFilename()).toBe('tableau-financier_loire-atlantique_2023.xlsx');
    const chemin = await telechargement.path();
    const octets = readFileSync(chemin);
    expect(octets.subarray(0, 2).toString('latin1')).toBe('PK');

    const exporte = (await (
      await page.request.get(`${base}/api/conventions/${convention.id}/export`)
    ).json()) as {
      document?: unknown;
    };
    const document = exporte.document ?? exporte;
    expect(await importerTableauFinancier(octets, document)).toEqual({ ok: true, document });

    // Accessibilité de l'onglet (axe-core : aucune violation grave ou critique).
    await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async () => {
      const r = await (
        window as unknown as {
          axe: { run: () => Promise<{ violations: { id: string; impact: string | null }[] }> };
        }
      ).axe.run();
      return r.violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    await page.screenshot({ path: '/tmp/jalon-documents.png', fullPage: true });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await contexte.close();
  });
});
