import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  convertirUnPdf,
  importerTableauFinancier,
  libreOfficeDisponible,
  TYPES_DOCUMENT,
  FORMATS_DOCUMENT,
} from '@jalon/documents';
import {
  EN_TETE_CSRF,
  FORMATS_DOCUMENT_API,
  TYPES_DOCUMENT_API,
  type ConventionDetail,
  type ConventionResume,
  type DepotFige,
  type DocumentsConvention,
  type EntreeHistorique,
  type TextesRapportReponse,
} from '@jalon/schemas';
import { applicationDemo, type ApplicationTest } from './aide/application.ts';
import { Client, corps } from './aide/client.ts';

/**
 * Documents d'une convention par l'API (issue 5) sur l'application complète (PGlite, démonstration) : les
 * fichiers téléchargés sont relus par de vrais lecteurs (exceljs, la relecture de `@jalon/documents`,
 * LibreOffice + pdftotext) ; ré-import tout ou rien ; dépôt figé rendu octet pour octet ; droits.
 */
const SANS_LIBREOFFICE = !libreOfficeDisponible() && !process.env.CI;
const MIME_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MIME_DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const sha256 = (octets: Uint8Array) => createHash('sha256').update(octets).digest('hex');

let t: ApplicationTest;
let agent: Client;
let valideur: Client;
let national: Client;
/** Loire-Atlantique 2023 (calpae-2023) et 2024 (France Travail). */
let id2023: number;
let id2024: number;

async function conventionDe(code: string, exercice: number): Promise<ConventionResume> {
  const liste = corps<{ conventions: ConventionResume[] }>(
    await national.get(`/api/conventions?collectivite=departement:${code}&exercice=${exercice}`),
  ).conventions;
  if (liste[0] === undefined) throw new Error(`convention ${code} ${exercice} absente`);
  return liste[0];
}

const detail = async (id: number) => corps<ConventionDetail>(await national.get(`/api/conventions/${id}`));

/** Téléchargement brut : octets et en-têtes. */
async function telecharger(client: Client, chemin: string) {
  const reponse = await t.app.request(chemin, { headers: client.cookie ? { cookie: client.cookie } : {} });
  return {
    statut: reponse.status,
    entetes: reponse.headers,
    octets: Buffer.from(await reponse.arrayBuffer()),
  };
}

/** Envoi multipart d'un fichier (le client de test n'envoie que du JSON). */
async function televerser(client: Client, id: number, octets: Uint8Array, version: number, csrf = true) {
  const formulaire = new FormData();
  formulaire.set('version', String(version));
  formulaire.set('fichier', new File([octets], 'tableau.xlsx', { type: MIME_XLSX }));
  const reponse = await t.app.request(`/api/conventions/${id}/tableau-financier/xlsx`, {
    method: 'POST',
    headers: {
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(csrf && client.csrf ? { [EN_TETE_CSRF]: client.csrf } : {}),
    },
    body: formulaire,
  });
  return { statut: reponse.status, corps: (await reponse.json()) as Record<string, unknown> };
}

function texteDuPdf(pdf: Uint8Array): string {
  const dossier = mkdtempSync(join(tmpdir(), 'jalon-test-pdf-'));
  try {
    const chemin = join(dossier, 'document.pdf');
    writeFileSync(chemin, pdf);
    return execFileSync('pdftotext', ['-layout', chemin, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
  } finally {
    rmSync(dossier, { recursive: true, force: true });
  }
}

/** Ligne (numéro Excel) où la colonne C porte le numéro d'action, trouvée en parcourant la feuille. */
function ligneDeLAction(feuille: ExcelJS.Worksheet, numero: string): number {
  for (let l = 1; l <= feuille.rowCount; l += 1) {
    if (String(feuille.getCell(l, 3).value ?? '') === numero) return l;
  }
  throw new Error(`action ${numero} absente de la feuille ${feuille.name}`);
}

async function classeur(octets: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(octets as unknown as ArrayBuffer);
  return wb;
}

async function enOctets(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await applicationDemo();
  national = new Client(t.app);
  agent = new Client(t.app);
  valideur = new Client(t.app);
  await national.connecter('national');
  await agent.connecter('agent.44');
  await valideur.connecter('valideur.44');
  id2023 = (await conventionDe('44', 2023)).id;
  id2024 = (await conventionDe('44', 2024)).id;
});
afterAll(async () => {
  await t.base.fermer();
});

describe('liste et téléchargements', () => {
  it('les types et formats de l’API sont ceux de @jalon/documents', () => {
    expect([...TYPES_DOCUMENT_API]).toEqual([...TYPES_DOCUMENT]);
    expect([...FORMATS_DOCUMENT_API]).toEqual([...FORMATS_DOCUMENT]);
  });

  it('documents du cadre : rapport d’exécution en CALPAE, bilan final en France Travail', async () => {
    const calpae = corps<DocumentsConvention>(await agent.get(`/api/conventions/${id2023}/documents`));
    expect(calpae.documents.map((d) => d.type)).toEqual([
      'convention',
      'fiche-action',
      'rapport-execution',
      'tableau-financier',
      'tableau-indicateurs',
    ]);
    expect(calpae.tableau_reimportable).toBe(true);
    expect(calpae.depot_possible).toBe(false); // l'agent ne dépose pas
    const ft = corps<DocumentsConvention>(await valideur.get(`/api/conventions/${id2024}/documents`));
    expect(ft.documents.map((d) => d.type)).toContain('bilan-final');
    expect(ft.documents.map((d) => d.type)).not.toContain('rapport-execution');
    expect(ft.tableau_reimportable).toBe(false);
    expect(ft.depot_possible).toBe(true);
  });

  it('tableau financier XLSX : nom parlant, vrai classeur, relu par @jalon/documents à l’identique de l’export', async () => {
    const r = await telecharger(national, `/api/conventions/${id2023}/documents/tableau-financier`);
    expect(r.statut).toBe(200);
    expect(r.entetes.get('content-type')).toBe(MIME_XLSX);
    expect(r.entetes.get('content-disposition')).toContain(
      'filename="tableau-financier_loire-atlantique_2023.xlsx"',
    );
    expect(r.octets.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = await classeur(r.octets);
    expect(wb.worksheets.map((f) => f.name)).toEqual(['Prévisionnel 2023', 'Exécution 2023']);
    const exporte = corps<{ document: unknown }>(await national.get(`/api/conventions/${id2023}/export`));
    const document = (exporte as { document?: unknown }).document ?? exporte;
    const relu = await importerTableauFinancier(r.octets, document);
    expect(relu).toEqual({ ok: true, document });
  });

  it('fiche action sans numéro, format impossible, type hors cadre : 422 en français', async () => {
    const sans = await agent.get(`/api/conventions/${id2023}/documents/fiche-action`);
    expect(sans.statut).toBe(422);
    expect(corps<{ erreur: string }>(sans).erreur).toMatch(/numéro de l’action/);
    const xlsx = await agent.get(`/api/conventions/${id2023}/documents/rapport-execution?format=xlsx`);
    expect(xlsx.statut).toBe(422);
    const bilan = await agent.get(`/api/conventions/${id2023}/documents/bilan-final`);
    expect(bilan.statut).toBe(422);
    expect(corps<{ erreur: string }>(bilan).erreur).toMatch(/calpae-2023/);
  });

  it('droits : hors territoire → 404 ; non connecté → 401', async () => {
    const autre = new Client(t.app);
    await autre.connecter('agent.37');
    expect((await telecharger(autre, `/api/conventions/${id2023}/documents/tableau-financier`)).statut).toBe(
      404,
    );
    expect((await autre.get(`/api/conventions/${id2023}/documents`)).statut).toBe(404);
    expect((await autre.get(`/api/conventions/${id2023}/rapport/textes`)).statut).toBe(404);
    const anonyme = new Client(t.app);
    expect((await telecharger(anonyme, `/api/conventions/${id2023}/documents/convention`)).statut).toBe(401);
  });
});

describe('textes du rapport', () => {
  it(
    'lus vides, modifiés (version, audit avant/après), portés dans le rapport DOCX → PDF',
    { timeout: 120_000 },
    async () => {
      const vide = corps<TextesRapportReponse>(await agent.get(`/api/conventions/${id2023}/rapport/textes`));
      expect(vide.textes.introduction).toBe('');
      expect(vide.modifie_par).toBeNull();
      const fiche = (await detail(id2023)).fiches_actions[0];
      if (fiche === undefined) throw new Error('fiche attendue');
      const textes = {
        introduction: 'Introduction du rapport Zephyrin',
        actions: {
          [fiche.numero]: {
            bilan: 'Bilan Quetzalcoatl atteint',
            perspectives: 'Perspectives Xylophone 2024',
          },
        },
      };
      const perime = await agent.requete('PUT', `/api/conventions/${id2023}/rapport/textes`, {
        version: vide.version + 7,
        textes,
      });
      expect(perime.statut).toBe(409);
      const r = await agent.requete('PUT', `/api/conventions/${id2023}/rapport/textes`, {
        version: vide.version,
        textes,
      });
      expect(r.statut).toBe(200);
      const apres = corps<TextesRapportReponse>(r);
      expect(apres.version).toBe(vide.version + 1);
      expect(apres.modifie_par).toBe('agent.44');
      expect(apres.textes.actions[fiche.numero]).toEqual({
        commentaire_budget: '',
        bilan: 'Bilan Quetzalcoatl atteint',
        perspectives: 'Perspectives Xylophone 2024',
      });
      const historique = corps<{ entrees: EntreeHistorique[] }>(
        await national.get(`/api/conventions/${id2023}/historique`),
      ).entrees;
      const ligne = historique.find((e) => e.action === 'modifier_textes_rapport');
      expect(ligne).toMatchObject({ qui: 'agent.44' });
      expect(JSON.stringify(ligne?.apres)).toContain('Quetzalcoatl');
      // Une clé inconnue est refusée (schéma strict).
      const faute = await agent.requete('PUT', `/api/conventions/${id2023}/rapport/textes`, {
        version: apres.version,
        textes: { introductoin: 'x' },
      });
      expect(faute.statut).toBe(422);

      const docx = await telecharger(agent, `/api/conventions/${id2023}/documents/rapport-execution`);
      expect(docx.statut).toBe(200);
      expect(docx.entetes.get('content-type')).toBe(MIME_DOCX);
      expect(docx.octets.subarray(0, 2).toString('latin1')).toBe('PK');
      if (SANS_LIBREOFFICE) return;
      const texte = texteDuPdf(await convertirUnPdf({ nom: 'rapport.docx', octets: docx.octets }));
      expect(texte).toContain('Zephyrin');
      expect(texte).toContain('Quetzalcoatl');
      expect(texte).toContain('Xylophone');
      expect(texte).toContain(fiche.intitule.slice(0, 20));
    },
  );

  it.skipIf(SANS_LIBREOFFICE)('PDF produit par LibreOffice sur demande', { timeout: 120_000 }, async () => {
    const pdf = await telecharger(national, `/api/conventions/${id2024}/documents/bilan-final?format=pdf`);
    expect(pdf.statut).toBe(200);
    expect(pdf.entetes.get('content-type')).toBe('application/pdf');
    expect(pdf.entetes.get('content-disposition')).toContain('bilan-final_loire-atlantique_2024.pdf');
    expect(pdf.octets.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(texteDuPdf(pdf.octets)).toMatch(/bilan/i);
  });
});

describe('ré-import du tableau financier XLSX', () => {
  it('valide : montants relus (C = crédits CD, deux feuilles), version, audit ; rien d’autre ne change', async () => {
    const avant = await detail(id2023);
    const fiche = avant.fiches_actions[0];
    if (fiche === undefined) throw new Error('fiche attendue');
    const wb = await classeur(
      (await telecharger(agent, `/api/conventions/${id2023}/documents/tableau-financier`)).octets,
    );
    // Colonne G = « C Crédits CD » dans les deux feuilles (001 · annexe 9) ; + 1 000,50 € sur chacune.
    for (const feuille of wb.worksheets) {
      expect(String(feuille.getCell(5, 7).value)).toMatch(/^C Crédits CD/);
      const cellule = feuille.getCell(ligneDeLAction(feuille, fiche.numero), 7);
      cellule.value = fiche.previsionnel.cd / 100 + 1000.5;
    }
    const r = await televerser(agent, id2023, await enOctets(wb), avant.convention.version);
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
    expect(r.corps).toEqual({ version: avant.convention.version + 1, actions_modifiees: [fiche.numero] });
    const apres = await detail(id2023);
    const relue = apres.fiches_actions.find((f) => f.numero === fiche.numero);
    expect(relue?.previsionnel).toEqual({ ...fiche.previsionnel, cd: fiche.previsionnel.cd + 100_050 });
    expect(relue?.description).toBe(fiche.description);
    for (const autre of apres.fiches_actions.filter((f) => f.numero !== fiche.numero)) {
      expect(autre).toEqual(avant.fiches_actions.find((f) => f.numero === autre.numero));
    }
    const historique = corps<{ entrees: EntreeHistorique[] }>(
      await national.get(`/api/conventions/${id2023}/historique`),
    ).entrees;
    const ligne = historique.find((e) => e.action === 'importer_tableau_financier');
    expect(ligne?.qui).toBe('agent.44');
    expect(ligne?.avant).toBeTruthy();
    expect(ligne?.apres).toBeTruthy();
  });

  it('invalide : chaque faute citée par feuille et cellule, rien n’est écrit (pas même les lignes valides)', async () => {
    const avant = await detail(id2023);
    const [premiere, seconde] = avant.fiches_actions;
    if (premiere === undefined || seconde === undefined) throw new Error('deux fiches attendues');
    const wb = await classeur(
      (await telecharger(agent, `/api/conventions/${id2023}/documents/tableau-financier`)).octets,
    );
    const prev = wb.getWorksheet('Prévisionnel 2023');
    const exec = wb.getWorksheet('Exécution 2023');
    if (prev === undefined || exec === undefined) throw new Error('feuilles attendues');
    // Une ligne valide modifiée (ne doit PAS être écrite), une négative, un texte dans une case montant.
    for (const f of [prev, exec]) f.getCell(ligneDeLAction(f, seconde.numero), 7).value = 1;
    const lignePrev = ligneDeLAction(prev, premiere.numero);
    prev.getCell(lignePrev, 7).value = -5;
    exec.getCell(ligneDeLAction(exec, premiere.numero), 5).value = 'beaucoup';
    const r = await televerser(agent, id2023, await enOctets(wb), avant.convention.version);
    expect(r.statut).toBe(422);
    expect(String(r.corps.erreur)).toMatch(/rien n’a été enregistré/);
    const erreurs = (r.corps.details as { erreurs: { feuille: string; cellule: string; raison: string }[] })
      .erreurs;
    expect(erreurs).toContainEqual(
      expect.objectContaining({ feuille: 'Prévisionnel 2023', cellule: `G${lignePrev}` }),
    );
    expect(erreurs.find((e) => e.cellule === `G${lignePrev}`)?.raison).toMatch(/négatif/);
    expect(erreurs).toContainEqual(
      expect.objectContaining({
        feuille: 'Exécution 2023',
        cellule: `E${ligneDeLAction(exec, premiere.numero)}`,
      }),
    );
    expect(await detail(id2023)).toEqual(avant);
  });

  it('fichier illisible → 422 ; version périmée → 409 ; sans CSRF → 403 ; DDETS → 403 ; trop gros → 413', async () => {
    const avant = await detail(id2023);
    const illisible = await televerser(
      agent,
      id2023,
      new TextEncoder().encode('pas un classeur'),
      avant.convention.version,
    );
    expect(illisible.statut).toBe(422);
    expect(String(illisible.corps.erreur)).toMatch(/XLSX illisible/);
    const octets = (await telecharger(agent, `/api/conventions/${id2023}/documents/tableau-financier`))
      .octets;
    expect((await televerser(agent, id2023, octets, avant.convention.version + 7)).statut).toBe(409);
    expect((await televerser(agent, id2023, octets, avant.convention.version, false)).statut).toBe(403);
    const ddets = new Client(t.app);
    await ddets.connecter('ddets.44');
    expect((await televerser(ddets, id2023, octets, avant.convention.version)).statut).toBe(403);
    const gros = await televerser(agent, id2023, new Uint8Array(6 * 1024 * 1024), avant.convention.version);
    expect(gros.statut).toBe(413);
    expect(await detail(id2023)).toEqual(avant);
  });
});

describe.skipIf(SANS_LIBREOFFICE)('dépôt figé du rapport', () => {
  it(
    'agent → 403 ; version périmée → 409 ; valideur → 201, fichiers rendus octet pour octet même après modification',
    { timeout: 240_000 },
    async () => {
      const avant = await detail(id2023);
      const refus = await agent.requete('POST', `/api/conventions/${id2023}/depots-rapport`, {
        version: avant.convention.version,
      });
      expect(refus.statut).toBe(403);
      expect(
        (
          await valideur.requete('POST', `/api/conventions/${id2023}/depots-rapport`, {
            version: avant.convention.version + 7,
          })
        ).statut,
      ).toBe(409);

      const r = await valideur.requete('POST', `/api/conventions/${id2023}/depots-rapport`, {
        version: avant.convention.version,
      });
      expect(r.statut, JSON.stringify(r.corps)).toBe(201);
      const depot = corps<DepotFige>(r);
      expect(depot).toMatchObject({
        numero: 1,
        type_document: 'rapport-execution',
        version_convention: avant.convention.version,
        depose_par: 'valideur.44',
      });
      expect(depot.fichiers.map((f) => f.nom)).toEqual([
        'rapport-execution_loire-atlantique_2023.docx',
        'rapport-execution_loire-atlantique_2023.pdf',
        'tableau-financier_loire-atlantique_2023.xlsx',
        'tableau-indicateurs_loire-atlantique_2023.xlsx',
        'donnees_rapport-execution_2023.json',
      ]);
      expect((await detail(id2023)).convention.version).toBe(avant.convention.version + 1);

      const url = (nom: string) =>
        `/api/conventions/${id2023}/depots-rapport/${depot.id}/fichiers/${encodeURIComponent(nom)}`;
      const premiers = new Map<string, Buffer>();
      for (const f of depot.fichiers) {
        const lu = await telecharger(national, url(f.nom));
        expect(lu.statut).toBe(200);
        expect(sha256(lu.octets)).toBe(f.sha256);
        expect(lu.octets.byteLength).toBe(f.taille);
        expect(lu.entetes.get('x-jalon-sha256')).toBe(f.sha256);
        premiers.set(f.nom, lu.octets);
      }
      const pdf = premiers.get('rapport-execution_loire-atlantique_2023.pdf');
      expect(pdf?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(texteDuPdf(pdf ?? Buffer.alloc(0))).toContain('Quetzalcoatl');
      const donnees = JSON.parse(
        premiers.get('donnees_rapport-execution_2023.json')?.toString('utf8') ?? '{}',
      );
      expect(donnees).toMatchObject({
        format: 'jalon.depot-rapport/1',
        version_convention: avant.convention.version,
      });

      // La convention change ensuite (textes, montants) : le dépôt, lui, ne bouge pas.
      const version = (await detail(id2023)).convention.version;
      expect(
        (
          await agent.requete('PUT', `/api/conventions/${id2023}/rapport/textes`, {
            version,
            textes: { introduction: 'Texte réécrit après le dépôt' },
          })
        ).statut,
      ).toBe(200);
      const nouveau = await telecharger(agent, `/api/conventions/${id2023}/documents/tableau-indicateurs`);
      expect(nouveau.statut).toBe(200);
      for (const f of depot.fichiers) {
        const relu = await telecharger(agent, url(f.nom));
        expect(relu.octets.equals(premiers.get(f.nom) ?? Buffer.alloc(0)), f.nom).toBe(true);
      }
      const rapportNeuf = await telecharger(agent, `/api/conventions/${id2023}/documents/rapport-execution`);
      expect(sha256(rapportNeuf.octets)).not.toBe(depot.fichiers[0]?.sha256);

      const liste = corps<DocumentsConvention>(await national.get(`/api/conventions/${id2023}/documents`));
      expect(liste.depots).toEqual([depot]);
      expect((await telecharger(national, url('inconnu.pdf'))).statut).toBe(404);
      const autre = new Client(t.app);
      await autre.connecter('agent.37');
      expect((await telecharger(autre, url(depot.fichiers[0]?.nom ?? ''))).statut).toBe(404);
      const historique = corps<{ entrees: EntreeHistorique[] }>(
        await national.get(`/api/conventions/${id2023}/historique`),
      ).entrees;
      expect(historique.find((e) => e.action === 'deposer_rapport_fige')).toMatchObject({
        qui: 'valideur.44',
      });
    },
  );
});
