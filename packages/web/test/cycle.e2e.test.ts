import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { dossierDonneesPret } from '@jalon/serveur/aide-tests';
import { lancerServeur, type ServeurLance } from './documents-aide-e2e.ts';

/**
 * Cycle de vie dans le vrai navigateur (issue 6 § 1) : l'agent de Loire-Atlantique ouvre la convention 2024,
 * au brouillon dans la démonstration, fait passer la convention à l'étape suivante (« Ouvrir la négociation ») et
 * voit le chemin se mettre à jour ; les étapes qui ne sont pas les siennes disent pourquoi.
 */
const RACINE = resolve(import.meta.dirname, '../../..');
const WEB = resolve(import.meta.dirname, '..');
const PRINCIPAL = join(RACINE, 'packages/serveur/src/principal.ts');
const CHROMIUM = '/usr/bin/chromium';
const manque = existsSync(CHROMIUM) ? '' : `chromium absent (${CHROMIUM})`;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function violationsGraves(page: Page): Promise<{ id: string; help: string }[]> {
  // Injecté par le protocole du navigateur (la politique CSP stricte du serveur interdit tout script en ligne).
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: () => Promise<{ violations: { id: string; impact: string | null; help: string }[] }> };
      }
    ).axe;
    const resultat = await axe.run();
    return resultat.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, help: v.help }));
  });
}

/** L'interface construite contient-elle déjà la frise du cycle ? Sinon on la reconstruit. */
function interfaceAJour(): boolean {
  const assets = join(WEB, 'dist/assets');
  if (!existsSync(assets)) return false;
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .some((f) => readFileSync(join(assets, f), 'utf8').includes('Chemin de la convention'));
}

describe.skipIf(manque !== '' && !process.env.CI)('cycle de vie : l’agent fait avancer sa convention', () => {
  let serveur: ServeurLance | undefined;
  let navigateur: Browser;
  let donnees = '';

  beforeAll(async () => {
    if (!interfaceAJour() || process.env.JALON_RECONSTRUIRE_WEB === '1') {
      execFileSync('npm', ['run', 'build', '-w', '@jalon/web'], { cwd: RACINE, stdio: 'pipe' });
    }
    donnees = await dossierDonneesPret({ demo: true });
    serveur = await lancerServeur(PRINCIPAL, RACINE, donnees);
    navigateur = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
  }, 900_000);

  afterAll(async () => {
    await navigateur?.close();
    await serveur?.arreter();
    if (donnees !== '') rmSync(donnees, { recursive: true, force: true });
  });

  it('brouillon → en négociation : bouton, frise mise à jour, badge du statut, raisons des refus', async () => {
    const base = serveur?.base ?? '';
    const page = await navigateur.newPage();
    const erreurs: string[] = [];
    page.on('pageerror', (e) => erreurs.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') erreurs.push(m.text());
    });
    await page.goto(`${base}/connexion`);
    await page
      .getByLabel('Identifiant')
      .waitFor({ timeout: 20_000 })
      .catch(() => {
        throw new Error(`page de connexion absente : ${erreurs.join(' | ')}`);
      });
    await page.getByLabel('Identifiant').fill('agent.44');
    await page.getByLabel('Mot de passe').fill('demo-jalon');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conventions' }).waitFor();
    await page
      .getByRole('link', { name: /^Convention 2024/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /^Convention 2024/ }).waitFor();

    const frise = page.getByRole('list', { name: 'Chemin de la convention' });
    await frise.waitFor();
    const courante = () => frise.locator('[aria-current="step"]').innerText();
    await expect(courante()).resolves.toMatch(/^Brouillon/);
    expect(await violationsGraves(page), 'axe : page convention avec le cycle').toEqual([]);

    await page.getByRole('button', { name: 'Ouvrir la négociation' }).click();
    await expect.poll(courante, { timeout: 15_000 }).toMatch(/^En négociation/);
    // Le brouillon est franchi ; la négociation est datée du jour de la transition (journal du cycle).
    const premiere = frise.getByRole('listitem').first();
    await expect(premiere.innerText()).resolves.toMatch(/^Brouillon\s+franchie$/);
    await expect(courante()).resolves.toMatch(/^En négociation\s+état actuel depuis le \d\d\/\d\d\/\d{4}$/);
    await page
      .getByRole('heading', { name: /Prochaine étape : Constater la finalisation conjointe/ })
      .waitFor();
    // L'agent ne valide pas les fiches : la raison est donnée (rôle).
    await page.getByText(/Autres étapes, non disponibles pour votre compte/).click();
    await expect(
      page
        .getByText(/Valider des fiches actions/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(
      page.locator('.fr-badge').filter({ hasText: 'En négociation' }).first().isVisible(),
    ).resolves.toBe(true);
    await page.screenshot({ path: '/tmp/jalon-cycle.png', fullPage: true });

    // Relu après rechargement : l'état vient du serveur.
    await page.reload();
    await expect.poll(courante, { timeout: 15_000 }).toMatch(/^En négociation/);
    await page.close();
  });
});
