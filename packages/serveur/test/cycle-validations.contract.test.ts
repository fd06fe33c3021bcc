import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Base } from '../src/base/ouvrir.ts';
import { persistanceKysely } from '../src/depots/kysely/index.ts';
import type { Persistance } from '../src/depots/ports.ts';
import { FABRIQUES } from './aide/bases.ts';
import { COLLECTIVITES_TEST, ficheVide } from './aide/donnees.ts';

/**
 * Contrat des validations de fiches du port du cycle (`lireValidations`, `retirerValidations`,
 * `ajouterValidations`, INT-CYCLE-VALIDATIONS-1) : PGlite et, si configuré, PostgreSQL.
 */
describe.each(FABRIQUES)('validations des fiches sur $nom', (fabrique) => {
  let base: Base;
  let p: Persistance;
  let conventionId = 0;
  let autreId = 0;

  beforeAll(async () => {
    base = await fabrique.ouvrir();
    p = persistanceKysely(base.db);
    await p.depots.collectivites.enregistrer(COLLECTIVITES_TEST);
    const creer = (exercice: number) =>
      p.depots.conventions.creer({
        collectiviteId: 'departement:44',
        cadre: 'calpae-2023',
        exercice,
        regime: 'civil',
        dureeMois: 12,
        enveloppeEtat: 1_000,
        statut: 'en_negociation',
      });
    conventionId = await creer(2023);
    autreId = await creer(2022);
    await p.depots.fiches.creer(conventionId, ficheVide('1.1', { intitule: 'A', mesure: 'mobilite' }));
    await p.depots.fiches.creer(conventionId, ficheVide('1.2', { intitule: 'B', mesure: 'mobilite' }));
    await p.depots.fiches.creer(autreId, ficheVide('1.1', { intitule: 'C', mesure: 'mobilite' }));
  });
  afterAll(async () => {
    await base.fermer();
  });

  it('ajouter (une seule par fiche et partie), lire par convention, retirer par fiche', async () => {
    const [f1, f2] = (await p.depots.fiches.lister(conventionId)).map((f) => f.id);
    const [g1] = (await p.depots.fiches.lister(autreId)).map((f) => f.id);
    if (f1 === undefined || f2 === undefined || g1 === undefined) throw new Error('fiches attendues');
    const valideur = { acteur: 'valideur.44', role: 'departement_valideur' as const, le: '2023-01-10' };
    const ddets = { acteur: 'ddets.44', role: 'ddets' as const, le: '2023-01-12' };
    await p.depots.cycle.ajouterValidations([
      { ficheId: f1, partie: 'collectivite', trace: valideur },
      { ficheId: f1, partie: 'etat', trace: ddets },
      { ficheId: f2, partie: 'etat', trace: ddets },
      { ficheId: g1, partie: 'etat', trace: ddets },
    ]);
    // Déjà présente : gardée telle quelle (pas d'erreur, pas d'écrasement).
    await p.depots.cycle.ajouterValidations([
      { ficheId: f1, partie: 'etat', trace: { ...ddets, acteur: 'autre', le: '2023-02-01' } },
    ]);
    await p.depots.cycle.ajouterValidations([]);
    expect(await p.depots.cycle.lireValidations(conventionId)).toEqual([
      { ficheId: f1, partie: 'collectivite', trace: valideur },
      { ficheId: f1, partie: 'etat', trace: ddets },
      { ficheId: f2, partie: 'etat', trace: ddets },
    ]);

    await p.depots.cycle.retirerValidations([f1]);
    await p.depots.cycle.retirerValidations([]);
    expect(await p.depots.cycle.lireValidations(conventionId)).toEqual([
      { ficheId: f2, partie: 'etat', trace: ddets },
    ]);
    // L'autre convention n'est pas touchée ; la suppression d'une fiche emporte ses validations.
    expect(await p.depots.cycle.lireValidations(autreId)).toHaveLength(1);
    await p.depots.fiches.supprimer(g1);
    expect(await p.depots.cycle.lireValidations(autreId)).toEqual([]);
  });
});
