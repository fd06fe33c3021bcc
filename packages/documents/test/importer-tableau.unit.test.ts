import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { validerConvention } from '@jalon/domaine';
import { describe, expect, it } from 'vitest';
import { preparerContexte } from '../src/contexte.ts';
import { classeurTableauFinancier } from '../src/grille/classeurs.ts';
import { neutraliser, retablir } from '../src/neutralisation.ts';
import { ecrireXlsx } from '../src/xlsx/ecrire.ts';
import { importerTableauFinancier } from '../src/xlsx/importer-tableau-financier.ts';
import { lireFixture } from './outils.ts';

const convention = lireFixture('convention-calpae-2023.json');
const exporter = async (brut: unknown): Promise<Buffer> =>
  ecrireXlsx(classeurTableauFinancier(preparerContexte(brut)));

/** Modifie un classeur exporté puis le relit. */
async function modifier(modification: (classeur: ExcelJS.Workbook) => void, brut: unknown = convention) {
  const classeur = new ExcelJS.Workbook();
  await classeur.xlsx.load((await exporter(brut)) as unknown as ArrayBuffer);
  modification(classeur);
  return importerTableauFinancier(Buffer.from(await classeur.xlsx.writeBuffer()), brut);
}
const feuille = (classeur: ExcelJS.Workbook, nom: string): ExcelJS.Worksheet => {
  const onglet = classeur.getWorksheet(nom);
  if (onglet === undefined) throw new Error(`feuille ${nom} absente`);
  return onglet;
};

describe('relecture du tableau financier XLSX', () => {
  it('redonne le document de départ (aller-retour sans perte)', async () => {
    const resultat = await importerTableauFinancier(await exporter(convention), convention);
    const attendu = validerConvention(convention);
    expect(attendu.ok).toBe(true);
    expect(resultat).toEqual({ ok: true, document: attendu.ok ? attendu.document : undefined });
  });

  it('prend les montants et intitulés modifiés dans le tableur', async () => {
    const resultat = await modifier((classeur) => {
      const prev = feuille(classeur, 'Prévisionnel 2023');
      prev.getCell('G14').value = 120000.4;
      prev.getCell('D14').value = 'Plateforme renommée';
      const exec = feuille(classeur, 'Exécution 2023');
      // Feuille d'exécution : l'ordre des thèmes diffère (formation avant l'accueil), l'action 4.1 est en ligne 16.
      exec.getCell('G16').value = 120000.4;
      exec.getCell('D16').value = 'Plateforme renommée';
      exec.getCell('K16').value = '181 234,50 €';
    });
    expect(resultat.ok).toBe(true);
    if (!resultat.ok) return;
    expect(resultat.document.actions[0]).toMatchObject({
      intitule: 'Plateforme renommée',
      previsionnel: { cd: 120000.4 },
      execution: { realise: 181234.5 },
      realise_exercice_precedent: 90000,
    });
  });

  it('signale chaque problème par feuille et cellule, et ne rend rien', async () => {
    const resultat = await modifier((classeur) => {
      const prev = feuille(classeur, 'Prévisionnel 2023');
      prev.getCell('G14').value = -5;
      prev.getCell('E16').value = 'beaucoup';
      prev.getCell('F25').value = 1.234;
      prev.getCell('K16').value = 1;
    });
    expect(resultat).toEqual({
      ok: false,
      erreurs: [
        "Feuille 'Prévisionnel 2023', cellule G14 : montant négatif (-5)",
        "Feuille 'Prévisionnel 2023', cellule E16 : nombre attendu, reçu le texte « beaucoup »",
        "Feuille 'Prévisionnel 2023', cellule F25 : plus de deux décimales (1.234)",
      ],
    });
  });

  it('refuse un total F faux, une action inconnue, une action absente, une incohérence entre feuilles', async () => {
    const resultat = await modifier((classeur) => {
      const prev = feuille(classeur, 'Prévisionnel 2023');
      prev.getCell('K16').value = 1;
      prev.getCell('C25').value = '8.2';
      const exec = feuille(classeur, 'Exécution 2023');
      exec.getCell('E16').value = 99;
    });
    expect(resultat.ok).toBe(false);
    if (resultat.ok) return;
    expect(resultat.erreurs).toEqual([
      "Feuille 'Prévisionnel 2023', cellule K16 : le total F (1) doit égaler A+B+C+D+E (87500.5)",
      "Feuille 'Prévisionnel 2023', cellule C25 : action « 8.2 » inconnue de la convention (ajoutez-la dans Jalon avant de relire le tableau)",
      "Feuille 'Prévisionnel 2023' : action « 8.1 » absente du tableau",
      "Feuille 'Exécution 2023', cellule E16 : 99 diffère de la feuille 'Prévisionnel 2023', cellule E14 (100000)",
    ]);
  });

  it('signale une feuille absente ou un en-tête modifié', async () => {
    const absente = await modifier((classeur) => {
      classeur.removeWorksheet(feuille(classeur, 'Exécution 2023').id);
    });
    expect(absente).toEqual({
      ok: false,
      erreurs: ["Feuille 'Exécution 2023' absente du classeur (feuilles présentes : 'Prévisionnel 2023')"],
    });
    const entete = await modifier((classeur) => {
      feuille(classeur, 'Prévisionnel 2023').getCell('G5').value = 'Crédits CD';
    });
    expect(entete).toEqual({
      ok: false,
      erreurs: [
        "Feuille 'Prévisionnel 2023', cellule G5 : en-tête « C Crédits CD affectés pour la convention 2023 » attendu, trouvé « Crédits CD »",
      ],
    });
  });

  it('rejette un fichier qui n’est pas un XLSX', async () => {
    const resultat = await importerTableauFinancier(Buffer.from('pas un classeur'), convention);
    expect(resultat.ok).toBe(false);
    if (!resultat.ok) expect(resultat.erreurs[0]).toMatch(/^Fichier XLSX illisible/u);
  });
});

describe('neutralisation des textes (injection de formules)', () => {
  it('préfixe d’une apostrophe les textes commençant par = + - @, et seulement eux', () => {
    expect(['=1+1', '+33', '-x', '@SUM(A1)', 'Action', "'=déjà"].map(neutraliser)).toEqual([
      "'=1+1",
      "'+33",
      "'-x",
      "'@SUM(A1)",
      'Action',
      "''=déjà",
    ]);
  });
  it('retablir(neutraliser(x)) === x pour tout texte', () => {
    fc.assert(fc.property(fc.string(), (texte) => retablir(neutraliser(texte)) === texte));
  });
  it('écrit les intitulés dangereux comme texte, jamais comme formule', async () => {
    const brut = structuredClone(convention) as { actions: { intitule: string }[] };
    if (brut.actions[0] !== undefined) brut.actions[0].intitule = '=HYPERLINK("http://x","clic")';
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load((await exporter(brut)) as unknown as ArrayBuffer);
    expect(feuille(classeur, 'Prévisionnel 2023').getCell('D14').value).toBe(
      '\'=HYPERLINK("http://x","clic")',
    );
  });
});

// Aller-retour quelconque : conventions tirées au hasard (mesures du cadre 2023, montants au centime, textes
// arbitraires y compris dangereux), exportées puis relues : le document revient à l'identique.
const MESURES = [
  'insertion_orientation',
  'garantie_activite',
  'mobilite',
  'premier_accueil_social',
  'maraudes_mixtes',
  'initiatives_departementales',
  'mesure_hors_cadre',
];
const montant = fc.integer({ min: 0, max: 10_000_000_000 }).map((c) => c / 100);
const texte = fc
  .string({ minLength: 1, maxLength: 30, unit: 'grapheme-ascii' })
  .filter((t) => t.trim() !== '');
const action = fc.record({
  intitule: fc.oneof(texte, fc.constantFrom('=1+1', '@cmd', '-moins', "'=x", 'Épicerie « solidaire »')),
  mesure: fc.constantFrom(...MESURES),
  previsionnel: fc.record({
    etat: montant,
    report_etat: montant,
    cd: montant,
    valorisation_cd: montant,
    report_cd: montant,
    autres: montant,
  }),
  execution: fc.option(
    fc.record({
      realise: montant,
      valorisation_cd: montant,
      a_reporter_etat: montant,
      a_reporter_cd: montant,
    }),
    { nil: undefined },
  ),
  justification: fc.string({ maxLength: 10 }),
});
const conventionAleatoire = fc
  .tuple(
    fc.uniqueArray(fc.oneof(texte, fc.constantFrom('=2', '+1', '4.1', "'@")), { minLength: 1, maxLength: 6 }),
    fc.array(action, { minLength: 6, maxLength: 6 }),
  )
  .map(([numeros, actions]) => ({
    format: 'jalon.convention/1',
    cadre: 'calpae-2023',
    collectivite: { type: 'departement', code: '44' },
    exercice: 2023,
    regime: 'civil',
    duree_mois: 12,
    enveloppe_etat: 1000,
    actions: numeros.map((numero, i) => {
      const choisie = actions[i % actions.length];
      if (choisie === undefined) throw new Error('action manquante');
      const { execution, ...reste } = choisie;
      return { numero, ...reste, ...(execution === undefined ? {} : { execution }) };
    }),
  }));

describe('propriété : aller-retour XLSX', () => {
  it('importer(exporter(c)) redonne c', async () => {
    await fc.assert(
      fc.asyncProperty(conventionAleatoire, async (brut) => {
        const resultat = await importerTableauFinancier(await exporter(brut), brut);
        const attendu = validerConvention(brut);
        expect(attendu.ok && resultat.ok).toBe(true);
        if (attendu.ok && resultat.ok) expect(resultat.document).toEqual(attendu.document);
      }),
      { numRuns: 25 },
    );
  });
});
