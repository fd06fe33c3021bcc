import { expect, it } from 'vitest';
import { decrireDansLeNavigateur, seConnecter, violationsGraves } from './aide/e2e.ts';

/**
 * Cycle de vie dans le vrai navigateur (issue 6 § 1) : l'agent de Loire-Atlantique ouvre la convention 2024,
 * au brouillon dans la démonstration, fait passer la convention à l'étape suivante (« Ouvrir la négociation ») et
 * voit le chemin se mettre à jour ; les étapes qui ne sont pas les siennes disent pourquoi.
 */
decrireDansLeNavigateur('cycle de vie : l’agent fait avancer sa convention', (lancer) => {
  it('brouillon → en négociation : bouton, frise mise à jour, badge du statut, raisons des refus', async () => {
    const environnement = lancer();
    const base = environnement.serveur.base;
    const page = await environnement.navigateur.newPage();
    const erreurs: string[] = [];
    page.on('pageerror', (e) => erreurs.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') erreurs.push(m.text());
    });
    await seConnecter(page, base, 'agent.44').catch((e: unknown) => {
      throw new Error(`Connexion impossible : ${String(e)} — erreurs de la page : ${erreurs.join(' | ')}`);
    });
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
