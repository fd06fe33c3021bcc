import { beforeAll, describe, expect, it } from 'vitest';
import type { ConventionDetail } from '@jalon/schemas';
import { demoParApi } from './aide/demo-api.ts';
import { corps } from './aide/client.ts';

/**
 * Saisie de l'exécution pendant que la convention est « en exécution » (issue 6 ; INT-SAISIE-EXECUTION-1 à 3).
 * Attendus écrits à la main depuis les textes :
 * - 001 · annexe 4 § 1 (et 003 · annexe 7 art. 3.2 pour le bilan) : le rapport d'exécution porte le réalisé de
 *   l'exercice ; il se saisit donc pendant l'exécution, par la collectivité (agent ou valideur) ;
 * - ce qui a été négocié et signé (prévisionnel, réalisé n-1 et justification qui conditionnent l'abondement de
 *   l'année n — 001 · annexe 4 —, validation du commissaire) ne change plus : refus, rien écrit ;
 * - la DDETS, le commissaire et le national lisent seulement ;
 * - au « rapport déposé », le rapport est figé : plus rien ne se saisit.
 * Démonstration : Indre-et-Loire 2023 en négociation (menée ici jusqu'à l'exécution), Loire-Atlantique 2022 au
 * rapport déposé (`demo/cycle.ts`).
 */

const { compte, convention, vue, detail, historique, reussir } = demoParApi();

async function lignes(qui: string, id: number, lignesFinancieres: Record<string, unknown>[]) {
  const version = (await detail(id)).convention.version;
  return (await compte(qui)).requete('PUT', `/api/conventions/${id}/lignes-financieres`, {
    version,
    lignes: lignesFinancieres,
  });
}

/** Validations des fiches vues par l'API : numéro → [collectivité, État]. */
async function validations(id: number): Promise<Record<string, [boolean, boolean]>> {
  return Object.fromEntries(
    (await vue(id)).fiches.map((f) => [f.numero, [f.collectivite !== null, f.etat !== null]]),
  );
}

/** Réalisé saisi par l'agent, en centimes : 12 345,67 € réalisés, 500 € à reporter part État. */
const REALISE = { realise: 1_234_567, valorisation_cd: 0, a_reporter_etat: 50_000, a_reporter_cd: 0 };

describe('saisie du réalisé en exécution (Indre-et-Loire, CALPAE 2023)', () => {
  let id: number;

  beforeAll(async () => {
    ({ id } = await convention('37', 2023));
    await reussir('valideur.37', id, { code: 'valider_fiches' });
    await reussir('ddets.37', id, { code: 'valider_fiches' });
    await reussir('ddets.37', id, { code: 'valider_conjointement' });
    await reussir('valideur.37', id, { code: 'deliberer' });
    await reussir('valideur.37', id, { code: 'signer' });
    await reussir('ddets.37', id, { code: 'signer' });
    expect((await reussir('ddets.37', id, { code: 'demarrer_execution' })).etat).toBe('en_execution');
  }, 120_000);

  it('droits montrés à la collectivité : saisir l’exécution, sans modifier ni déposer', async () => {
    expect((await detail(id, 'agent.37')).droits).toEqual({
      lire: true,
      modifier: false,
      deposer: false,
      valider: false,
      saisir_execution: true,
    });
    expect((await detail(id, 'ddets.37')).droits.saisir_execution).toBe(false);
  });

  it('l’agent saisit le réalisé : 200, version + 1, audit avant / après, aucune validation retirée', async () => {
    const avant = await detail(id);
    const [fiche] = avant.fiches_actions;
    if (fiche === undefined) throw new Error('une fiche attendue');
    const validationsAvant = await validations(id);
    expect(Object.values(validationsAvant).every(([c, e]) => c && e)).toBe(true);

    const r = await lignes('agent.37', id, [{ fiche_id: fiche.id, execution: REALISE }]);
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
    const apres = corps<ConventionDetail>(r);
    expect(apres.convention.version).toBe(avant.convention.version + 1);
    expect(apres.convention.statut).toBe('en_execution');
    const relue = (await detail(id)).fiches_actions.find((f) => f.id === fiche.id);
    expect(relue?.execution).toEqual(REALISE);
    // Le prévisionnel n'a pas bougé.
    expect(relue?.previsionnel).toEqual(fiche.previsionnel);

    const [entree] = await historique(id);
    expect(entree).toMatchObject({
      action: 'modifier_lignes_financieres',
      qui: 'agent.37',
      entite_id: String(fiche.id),
      avant: { [fiche.numero]: { execution: fiche.execution } },
      apres: { [fiche.numero]: { execution: REALISE, previsionnel: fiche.previsionnel } },
    });
    // INT-CYCLE-VALIDATIONS-1 : l'exécution n'est pas le contenu validé.
    expect(await validations(id)).toEqual(validationsAvant);
  });

  it('le valideur saisit aussi ; une exécution absente part de zéro pour les colonnes non fournies', async () => {
    const [, fiche] = (await detail(id)).fiches_actions;
    if (fiche === undefined) throw new Error('deux fiches attendues');
    const validationsAvant = await validations(id);
    const r = await lignes('valideur.37', id, [{ fiche_id: fiche.id, execution: { realise: 20_000 } }]);
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
    const relue = (await detail(id)).fiches_actions.find((f) => f.id === fiche.id);
    const attendu =
      fiche.execution === null
        ? { realise: 20_000, valorisation_cd: 0, a_reporter_etat: 0, a_reporter_cd: 0 }
        : { ...fiche.execution, realise: 20_000 };
    expect(relue?.execution).toEqual(attendu);
    expect(await validations(id)).toEqual(validationsAvant);
  });

  it('le prévisionnel et la validation du commissaire ne se touchent plus : 403, rien d’écrit', async () => {
    const avant = await detail(id);
    const [fiche] = avant.fiches_actions;
    if (fiche === undefined) throw new Error('une fiche attendue');
    const nbAudit = (await historique(id)).length;

    const prev = await lignes('agent.37', id, [
      { fiche_id: fiche.id, execution: { realise: 1 }, previsionnel: { cd: 1 } },
    ]);
    expect(prev.statut).toBe(403);
    const message = corps<{ erreur: string }>(prev).erreur;
    expect(message).toMatch(/lignes\[0\]\.previsionnel/);
    expect(message).toMatch(/convention en exécution : seul le réalisé se saisit/);

    const validee = await lignes('valideur.37', id, [{ fiche_id: fiche.id, validee_par_commissaire: true }]);
    expect(validee.statut).toBe(403);
    expect(corps<{ erreur: string }>(validee).erreur).toMatch(/lignes\[0\]\.validee_par_commissaire/);

    // Réalisé n-1 et justification : négociés pour l'abondement de l'année n (001 · annexe 4), signés.
    const justification = await lignes('agent.37', id, [
      { fiche_id: fiche.id, execution: { realise: 1 } },
      { fiche_id: fiche.id, justification: 'Renforcement.', realise_exercice_precedent: 0 },
    ]);
    expect(justification.statut).toBe(403);
    expect(corps<{ erreur: string }>(justification).erreur).toMatch(
      /lignes\[1\]\.realise_exercice_precedent, lignes\[1\]\.justification/,
    );

    // La fiche elle-même ne se modifie plus (droit « modifier »).
    const patch = await (
      await compte('agent.37')
    ).requete('PATCH', `/api/conventions/${id}/fiches/${fiche.id}`, {
      version: avant.convention.version,
      execution: { realise: 1, valorisation_cd: 0, a_reporter_etat: 0, a_reporter_cd: 0 },
    });
    expect(patch.statut).toBe(403);

    const ensuite = await detail(id);
    expect(ensuite.convention.version).toBe(avant.convention.version);
    expect(ensuite.fiches_actions).toEqual(avant.fiches_actions);
    expect(await historique(id)).toHaveLength(nbAudit);
  });

  it('DDETS, commissaire, national et collectivité voisine ne saisissent pas', async () => {
    const avant = await detail(id);
    const [fiche] = avant.fiches_actions;
    if (fiche === undefined) throw new Error('une fiche attendue');
    const ligne = [{ fiche_id: fiche.id, execution: { realise: 7 } }];
    expect((await lignes('ddets.37', id, ligne)).statut).toBe(403);
    expect((await lignes('commissaire.24', id, ligne)).statut).toBe(403);
    expect((await lignes('national', id, ligne)).statut).toBe(403);
    // Hors territoire : introuvable (on ne révèle rien).
    expect((await lignes('agent.44', id, ligne)).statut).toBe(404);
    const ensuite = await detail(id);
    expect(ensuite.convention.version).toBe(avant.convention.version);
    expect(ensuite.fiches_actions).toEqual(avant.fiches_actions);
  });
});

describe('au rapport déposé, plus rien ne se saisit (Loire-Atlantique, CALPAE 2022)', () => {
  it('agent et valideur : 403, version et fiches inchangées', async () => {
    const { id } = await convention('44', 2022);
    const avant = await detail(id);
    expect(avant.convention.statut).toBe('rapport_depose');
    expect((await detail(id, 'agent.44')).droits.saisir_execution).toBe(false);
    const [fiche] = avant.fiches_actions;
    if (fiche === undefined) throw new Error('une fiche attendue');
    for (const qui of ['agent.44', 'valideur.44']) {
      const r = await lignes(qui, id, [{ fiche_id: fiche.id, execution: { realise: 1 } }]);
      expect(r.statut, qui).toBe(403);
      expect(corps<{ erreur: string }>(r).erreur).toMatch(/saisir l'exécution de cette convention/);
    }
    const ensuite = await detail(id);
    expect(ensuite.convention.version).toBe(avant.convention.version);
    expect(ensuite.fiches_actions).toEqual(avant.fiches_actions);
  });
});
