import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { importerTableauFinancier } from '@jalon/documents';
import { decrireDansLeNavigateur, seConnecter, violationsGraves } from './aide/e2e.ts';

/**
 * Onglet « Documents » dans un vrai Chromium (issue 5) : l'agent de Loire-Atlantique ouvre l'onglet, télécharge
 * le tableau financier XLSX (événement de téléchargement du navigateur) ; le fichier reçu est un vrai classeur
 * que `@jalon/documents` relit à l'identique de l'export `jalon.convention/1` de la même convention.
 */
decrireDansLeNavigateur('onglet Documents dans un vrai navigateur', (lancer) => {
  it('télécharger le tableau financier XLSX depuis l’onglet Documents', { timeout: 120_000 }, async () => {
    const environnement = lancer();
    const base = environnement.serveur.base;
    const contexte = await environnement.navigateur.newContext({ acceptDownloads: true });
    const page = await contexte.newPage();
    await seConnecter(page, base, 'agent.44');

    const liste = (await (await page.request.get(`${base}/api/conventions?exercice=2023`)).json()) as {
      conventions: { id: number; collectivite: { id: string } }[];
    };
    const convention = liste.conventions.find((c) => c.collectivite.id === 'departement:44');
    if (convention === undefined) throw new Error('convention 2023 de Loire-Atlantique absente');

    await page.goto(`${base}/conventions/${convention.id}/documents`);
    await page.getByRole('heading', { level: 2, name: 'Documents' }).waitFor();
    await page.getByRole('heading', { name: 'Relire un tableau financier rempli' }).waitFor();

    const [telechargement] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Tableau financier — XLSX/ }).click(),
    ]);
    expect(telechargement.suggestedFilename()).toBe('tableau-financier_loire-atlantique_2023.xlsx');
    const chemin = await telechargement.path();
    const octets = readFileSync(chemin);
    expect(octets.subarray(0, 2).toString('latin1')).toBe('PK');

    const exporte = (await (
      await page.request.get(`${base}/api/conventions/${convention.id}/export`)
    ).json()) as {
      document?: unknown;
    };
    const document = exporte.document ?? exporte;
    expect(await importerTableauFinancier(octets, document)).toEqual({ ok: true, document });

    // Accessibilité de l'onglet (axe-core : aucune violation grave ou critique), sous la CSP stricte.
    expect(await violationsGraves(page)).toEqual([]);
    await contexte.close();
  });
});
