import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DEPARTEMENTS } from '@jalon/referentiels';
import type { ConventionDetail, ConventionResume, TableauBordApi } from '@jalon/schemas';
import { demoParApi } from './aide/demo-api.ts';
import { Client, corps } from './aide/client.ts';

/**
 * Tableaux de bord (issue 6 § 6) sur la démonstration : droits, départements de la région (tous, d'après le
 * COG), taux de consommation recalculé à la main, retards, secret statistique appliqué PAR L'API dans les trois
 * formats (JSON, CSV, XLSX relu par exceljs).
 */
const demo = demoParApi();
let national: Client;
let commissaire: Client;

beforeAll(async () => {
  national = await demo.compte('national');
  commissaire = await demo.compte('commissaire.52');
});
afterEach(() => {
  delete process.env.JALON_SEUIL_SECRET;
});

const tableau = async (client: Client, chemin: string) => corps<TableauBordApi>(await client.get(chemin));

async function octets(client: Client, chemin: string): Promise<ArrayBuffer> {
  const r = await demo.app().app.request(chemin, { headers: { cookie: client.cookie ?? '' } });
  expect(r.status).toBe(200);
  return r.arrayBuffer();
}

describe('tableaux de bord : droits', () => {
  it('région : son commissaire, les DDETS de la région, le national ; personne d’autre', async () => {
    const attendu: Record<string, number> = {
      'commissaire.52': 200,
      'ddets.44': 200,
      national: 200,
      'commissaire.24': 403,
      'ddets.37': 403,
      'agent.44': 403,
      'valideur.44': 403,
    };
    for (const [identifiant, statut] of Object.entries(attendu)) {
      const client = new Client(demo.app().app);
      await client.connecter(identifiant);
      for (const format of ['json', 'csv', 'xlsx']) {
        const r = await client.get(`/api/tableaux-bord/regions/52?annee=2022&format=${format}`);
        expect(r.statut, `${identifiant} ${format}`).toBe(statut);
      }
    }
    expect((await new Client(demo.app().app).get('/api/tableaux-bord/regions/52?annee=2022')).statut).toBe(
      401,
    );
  });

  it('national : services de l’État seulement', async () => {
    for (const [identifiant, statut] of [
      ['agent.37', 403],
      ['ddets.37', 200],
      ['commissaire.24', 200],
      ['national', 200],
    ] as const) {
      const client = new Client(demo.app().app);
      await client.connecter(identifiant);
      expect((await client.get('/api/tableaux-bord/national?annee=2022')).statut, identifiant).toBe(statut);
    }
  });
});

describe('tableaux de bord : contenu', () => {
  it('tous les départements de la région, taux de consommation = Σ réalisé / Σ F calculé à la main, retard', async () => {
    const d = await tableau(commissaire, '/api/tableaux-bord/regions/52?annee=2022');
    const cog = DEPARTEMENTS.filter((x) => x.codeRegion === '52').map((x) => x.code);
    expect(d.departements).toEqual(cog);
    expect(d.lignes.map((l) => l.departement)).toEqual(cog);
    const l44 = d.lignes.find((l) => l.departement === '44');
    const liste = corps<{ conventions: ConventionResume[] }>(
      await national.get('/api/conventions?collectivite=departement:44&exercice=2022'),
    ).conventions;
    const detail = corps<ConventionDetail>(await national.get(`/api/conventions/${liste[0]?.id}`));
    let f = 0;
    let r = 0;
    for (const fiche of detail.fiches_actions) {
      const p = fiche.previsionnel;
      f += p.etat + p.report_etat + p.cd + p.report_cd + p.autres;
      r += fiche.execution?.realise ?? 0;
    }
    expect(l44?.taux_consommation).toBe(Math.floor((2000 * r + f) / (2 * f)) / 10);
    // Rapport déposé en 2023, note attendue au plus tard le 5 mai 2023 (001 · annexe 4) : en retard aujourd'hui.
    expect(l44?.etat).toBe('rapport_depose');
    expect(l44?.en_retard).toBe(true);
    // Départements de la région sans convention dans la démonstration : présents, sans valeurs.
    expect(d.lignes.find((l) => l.departement === '49')?.convention_id).toBeNull();
    // Les comptes de démonstration (des centaines) sont au-dessus du seuil : diffusés tels quels.
    const nouveaux = l44?.indicateurs.nouveaux_entrants;
    expect(nouveaux?.type).toBe('valeur');
  });

  it('secret statistique appliqué par l’API (JSON, CSV, XLSX), seuil réglable', async () => {
    const clair = await tableau(commissaire, '/api/tableaux-bord/regions/52?annee=2022');
    const valeurClaire = clair.lignes.find((l) => l.departement === '44')?.indicateurs.nouveaux_entrants;
    if (valeurClaire?.type !== 'valeur') throw new Error('valeur attendue');
    // Seuil au-dessus de toute valeur de la démonstration : tous les comptes non nuls deviennent « < seuil ».
    const comptes = clair.lignes.flatMap((l) =>
      clair.indicateurs
        .filter((i) => i.comptage)
        .map((i) => l.indicateurs[i.code])
        .flatMap((c) => (c?.type === 'valeur' ? [c.valeur] : [])),
    );
    const seuil = Math.max(...comptes) + 1;
    process.env.JALON_SEUIL_SECRET = String(seuil);
    const masque = await tableau(commissaire, '/api/tableaux-bord/regions/52?annee=2022');
    expect(masque.seuil_secret).toBe(seuil);
    const l44 = masque.lignes.find((l) => l.departement === '44');
    expect(l44?.indicateurs.nouveaux_entrants).toEqual({ type: 'secret', affichage: `< ${seuil}` });
    for (const i of masque.indicateurs.filter((x) => x.comptage)) {
      const c = l44?.indicateurs[i.code];
      if (c?.type === 'valeur') expect(c.valeur, i.code).toBe(0);
    }
    // Le taux d'atteinte dérivé de comptes masqués est masqué aussi.
    expect(l44?.taux_atteinte.type).not.toBe('valeur');
    expect(JSON.stringify(masque)).not.toContain(`"valeur":${valeurClaire.valeur}`);

    const csv = new TextDecoder().decode(
      await octets(commissaire, '/api/tableaux-bord/regions/52?annee=2022&format=csv'),
    );
    const lignes = csv.replace(/^\ufeff/, '').split('\r\n');
    const entetes = lignes[0]?.split(';') ?? [];
    const col = entetes.indexOf('Nombre de nouveaux entrants');
    expect(col).toBeGreaterThan(0);
    const ligne44 = lignes.find((l) => l.startsWith('44;'))?.split(';') ?? [];
    expect(ligne44[col]).toBe(`< ${seuil}`);
    expect(csv).not.toContain(String(valeurClaire.valeur));

    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load(
      await octets(commissaire, '/api/tableaux-bord/regions/52?annee=2022&format=xlsx'),
    );
    const feuille = classeur.worksheets[0];
    if (feuille === undefined) throw new Error('feuille absente');
    const enteteXlsx = (feuille.getRow(3).values as unknown[]).map(String);
    const colXlsx = enteteXlsx.indexOf('Nombre de nouveaux entrants');
    let trouve = false;
    feuille.eachRow((row, n) => {
      row.eachCell((cell) => expect(cell.formula, `formule en ligne ${n}`).toBeUndefined());
      if (row.getCell(1).value === '44') {
        trouve = true;
        expect(row.getCell(colXlsx).value).toBe(`< ${seuil}`);
      }
    });
    expect(trouve).toBe(true);
  });

  it('CSV et XLSX en clair : mêmes valeurs que le JSON (lecture indépendante des fichiers)', async () => {
    const d = await tableau(national, '/api/tableaux-bord/regions/52?annee=2022');
    const l44 = d.lignes.find((l) => l.departement === '44');
    const csv = new TextDecoder().decode(
      await octets(national, '/api/tableaux-bord/regions/52?annee=2022&format=csv'),
    );
    const lignes = csv
      .replace(/^\ufeff/, '')
      .split('\r\n')
      .filter((l) => l !== '');
    expect(lignes).toHaveLength(1 + d.lignes.length);
    const champs = lignes.find((l) => l.startsWith('44;'))?.split(';') ?? [];
    // Virgule décimale (tableurs français).
    expect(champs[3]).toBe(String(l44?.taux_consommation).replace('.', ','));
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load(await octets(national, '/api/tableaux-bord/regions/52?annee=2022&format=xlsx'));
    const feuille = classeur.worksheets[0];
    let consommation: unknown;
    feuille?.eachRow((row) => {
      if (row.getCell(1).value === '44') consommation = row.getCell(4).value;
    });
    expect(consommation).toBe(l44?.taux_consommation);
  });

  it('séries 2018-2024 : une entrée par année, la somme des départements de la région', async () => {
    const d = await tableau(commissaire, '/api/tableaux-bord/regions/52?annee=2022');
    const serie = d.series.find((s) => s.indicateur === 'nouveaux_entrants');
    expect(serie?.points.map((p) => p.annee)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    const l44 = d.lignes.find((l) => l.departement === '44')?.indicateurs.nouveaux_entrants;
    // Seule la Loire-Atlantique a des conventions dans la région : la série 2022 vaut sa valeur 2022.
    expect(serie?.points.find((p) => p.annee === 2022)?.valeur).toEqual(l44);
  });
});
