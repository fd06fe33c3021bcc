import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { main as jalon } from '@jalon/cli';
import {
  demarrerEnvironnement,
  prerequisManquants,
  RACINE,
  seConnecter,
  violationsGraves,
  type Environnement,
} from './aide/e2e.ts';

/**
 * Scénarios de bout en bout dans un vrai navigateur (issue « Plateforme » § 9) : Chromium de Debian piloté par
 * playwright-core, l'interface construite (`dist/`) servie par le vrai serveur sur une base PGlite temporaire
 * en mode démonstration (aides communes : `aide/e2e.ts`).
 */
/** Jeu d'exemple de la spec parcours-rsa-v1 : le calcul importé dans la matrice vient de la vraie commande. */
const PARCOURS_MINI = join(RACINE, '../shared/specs/exemples/parcours-mini');

const manque = prerequisManquants();
if (manque !== '') console.warn(`Tests de bout en bout du web sautés : ${manque}.`);

interface CompteDemo {
  identifiant: string;
  role: string;
  territoire: string;
}

describe.skipIf(manque !== '' && !process.env.CI)('plateforme Jalon dans un vrai navigateur', () => {
  let environnement: Environnement | undefined;
  let navigateur: Browser;
  let base = '';
  let comptes: CompteDemo[] = [];
  let conventionId = '';
  /** Résultat JSON de `jalon indicateurs calculer` (2022, cadre calpae-2023), écrit par la commande elle-même. */
  let fichierCalcul = '';
  let empreinteCalcul = '';

  beforeAll(async () => {
    environnement = await demarrerEnvironnement();
    navigateur = environnement.navigateur;
    base = environnement.serveur.base;
    if (existsSync(PARCOURS_MINI)) {
      let json = '';
      const code = await jalon(
        ['indicateurs', 'calculer', '--donnees', PARCOURS_MINI, '--annee', '2022', '--cadre', 'calpae-2023'],
        { stdout: { write: (t: string) => (json += t) }, stderr: { write: () => true }, cwd: RACINE },
      );
      if (code !== 0) throw new Error(`jalon indicateurs calculer : code ${code}`);
      empreinteCalcul = (JSON.parse(json) as { provenance: { empreinte: string } }).provenance.empreinte;
      fichierCalcul = join(environnement.donnees, 'calcul-2022.json');
      writeFileSync(fichierCalcul, json);
    }
    const session = (await (await fetch(`${base}/api/session`)).json()) as { comptes_demo?: CompteDemo[] };
    comptes = session.comptes_demo ?? [];
  });

  afterAll(async () => {
    await environnement?.fermer();
  });

  const agents = (): CompteDemo[] => comptes.filter((c) => c.role === 'departement_agent');

  const connecter = (page: Page, identifiant: string): Promise<void> => seConnecter(page, base, identifiant);

  async function verifierAccessibilite(page: Page, nom: string): Promise<void> {
    const violations = await violationsGraves(page);
    if (violations.length > 0) await page.screenshot({ path: `/tmp/jalon-${nom}.png`, fullPage: true });
    expect(violations, `violations axe sur ${nom}`).toEqual([]);
  }

  it('les comptes de démonstration sont annoncés (bandeau « Démonstration »)', async () => {
    expect(agents().length).toBeGreaterThanOrEqual(2);
    const page = await navigateur.newPage();
    await page.goto(`${base}/connexion`);
    // Le bandeau dépend de `GET /api/session` (demo: true), chargé après le premier rendu : on l'attend
    // (`isVisible()` ne patiente pas et répondait false quand la session arrivait après lui).
    await page.getByText('Démonstration', { exact: true }).first().waitFor({ state: 'visible' });
    await page.getByRole('heading', { name: 'Comptes de démonstration (données fictives)' }).waitFor();
    await verifierAccessibilite(page, 'connexion');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByText('Saisissez votre identifiant.').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('un agent ouvre la convention 2023, fait apparaître puis corrige un défaut de parité, voit l’historique', async () => {
    const page = await navigateur.newPage();
    const agent = agents()[0];
    if (agent === undefined) throw new Error('aucun agent de démonstration');
    await connecter(page, agent.identifiant);
    await verifierAccessibilite(page, 'accueil');

    await page
      .getByRole('link', { name: /^Convention 2023/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /^Convention 2023/ }).waitFor();
    conventionId = /\/conventions\/(\d+)/.exec(page.url())?.[1] ?? '';
    expect(conventionId).not.toBe('');
    await verifierAccessibilite(page, 'convention');

    await page.getByRole('tab', { name: 'Tableau financier' }).click();
    const grille = page.getByRole('grid');
    await grille.waitFor();
    // Première action dont la part État (A) est non nulle : C passe à 0 → parité par action (001 · annexe 4).
    const ligne = grille
      .locator('tr[role="row"]')
      .filter({ has: page.locator('.jalon-grille__numero') })
      .filter({ hasNot: page.locator('td[aria-colindex="2"]', { hasText: /^0,00/ }) })
      .first();
    const numero = (await ligne.locator('.jalon-grille__numero').textContent())?.trim() ?? '';
    const celluleC = ligne.locator('td[aria-colindex="4"]');
    const avant = (await celluleC.textContent()) ?? '';
    const paritesAvant = await grille.getByText(/contrôle PARITE_ACTION/).count();
    await celluleC.click();
    await page.keyboard.press('Enter');
    const champ = page.getByRole('textbox', { name: `Crédits CD, action ${numero}` });
    await champ.fill('0');
    await page.keyboard.press('Enter');
    await expect.poll(() => grille.getByText(/contrôle PARITE_ACTION/).count()).toBeGreaterThan(paritesAvant);
    await expect(celluleC.getAttribute('aria-invalid')).resolves.toBe('true');
    // L'agent voit « Déposer » désactivé : dépôt réservé au valideur (INT-WEB-5), contrôle bloquant dit aussi.
    await expect(page.getByRole('button', { name: 'Déposer' }).isDisabled()).resolves.toBe(true);
    await expect(page.locator('#raison-depot').textContent()).resolves.toMatch(
      /^Dépôt réservé au valideur de la collectivité\. Dépôt impossible : \d+ contrôles? bloquants?/,
    );
    await verifierAccessibilite(page, 'grille-parite');
    await page.getByRole('button', { name: /^Enregistrer/ }).click();
    await page.getByText(/ligne enregistrée/).waitFor();

    // Correction : C rétabli, le contrôle disparaît, on enregistre.
    await celluleC.click();
    await page.keyboard.press('Enter');
    await page
      .getByRole('textbox', { name: `Crédits CD, action ${numero}` })
      .fill(avant.replace(/\s*€$/, ''));
    await page.keyboard.press('Enter');
    await expect.poll(() => grille.getByText(/contrôle PARITE_ACTION/).count()).toBe(paritesAvant);
    await page.getByRole('button', { name: /^Enregistrer/ }).click();
    await page.getByText(/ligne enregistrée/).waitFor();

    await page.getByRole('tab', { name: 'Indicateurs' }).click();
    await page.getByRole('heading', { name: "Matrice d'indicateurs" }).waitFor();
    if (fichierCalcul !== '') {
      // Import du JSON réel de la commande : la provenance (moteur, empreinte) s'affiche après l'import.
      await page.getByLabel(/Résultat de « jalon indicateurs calculer »/).setInputFiles(fichierCalcul);
      await page.getByText(`Empreinte des données : ${empreinteCalcul}`).waitFor();
      await page.getByRole('button', { name: 'Importer ces valeurs' }).click();
      await page.getByText(/Résultat du calcul 2022 importé/).waitFor();
      const calculs = page.getByRole('table', { name: /Calculs importés/ });
      await calculs.getByText(empreinteCalcul).waitFor();
      await expect(calculs.getByText(/^jalon-indicateurs \d+\.\d+\.\d+/).count()).resolves.toBe(1);
    }
    await verifierAccessibilite(page, 'indicateurs');

    await page.getByRole('tab', { name: 'Historique' }).click();
    await page.getByRole('heading', { name: 'Historique' }).waitFor();
    const historique = page.getByRole('table', { name: /^Modifications de la convention/ });
    await historique.locator('tbody tr').first().waitFor();
    // Deux enregistrements (défaut puis correction) : au moins deux lignes sur le champ C (`<n°>.previsionnel.cd`).
    await expect
      .poll(() => historique.locator('tbody tr', { hasText: `${numero}.previsionnel.cd` }).count(), {
        timeout: 15_000,
      })
      .toBeGreaterThanOrEqual(2);
    await verifierAccessibilite(page, 'historique');
    await page.close();
  });

  it('le valideur du même département : un contrôle bloquant empêche « Déposer », la correction le rétablit', async () => {
    expect(conventionId).not.toBe('');
    const agent = agents()[0];
    const valideur = comptes.find(
      (c) => c.role === 'departement_valideur' && c.territoire === agent?.territoire,
    );
    if (valideur === undefined) throw new Error('aucun valideur de démonstration pour ce territoire');
    const page = await navigateur.newPage();
    await connecter(page, valideur.identifiant);
    await page.goto(`${base}/conventions/${conventionId}/tableau`);
    const grille = page.getByRole('grid');
    await grille.waitFor();
    const deposer = page.getByRole('button', { name: 'Déposer' });
    // Après la correction de l'agent, aucun contrôle bloquant : le valideur peut déposer.
    await expect(deposer.isEnabled()).resolves.toBe(true);
    const ligne = grille
      .locator('tr[role="row"]')
      .filter({ has: page.locator('.jalon-grille__numero') })
      .filter({ hasNot: page.locator('td[aria-colindex="2"]', { hasText: /^0,00/ }) })
      .first();
    const numero = (await ligne.locator('.jalon-grille__numero').textContent())?.trim() ?? '';
    await ligne.locator('td[aria-colindex="4"]').click();
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: `Crédits CD, action ${numero}` }).fill('0');
    await page.keyboard.press('Enter');
    await expect.poll(() => deposer.isDisabled()).toBe(true);
    await expect(page.locator('#raison-depot').textContent()).resolves.toMatch(/^Dépôt impossible : /);
    await page.getByRole('button', { name: 'Annuler les modifications' }).click();
    await expect.poll(() => deposer.isEnabled()).toBe(true);
    await page.close();
  });

  it('convention France Travail 2024 : parcours types, volet 3 et coopération saisis et enregistrés', async () => {
    const page = await navigateur.newPage();
    const agent = agents()[0];
    if (agent === undefined) throw new Error('aucun agent de démonstration');
    await connecter(page, agent.identifiant);
    await page
      .getByRole('link', { name: /^Convention 2024/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /^Convention 2024/ }).waitFor();
    await page.getByRole('tab', { name: 'Volets France Travail' }).click();
    await page.getByRole('heading', { name: 'Volet 2 — parcours types' }).waitFor();
    await verifierAccessibilite(page, 'france-travail');
    // Un parcours de plus : 1 500 € × 8 places = 12 000 € de coût prévu, calculé à l'écran.
    const lignesAvant = await page
      .getByRole('table', { name: 'Parcours types du volet 2' })
      .locator('tbody tr')
      .count();
    await page.getByRole('button', { name: 'Ajouter un parcours type' }).click();
    const n = lignesAvant + 1;
    await page.getByRole('textbox', { name: `Nom, parcours ${n}` }).fill('Parcours « Mobilité » (fictif)');
    await page.getByRole('textbox', { name: `Coût unitaire (€), parcours ${n}` }).fill('1 500');
    await page.getByRole('textbox', { name: `Places financées, parcours ${n}` }).fill('8');
    await page.getByText('12\u00a0000,00\u00a0€').waitFor();
    await page.getByRole('button', { name: 'Enregistrer les parcours types' }).click();
    await page.locator('#titre-parcours ~ [role="status"]').getByText('Enregistré.').waitFor();
    // Volet 3 puis coopération, chacun avec la version à jour de la convention (pas de 409).
    await page.getByRole('textbox', { name: 'Bassin cible' }).fill('Bassin de Tours (fictif)');
    await page.getByRole('button', { name: 'Enregistrer le volet 3' }).click();
    await page.locator('#titre-volet3 ~ [role="status"]').getByText('Enregistré.').waitFor();
    await page.getByText(/^5 — Contribution aux pilotes/).click();
    await page.getByRole('button', { name: 'Enregistrer la coopération' }).click();
    await page.locator('#titre-cooperation ~ [role="status"]').getByText('Enregistré.').waitFor();
    await page.reload();
    await page.getByRole('textbox', { name: `Nom, parcours ${n}` }).waitFor();
    await expect(page.getByRole('textbox', { name: 'Bassin cible' }).inputValue()).resolves.toBe(
      'Bassin de Tours (fictif)',
    );
    await page.close();
  });

  it('un agent d’un autre département ne peut pas ouvrir cette convention', async () => {
    expect(conventionId).not.toBe('');
    const page = await navigateur.newPage();
    const premier = agents()[0];
    const autre = agents().find((c) => c.territoire !== premier?.territoire);
    if (autre === undefined) throw new Error('aucun agent d’un autre territoire');
    await connecter(page, autre.identifiant);
    await page.goto(`${base}/conventions/${conventionId}/tableau`);
    await page.getByRole('heading', { level: 1, name: 'Convention inaccessible' }).waitFor();
    await expect(page.getByRole('grid').count()).resolves.toBe(0);
    await page.screenshot({ path: '/tmp/jalon-acces-refuse.png', fullPage: true });
    await page.close();
  });

  it('une adresse inconnue donne la page 404', async () => {
    const page = await navigateur.newPage();
    await page.goto(`${base}/nulle-part`);
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    await page.close();
  });
});
