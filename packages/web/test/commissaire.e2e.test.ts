import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEPARTEMENTS } from '@jalon/referentiels';
import { dossierDonneesPret } from '@jalon/serveur/aide-tests';
import { lancerServeur, type ServeurLance } from './documents-aide-e2e.ts';

/**
 * Scénario du commissaire (issue 6 § 7), vrai Chromium, vrai serveur sur la démonstration : le commissaire
 * Pays de la Loire ouvre le tableau de bord de sa région, la carte montre tous les départements de la région,
 * il ouvre la convention en retard (Loire-Atlantique 2022, rapport déposé, note attendue), écrit et dépose la
 * note : la convention passe à « analysée ».
 */
const RACINE = resolve(import.meta.dirname, '../../..');
const WEB = resolve(import.meta.dirname, '..');
const PRINCIPAL = join(RACINE, 'packages/serveur/src/principal.ts');
const CHROMIUM = '/usr/bin/chromium';
const manque = existsSync(CHROMIUM) ? '' : `chromium absent (${CHROMIUM})`;

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Aucune violation axe « serious » ou « critical » sur la page (RGAA, comme plateforme.e2e.test.ts). */
async function violationsGraves(page: Page): Promise<{ id: string; help: string }[]> {
  await page.addScriptTag({ content: AXE });
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

/** L'interface construite contient-elle déjà les pages du pilotage ? Sinon on la reconstruit. */
function interfaceAJour(): boolean {
  const assets = join(WEB, 'dist/assets');
  if (!existsSync(assets)) return false;
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .some((f) => readFileSync(join(assets, f), 'utf8').includes('Déposer la note'));
}

describe.skipIf(manque !== '' && !process.env.CI)('commissaire : tableau de bord, note d’analyse', () => {
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

  it('ouvre sa région, voit tous ses départements sur la carte, écrit et dépose la note en retard', async () => {
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
      .waitFor({ timeout: 30_000 })
      .catch(async () => {
        throw new Error(
          `Page de connexion absente : ${erreurs.join(' | ')}\n${(await page.content()).slice(0, 1500)}`,
        );
      });
    await page.getByLabel('Identifiant').fill('commissaire.52');
    await page.getByLabel('Mot de passe').fill('demo-jalon');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conventions' }).waitFor();

    await page.getByRole('link', { name: 'Tableaux de bord' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord — Pays de la Loire' }).waitFor();
    const carte = page.getByTestId('carte-departements');
    await carte.waitFor();
    // Les départements de la région d'après le COG (référentiel), pas d'après l'application.
    const attendus = DEPARTEMENTS.filter((d) => d.codeRegion === '52')
      .map((d) => d.code)
      .sort();
    expect(attendus).toEqual(['44', '49', '53', '72', '85']);
    const dessines = await carte
      .locator('path[data-code]')
      .evaluateAll((ps) => ps.map((p) => p.getAttribute('data-code') ?? '').sort());
    expect(dessines).toEqual(attendus);
    // Chaque département a un titre (nom, code, valeur) ; la carte a une surface réelle à l'écran.
    const titres = await carte.locator('path[data-code] title').allTextContents();
    expect(titres.some((t) => t.startsWith('Loire-Atlantique (44) : '))).toBe(true);
    const boite = await carte.boundingBox();
    expect(boite?.width ?? 0).toBeGreaterThan(200);
    await page.screenshot({ path: '/tmp/jalon-tableau-bord-52.png', fullPage: true });
    expect(await violationsGraves(page), 'axe : tableau de bord').toEqual([]);

    // La convention en retard : badge, lien vers la note d'analyse.
    const ligne44 = page.getByRole('row', { name: /Loire-Atlantique \(44\)/ });
    await expect(ligne44.getByText('En retard').isVisible()).resolves.toBe(true);
    await ligne44.getByRole('link', { name: 'Note d’analyse' }).click();
    await page
      .getByRole('heading', { level: 1, name: /^Note d’analyse — Loire-Atlantique, exercice 2022/ })
      .waitFor();
    await page.getByText('Consommation générale').first().waitFor();
    expect(await violationsGraves(page), 'axe : note d’analyse').toEqual([]);

    const texte = 'Consommation conforme ; crédits 2023 proposés au montant calculé (reports déduits).';
    await page.getByLabel('Justification').fill(texte);
    await page.getByRole('button', { name: 'Enregistrer la note' }).click();
    await page.getByText(/Note enregistrée \(version 1\)/).waitFor();
    await page.getByRole('button', { name: 'Déposer la note' }).click();
    await page.getByText('Note déposée : la convention est analysée.').waitFor();
    await page.getByText(/État de la convention : analysee/).waitFor();
    await expect(page.getByLabel('Justification').isDisabled()).resolves.toBe(true);

    // Relu par l'API : la convention est analysée, la note gardée.
    const cookies = await page.context().cookies();
    const entete = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const id = /\/conventions\/(\d+)\//.exec(page.url())?.[1];
    const note = (await (
      await fetch(`${base}/api/conventions/${id}/note-analyse`, { headers: { cookie: entete } })
    ).json()) as {
      etat: string;
      justification: string;
    };
    expect(note).toMatchObject({ etat: 'analysee', justification: texte });
    await page.close();
  }, 300_000);
});
