import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { libreOfficeDisponible } from '@jalon/documents';
import { EN_TETE_CSRF } from '@jalon/schemas';
import type { DepotFige } from '@jalon/schemas';
import { demoParApi } from './aide/demo-api.ts';
import { corps } from './aide/client.ts';

/**
 * Validations des fiches et dépôt du rapport dans le cycle de vie (issue 6 § 1 ; INT-CYCLE-VALIDATIONS-1 à 4).
 * Attendus écrits depuis les textes :
 * - 001 · annexe 4 § 2 : les fiches sont « validées conjointement par les deux parties cocontractantes » ; une
 *   validation porte sur le contenu validé : le contenu change, la validation tombe (dans la même transaction,
 *   auditée) ; l'exécution, saisie après l'exercice (annexe 4 § 1), n'est pas ce contenu ;
 * - 001 · annexe 4 § 1 : le rapport d'exécution est déposé : en exécution, le dépôt figé fait avancer la
 *   convention (tout ou rien), et la transition ne se déclenche pas sans rapport figé.
 */

const { app, compte, convention, vue, transition, detail, historique, reussir } = demoParApi();

/** Validations d'une fiche vues par l'API : [collectivité, État], `true` si présente. */
async function validations(id: number): Promise<Record<string, [boolean, boolean]>> {
  return Object.fromEntries(
    (await vue(id)).fiches.map((f) => [f.numero, [f.collectivite !== null, f.etat !== null]]),
  );
}

async function modifierFiche(qui: string, id: number, ficheId: number, champs: Record<string, unknown>) {
  const version = (await detail(id)).convention.version;
  return (await compte(qui)).requete('PATCH', `/api/conventions/${id}/fiches/${ficheId}`, {
    version,
    ...champs,
  });
}

async function lignes(qui: string, id: number, lignesFinancieres: Record<string, unknown>[]) {
  const version = (await detail(id)).convention.version;
  return (await compte(qui)).requete('PUT', `/api/conventions/${id}/lignes-financieres`, {
    version,
    lignes: lignesFinancieres,
  });
}

describe('une validation porte sur le contenu validé (Indre-et-Loire, France Travail 2024)', () => {
  it('modifier une fiche validée retire ses deux validations, en audit ; la validation conjointe attend ; revalider suffit', async () => {
    const { id } = await convention('37', 2024);
    await reussir('valideur.37', id, { code: 'valider_fiches' });
    await reussir('ddets.37', id, { code: 'valider_fiches' });
    const fiches = (await detail(id)).fiches_actions;
    const [premiere, seconde] = fiches;
    if (premiere === undefined || seconde === undefined) throw new Error('deux fiches attendues');
    expect(Object.values(await validations(id)).every(([c, e]) => c && e)).toBe(true);

    const r = await modifierFiche('agent.37', id, premiere.id, {
      description: `${premiere.description} Ajout négocié après validation.`,
    });
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
    const apres = await validations(id);
    expect(apres[premiere.numero]).toEqual([false, false]);
    // Les autres fiches gardent leurs validations.
    expect(apres[seconde.numero]).toEqual([true, true]);

    // Audit : la modification, et dans la même transaction le retrait, avant / après.
    // La ligne de la modification, puis (plus ancienne, écrite dans la même transaction) celle du retrait.
    const [modification, retrait] = await historique(id);
    expect(modification).toMatchObject({ action: 'modifier_fiche', qui: 'agent.37' });
    expect(retrait).toMatchObject({
      action: 'retirer_validations_fiches',
      entite: 'validation_fiche',
      entite_id: premiere.numero,
      qui: 'agent.37',
    });
    const avant = (retrait?.avant as { validations: { numero: string; partie: string; acteur: string }[] })
      .validations;
    expect(avant.map((v) => [v.numero, v.partie, v.acteur]).sort()).toEqual(
      [
        [premiere.numero, 'collectivite', 'valideur.37'],
        [premiere.numero, 'etat', 'ddets.37'],
      ].sort(),
    );
    expect(retrait?.apres).toMatchObject({ validations: [], cause: 'modifier_fiche' });

    const refus = await transition('ddets.37', id, { code: 'valider_conjointement' });
    expect(refus.statut).toBe(422);
    expect(corps<{ erreur: string }>(refus).erreur).toContain(
      `Fiches actions non validées par les deux parties : ${premiere.numero} (à valider par la collectivité et l'État)`,
    );

    await reussir('valideur.37', id, { code: 'valider_fiches', fiches: [premiere.numero] });
    await reussir('ddets.37', id, { code: 'valider_fiches', fiches: [premiere.numero] });
    expect((await reussir('ddets.37', id, { code: 'valider_conjointement' })).etat).toBe(
      'validee_conjointement',
    );
    // Revenir en négociation pour la suite (INT-PILOTAGE-3 : les validations sont effacées).
    await reussir('ddets.37', id, { code: 'rouvrir_negociation', motif: 'Suite des essais' });
  });

  it('une modification qui ne change rien, ou la seule exécution, ne retire rien ; le prévisionnel, si', async () => {
    const { id } = await convention('37', 2024);
    await reussir('valideur.37', id, { code: 'valider_fiches' });
    await reussir('ddets.37', id, { code: 'valider_fiches' });
    const [premiere, seconde] = (await detail(id)).fiches_actions;
    if (premiere === undefined || seconde === undefined) throw new Error('deux fiches attendues');
    const nombreAudit = (await historique(id)).length;

    // Mêmes valeurs : la version avance (c'est une écriture), aucune validation ne tombe.
    expect((await modifierFiche('agent.37', id, premiere.id, { intitule: premiere.intitule })).statut).toBe(
      200,
    );
    // Exécution seule : saisie du réalisé, pas le contenu négocié.
    const execution = { realise: 123_400, valorisation_cd: 0, a_reporter_etat: 0, a_reporter_cd: 0 };
    expect((await lignes('agent.37', id, [{ fiche_id: premiere.id, execution }])).statut).toBe(200);
    expect(Object.values(await validations(id)).every(([c, e]) => c && e)).toBe(true);
    const entrees = await historique(id);
    // Deux écritures, deux lignes d'audit, aucun retrait.
    expect(entrees.length).toBe(nombreAudit + 2);
    expect(entrees.slice(0, 2).map((e) => e.action)).toEqual([
      'modifier_lignes_financieres',
      'modifier_fiche',
    ]);

    // Prévisionnel État de la seconde fiche : + 1 €.
    const r = await lignes('agent.37', id, [
      { fiche_id: seconde.id, previsionnel: { etat: seconde.previsionnel.etat + 100 } },
    ]);
    expect(r.statut).toBe(200);
    const apres = await validations(id);
    expect(apres[seconde.numero]).toEqual([false, false]);
    expect(apres[premiere.numero]).toEqual([true, true]);
    expect((await historique(id))[1]).toMatchObject({
      action: 'retirer_validations_fiches',
      entite_id: seconde.numero,
      apres: { cause: 'modifier_lignes_financieres' },
    });
  });

  it('ré-import JSON : fiches recréées à l’identique, validations gardées ; montant changé, retirées pour cette fiche', async () => {
    const { id } = await convention('37', 2024);
    const valideur = await compte('valideur.37');
    const ddets = await compte('ddets.37');
    // Tout valider par les deux parties (certaines le sont déjà : « déjà fait » est un refus sans effet).
    for (const c of [valideur, ddets]) {
      await c.requete('POST', `/api/conventions/${id}/transitions`, {
        version: (await vue(id)).version,
        code: 'valider_fiches',
      });
    }
    expect(Object.values(await validations(id)).every(([c, e]) => c && e)).toBe(true);
    const agent = await compte('agent.37');
    const document = corps<{ actions: { numero: string; previsionnel: { etat: number } }[] }>(
      await agent.get(`/api/conventions/${id}/export`),
    );
    const idem = await agent.requete(
      'POST',
      `/api/conventions/import?version=${(await detail(id)).convention.version}`,
      document,
    );
    expect(idem.statut, JSON.stringify(idem.corps)).toBe(200);
    expect(Object.values(await validations(id)).every(([c, e]) => c && e)).toBe(true);

    const [cible] = document.actions;
    if (cible === undefined) throw new Error('une action attendue');
    cible.previsionnel.etat += 10;
    const change = await agent.requete(
      'POST',
      `/api/conventions/import?version=${(await detail(id)).convention.version}`,
      document,
    );
    expect(change.statut, JSON.stringify(change.corps)).toBe(200);
    const apres = await validations(id);
    expect(apres[cible.numero]).toEqual([false, false]);
    expect(
      Object.entries(apres)
        .filter(([n]) => n !== cible.numero)
        .every(([, [c, e]]) => c && e),
    ).toBe(true);
    expect((await historique(id))[1]).toMatchObject({
      action: 'retirer_validations_fiches',
      entite_id: cible.numero,
      apres: { cause: 'importer' },
    });
  });

  it('supprimer une fiche validée : ses validations disparaissent avec elle, l’audit le dit', async () => {
    const { id } = await convention('37', 2024);
    const fiches = (await detail(id)).fiches_actions;
    const derniere = fiches.at(-1);
    if (derniere === undefined) throw new Error('une fiche attendue');
    expect((await validations(id))[derniere.numero]).toEqual([true, true]);
    const version = (await detail(id)).convention.version;
    const r = await (
      await compte('agent.37')
    ).requete('DELETE', `/api/conventions/${id}/fiches/${derniere.id}?version=${version}`);
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
    const [suppression, retrait] = await historique(id);
    expect(suppression).toMatchObject({ action: 'supprimer_fiche' });
    expect(retrait).toMatchObject({ action: 'retirer_validations_fiches', entite_id: derniere.numero });
    expect((retrait?.avant as { validations: unknown[] }).validations).toHaveLength(2);
  });
});

describe('ré-import du tableau financier XLSX (Nord, CALPAE 2023)', () => {
  it('un montant changé dans le classeur retire les validations de cette fiche seulement, en audit', async () => {
    const { id } = await convention('59', 2023);
    await reussir('valideur.59', id, { code: 'valider_fiches' });
    await reussir('ddets.59', id, { code: 'valider_fiches' });
    const avant = await detail(id);
    const [fiche] = avant.fiches_actions;
    if (fiche === undefined) throw new Error('fiche attendue');
    const agent = await compte('agent.59');
    const telechargement = await app().app.request(`/api/conventions/${id}/documents/tableau-financier`, {
      headers: { cookie: agent.cookie ?? '' },
    });
    expect(telechargement.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await telechargement.arrayBuffer());
    // Colonne G = « C Crédits CD » dans les deux feuilles (001 · annexe 9) ; + 1 000,50 € pour la fiche.
    for (const feuille of wb.worksheets) {
      expect(String(feuille.getCell(5, 7).value)).toMatch(/^C Crédits CD/);
      let ligne = 0;
      for (let l = 1; l <= feuille.rowCount; l += 1) {
        if (String(feuille.getCell(l, 3).value ?? '') === fiche.numero) ligne = l;
      }
      expect(ligne).toBeGreaterThan(0);
      feuille.getCell(ligne, 7).value = fiche.previsionnel.cd / 100 + 1000.5;
    }
    const formulaire = new FormData();
    formulaire.set('version', String(avant.convention.version));
    formulaire.set(
      'fichier',
      new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'tableau.xlsx', {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    );
    const r = await app().app.request(`/api/conventions/${id}/tableau-financier/xlsx`, {
      method: 'POST',
      headers: { cookie: agent.cookie ?? '', [EN_TETE_CSRF]: agent.csrf ?? '' },
      body: formulaire,
    });
    expect(r.status, await r.clone().text()).toBe(200);
    const apres = await validations(id);
    expect(apres[fiche.numero]).toEqual([false, false]);
    expect(
      Object.entries(apres)
        .filter(([numero]) => numero !== fiche.numero)
        .every(([, [c, e]]) => c && e),
    ).toBe(true);
    const [importation, retrait] = await historique(id);
    expect(importation).toMatchObject({ action: 'importer_tableau_financier', qui: 'agent.59' });
    expect(retrait).toMatchObject({
      action: 'retirer_validations_fiches',
      entite_id: fiche.numero,
      apres: { validations: [], cause: 'importer_tableau_financier' },
    });
  });
});

/** Fait passer une convention CALPAE 2023 jusqu'à « en exécution » ; `execution` : saisir le réalisé d'abord. */
async function jusquEnExecution(code: string, execution: boolean): Promise<number> {
  const { id } = await convention(code, 2023);
  if (execution) {
    const fiches = (await detail(id)).fiches_actions;
    const r = await lignes(
      `agent.${code}`,
      id,
      fiches.map((f) => ({
        fiche_id: f.id,
        execution: { realise: 100_000, valorisation_cd: 0, a_reporter_etat: 0, a_reporter_cd: 0 },
      })),
    );
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
  }
  await reussir(`valideur.${code}`, id, { code: 'valider_fiches' });
  await reussir(`ddets.${code}`, id, { code: 'valider_fiches' });
  await reussir(`ddets.${code}`, id, { code: 'valider_conjointement' });
  await reussir(`valideur.${code}`, id, { code: 'deliberer' });
  await reussir(`valideur.${code}`, id, { code: 'signer' });
  await reussir(`ddets.${code}`, id, { code: 'signer' });
  expect((await reussir(`ddets.${code}`, id, { code: 'demarrer_execution' })).etat).toBe('en_execution');
  return id;
}

async function deposer(qui: string, id: number) {
  const version = (await detail(id)).convention.version;
  return (await compte(qui)).requete('POST', `/api/conventions/${id}/depots-rapport`, { version });
}

const depots = async (id: number) =>
  corps<{ depots: DepotFige[] }>(await (await compte('national')).get(`/api/conventions/${id}/documents`))
    .depots;

describe.skipIf(!libreOfficeDisponible() && !process.env.CI)('dépôt figé du rapport et transition', () => {
  it('en exécution, sans rapport figé, « Déposer le rapport » est refusé et dit où le déposer', async () => {
    const id = await jusquEnExecution('37', true);
    const v = await vue(id);
    const offerte = v.transitions.find((x) => x.code === 'deposer_rapport');
    expect(offerte?.possible).toBe(false);
    expect(v.prochaine_etape?.prerequis_manquants.map((r) => r.message).join(' ')).toMatch(
      /Aucun rapport figé/,
    );
    const refus = await transition('valideur.37', id, { code: 'deposer_rapport' });
    expect(refus.statut).toBe(422);
    expect(corps<{ erreur: string }>(refus).erreur).toMatch(/Aucun rapport figé n'a été déposé/);
    expect((await vue(id)).etat).toBe('en_execution');
  }, 60_000);

  it('le dépôt figé fait passer la convention à « rapport déposé », dans la même transaction, audité', async () => {
    const { id } = await convention('37', 2023);
    expect((await deposer('agent.37', id)).statut).toBe(403);
    const r = await deposer('valideur.37', id);
    expect(r.statut, JSON.stringify(r.corps)).toBe(201);
    const v = await vue(id);
    expect(v.etat).toBe('rapport_depose');
    expect(v.journal.at(-1)).toMatchObject({ transition: 'deposer_rapport', acteur: 'valideur.37' });
    const [transitionAudit, depotAudit] = await historique(id);
    expect(depotAudit).toMatchObject({ action: 'deposer_rapport_fige', entite: 'depot_fige' });
    expect(transitionAudit).toMatchObject({
      action: 'deposer_rapport',
      avant: { statut: 'en_execution' },
      apres: { statut: 'rapport_depose' },
    });
    // Un second dépôt (rapport corrigé) reste possible, sans transition.
    const second = await deposer('valideur.37', id);
    expect(second.statut).toBe(201);
    expect((await vue(id)).etat).toBe('rapport_depose');
    expect(await depots(id)).toHaveLength(2);
  }, 120_000);

  it('tout ou rien : transition refusée (exécution non saisie) → aucun dépôt, version inchangée', async () => {
    const id = await jusquEnExecution('44', false);
    const avant = (await detail(id)).convention.version;
    const r = await deposer('valideur.44', id);
    expect(r.statut).toBe(422);
    expect(corps<{ erreur: string }>(r).erreur).toMatch(/Exécution financière non saisie/);
    expect(await depots(id)).toHaveLength(0);
    expect((await detail(id)).convention.version).toBe(avant);
    expect((await vue(id)).etat).toBe('en_execution');
  }, 60_000);
});
