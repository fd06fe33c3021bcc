import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demarrerEnvironnement,
  prerequisManquants,
  seConnecter,
  violationsGraves,
  type Environnement,
} from './aide/e2e.ts';

/**
 * Le cycle annuel entier dans le vrai navigateur (issue 6 § 1, « Done when ») : l'agent, le valideur de
 * Loire-Atlantique, la DDETS et le commissaire de la région Pays de la Loire font passer une convention de la
 * démonstration par TOUTES les étapes, chacun depuis sa session, chacun avec les boutons de son rôle. La frise
 * est vérifiée à chaque étape ; axe-core sans violation grave aux étapes clés.
 *
 * Attendus écrits depuis les textes (et non relus dans `CYCLES_DE_VIE`) :
 * - France Travail 2024 (003 · III.4.b, III.3) : fiches validées par les deux parties, délibération, signatures
 *   du président, du préfet de département ET du préfet de région (compte régional, INT-PILOTAGE-2), exécution,
 *   bilan final déposé (dépôt figé de l'onglet Documents), bilan final opéré par l'État (DDETS), clôture ;
 * - CALPAE 2023 (001 · annexe 4 § 1 et 2) : même début ; deux signatures ; rapport d'exécution déposé ; note
 *   d'analyse du commissaire ; clôture par le commissaire.
 * L'exécution (réalisé) est saisie dans le tableau financier par l'agent une fois la convention « en exécution »,
 * avant le dépôt du rapport (001 · annexe 4 § 1 ; droit `saisir_execution`, INT-SAISIE-EXECUTION-1) : à ce
 * moment, le prévisionnel négocié et signé n'est plus éditable.
 */
const manque = prerequisManquants();

describe.skipIf(manque !== '' && !process.env.CI)('le cycle annuel entier, rôle par rôle', () => {
  let environnement: Environnement | undefined;
  const sessions = new Map<string, { contexte: BrowserContext; page: Page }>();
  const erreurs: string[] = [];

  beforeAll(async () => {
    environnement = await demarrerEnvironnement();
  }, 900_000);

  afterAll(async () => {
    for (const { contexte } of sessions.values()) await contexte.close();
    await environnement?.fermer();
  });

  /** Une session par compte (cookies séparés), connectée par la page de connexion. */
  async function session(identifiant: string): Promise<Page> {
    if (environnement === undefined) throw new Error('environnement non démarré');
    const deja = sessions.get(identifiant);
    if (deja !== undefined) return deja.page;
    const contexte = await environnement.navigateur.newContext();
    const page = await contexte.newPage();
    page.on('pageerror', (e) => erreurs.push(`${identifiant} : ${e.message}`));
    await seConnecter(page, environnement.serveur.base, identifiant);
    sessions.set(identifiant, { contexte, page });
    return page;
  }

  /** Identifiant de la convention de Loire-Atlantique pour l'exercice, lu depuis l'accueil de l'agent. */
  async function idConvention(exercice: number): Promise<string> {
    const page = await session('agent.44');
    await page.goto(`${environnement?.serveur.base ?? ''}/`);
    await page
      .getByRole('link', { name: new RegExp(`^Convention ${exercice}`) })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Convention ${exercice}`) }).waitFor();
    const id = /\/conventions\/(\d+)/.exec(page.url())?.[1];
    if (id === undefined) throw new Error(`convention ${exercice} introuvable`);
    return id;
  }

  /** Ouvre la convention dans la session du compte ; rend la frise. */
  async function ouvrir(identifiant: string, id: string, onglet = '') {
    const page = await session(identifiant);
    await page.goto(`${environnement?.serveur.base ?? ''}/conventions/${id}${onglet}`);
    const frise = page.getByRole('list', { name: 'Chemin de la convention' });
    await frise.waitFor();
    return { page, frise };
  }

  const courante = (frise: ReturnType<Page['getByRole']>) =>
    frise.locator('[aria-current="step"]').innerText();

  /**
   * Le compte clique le bouton de la transition ; le bouton disparaît (transition faite, ou déjà faite pour sa
   * partie ou sa signature) ; la page rechargée montre la frise à l'état attendu (relu du serveur).
   */
  async function franchir(identifiant: string, id: string, bouton: string, etat: RegExp) {
    const avant = await ouvrir(identifiant, id);
    const cible = avant.page.getByRole('button', { name: bouton, exact: true });
    await cible.click();
    await expect
      .poll(
        async () =>
          (await cible.count()) === 0
            ? 'fait'
            : (await avant.page.locator('.fr-alert').allInnerTexts()).join(' ') || 'en cours',
        { timeout: 20_000 },
      )
      .toBe('fait');
    const apres = await ouvrir(identifiant, id);
    await expect.poll(() => courante(apres.frise), { timeout: 20_000 }).toMatch(etat);
    return apres;
  }

  /** Les états franchis, dans l'ordre de la frise. */
  const franchies = async (frise: ReturnType<Page['getByRole']>) =>
    (await frise.getByRole('listitem').allInnerTexts())
      .filter((texte) => /franchie/.test(texte))
      .map((texte) => texte.split('\n')[0]?.trim());

  /**
   * Convention en exécution : l'agent saisit le réalisé de chaque action dans le tableau financier, puis
   * enregistre. Au passage : le texte dit pourquoi, et une colonne du prévisionnel (« Crédits État ») n'est pas
   * éditable (marquée en lecture seule, Entrée n'ouvre aucun champ).
   */
  async function saisirExecution(id: string) {
    const { page, frise } = await ouvrir('agent.44', id, '/tableau');
    await expect(courante(frise)).resolves.toMatch(/^En exécution/);
    const grille = page.getByRole('grid');
    await grille.waitFor();
    await page.getByText(/^Convention en exécution : seul le réalisé se saisit/).waitFor();
    await expect(grille.getAttribute('aria-describedby')).resolves.toBe('aide-grille aide-execution');
    const colonneDe = (nom: RegExp) =>
      grille.getByRole('columnheader', { name: nom }).first().getAttribute('aria-colindex');
    const colonne = await colonneDe(/^Réalisé/);
    const colonneEtat = await colonneDe(/^(A )?Crédits État/);
    const lignes = grille.locator('tr[role="row"]').filter({ has: page.locator('.jalon-grille__numero') });
    const nombre = await lignes.count();
    expect(nombre).toBeGreaterThan(0);
    const premiere = lignes.first();
    const numeroPremiere = (await premiere.locator('.jalon-grille__numero').textContent())?.trim() ?? '';
    const etat = premiere.locator(`td[aria-colindex="${colonneEtat ?? ''}"]`);
    await expect(etat.getAttribute('aria-readonly')).resolves.toBe('true');
    await etat.click();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('textbox', { name: `Crédits État, action ${numeroPremiere}` }).count(),
    ).resolves.toBe(0);
    expect(await violationsGraves(page), 'axe : tableau en exécution').toEqual([]);
    for (let i = 0; i < nombre; i++) {
      const ligne = lignes.nth(i);
      const numero = (await ligne.locator('.jalon-grille__numero').textContent())?.trim() ?? '';
      await ligne.locator(`td[aria-colindex="${colonne ?? ''}"]`).click();
      await page.keyboard.press('Enter');
      await page.getByRole('textbox', { name: `Réalisé, action ${numero}` }).fill('1000');
      await page.keyboard.press('Enter');
    }
    await page
      .locator('.jalon-grille')
      .getByRole('button', { name: /^Enregistrer/ })
      .click();
    await page
      .getByText(/lignes? enregistrées?/)
      .first()
      .waitFor();
  }

  /** Le valideur dépose le rapport (ou le bilan final) figé depuis l'onglet Documents. */
  async function deposerRapportFige(id: string, bouton: string, etat: RegExp) {
    // La prochaine étape mène à l'onglet Documents.
    const { page } = await ouvrir('valideur.44', id);
    await page.getByRole('link', { name: 'Déposer le rapport figé depuis l’onglet Documents' }).click();
    await page.getByRole('heading', { name: 'Documents', level: 2 }).waitFor();
    await page.getByRole('button', { name: bouton }).click();
    await page.getByRole('button', { name: 'Confirmer le dépôt' }).click();
    // LibreOffice produit le PDF : quelques secondes (plus sur une machine chargée). Un refus s'afficherait ici.
    const section = page.locator('section[aria-labelledby="titre-depots"]');
    await expect
      .poll(async () => (await section.locator('.fr-alert').allInnerTexts()).join(' '), { timeout: 240_000 })
      .toMatch(/Dépôt n° 1 enregistré et figé\./);
    const apres = await ouvrir('valideur.44', id, '/documents');
    await expect.poll(() => courante(apres.frise), { timeout: 20_000 }).toMatch(etat);
    return apres.page;
  }

  /** Le message des fiches à valider, dans « Ce qui manque encore » de la prochaine étape. */
  const aValider = (page: Page) =>
    page
      .getByRole('list', { name: 'Ce qui manque encore' })
      .getByText(/Fiches actions non validées par les deux parties/);

  it('France Travail 2024 : du brouillon à la clôture, avec la signature du préfet de région', async () => {
    const id = await idConvention(2024);
    let { page, frise } = await ouvrir('agent.44', id);
    await expect(courante(frise)).resolves.toMatch(/^Brouillon/);
    expect(await violationsGraves(page), 'axe : brouillon').toEqual([]);

    await franchir('agent.44', id, 'Ouvrir la négociation', /^En négociation/);

    // Validation des fiches par les deux parties : l'état ne change pas, la prochaine étape le dit.
    ({ page, frise } = await franchir('valideur.44', id, 'Valider des fiches actions', /^En négociation/));
    await expect(aValider(page).innerText()).resolves.toMatch(/\(à valider par l'État\)/);
    await expect(aValider(page).innerText()).resolves.not.toMatch(/la collectivité/);
    ({ page, frise } = await franchir('ddets.44', id, 'Valider des fiches actions', /^En négociation/));
    await expect(aValider(page).count()).resolves.toBe(0);
    // La démonstration porte une dépense inéligible (V1.1, frais généraux : 003 · annexe 7 art. 4.2) : la
    // finalisation conjointe n'est pas offerte, la raison est donnée.
    await page
      .getByText(/Contrôles financiers bloquants à corriger : DEPENSE_INELIGIBLE/)
      .first()
      .waitFor();
    await expect(
      page.getByRole('button', { name: "Constater la finalisation conjointe du plan d'action" }).count(),
    ).resolves.toBe(0);

    // L'agent corrige la fiche V1.1 : son contenu change, ses deux validations tombent (001 · annexe 4 § 2).
    ({ page } = await ouvrir('agent.44', id, '/fiches'));
    await page.getByRole('button', { name: 'Modifier la fiche V1.1' }).click();
    await page.getByLabel('Nature de la dépense').selectOption('etp_accompagnement');
    await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await page.getByText('Fiche action V1.1 enregistrée.').waitFor();
    ({ page } = await ouvrir('ddets.44', id));
    await expect(aValider(page).innerText()).resolves.toMatch(
      /^Fiches actions non validées par les deux parties : V1\.1 \(à valider par la collectivité et l'État\)\.$/,
    );
    expect(await violationsGraves(page), 'axe : validations retirées').toEqual([]);
    await franchir('valideur.44', id, 'Valider des fiches actions', /^En négociation/);
    await franchir('ddets.44', id, 'Valider des fiches actions', /^En négociation/);
    await franchir(
      'ddets.44',
      id,
      "Constater la finalisation conjointe du plan d'action",
      /^Plan d'action finalisé conjointement/,
    );

    // Délibération : la date (aujourd'hui par défaut) est portée sur la frise.
    ({ page, frise } = await ouvrir('valideur.44', id));
    await expect(page.getByLabel('Date de la délibération').inputValue()).resolves.toMatch(
      /^\d{4}-\d\d-\d\d$/,
    );
    ({ page, frise } = await franchir(
      'valideur.44',
      id,
      'Enregistrer la délibération de la collectivité',
      /^Délibérée\s+état actuel depuis le \d\d\/\d\d\/\d{4}$/,
    ));

    // Trois signatures : la convention n'est signée qu'à la dernière, celle du préfet de région.
    await franchir('valideur.44', id, 'Signer la convention', /^Délibérée/);
    ({ page, frise } = await franchir('ddets.44', id, 'Signer la convention', /^Délibérée/));
    await page
      .getByText(/signatures attendues : Préfet de région/)
      .first()
      .waitFor();
    ({ page, frise } = await franchir('commissaire.52', id, 'Signer la convention', /^Signée/));
    expect(await violationsGraves(page), 'axe : signée (commissaire)').toEqual([]);

    await franchir('ddets.44', id, "Constater le début de l'exécution", /^En exécution/);
    await saisirExecution(id);

    // La transition directe n'est pas offerte : le bilan se dépose (figé) depuis l'onglet Documents.
    ({ page, frise } = await ouvrir('valideur.44', id));
    await page
      .getByText(/Aucun rapport figé n'a été déposé depuis le début de l'exécution/)
      .first()
      .waitFor();
    page = await deposerRapportFige(id, 'Déposer le bilan final', /^Bilan final déposé/);
    expect(await violationsGraves(page), 'axe : onglet Documents après dépôt').toEqual([]);

    await franchir(
      'ddets.44',
      id,
      "Opérer le bilan final d'exécution",
      /^Bilan final d'exécution opéré par l'État/,
    );
    ({ page, frise } = await franchir('commissaire.52', id, 'Clôturer la convention', /^Clôturée/));
    await page.getByText(/le cycle de cette convention est achevé/).waitFor();
    await expect(franchies(frise)).resolves.toEqual([
      'Brouillon',
      'En négociation',
      "Plan d'action finalisé conjointement",
      'Délibérée',
      'Signée',
      'En exécution',
      'Bilan final déposé',
      "Bilan final d'exécution opéré par l'État",
    ]);
    expect(await violationsGraves(page), 'axe : clôturée').toEqual([]);

    // Relu après rechargement, par l'agent : l'état vient du serveur.
    ({ frise } = await ouvrir('agent.44', id));
    await expect(courante(frise)).resolves.toMatch(/^Clôturée/);
    expect(erreurs).toEqual([]);
  }, 600_000);

  it('CALPAE 2023 : rapport d’exécution déposé, note d’analyse du commissaire, clôture', async () => {
    const id = await idConvention(2023);
    await expect(courante((await ouvrir('agent.44', id)).frise)).resolves.toMatch(/^En négociation/);
    await franchir('valideur.44', id, 'Valider des fiches actions', /^En négociation/);
    await franchir('ddets.44', id, 'Valider des fiches actions', /^En négociation/);
    await franchir(
      'ddets.44',
      id,
      'Constater la validation conjointe des fiches actions',
      /^Fiches actions validées conjointement/,
    );
    await franchir('valideur.44', id, 'Enregistrer la délibération de la collectivité', /^Délibérée/);
    await franchir('valideur.44', id, 'Signer la convention', /^Délibérée/);
    await franchir('ddets.44', id, 'Signer la convention', /^Signée/);
    await franchir('ddets.44', id, "Constater le début de l'exécution", /^En exécution/);
    await saisirExecution(id);
    await deposerRapportFige(id, 'Déposer le rapport d’exécution', /^Rapport d'exécution déposé/);

    // Le commissaire écrit, enregistre et dépose sa note : la convention est analysée.
    const { page } = await ouvrir('commissaire.52', id);
    await page.getByRole('link', { name: 'Note d’analyse du commissaire' }).click();
    await page
      .getByLabel('Justification')
      .fill('Exécution conforme au plan d’action (essai de bout en bout).');
    await page.getByRole('button', { name: 'Enregistrer la note' }).click();
    await page.getByText(/Note enregistrée \(version 1\)/).waitFor();
    await page.getByRole('button', { name: 'Déposer la note' }).click();
    await page.getByText('Note déposée : la convention est analysée.').waitFor();
    const { frise } = await ouvrir('commissaire.52', id);
    await expect.poll(() => courante(frise), { timeout: 20_000 }).toMatch(/^Analysée/);

    const fin = await franchir('commissaire.52', id, 'Clôturer la convention', /^Clôturée/);
    await expect(franchies(fin.frise)).resolves.toEqual([
      'Brouillon',
      'En négociation',
      'Fiches actions validées conjointement',
      'Délibérée',
      'Signée',
      'En exécution',
      "Rapport d'exécution déposé",
      'Analysée (note du commissaire)',
    ]);
    expect(await violationsGraves(fin.page), 'axe : CALPAE clôturée').toEqual([]);
    expect(erreurs).toEqual([]);
  }, 600_000);
});
