import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Base } from '../src/base/ouvrir.ts';
import { persistanceKysely } from '../src/depots/kysely/index.ts';
import type { Persistance } from '../src/depots/ports.ts';
import { FABRIQUES } from './aide/bases.ts';
import { COLLECTIVITES_TEST } from './aide/donnees.ts';

/** Contrat des dépôts de la note d'analyse et des enveloppes (migration 0008), sur PGlite et PostgreSQL. */
describe.each(FABRIQUES)('notes et enveloppes sur $nom', (fabrique) => {
  let base: Base;
  let p: Persistance;
  let conventionId = 0;

  beforeAll(async () => {
    base = await fabrique.ouvrir();
    p = persistanceKysely(base.db);
    await p.depots.collectivites.enregistrer(COLLECTIVITES_TEST);
    conventionId = await p.depots.conventions.creer({
      collectiviteId: 'departement:44',
      cadre: 'calpae-2022',
      exercice: 2022,
      regime: 'civil',
      dureeMois: 12,
      enveloppeEtat: 100_000_00,
      statut: 'rapport_depose',
    });
  }, 300_000);
  afterAll(async () => {
    await base.fermer();
  });

  it('note : absente, puis versions numérotées 1, 2 ; « rédigée » seulement avec une justification', async () => {
    expect(await p.depots.notes.trouver(conventionId)).toBeUndefined();
    expect(await p.depots.notes.redigee(conventionId)).toBeUndefined();
    const v1 = await p.depots.notes.enregistrer(conventionId, '   ', 'commissaire.52');
    expect(v1).toMatchObject({ conventionId, numero: 1, justification: '   ', redigeePar: 'commissaire.52' });
    expect(await p.depots.notes.redigee(conventionId)).toBeUndefined();
    const v2 = await p.depots.notes.enregistrer(conventionId, 'Analyse.', 'commissaire.52');
    expect(v2.numero).toBe(2);
    expect(v2.redigeeLe).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    const trace = await p.depots.notes.redigee(conventionId);
    expect(trace).toMatchObject({ acteur: 'commissaire.52', role: 'commissaire' });
    expect(trace?.le).toMatch(/^\d{4}-\d\d-\d\d$/);
    const versions = await p.depots.notes.versions(conventionId);
    expect(versions.map((v) => [v.numero, v.justification])).toEqual([
      [1, '   '],
      [2, 'Analyse.'],
    ]);
  });

  it('note : une transaction annulée n’écrit ni la note ni sa version', async () => {
    await expect(
      p.transaction(async (d) => {
        await d.notes.enregistrer(conventionId, 'Perdue.', 'commissaire.52');
        throw new Error('annulation');
      }),
    ).rejects.toThrow('annulation');
    expect((await p.depots.notes.trouver(conventionId))?.justification).toBe('Analyse.');
    expect(await p.depots.notes.versions(conventionId)).toHaveLength(2);
  });

  it('enveloppe : remplacée en bloc, montants en centimes (bigint) relus en nombres', async () => {
    expect(await p.depots.enveloppes.trouver('calpae-2023', 2023)).toBeUndefined();
    const grand = 2 ** 40; // au-delà de 2^31 : vérifie la lecture des bigint
    await p.depots.enveloppes.remplacer({
      cadre: 'calpae-2023',
      exercice: 2023,
      montant: grand,
      modifieePar: 'national',
      notifications: [
        { collectiviteId: 'departement:44', poids: 0.75, montant: (grand / 4) * 3 },
        { collectiviteId: 'departement:37', poids: 0.25, montant: grand / 4 },
      ],
    });
    const lue = await p.depots.enveloppes.trouver('calpae-2023', 2023);
    expect(lue).toMatchObject({ montant: grand, modifieePar: 'national' });
    expect(lue?.notifications).toEqual([
      { collectiviteId: 'departement:37', poids: 0.25, montant: grand / 4 },
      { collectiviteId: 'departement:44', poids: 0.75, montant: (grand / 4) * 3 },
    ]);
    await p.depots.enveloppes.remplacer({
      cadre: 'calpae-2023',
      exercice: 2023,
      montant: 10,
      modifieePar: 'national',
      notifications: [{ collectiviteId: 'departement:44', poids: 1, montant: 10 }],
    });
    expect((await p.depots.enveloppes.trouver('calpae-2023', 2023))?.notifications).toHaveLength(1);
    // Collectivité inconnue : la clé étrangère refuse, et rien n'est remplacé (transaction).
    await expect(
      p.transaction((d) =>
        d.enveloppes.remplacer({
          cadre: 'calpae-2023',
          exercice: 2023,
          montant: 5,
          modifieePar: 'national',
          notifications: [{ collectiviteId: 'departement:99', poids: 1, montant: 5 }],
        }),
      ),
    ).rejects.toThrow();
    expect((await p.depots.enveloppes.trouver('calpae-2023', 2023))?.montant).toBe(10);
  });
});
