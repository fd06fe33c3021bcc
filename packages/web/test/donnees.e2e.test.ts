import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * Onglet « Données » dans un vrai Chromium (docs/donnees-reelles.md § 4) : un agent téléverse un jeu au format
 * d'échange, voit la barre de progression (réseau ralenti par le protocole DevTools), puis les valeurs dans la
 * matrice avec leur provenance. Attendus : la vraie commande `jalon indicateurs calculer / expliquer` sur le même
 * jeu (seconde méthode).
 */
const MINI = join(RACINE, '../shared/specs/exemples/parcours-mini');
const manque = prerequisManquants() !== '' || !existsSync(MINI);

/** parcours-mini répété pour 300 personnes renommées (~1 Mo) : un envoi assez long pour voir la progression. */
function jeuAgrandi(dossier: string): void {
  for (const fichier of ['situations_mensuelles.csv', 'evenements.csv']) {
    const [entete = '', ...lignes] = readFileSync(join(MINI, fichier), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l !== '');
    const sortie = [entete];
    for (let k = 0; k < 300; k++) for (const l of lignes) sortie.push(`P${k}_${l}`);
    writeFileSync(join(dossier, fichier), `${sortie.join('\n')}\n`);
  }
}

async function executer(args: string[]): Promise<string> {
  let out = '';
  const code = await jalon(args, {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: () => true },
    cwd: RACINE,
  });
  if (code !== 0) throw new Error(`jalon ${args.join(' ')} : code ${code}`);
  return out;
}

describe.skipIf(manque && !process.env.CI)('onglet Données dans un vrai navigateur', () => {
  let environnement: Environnement | undefined;
  let jeu = '';

  beforeAll(async () => {
    jeu = mkdtempSync(join(tmpdir(), 'jalon-e2e-donnees-'));
    jeuAgrandi(jeu);
    environnement = await demarrerEnvironnement();
  }, 300_000);

  afterAll(async () => {
    await environnement?.fermer();
    if (jeu !== '') rmSync(jeu, { recursive: true, force: true });
  });

  async function accessibilite(page: Page): Promise<void> {
    expect(await violationsGraves(page), 'violations axe sur l’onglet Données').toEqual([]);
  }

  it(
    'un agent téléverse, voit la progression, puis les valeurs calculées dans la matrice avec leur provenance',
    { timeout: 240_000 },
    async () => {
      if (environnement === undefined) throw new Error('environnement non démarré');
      const base = environnement.serveur.base;
      const contexte = await environnement.navigateur.newContext({ acceptDownloads: true });
      const page = await contexte.newPage();
      await seConnecter(page, base, 'agent.37');
      const liste = (await (await page.request.get(`${base}/api/conventions?exercice=2023`)).json()) as {
        conventions: { id: number; collectivite: { id: string } }[];
      };
      const convention = liste.conventions.find((c) => c.collectivite.id === 'departement:37');
      if (convention === undefined) throw new Error('convention 2023 d’Indre-et-Loire absente');

      await page.goto(`${base}/conventions/${convention.id}/donnees`);
      await page.getByRole('heading', { level: 2, name: 'Données du département' }).waitFor();
      await accessibilite(page);

      // Progression : chaque valeur prise par la barre est notée ; l'envoi est ralenti (~400 ko/s).
      await page.evaluate(() => {
        const vues: number[] = [];
        (window as unknown as { progressions: number[] }).progressions = vues;
        new MutationObserver(() => {
          const p = document.querySelector('progress');
          if (p !== null) vues.push(Number(p.getAttribute('value')));
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      const cdp = await contexte.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 20,
        downloadThroughput: -1,
        uploadThroughput: 400 * 1024,
      });
      await page
        .getByLabel('Fichiers')
        .setInputFiles([join(jeu, 'situations_mensuelles.csv'), join(jeu, 'evenements.csv')]);
      await page.getByLabel('Année calculée').selectOption('2022');
      await page.getByRole('button', { name: 'Téléverser et calculer' }).click();
      const barre = page.getByLabel(/Envoi : |calcul des indicateurs/);
      await barre.waitFor({ timeout: 30_000 });
      await page.getByText(/Import enregistré : /).waitFor({ timeout: 120_000 });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      const vues = await page.evaluate(() => (window as unknown as { progressions: number[] }).progressions);
      expect(
        vues.some((v) => v > 0 && v < 100),
        `progressions vues : ${vues.join(', ')}`,
      ).toBe(true);
      expect(Math.max(...vues)).toBe(100);

      // Attendus : la vraie commande sur le même jeu.
      const cli = JSON.parse(
        await executer(['indicateurs', 'calculer', '--donnees', jeu, '--annee', '2022']),
      ) as {
        indicateurs: Record<string, number | null>;
        provenance: { moteur: string; empreinte: string };
      };

      // Liste d'explication téléchargée depuis le résultat : identique à « jalon indicateurs expliquer ».
      const [telechargement] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'CSV de l’indicateur orientes_1_mois' }).click(),
      ]);
      const attenduCsv = await executer([
        'indicateurs',
        'expliquer',
        '--donnees',
        jeu,
        '--annee',
        '2022',
        '--indicateur',
        'orientes_1_mois',
        '--format',
        'csv',
      ]);
      expect(readFileSync(await telechargement.path(), 'utf8')).toBe(attenduCsv);

      // La matrice : valeurs égales à celles de la commande, provenance affichée.
      await page.getByRole('link', { name: 'Voir la matrice d’indicateurs et la provenance' }).click();
      await page.getByRole('heading', { level: 2, name: "Matrice d'indicateurs" }).waitFor();
      const calculs = page.getByRole('table', { name: /Calculs importés/ });
      await calculs.getByText(cli.provenance.empreinte).waitFor();
      await calculs.getByText(cli.provenance.moteur).first().waitFor();
      const matrice = (await (
        await page.request.get(`${base}/api/conventions/${convention.id}/indicateurs`)
      ).json()) as {
        indicateurs: { code: string; libelle: string }[];
        valeurs: {
          indicateur: string;
          annee: number;
          nature: string;
          valeur: number | null;
          provenance: { type: string; empreinte?: string };
        }[];
      };
      const codes = matrice.indicateurs.map((i) => i.code).filter((c) => c in cli.indicateurs);
      expect(codes.length).toBeGreaterThan(3);
      for (const code of codes) {
        const v = matrice.valeurs.find(
          (x) => x.indicateur === code && x.annee === 2022 && x.nature === 'resultat',
        );
        expect(v?.valeur, code).toBe(cli.indicateurs[code]);
        expect(v?.provenance).toMatchObject({ type: 'calcul', empreinte: cli.provenance.empreinte });
      }
      // Une cellule de la matrice montre la valeur et porte sa provenance (texte pour les lecteurs d'écran).
      const premier = matrice.indicateurs.find((i) => i.code === codes[0]);
      const ligne = page.getByRole('row', {
        name: new RegExp(premier?.libelle.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') ?? ''),
      });
      await ligne
        .getByText(/calcul \(moteur jalon-indicateurs/)
        .first()
        .waitFor({ state: 'attached' });

      // L'historique des téléversements montre l'import.
      await page.goto(`${base}/conventions/${convention.id}/donnees`);
      const historique = page.getByRole('table', { name: /Historique des téléversements/ });
      await historique.getByText('agent.37').first().waitFor();
      await historique.getByText(/situations_mensuelles\.csv/).waitFor();
      await contexte.close();
    },
  );
});
