import { expect, it } from 'vitest';
import { decrireDansLeNavigateur, seConnecter, violationsGraves } from './aide/e2e.ts';

/**
 * Enveloppes (issue 6 § 5), vrai Chromium, vrai serveur sur la démonstration (10 000 000,00 € répartis
 * 2 / 3 / 4 / 1 : La Réunion 1 000 000,00 €, Loire-Atlantique 3 000 000,00 €). Le national fixe la part des
 * crédits socles conservée par l'État à La Réunion (001 · I.4), voit un refus motivé, puis simule les réfactions
 * des Pays de la Loire avec un projet régional (001 · annexe 4 § 2). Montants attendus calculés à la main.
 */
const espaces = (t: string | null) => (t ?? '').replace(/\s+/g, ' ');

decrireDansLeNavigateur('enveloppes : part conservée outre-mer, projets régionaux', (lancer) => {
  it('le national garde 150 000 € à La Réunion (850 000 € versés) et finance un projet régional', async () => {
    const environnement = lancer();
    const base = environnement.serveur.base;
    const page = await environnement.navigateur.newPage();
    const erreurs: string[] = [];
    page.on('pageerror', (e) => erreurs.push(e.message));
    await seConnecter(page, base, 'national');
    await page.getByRole('link', { name: 'Enveloppes' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Enveloppes' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Outre-mer : part conservée par l’État/ }).waitFor();
    const reunion = page.getByTestId('outre-mer-departement:974');
    expect(espaces(await reunion.textContent())).toContain('1 000 000,00 €');
    expect(await violationsGraves(page), 'axe : enveloppes').toEqual([]);

    // Refus motivé : part conservée supérieure aux crédits socles.
    await page.getByLabel('Crédits socles (€)').fill('100 000');
    await page.getByLabel('Part des crédits socles conservée par l’État (€)').fill('150 000');
    await page.getByLabel('Date de la concertation avec la collectivité').fill('2023-02-01');
    await page.getByLabel('Motif').fill('Capacité de mise en œuvre limitée.');
    await page.getByRole('button', { name: 'Enregistrer la part conservée' }).click();
    const alerte = page.getByRole('alert').filter({ hasText: 'supérieure aux crédits socles' });
    await alerte.waitFor();
    expect(espaces(await alerte.textContent())).toContain(
      'Part socle conservée (150 000,00 €) supérieure aux crédits socles (100 000,00 €)',
    );

    // Correct : 1 000 000 € de crédits socles, 150 000 € gardés → 850 000 € versés.
    await page.getByLabel('Crédits socles (€)').fill('1 000 000');
    await page.getByRole('button', { name: 'Enregistrer la part conservée' }).click();
    await page.getByText('Part conservée enregistrée pour La Réunion.').waitFor();
    const ligne = espaces(await reunion.textContent());
    expect(ligne).toContain('150 000,00 €');
    expect(ligne).toContain('850 000,00 €');
    expect(ligne).toContain('Concertation du 2023-02-01');

    // Simulation des Pays de la Loire (52) : 2 000 000 € attribués sur 3 000 000 € notifiés → réfaction
    // 1 000 000 €, au moins 800 000 € maintenus en région ; projet de 500 000 € → reste 300 000 €.
    await page.getByLabel('Région', { exact: true }).selectOption('52');
    await page.getByLabel(/Montant attribué à Loire-Atlantique/).fill('2 000 000');
    await page.getByRole('button', { name: 'Ajouter un projet régional' }).click();
    await page.getByLabel('Projet 1 : libellé').fill('Mobilité solidaire');
    await page.getByLabel('Projet 1 : montant (€)').fill('500 000');
    await page.getByRole('button', { name: 'Simuler' }).click();
    const resultat = page.getByTestId('resultat-simulation');
    await resultat.waitFor();
    const texte = espaces(await resultat.textContent());
    expect(texte).toContain('Réfactions : 1 000 000,00 €');
    expect(texte).toContain('au moins 800 000,00 € maintenus en région');
    expect(texte).toContain('Projets régionaux engagés : 500 000,00 €');
    expect(texte).toContain('reste à réallouer en région : 300 000,00 €');

    // Une ligne de projet fautive : erreur en français, par ligne ; retirer la ligne l'efface de la demande.
    await page.getByRole('button', { name: 'Ajouter un projet régional' }).click();
    await page.getByLabel('Projet 2 : montant (€)').fill('dix');
    await page.getByRole('button', { name: 'Simuler' }).click();
    await page.getByRole('alert').filter({ hasText: 'Projet 2 : libellé obligatoire.' }).waitFor();
    await page.getByRole('button', { name: 'Retirer le projet 2' }).click();
    await page.getByRole('button', { name: 'Simuler' }).click();
    await resultat.waitFor();
    expect(espaces(await resultat.textContent())).toContain('300 000,00 €');
    await page.screenshot({ path: '/tmp/jalon-enveloppes.png', fullPage: true });
    expect(await violationsGraves(page), 'axe : après saisie').toEqual([]);
    expect(erreurs).toEqual([]);
    await page.close();
  }, 300_000);
});
