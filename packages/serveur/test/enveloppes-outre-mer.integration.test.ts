import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnveloppeApi, PartOutreMerApi } from '@jalon/schemas';
import { applicationDemo, type ApplicationTest } from './aide/application.ts';
import { Client, corps } from './aide/client.ts';
import { ficheVide } from './aide/donnees.ts';

/**
 * Part des crédits conservée par l'État outre-mer (001 · I.4 ; issue 6 § 5). La démonstration notifie
 * 10 000 000,00 € répartis 2 / 3 / 4 / 1 : La Réunion (974) reçoit 1 000 000,00 € (10 000 000 / 10, exact).
 * Montants attendus calculés à la main, en centimes.
 */
let t: ApplicationTest;
let national: Client;
let commissaire04: Client;

const CHEMIN = '/api/enveloppes/calpae-2023/2023';
const REUNION = `${CHEMIN}/outre-mer/departement:974`;

beforeAll(async () => {
  t = await applicationDemo();
  t.maintenant = new Date('2023-03-15T10:00:00Z');
  national = new Client(t.app);
  await national.connecter('national');
  // Le commissaire de La Réunion (région 04), compte de démonstration.
  commissaire04 = new Client(t.app);
  expect((await commissaire04.connecter('commissaire.04')).statut).toBe(200);
}, 600_000);
afterAll(async () => {
  await t.base.fermer();
});

const reunion = (e: EnveloppeApi): PartOutreMerApi | undefined =>
  e.outre_mer.find((p) => p.collectivite_id === 'departement:974');

const auditsOutreMer = () =>
  t.base.db
    .selectFrom('audit')
    .select(['qui', 'role', 'entite_id', 'avant', 'apres'])
    .where('action', '=', 'definir_part_outre_mer')
    .orderBy('id')
    .execute();

describe('part conservée par l’État outre-mer (001 · I.4)', () => {
  it('lecture : seule La Réunion est listée (article 73), rien de conservé, tout le notifié versé', async () => {
    const e = corps<EnveloppeApi>(await national.get(CHEMIN));
    expect(e.outre_mer_applicable).toBe(true);
    expect(e.outre_mer.map((p) => p.collectivite_id)).toEqual(['departement:974']);
    expect(reunion(e)).toMatchObject({
      montant_notifie: 100_000_000,
      decision: null,
      verse: 100_000_000,
      a_revoir: [],
      peut_modifier: true,
    });
    // Un autre cadre n'ouvre pas la faculté : rien de listé.
    const autre = corps<EnveloppeApi>(await national.get('/api/enveloppes/calpae-2022/2022'));
    expect([autre.outre_mer_applicable, autre.outre_mer]).toEqual([false, []]);
  });

  it('le national garde 150 000,00 € des 1 000 000,00 € de crédits socles : 850 000,00 € versés ; audit écrit', async () => {
    const r = await national.requete('PUT', REUNION, {
      credits_socle: 100_000_000,
      conserve_socle: 15_000_000,
      concertation_le: '2023-02-01',
      motif: 'Capacité de mise en œuvre limitée (concertation du 1er février).',
    });
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
    const part = reunion(corps<EnveloppeApi>(r));
    expect(part?.decision).toMatchObject({
      montant_notifie: 100_000_000,
      credits_socle: 100_000_000,
      credits_initiatives: 0,
      conserve_socle: 15_000_000,
      conserve_initiatives: 0,
      verse_socle: 85_000_000,
      verse_initiatives: 0,
      total_conserve: 15_000_000,
      total_verse: 85_000_000,
      concertation_le: '2023-02-01',
      modifiee_par: 'national',
    });
    expect(part?.verse).toBe(85_000_000);
    const audits = await auditsOutreMer();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      qui: 'national',
      role: 'national',
      entite_id: 'calpae-2023/2023/departement:974',
      avant: null,
      apres: { credits_socle: 100_000_000, conserve_socle: 15_000_000, conserve_initiatives: 0 },
    });
  });

  it('le commissaire de la région revoit la décision : 700 000 € socles + 300 000 € initiatives, garde 100 000 + 50 000', async () => {
    const r = await commissaire04.requete('PUT', REUNION, {
      credits_socle: 70_000_000,
      conserve_socle: 10_000_000,
      conserve_initiatives: 5_000_000,
      concertation_le: '2023-03-01',
      motif: 'Actions d’insertion portées par l’État.',
    });
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
    const part = reunion(corps<EnveloppeApi>(r));
    // 1 000 000 − 700 000 = 300 000 € d'initiatives ; versé 600 000 + 250 000 = 850 000 €.
    expect(part?.decision).toMatchObject({
      credits_initiatives: 30_000_000,
      verse_socle: 60_000_000,
      verse_initiatives: 25_000_000,
      total_conserve: 15_000_000,
      total_verse: 85_000_000,
      modifiee_par: 'commissaire.04',
    });
    const audits = await auditsOutreMer();
    expect(audits).toHaveLength(2);
    expect(audits[1]).toMatchObject({
      qui: 'commissaire.04',
      avant: { credits_socle: 100_000_000, conserve_socle: 15_000_000, concertation_le: '2023-02-01' },
      apres: { credits_socle: 70_000_000, conserve_socle: 10_000_000, conserve_initiatives: 5_000_000 },
    });
  });

  it('refus motivés en français (422), droits (403), et rien d’écrit', async () => {
    const valide = {
      credits_socle: 100_000_000,
      conserve_socle: 1,
      concertation_le: '2023-02-01',
      motif: 'Essai.',
    };
    const cas: [string, Client, string, unknown, number, RegExp][] = [
      ['sans concertation', national, REUNION, { ...valide, concertation_le: null }, 422, /concertation/],
      [
        'concertation à venir',
        national,
        REUNION,
        { ...valide, concertation_le: '2023-03-16' },
        422,
        /n’a pas encore eu lieu/,
      ],
      [
        'part socle > crédits socles',
        national,
        REUNION,
        { ...valide, credits_socle: 10_000_000, conserve_socle: 10_000_001 },
        422,
        /Part socle conservée \(100 000,01 €\) supérieure aux crédits socles \(100 000,00 €\)/,
      ],
      [
        'part initiatives > crédits des initiatives',
        national,
        REUNION,
        { ...valide, credits_socle: 90_000_000, conserve_initiatives: 10_000_001 },
        422,
        /supérieure aux crédits des initiatives \(100 000,00 €\)/,
      ],
      [
        'socles > notifié',
        national,
        REUNION,
        { ...valide, credits_socle: 100_000_001 },
        422,
        /supérieurs au montant notifié \(1 000 000,00 €\)/,
      ],
      [
        'hors article 73',
        national,
        `${CHEMIN}/outre-mer/departement:44`,
        valide,
        422,
        /Loire-Atlantique n'est pas une collectivité régie par l'article 73/,
      ],
      ['motif vide', national, REUNION, { ...valide, motif: '  ' }, 422, /Motif obligatoire/],
      ['collectivité inconnue', national, `${CHEMIN}/outre-mer/departement:00`, valide, 404, /inconnue/],
    ];
    for (const [nom, client, chemin, envoi, statut, message] of cas) {
      const r = await client.requete('PUT', chemin, envoi);
      expect(r.statut, nom).toBe(statut);
      expect(JSON.stringify(r.corps), nom).toMatch(message);
    }
    for (const identifiant of ['commissaire.52', 'ddets.44', 'agent.44', 'valideur.59']) {
      const client = new Client(t.app);
      await client.connecter(identifiant);
      const r = await client.requete('PUT', REUNION, valide);
      expect(r.statut, identifiant).toBe(403);
    }
    // Cadre non 2023 : une enveloppe calpae-2022 notifiée à La Réunion, la part est refusée par le domaine.
    expect(
      (
        await national.requete('PUT', '/api/enveloppes/calpae-2022/2022', {
          montant: 1_000,
          cles: [{ collectivite_id: 'departement:974', poids: 1 }],
        })
      ).statut,
    ).toBe(200);
    const r2022 = await national.requete(
      'PUT',
      '/api/enveloppes/calpae-2022/2022/outre-mer/departement:974',
      { ...valide, credits_socle: 1_000 },
    );
    expect(r2022.statut).toBe(422);
    expect(corps<{ erreur: string }>(r2022).erreur).toContain(
      "Le cadre calpae-2022 ne prévoit pas que l'État conserve une part des crédits",
    );
    // Rien n'a changé : la décision du commissaire reste, aucun audit de plus.
    expect(await auditsOutreMer()).toHaveLength(2);
    const part = reunion(corps<EnveloppeApi>(await national.get(CHEMIN)));
    expect(part?.decision?.modifiee_par).toBe('commissaire.04');
    expect(part?.verse).toBe(85_000_000);
  });

  it('lecture par les autres comptes : la DDETS lit sans pouvoir modifier ; la collectivité n’y a pas accès', async () => {
    const ddets = new Client(t.app);
    await ddets.connecter('ddets.44');
    expect(reunion(corps<EnveloppeApi>(await ddets.get(CHEMIN)))?.peut_modifier).toBe(false);
    const commissaire52 = new Client(t.app);
    await commissaire52.connecter('commissaire.52');
    expect(reunion(corps<EnveloppeApi>(await commissaire52.get(CHEMIN)))?.peut_modifier).toBe(false);
    expect(reunion(corps<EnveloppeApi>(await commissaire04.get(CHEMIN)))?.peut_modifier).toBe(true);
    const agent = new Client(t.app);
    await agent.connecter('agent.44');
    expect((await agent.get(CHEMIN)).statut).toBe(403);
  });

  it('une nouvelle répartition garde la décision et la signale à revoir ; versé = notifié − conservé', async () => {
    const r = await national.requete('PUT', CHEMIN, {
      montant: 200_000_000,
      cles: [
        { collectivite_id: 'departement:44', poids: 1 },
        { collectivite_id: 'departement:974', poids: 1 },
      ],
    });
    expect(r.statut).toBe(200);
    const part = reunion(corps<EnveloppeApi>(r));
    // 2 000 000 € / 2 = 1 000 000 € : inchangé, rien à revoir.
    expect(part?.a_revoir).toEqual([]);
    const baisse = await national.requete('PUT', CHEMIN, {
      montant: 10_000_000,
      cles: [{ collectivite_id: 'departement:974', poids: 1 }],
    });
    const apres = reunion(corps<EnveloppeApi>(baisse));
    expect(apres?.montant_notifie).toBe(10_000_000);
    expect(apres?.decision?.total_conserve).toBe(15_000_000);
    // 100 000 € notifiés, 150 000 € conservés : rien de versé, décision à revoir.
    expect(apres?.verse).toBe(0);
    expect(apres?.a_revoir[0]).toContain('1 000 000,00 € → 100 000,00 €');
  });
});

describe('proposition de crédits socles d’après la convention de la collectivité (INT-ENVELOPPES-OM-6)', () => {
  it('sans convention : aucune ; avec une convention 300 000 € État socles et 100 000 € initiatives : 3/4 du notifié', async () => {
    const avant = reunion(corps<EnveloppeApi>(await national.get(CHEMIN)));
    expect(avant?.proposition_credits_socle).toBeNull();
    const previsionnel = (etat: number) => ({
      etat,
      report_etat: 0,
      cd: etat,
      valorisation_cd: 0,
      report_cd: 0,
      autres: 0,
    });
    await t.persistance.transaction(async (d) => {
      const id = await d.conventions.creer({
        collectiviteId: 'departement:974',
        cadre: 'calpae-2023',
        exercice: 2023,
        regime: 'civil',
        dureeMois: 12,
        enveloppeEtat: 40_000_000,
        statut: 'en_negociation',
      });
      await d.fiches.remplacerToutes(id, [
        // Mesure socle (001 · annexe 10 : insertion et orientation, la mesure de `ficheVide`) et mesure des
        // initiatives départementales.
        ficheVide('1.1', { previsionnel: previsionnel(30_000_000) }),
        ficheVide('2.1', {
          mesure: 'initiatives_departementales',
          code_chorus: '030450191910',
          previsionnel: previsionnel(10_000_000),
        }),
      ]);
    });
    const e = corps<EnveloppeApi>(await national.get(CHEMIN));
    // Montant notifié courant de La Réunion × 300 000 / (300 000 + 100 000).
    const notifie = reunion(e)?.montant_notifie ?? 0;
    expect(reunion(e)?.proposition_credits_socle).toBe((notifie * 3) / 4);
  });
});
