import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { genererDocument, type DemandeDocument } from '../src/documents.ts';
import { convertirEnPdf } from '../src/pdf/convertir.ts';
import { lireFixture } from './outils.ts';

/**
 * Chaque document produit est ouvert par un vrai client : LibreOffice convertit tous les DOCX et XLSX en PDF en un
 * seul appel, puis `pdftotext` (poppler-utils) en extrait le texte, où l'on cherche titres et montants calculés à
 * la main. Paquets requis (CI) : libreoffice-writer-nogui, libreoffice-calc-nogui, poppler-utils.
 */
const calpae = lireFixture('convention-calpae-2023.json');
const contenu = lireFixture('contenu-calpae-2023.json');
const ft = lireFixture('convention-france-travail-2024.json');
const avenant = { ...(calpae as object), cadre: 'calpae-2020', exercice: 2020 };

const DEMANDES: Record<string, DemandeDocument> = {
  'convention.docx': { type: 'convention', convention: calpae, contenu },
  'convention-ft.docx': { type: 'convention', convention: ft },
  'avenant.docx': { type: 'avenant', convention: avenant, contenu },
  'fiche.docx': { type: 'fiche-action', convention: calpae, contenu, action: '4.1' },
  'fiche-ft.docx': { type: 'fiche-action', convention: ft, action: '2.1' },
  'rapport.docx': { type: 'rapport-execution', convention: calpae, contenu },
  'bilan.docx': { type: 'bilan-final', convention: ft },
  'tableau.xlsx': { type: 'tableau-financier', convention: calpae },
  'tableau-ft.xlsx': { type: 'tableau-financier', convention: ft },
  'indicateurs.xlsx': { type: 'tableau-indicateurs', convention: calpae, contenu },
};

const textes = new Map<string, string>();
/** Texte du PDF, espaces (insécables comprises) ramenées à une espace simple. */
const texte = (nom: string): string => textes.get(nom) ?? '';

beforeAll(async () => {
  const fichiers = await Promise.all(
    Object.entries(DEMANDES).map(async ([nom, demande]) => ({
      nom,
      octets: (await genererDocument(demande)).octets,
    })),
  );
  const pdfs = await convertirEnPdf(fichiers);
  const dossier = mkdtempSync(join(tmpdir(), 'jalon-pdftotext-'));
  try {
    for (const [nom, pdf] of pdfs) {
      const chemin = join(dossier, `${nom}.pdf`);
      writeFileSync(chemin, pdf);
      textes.set(
        nom,
        execFileSync('pdftotext', ['-layout', chemin, '-'], { encoding: 'utf8' }).replace(
          /[\s\u00a0\u202f]+/gu,
          ' ',
        ),
      );
    }
  } finally {
    rmSync(dossier, { recursive: true, force: true });
  }
}, 180_000);

describe('documents ouverts par LibreOffice', () => {
  it('convertit chacun des dix documents en PDF', () => {
    expect([...textes.keys()].sort()).toEqual(Object.keys(DEMANDES).sort());
    for (const [nom, contenuPdf] of textes) expect(contenuPdf.length, nom).toBeGreaterThan(200);
  });

  it("rapport d'exécution : titres du modèle et montants de l'exemple officiel", () => {
    const t = texte('rapport.docx');
    for (const attendu of [
      "Rapport d'exécution de la convention d'appui à la lutte contre la pauvreté",
      '1. Mesures socle',
      '1.1.1.5.1. Budget prévisionnel figurant dans la convention : Etat, CD, total',
      'Budget global = 220 000,00 €',
      "Dépenses exécutées sur la part financée par l'Etat = 90 000,00 €",
      "2. Mesures à l'initiative du département",
      'Annexe 2. Tableau financier 2023',
      'TOTAUX FINANCIERS',
      '329 500,50 €',
      '280 000,25 €',
    ])
      expect(t).toContain(attendu);
  });

  it('tableau financier XLSX : en-têtes, totaux et montants au format français', () => {
    const t = texte('tableau.xlsx');
    for (const attendu of [
      'ANNEXE 9- TABLEAU FINANCIER RECAPITULATIF PREVISIONNEL',
      'Exécution budgétaire 2023',
      'Sous-total engagements des mesures socle',
      'Total de contrôle',
      '220 000,00 €',
      '87 500,50 €',
      '329 500,50 €',
    ])
      expect(t).toContain(attendu);
  });

  it('conventions, avenant, fiches, bilan, plan de financement, indicateurs', () => {
    expect(texte('convention.docx')).toContain("s'élève à un montant de 150 000,00 €");
    expect(texte('convention.docx')).toContain('Annexe A – Tableau des engagements du socle');
    expect(texte('convention-ft.docx')).toContain('Un montant de 115 000,00 € (cent quinze mille euros)');
    expect(texte('convention-ft.docx')).toContain('ANNEXE 3 - Trame de bilan financier');
    expect(texte('avenant.docx')).toContain('AVENANT n°');
    expect(texte('fiche.docx')).toContain("Budget global de l'action : 220 000,00 €");
    expect(texte('fiche-ft.docx')).toContain('Contexte / État du préexistant');
    expect(texte('bilan.docx')).toContain('Trop-perçu à rembourser');
    expect(texte('tableau-ft.xlsx')).toContain(
      'TOTAL BESOINS DEPARTEMENTAUX AU TITRE DU VOLET 2 : 83 000,00 €',
    );
    expect(texte('indicateurs.xlsx')).toContain(
      'ANNEXE 8 - TABLEAU DES INDICATEURS DE LA CONTRACTUALISATION 2023',
    );
    expect(texte('indicateurs.xlsx')).toContain('4 300');
  });

  it('dit clairement quand LibreOffice manque', async () => {
    const avant = process.env.JALON_LIBREOFFICE;
    process.env.JALON_LIBREOFFICE = '/nulle/part/libreoffice';
    try {
      await expect(convertirEnPdf([{ nom: 'x.docx', octets: Buffer.from('x') }])).rejects.toThrow(
        /LibreOffice est introuvable/u,
      );
    } finally {
      if (avant === undefined) delete process.env.JALON_LIBREOFFICE;
      else process.env.JALON_LIBREOFFICE = avant;
    }
  });
});
