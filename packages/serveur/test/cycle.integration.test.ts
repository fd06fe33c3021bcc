import { describe, expect, it } from 'vitest';
import type { EntreeHistorique, VueCycleApi } from '@jalon/schemas';
import { demoParApi } from './aide/demo-api.ts';
import { corps } from './aide/client.ts';

/**
 * Cycle de vie par l'API (issue 6 § 1). Les attendus sont écrits à la main depuis les textes, pas relus dans
 * `CYCLES_DE_VIE` :
 * - 001 · annexe 4 § 2 : fiches « validées conjointement par les deux parties cocontractantes » (collectivité :
 *   son valideur ; État : la DDETS), puis « délibération en commission permanente ou assemblée délibérante »
 *   (la collectivité seule) ;
 * - 001 · annexe 7 : signatures du président du conseil départemental et du préfet de département ;
 * - 003 · III.4.b : France Travail, signée aussi par le préfet de région (compte régional, INT-PILOTAGE-2) ;
 * - 001 · annexe 4 § 1 : le rapport d'exécution porte le tableau financier de l'exécution.
 */

const { compte, convention, vue, transition } = demoParApi();

/** Jour civil à Paris, calculé ici sans le domaine. */
const aujourdhui = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date()).slice(0, 10);

describe('démonstration : états cohérents', () => {
  it('2019-2021 clôturées, 2022 : 44 au rapport déposé, 2023 en négociation, parcours daté', async () => {
    expect((await convention('37', 2019)).statut).toBe('cloturee');
    expect((await convention('59', 2021)).statut).toBe('cloturee');
    expect((await convention('44', 2022)).statut).toBe('rapport_depose');
    expect((await convention('59', 2022)).statut).toBe('analysee');
    expect((await convention('44', 2023)).statut).toBe('en_negociation');
    const v = await vue((await convention('37', 2020)).id);
    // Délibération le 10/02/2020, rapport déposé le 25/03/2021 (dates fictives du semis).
    expect(v.parcours.find((e) => e.etat === 'deliberee')?.le).toBe('2020-02-10');
    expect(v.parcours.find((e) => e.etat === 'rapport_depose')?.le).toBe('2021-03-25');
    expect(v.parcours.every((e) => e.statut === 'franchie' || e.etat === 'cloturee')).toBe(true);
    expect(v.prochaine_etape).toBeNull();
  });
});

describe('CALPAE 2023, Loire-Atlantique : le chemin complet, rôle par rôle', () => {
  it('valider les fiches : valideur et DDETS seulement ; hors territoire 404', async () => {
    const { id } = await convention('44', 2023);
    for (const refuse of ['agent.44', 'commissaire.52', 'national']) {
      const r = await transition(refuse, id, { code: 'valider_fiches' });
      expect(r.statut, refuse).toBe(403);
    }
    expect((await transition('ddets.37', id, { code: 'valider_fiches' })).statut).toBe(404);
    expect((await transition('valideur.37', id, { code: 'valider_fiches' })).statut).toBe(404);

    // Constat de validation conjointe avant que l'État ait validé : refus motivé (422), fiches citées.
    expect((await transition('valideur.44', id, { code: 'valider_fiches' })).statut).toBe(200);
    const prematuree = await transition('ddets.44', id, { code: 'valider_conjointement' });
    expect(prematuree.statut).toBe(422);
    expect(corps<{ erreur: string }>(prematuree).erreur).toMatch(/à valider par l'État/);
    const v = await vue(id);
    expect(v.fiches.every((f) => f.collectivite === aujourdhui() && f.etat === null)).toBe(true);
    expect(v.prochaine_etape?.code).toBe('valider_conjointement');

    expect((await transition('ddets.44', id, { code: 'valider_fiches' })).statut).toBe(200);
    const validee = await transition('ddets.44', id, { code: 'valider_conjointement' });
    expect(validee.statut).toBe(200);
    expect(corps<VueCycleApi>(validee).etat).toBe('validee_conjointement');
  });

  it('délibérer : la collectivité seule, date ni future ni antérieure à la validation', async () => {
    const { id } = await convention('44', 2023);
    expect((await transition('ddets.44', id, { code: 'deliberer', date: aujourdhui() })).statut).toBe(403);
    expect((await transition('agent.44', id, { code: 'deliberer', date: aujourdhui() })).statut).toBe(403);
    const future = await transition('valideur.44', id, { code: 'deliberer', date: '2099-01-01' });
    expect(future.statut).toBe(422);
    expect(corps<{ erreur: string }>(future).erreur).toMatch(/futur/);
    const avant = await transition('valideur.44', id, { code: 'deliberer', date: '2020-01-01' });
    expect(avant.statut).toBe(422);
    const mal = await transition('valideur.44', id, { code: 'deliberer', date: '15/06/2024' });
    expect(mal.statut).toBe(422);
    const ok = await transition('valideur.44', id, { code: 'deliberer', date: aujourdhui() });
    expect(ok.statut).toBe(200);
    expect(corps<VueCycleApi>(ok)).toMatchObject({ etat: 'deliberee', date_deliberation: aujourdhui() });
  });

  it('signer : président puis préfet (le commissaire ne signe pas une convention CALPAE) ; version périmée 409', async () => {
    const { id } = await convention('44', 2023);
    expect((await transition('commissaire.52', id, { code: 'signer' })).statut).toBe(403);
    const avant = await vue(id);
    expect((await transition('valideur.44', id, { code: 'signer' })).statut).toBe(200);
    const apresPresident = await vue(id);
    expect(apresPresident.etat).toBe('deliberee');
    expect(apresPresident.prochaine_etape?.roles).toEqual(['ddets']);
    // Même signature deux fois : refusée.
    expect((await transition('valideur.44', id, { code: 'signer' })).statut).toBe(422);

    const ddets = await compte('ddets.44');
    const perimee = await ddets.requete('POST', `/api/conventions/${id}/transitions`, {
      version: avant.version,
      code: 'signer',
    });
    expect(perimee.statut).toBe(409);
    expect((await vue(id)).etat).toBe('deliberee');

    const signee = await transition('ddets.44', id, { code: 'signer' });
    expect(signee.statut).toBe(200);
    expect(corps<VueCycleApi>(signee)).toMatchObject({ etat: 'signee', date_signature: aujourdhui() });

    const historique = corps<{ entrees: EntreeHistorique[] }>(
      await ddets.get(`/api/conventions/${id}/historique`),
    ).entrees;
    expect(historique[0]).toMatchObject({ action: 'signer', qui: 'ddets.44', role: 'ddets' });
    expect(historique[0]?.avant).toMatchObject({ statut: 'deliberee' });
    expect(historique[0]?.apres).toMatchObject({ statut: 'signee' });
    const v = await vue(id);
    expect(v.parcours.map((e) => e.statut)).toEqual([
      'franchie',
      'franchie',
      'franchie',
      'franchie',
      'courante',
      'a_venir',
      'a_venir',
      'a_venir',
      'a_venir',
    ]);
    expect(v.journal.map((e) => e.transition).slice(-3)).toEqual(['deliberer', 'signer', 'signer']);
  });

  it('exécution ; rapport refusé sans exécution saisie ; avenant numéroté, un seul ouvert', async () => {
    const { id } = await convention('44', 2023);
    expect((await transition('valideur.44', id, { code: 'demarrer_execution' })).statut).toBe(200);
    const rapport = await transition('valideur.44', id, { code: 'deposer_rapport' });
    expect(rapport.statut).toBe(422);
    expect(corps<{ erreur: string }>(rapport).erreur).toMatch(/Exécution financière non saisie/);

    const sansMotif = await transition('valideur.44', id, { code: 'ouvrir_avenant' });
    expect(sansMotif.statut).toBe(422);
    const ouvert = await transition('valideur.44', id, {
      code: 'ouvrir_avenant',
      motif: 'Redéploiement de crédits',
    });
    expect(ouvert.statut).toBe(200);
    expect(corps<VueCycleApi>(ouvert).avenants).toEqual([
      {
        numero: 1,
        objet: 'Redéploiement de crédits',
        etat: 'en_negociation',
        date_deliberation: null,
        date_signature: null,
      },
    ]);
    expect((await transition('ddets.44', id, { code: 'ouvrir_avenant', motif: 'Un second' })).statut).toBe(
      422,
    );
    const historique = corps<{ entrees: EntreeHistorique[] }>(
      await (await compte('agent.44')).get(`/api/conventions/${id}/historique`),
    ).entrees;
    expect(historique[0]).toMatchObject({ action: 'ouvrir_avenant', entite: 'avenant', qui: 'valideur.44' });
  });
});

describe('France Travail 2024, Indre-et-Loire : trois signataires (003 · III.4.b)', () => {
  it('la convention n’est signée qu’avec la signature du préfet de région', async () => {
    const { id } = await convention('37', 2024);
    for (const [qui, code] of [
      ['valideur.37', 'valider_fiches'],
      ['ddets.37', 'valider_fiches'],
      ['ddets.37', 'valider_conjointement'],
    ] as const) {
      const r = await transition(qui, id, { code });
      expect(r.statut, `${qui} ${code} ${JSON.stringify(r.corps)}`).toBe(200);
    }
    expect((await transition('valideur.37', id, { code: 'deliberer' })).statut).toBe(200);
    expect((await transition('valideur.37', id, { code: 'signer' })).statut).toBe(200);
    expect((await transition('ddets.37', id, { code: 'signer' })).statut).toBe(200);
    const attente = await vue(id);
    expect(attente.etat).toBe('deliberee');
    expect(attente.signatures.map((s) => s.le === null)).toEqual([false, false, true]);
    // Le commissaire d'une autre région ne voit même pas la convention.
    expect((await transition('commissaire.52', id, { code: 'signer' })).statut).toBe(404);
    const signee = await transition('commissaire.24', id, { code: 'signer' });
    expect(signee.statut).toBe(200);
    expect(corps<VueCycleApi>(signee).etat).toBe('signee');
  });
});

describe('lecture', () => {
  it('chaque compte du territoire lit le parcours ; les transitions sont jugées pour lui', async () => {
    const { id } = await convention('59', 2024);
    const agent = corps<VueCycleApi>(
      await (await compte('agent.59')).get(`/api/conventions/${id}/transitions`),
    );
    const valideur = corps<VueCycleApi>(
      await (await compte('valideur.59')).get(`/api/conventions/${id}/transitions`),
    );
    const possible = (v: VueCycleApi, code: string) => v.transitions.find((x) => x.code === code)?.possible;
    expect(possible(agent, 'valider_fiches')).toBe(false);
    expect(agent.transitions.find((x) => x.code === 'valider_fiches')?.refus[0]?.motif).toBe('role');
    expect(possible(valideur, 'valider_fiches')).toBe(true);
    expect((await (await compte('agent.44')).get(`/api/conventions/${id}/transitions`)).statut).toBe(404);
  });
});
