import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Base } from '../src/base/ouvrir.ts';
import { persistanceKysely } from '../src/depots/kysely/index.ts';
import type { Persistance } from '../src/depots/ports.ts';
import { FABRIQUES } from './aide/bases.ts';

/** Contrat du dépôt de la part conservée par l'État outre-mer (migration 0009), sur PGlite et PostgreSQL. */
describe.each(FABRIQUES)('part conservée outre-mer sur $nom', (fabrique) => {
  let base: Base;
  let p: Persistance;

  const decision = {
    cadre: 'calpae-2023',
    exercice: 2023,
    collectiviteId: 'departement:974',
    montantNotifie: 2 ** 40, // au-delà de 2^31 : vérifie la lecture des bigint
    creditsSocle: 2 ** 39,
    conserveSocle: 15_000_000,
    conserveInitiatives: 0,
    concertationLe: '2023-02-01',
    motif: 'Concertation du 1er février.',
    modifieePar: 'national',
  };

  beforeAll(async () => {
    base = await fabrique.ouvrir();
    p = persistanceKysely(base.db);
    await p.depots.collectivites.enregistrer([
      {
        id: 'departement:974',
        type: 'departement',
        code: '974',
        nom: 'La Réunion',
        departement: '974',
        region: '04',
      },
      {
        id: 'departement:971',
        type: 'departement',
        code: '971',
        nom: 'Guadeloupe',
        departement: '971',
        region: '01',
      },
    ]);
  }, 300_000);
  afterAll(async () => {
    await base.fermer();
  });

  it('absente, puis créée, puis remplacée (une seule ligne) ; date et horodatage en texte', async () => {
    expect(await p.depots.enveloppesOutreMer.trouver('calpae-2023', 2023, 'departement:974')).toBeUndefined();
    expect(await p.depots.enveloppesOutreMer.lister('calpae-2023', 2023)).toEqual([]);
    const creee = await p.depots.enveloppesOutreMer.enregistrer(decision);
    expect(creee).toMatchObject(decision);
    expect(creee.modifieeLe).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    const remplacee = await p.depots.enveloppesOutreMer.enregistrer({
      ...decision,
      conserveSocle: 0,
      conserveInitiatives: 7,
      concertationLe: '2023-03-01',
      modifieePar: 'commissaire.04',
    });
    expect(remplacee).toMatchObject({ conserveInitiatives: 7, concertationLe: '2023-03-01' });
    await p.depots.enveloppesOutreMer.enregistrer({ ...decision, collectiviteId: 'departement:971' });
    await p.depots.enveloppesOutreMer.enregistrer({ ...decision, exercice: 2022 });
    const liste = await p.depots.enveloppesOutreMer.lister('calpae-2023', 2023);
    expect(liste.map((l) => [l.collectiviteId, l.conserveSocle, l.modifieePar])).toEqual([
      ['departement:971', 15_000_000, 'national'],
      ['departement:974', 0, 'commissaire.04'],
    ]);
    expect(await p.depots.enveloppesOutreMer.trouver('calpae-2023', 2023, 'departement:974')).toEqual(
      liste[1],
    );
  });

  it('la base refuse une part au-delà des crédits (contrainte) ; une transaction annulée n’écrit rien', async () => {
    await expect(
      p.depots.enveloppesOutreMer.enregistrer({
        ...decision,
        collectiviteId: 'departement:971',
        conserveSocle: decision.creditsSocle + 1,
      }),
    ).rejects.toThrow();
    await expect(
      p.transaction(async (d) => {
        await d.enveloppesOutreMer.enregistrer({ ...decision, motif: 'Perdu.' });
        throw new Error('annulation');
      }),
    ).rejects.toThrow('annulation');
    expect((await p.depots.enveloppesOutreMer.trouver('calpae-2023', 2023, 'departement:974'))?.motif).toBe(
      decision.motif,
    );
  });
});
