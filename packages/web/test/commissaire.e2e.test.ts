import { expect, it } from 'vitest';
import { decrireDansLeNavigateur, seConnecter, violationsGraves } from './aide/e2e.ts';
import { DEPARTEMENTS } from '@jalon/referentiels';

/**
 * Scénario du commissaire (issue 6 § 7), vrai Chromium, vrai serveur sur la démonstration : le commissaire
 * Pays de la Loire ouvre le tableau de bord de sa région, la carte montre tous les départements de la région,
 * il ouvre la convention en retard (Loire-Atlantique 2022, rapport déposé, note attendue), écrit et dépose la
 * note : la convention passe à « analysée ».
 */
decrireDansLeNavigateur('commissaire : tableau de bord, note d’analyse', (lancer) => {
  it('ouvre sa région, voit tous ses départements sur la carte, écrit et dépose la note en retard', async () => {
    const environnement = lancer();
    const base = environnement.serveur.base;
    const page = await environnement.navigateur.newPage();
    const erreurs: string[] = [];
    page.on('pageerror', (e) => erreurs.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') erreurs.push(m.text());
    });
    await seConnecter(page, base, 'commissaire.52').catch((e: unknown) => {
      throw new Error(`Connexion impossible : ${String(e)} — erreurs de la page : ${erreurs.join(' | ')}`);
    });

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
