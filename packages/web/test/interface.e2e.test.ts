import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ARGS_CHROMIUM, CHROMIUM, preparerWeb, violationsGraves } from './aide/e2e.ts';
import { demarrerApiSimulee, type ApiSimulee } from './fixtures/api-simulee.ts';

/**
 * L'interface construite, dans Chromium, contre l'API simulée (fixtures/api-simulee.ts) : parcours clavier de la
 * grille, parité, conflit 409, historique, et axe-core sur chaque page. Le même parcours contre le vrai serveur
 * est dans plateforme.e2e.test.ts.
 */
const DIST = resolve(import.meta.dirname, '../dist');

if (!existsSync(CHROMIUM))
  console.warn(`Tests de l'interface sautés : ${CHROMIUM} absent (apt-get install -y chromium).`);

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('interface Jalon contre une API simulée', () => {
  let api: ApiSimulee;
  let navigateur: Browser;
  let page: Page;

  beforeAll(async () => {
    preparerWeb();
    api = await demarrerApiSimulee(DIST);
    navigateur = await chromium.launch({ executablePath: CHROMIUM, args: ARGS_CHROMIUM });
    page = await navigateur.newPage({ viewport: { width: 1400, height: 900 } });
  });

  afterAll(async () => {
    await navigateur?.close();
    await api?.fermer();
  });

  async function axeSansViolationGrave(nom: string): Promise<void> {
    const violations = await violationsGraves(page);
    if (violations.length > 0)
      await page.screenshot({ path: `/tmp/jalon-simule-${nom}.png`, fullPage: true });
    expect(violations, nom).toEqual([]);
  }

  it('connexion : erreurs en français, bandeau Démonstration, puis accueil', async () => {
    await page.goto(`${api.base}/`);
    await page.getByRole('heading', { level: 1, name: 'Connexion à Jalon' }).waitFor();
    expect(await page.getByText('Démonstration', { exact: true }).first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    expect(await page.getByText('Saisissez votre identifiant.').isVisible()).toBe(true);
    await axeSansViolationGrave('connexion');
    await page.getByLabel('Identifiant').fill('agent44@demo.jalon.fr');
    await page.getByLabel('Mot de passe').fill('mauvais');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Identifiant ou mot de passe incorrect.').waitFor();
    await page.getByLabel('Mot de passe').fill('demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conventions' }).waitFor();
    await page.locator('table').getByText('En négociation').waitFor();
    await axeSansViolationGrave('accueil');
  });

  it('grille : clavier, parité en direct, « Déposer » bloqué, 409 qui garde la saisie', async () => {
    await page.getByRole('link', { name: /^Convention 2023/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Convention 2023 — Loire-Atlantique/ }).waitFor();
    await axeSansViolationGrave('convention');
    await page.getByRole('tab', { name: 'Tableau financier' }).click();
    const grille = page.getByRole('grid');
    await grille.waitFor();
    // F de l'exemple officiel (001 · annexe 5) : 220 000 €.
    const ligne41 = grille.locator('tr[role="row"]', {
      has: page.locator('.jalon-grille__numero', { hasText: /^4\.1$/ }),
    });
    expect(await ligne41.locator('td[aria-colindex="8"]').textContent()).toBe('220\u00a0000,00 €');
    // Au clavier : cellule A, flèche droite ×2 → C ; Entrée, saisie, Entrée.
    await ligne41.locator('td[aria-colindex="2"]').click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('90 000');
    await page.keyboard.press('Enter');
    await grille.getByText(/contrôle PARITE_ACTION/).waitFor();
    expect(await ligne41.locator('td[aria-colindex="4"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Déposer' }).isDisabled()).toBe(true);
    await axeSansViolationGrave('grille-parite');
    // Modification concurrente : le serveur répond 409, la saisie reste.
    api.modifierAilleurs();
    await page.getByRole('button', { name: /^Enregistrer/ }).click();
    await page.getByText(/modifiée entre-temps/).waitFor();
    expect(await ligne41.locator('td[aria-colindex="4"]').textContent()).toBe('90\u00a0000,00 €');
    // Rechargement, correction, enregistrement.
    await page.reload();
    await grille.waitFor();
    await ligne41.locator('td[aria-colindex="4"]').click();
    await page.keyboard.type('120000');
    await page.keyboard.press('Enter');
    expect(await grille.getByText(/contrôle PARITE_ACTION/).count()).toBe(0);
    await page.getByRole('button', { name: /^Enregistrer/ }).click();
    await page.getByText('1 ligne enregistrée.').waitFor();
  });

  it('indicateurs, historique et page 404', async () => {
    await page.getByRole('tab', { name: 'Indicateurs' }).click();
    await page.getByRole('heading', { name: "Matrice d'indicateurs" }).waitFor();
    expect(await page.getByLabel('Nombre de nouveaux entrants, T0 2018').inputValue()).toBe('1200');
    await axeSansViolationGrave('indicateurs');
    await page.getByRole('tab', { name: 'Historique' }).click();
    await page.getByRole('heading', { name: 'Historique' }).waitFor();
    const ligneCd = page.locator('tbody tr', { hasText: 'previsionnel.cd' });
    expect(await ligneCd.first().locator('td').nth(4).textContent()).toBe('100\u00a0000,00\u00a0€');
    expect(await ligneCd.first().locator('td').nth(5).textContent()).toBe('120\u00a0000,00\u00a0€');
    await axeSansViolationGrave('historique');
    await page.goto(`${api.base}/conventions/2`);
    await page.getByRole('heading', { level: 1, name: 'Convention inaccessible' }).waitFor();
    expect(await page.getByText('Cette convention est hors de votre territoire.').isVisible()).toBe(true);
    await page.goto(`${api.base}/nulle-part`);
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
  });
});
