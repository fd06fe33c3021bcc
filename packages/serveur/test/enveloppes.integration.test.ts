import { beforeAll, describe, expect, it } from 'vitest';
import type { EnveloppeApi, SimulationApi } from '@jalon/schemas';
import { demoParApi } from './aide/demo-api.ts';
import { Client, corps } from './aide/client.ts';

/**
 * Enveloppes (issue 6 § 5) : montants attendus calculés à la main (plus forts restes au centime ; retenue
 * régionale ⌈ 80 % des réfactions ⌉, 001 · annexe 4 § 2), droits par rôle, audit, tout ou rien.
 */
const demo = demoParApi();
let national: Client;
let commissaire: Client;

beforeAll(async () => {
  national = await demo.compte('national');
  commissaire = await demo.compte('commissaire.52');
});

const CHEMIN = '/api/enveloppes/calpae-2023/2023';

describe('enveloppes', () => {
  it('le national répartit 1 000,00 € selon 1 / 1 / 1 : 333,34 + 333,33 + 333,33 (plus forts restes, rang)', async () => {
    const r = await national.requete('PUT', CHEMIN, {
      montant: 100_000,
      cles: [
        { collectivite_id: 'departement:37', poids: 1 },
        { collectivite_id: 'departement:44', poids: 1 },
        { collectivite_id: 'departement:59', poids: 1 },
      ],
    });
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
    const e = corps<EnveloppeApi>(r);
    // 100 000 / 3 = 33 333 reste 1 pour chacun ; le centime restant va au premier rang (37).
    expect(e.notifications.map((n) => [n.collectivite_id, n.montant])).toEqual([
      ['departement:37', 33_334],
      ['departement:44', 33_333],
      ['departement:59', 33_333],
    ]);
    expect(e.total_notifie).toBe(100_000);
    expect(e.reliquat).toBe(0);
    const historique = await demo
      .app()
      .base.db.selectFrom('audit')
      .select(['qui', 'action', 'entite_id'])
      .where('action', '=', 'definir_enveloppe')
      .execute();
    expect(historique).toEqual([
      { qui: 'national', action: 'definir_enveloppe', entite_id: 'calpae-2023/2023' },
    ]);
  });

  it('autres comptes : lecture pour l’État, aucune écriture ; entrée fautive : 422 et rien de changé', async () => {
    for (const [identifiant, lecture] of [
      ['agent.44', 403],
      ['ddets.44', 200],
      ['commissaire.52', 200],
    ] as const) {
      const client = new Client(demo.app().app);
      await client.connecter(identifiant);
      expect((await client.get(CHEMIN)).statut, identifiant).toBe(lecture);
      const r = await client.requete('PUT', CHEMIN, {
        montant: 1,
        cles: [{ collectivite_id: 'departement:44', poids: 1 }],
      });
      expect(r.statut, identifiant).toBe(403);
    }
    const fautive = await national.requete('PUT', CHEMIN, {
      montant: 5,
      cles: [{ collectivite_id: 'departement:00', poids: 1 }],
    });
    expect(fautive.statut).toBe(422);
    expect(corps<{ erreur: string }>(fautive).erreur).toContain('departement:00');
    const nulle = await national.requete('PUT', CHEMIN, {
      montant: 5,
      cles: [{ collectivite_id: 'departement:44', poids: 0 }],
    });
    expect(nulle.statut).toBe(422);
    expect(corps<EnveloppeApi>(await national.get(CHEMIN)).montant).toBe(100_000);
  });

  it('simulation du commissaire : réfaction 333,33 €, au moins 80 % maintenus en région = 266,67 € (arrondi haut)', async () => {
    const r = await commissaire.requete('POST', `${CHEMIN}/regions/52/simulation`, {
      lignes: [{ collectivite_id: 'departement:44', attribue: 0 }],
    });
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
    const s = corps<SimulationApi>(r);
    expect(s.lignes).toEqual([
      expect.objectContaining({
        collectivite_id: 'departement:44',
        prenotifie: 33_333,
        attribue: 0,
        refaction: 33_333,
      }),
    ]);
    // ⌈ 33 333 × 4 / 5 ⌉ = ⌈ 26 666,4 ⌉ = 26 667 ; au plus 33 333 − 26 667 = 6 666 hors de la région.
    expect(s.retenue_minimale).toBe(26_667);
    expect(s.remonte_au_plus).toBe(6_666);
    expect(s.erreurs).toEqual([]);
    // Réallocation : 200,00 € de projets régionaux sur les 266,67 € maintenus → reste 66,67 € ; 300,00 € : refusé.
    const projets = corps<SimulationApi>(
      await commissaire.requete('POST', `${CHEMIN}/regions/52/simulation`, {
        lignes: [{ collectivite_id: 'departement:44', attribue: 0 }],
        projets: [{ libelle: 'Projet mobilité', montant: 20_000 }],
      }),
    );
    expect([projets.projets_engages, projets.reste_a_reallouer, projets.erreurs]).toEqual([
      20_000,
      6_667,
      [],
    ]);
    const trop = corps<SimulationApi>(
      await commissaire.requete('POST', `${CHEMIN}/regions/52/simulation`, {
        lignes: [{ collectivite_id: 'departement:44', attribue: 0 }],
        projets: [{ libelle: 'Projet trop cher', montant: 30_000 }],
      }),
    );
    expect(trop.reste_a_reallouer).toBe(0);
    expect(trop.erreurs).toHaveLength(1);
    expect(trop.erreurs[0]).toContain('dépassent les crédits maintenus en région');
    // Hors de sa région : refusé ; une collectivité d'une autre région dans la demande : 422.
    expect(
      (
        await commissaire.requete('POST', `${CHEMIN}/regions/24/simulation`, {
          lignes: [{ collectivite_id: 'departement:37', attribue: 0 }],
        })
      ).statut,
    ).toBe(403);
    expect(
      (
        await commissaire.requete('POST', `${CHEMIN}/regions/52/simulation`, {
          lignes: [{ collectivite_id: 'departement:37', attribue: 0 }],
        })
      ).statut,
    ).toBe(422);
  });
});
