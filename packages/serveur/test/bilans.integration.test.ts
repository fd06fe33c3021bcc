import { describe, expect, it } from 'vitest';
import type {
  BilanPartage,
  BilansPartages,
  ConventionResume,
  EntreeHistorique,
  EcheancesApi,
} from '@jalon/schemas';
import { demoParApi } from './aide/demo-api.ts';
import { corps } from './aide/client.ts';

/** Bilan partagé (issue 6 § 3) : écrit par les deux parties du territoire, audité, versionné, lié aux données. */

const { compte } = demoParApi();

const saisie = {
  date_bilan: '2023-03-15',
  participants: 'DDETS 44, Conseil départemental (fictif)',
  constats: 'Montée en charge plus lente que prévu sur 1.1',
  decisions: 'Redéploiement étudié pour 2024',
  exercice: 2022,
  actions: ['1.1', '1.1'],
  indicateurs: ['nouveaux_entrants'],
};

describe('bilan partagé', () => {
  it('DDETS et collectivité écrivent ; commissaire d’une autre région 404 ; national 403 ; audité ; 409', async () => {
    const ddets = await compte('ddets.44');
    const [c] = corps<{ conventions: ConventionResume[] }>(
      await ddets.get('/api/conventions?exercice=2023'),
    ).conventions;
    if (c === undefined) throw new Error('convention absente');
    const chemin = `/api/conventions/${c.id}/bilans`;

    const cree = await ddets.requete('POST', chemin, saisie);
    expect(cree.statut, JSON.stringify(cree.corps)).toBe(201);
    const bilan = corps<BilanPartage>(cree);
    expect(bilan).toMatchObject({ version: 1, cree_par: 'ddets.44', actions: ['1.1'], exercice: 2022 });

    expect((await (await compte('commissaire.24')).requete('POST', chemin, saisie)).statut).toBe(404);
    expect((await (await compte('national')).requete('POST', chemin, saisie)).statut).toBe(403);
    const inconnue = await ddets.requete('POST', chemin, { ...saisie, actions: ['9.9'] });
    expect(inconnue.statut).toBe(422);
    expect(corps<{ erreur: string }>(inconnue).erreur).toMatch(/9\.9/);

    const agent = await compte('agent.44');
    const modifie = await agent.requete('PUT', `${chemin}/${bilan.id}`, {
      ...saisie,
      decisions: 'Redéploiement décidé',
      version: 1,
    });
    expect(corps<BilanPartage>(modifie)).toMatchObject({ version: 2, decisions: 'Redéploiement décidé' });
    const perime = await ddets.requete('PUT', `${chemin}/${bilan.id}`, { ...saisie, version: 1 });
    expect(perime.statut).toBe(409);

    const liste = corps<BilansPartages>(await (await compte('commissaire.52')).get(chemin));
    expect(liste.bilans).toHaveLength(1);
    expect(liste.modifiable).toBe(true);
    expect(corps<BilansPartages>(await (await compte('national')).get(chemin)).modifiable).toBe(false);

    const historique = corps<{ entrees: EntreeHistorique[] }>(
      await ddets.get(`/api/conventions/${c.id}/historique`),
    ).entrees;
    expect(historique.slice(0, 2).map((e) => [e.action, e.qui])).toEqual([
      ['modifier_bilan_partage', 'agent.44'],
      ['creer_bilan_partage', 'ddets.44'],
    ]);

    // L'échéance « bilan partagé » de la convention est faite au jour du bilan.
    const echeances = corps<EcheancesApi>(
      await ddets.get('/api/echeances?collectivite=departement:44&exercice=2023'),
    ).echeances;
    expect(echeances.find((e) => e.code === 'bilan_partage')).toMatchObject({
      statut: 'fait',
      fait_le: '2023-03-15',
    });

    expect((await agent.requete('DELETE', `${chemin}/${bilan.id}?version=1`)).statut).toBe(409);
    expect((await agent.requete('DELETE', `${chemin}/${bilan.id}?version=2`)).statut).toBe(204);
    expect(corps<BilansPartages>(await ddets.get(chemin)).bilans).toHaveLength(0);
  });
});
