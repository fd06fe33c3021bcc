import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierDonneesPret } from '@jalon/serveur/aide-tests';
import { lancerServeur, type ServeurLance } from './documents-aide-e2e.ts';

/**
 * Offre d'insertion de bout en bout (issue 8) : un agent crée un service par le formulaire DSFR, le lie à une
 * fiche action, puis exporte l'offre ; l'export est validé par Ajv sur le schéma officiel de shared/.
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
const SCHEMA = join(RACINE, '../shared/reference/data-inclusion/service.json');
const manque = !existsSync(CHROMIUM) || !existsSync(SCHEMA);

describe.skipIf(manque && !process.env.CI)('offre d’insertion dans un vrai navigateur', () => {
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

  it(
    'créer un service par le formulaire, le lier à une fiche action, exporter',
    { timeout: 180_000 },
    async () => {
      const base = serveur?.base ?? '';
      const contexte = await navigateur.newContext({ acceptDownloads: true, bypassCSP: true });
      const page = await contexte.newPage();
      const session = (await (await fetch(`${base}/api/session`)).json()) as { mot_de_passe_demo?: string };
      await page.goto(`${base}/connexion`);
      await page.getByLabel('Identifiant').fill('agent.44');
      await page.getByLabel('Mot de passe').fill(session.mot_de_passe_demo ?? '');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { level: 1, name: 'Conventions' }).waitFor();

      // Création d'un service (formulaire DSFR alimenté par les référentiels).
      await page.goto(`${base}/offre/${encodeURIComponent('departement:44')}`);
      await page.getByRole('heading', { level: 1, name: /Offre d’insertion/ }).waitFor();
      await page.getByRole('button', { name: 'Ajouter un service' }).click();
      // Un service invalide d'abord : le refus du serveur (Ajv) s'affiche en français.
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByText('n’est pas conforme au schéma data·inclusion').first().waitFor();
      const structure = page.getByRole('combobox', { name: /^Structure/ });
      await structure.selectOption({ index: 1 });
      await page.getByLabel('Nom *', { exact: true }).fill('Atelier vélo solidaire e2e');
      await page
        .getByLabel('Description *', { exact: true })
        .fill(
          'Atelier de réparation et prêt de vélos pour se rendre en formation ou au travail, créé par le test.',
        );
      await page.getByText('Mobilité', { exact: true }).click(); // ouvre la catégorie
      // Case DSFR (entrée masquée derrière son libellé) : on coche par le libellé, comme une personne.
      await page.locator('label', { hasText: 'Accéder à un véhicule' }).click();
      expect(await page.getByLabel('Accéder à un véhicule').isChecked()).toBe(true);
      await page.getByRole('combobox', { name: 'Frais' }).selectOption('gratuit');
      await page.getByLabel(/^Zone d’éligibilité/).fill('44');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page
        .getByText(/Service « Atelier vélo solidaire e2e » enregistré \(score de qualité \d+ %\)/)
        .waitFor();
      await page.getByRole('rowheader', { name: 'Atelier vélo solidaire e2e' }).waitFor();

      // Accessibilité de la page de l'offre.
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const r = await (
          window as unknown as {
            axe: { run: () => Promise<{ violations: { id: string; impact: string | null }[] }> };
          }
        ).axe.run();
        return r.violations.map((v) => ({ id: v.id, impact: v.impact }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

      // Lien à une fiche action depuis l'onglet des fiches.
      const liste = (await (
        await page.request.get(`${base}/api/conventions?exercice=2024&collectivite=departement:44`)
      ).json()) as {
        conventions: { id: number; cadre: string }[];
      };
      const convention =
        liste.conventions.find((c) => c.cadre !== 'france-travail-2024') ?? liste.conventions[0];
      if (convention === undefined) throw new Error('convention 2024 de Loire-Atlantique absente');
      await page.goto(`${base}/conventions/${convention.id}/fiches`);
      await page.getByRole('heading', { name: 'Services de l’offre d’insertion financés' }).waitFor();
      const choix = page.getByRole('combobox', { name: /Service à lier à la fiche/ }).first();
      await choix.selectOption({ label: 'Atelier vélo solidaire e2e' });
      await page.getByRole('button', { name: /^Lier/ }).first().click();
      await page.getByRole('button', { name: /Retirer Atelier vélo solidaire e2e/ }).waitFor();

      // Le service montre l'action qui le finance ; export JSON validé contre le schéma officiel.
      await page.goto(`${base}/offre/${encodeURIComponent('departement:44')}`);
      const ligne = page.getByRole('row', { name: /Atelier vélo solidaire e2e/ });
      await expect.poll(async () => (await ligne.textContent()) ?? '').toMatch(/fiche/);
      await page.getByRole('tab', { name: 'Import et export' }).click();
      const [telechargement] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Services (JSON)' }).click(),
      ]);
      const services = JSON.parse(readFileSync(await telechargement.path(), 'utf8')) as Record<
        string,
        unknown
      >[];
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      (
        (ajvFormats as unknown as { default?: (a: Ajv2020) => void }).default ??
        (ajvFormats as unknown as (a: Ajv2020) => void)
      )(ajv);
      const valider = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
      for (const s of services) expect(valider(s), JSON.stringify(valider.errors)).toBe(true);
      const cree = services.find((s) => s.nom === 'Atelier vélo solidaire e2e');
      expect(cree).toMatchObject({ source: 'cd44', frais: 'gratuit', zone_eligibilite: ['44'] });
      expect(String(cree?.id)).toMatch(/^cd44--/);
      await page.screenshot({ path: '/tmp/jalon-offre.png', fullPage: true });

      // Manques du département : tableau des freins (le service créé répond au frein mobilité) et carte.
      await page.getByRole('tab', { name: 'Manques' }).click();
      await page.getByRole('heading', { name: 'Manques de l’offre — département 44' }).waitFor();
      const frein = page
        .getByRole('table', { name: 'Services par frein' })
        .getByRole('row', { name: /Mobilité/ });
      await expect.poll(async () => (await frein.textContent()) ?? '').not.toMatch(/manque/);
      const carte = page.getByRole('group', {
        name: 'Carte : Catégories de thématiques couvertes par département',
      });
      await carte.waitFor();
      await carte.getByRole('img', { name: /44/ }).first().waitFor();
      await page.screenshot({ path: '/tmp/jalon-offre-manques.png', fullPage: true });
      await contexte.close();

      // Sous la CSP stricte de Jalon (sans contournement) : le formulaire s'ouvre, aucune erreur de page
      // (le paquet @jalon/offre n'exécute pas Ajv, qui compile par `new Function`, dans le navigateur).
      const strict = await navigateur.newContext();
      const page2 = await strict.newPage();
      const erreurs: string[] = [];
      page2.on('pageerror', (e) => erreurs.push(e.message));
      page2.on('console', (m) => {
        if (m.type() === 'error') erreurs.push(m.text());
      });
      await page2.goto(`${base}/connexion`);
      await page2.getByLabel('Identifiant').fill('agent.44');
      await page2.getByLabel('Mot de passe').fill(session.mot_de_passe_demo ?? '');
      await page2.getByRole('button', { name: 'Se connecter' }).click();
      await page2.getByRole('heading', { level: 1, name: 'Conventions' }).waitFor();
      await page2.goto(`${base}/offre/${encodeURIComponent('departement:44')}`);
      await page2.getByRole('button', { name: 'Ajouter un service' }).click();
      await page2.getByRole('combobox', { name: /^Structure/ }).waitFor();
      expect(erreurs).toEqual([]);
      await strict.close();
    },
  );
});
