import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { expect, it } from 'vitest';
import { decrireDansLeNavigateur, RACINE, seConnecter, violationsGraves } from './aide/e2e.ts';

/**
 * Offre d'insertion de bout en bout (issue 8) : un agent crée un service par le formulaire DSFR, le lie à une
 * fiche action, puis exporte l'offre ; l'export est validé par Ajv sur le schéma officiel de shared/.
 */
const SCHEMA = join(RACINE, '../shared/reference/data-inclusion/service.json');
decrireDansLeNavigateur(
  'offre d’insertion dans un vrai navigateur',
  (lancer) => {
    it(
      'créer un service par le formulaire, le lier à une fiche action, exporter',
      { timeout: 180_000 },
      async () => {
        const environnement = lancer();
        const base = environnement.serveur.base;
        // Sous la CSP stricte de Jalon, sans contournement : aucune erreur de page tout au long du parcours (le
        // paquet @jalon/offre n'exécute pas Ajv, qui compile par `new Function`, dans le navigateur).
        const contexte = await environnement.navigateur.newContext({ acceptDownloads: true });
        const page = await contexte.newPage();
        const erreurs: string[] = [];
        page.on('pageerror', (e) => erreurs.push(e.message));
        page.on('console', (m) => {
          // Les refus voulus du serveur (422 du service invalide) sont journalisés par le navigateur : attendus.
          if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) erreurs.push(m.text());
        });
        await seConnecter(page, base, 'agent.44');

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
        expect(await violationsGraves(page)).toEqual([]);

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
        expect(erreurs).toEqual([]);
        await contexte.close();
      },
    );
  },
  { manqueAussi: !existsSync(SCHEMA) },
);
