import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Base } from '../src/base/ouvrir.ts';
import { persistanceKysely } from '../src/depots/kysely/index.ts';
import type { Persistance } from '../src/depots/ports.ts';
import { FABRIQUES } from './aide/bases.ts';
import { COLLECTIVITES_TEST, ficheVide } from './aide/donnees.ts';

/** Contrat des dépôts du pilotage (cycle, rappels, calendriers, bilans) : PGlite et, si configuré, PostgreSQL. */
describe.each(FABRIQUES)('dépôts du pilotage sur $nom', (fabrique) => {
  let base: Base;
  let p: Persistance;
  let conventionId = 0;
  let utilisateurId = 0;

  beforeAll(async () => {
    base = await fabrique.ouvrir();
    p = persistanceKysely(base.db);
    await p.depots.collectivites.enregistrer(COLLECTIVITES_TEST);
    conventionId = await p.depots.conventions.creer({
      collectiviteId: 'departement:44',
      cadre: 'calpae-2023',
      exercice: 2023,
      regime: 'civil',
      dureeMois: 12,
      enveloppeEtat: 1_000,
      statut: 'brouillon',
    });
    await p.depots.fiches.creer(conventionId, ficheVide('1.1', { intitule: 'A', mesure: 'mobilite' }));
    await p.depots.fiches.creer(conventionId, ficheVide('1.2', { intitule: 'B', mesure: 'mobilite' }));
    utilisateurId = await p.depots.utilisateurs.creer({
      identifiant: 'ddets.44',
      nom: 'DDETS',
      role: 'ddets',
      hashMotDePasse: 'h',
      collectiviteId: null,
      departement: '44',
      region: null,
    });
  });
  afterAll(async () => {
    await base.fermer();
  });

  it('cycle : état, dates, signatures, validations, avenants et journal relus à l’identique', async () => {
    const fiches = await p.depots.fiches.lister(conventionId);
    const [f1, f2] = fiches.map((f) => f.id);
    const trace = { acteur: 'ddets.44', role: 'ddets' as const, le: '2023-03-05' };
    await p.depots.cycle.ecrire(conventionId, {
      etat: 'signee',
      dateDeliberation: '2023-02-10',
      dateSignature: '2023-03-05',
      signatures: { prefet_departement: trace },
      validations: new Map([
        [f1 ?? 0, { collectivite: trace, etat: trace }],
        [f2 ?? 0, { etat: trace }],
      ]),
      avenants: [{ numero: 1, objet: 'Redéploiement', etat: 'en_negociation', signatures: {} }],
      entree: {
        transition: 'signer',
        objet: 'convention',
        de: 'deliberee',
        vers: 'signee',
        acteur: 'ddets.44',
        role: 'ddets',
        horodatage: '2023-03-05T10:00:00.000Z',
        date: '2023-03-05',
        details: 'Préfet de département',
      },
    });
    expect((await p.depots.conventions.trouver(conventionId))?.statut).toBe('signee');
    const lu = await p.depots.cycle.lire(conventionId);
    expect(lu.dateDeliberation).toBe('2023-02-10');
    expect(lu.dateSignature).toBe('2023-03-05');
    expect(lu.signatures).toEqual({ prefet_departement: trace });
    expect(lu.validations.get(f1 ?? 0)).toEqual({ collectivite: trace, etat: trace });
    expect(lu.validations.get(f2 ?? 0)).toEqual({ etat: trace });
    expect(lu.avenants).toEqual([
      { numero: 1, objet: 'Redéploiement', etat: 'en_negociation', signatures: {} },
    ]);
    expect(lu.journal).toEqual([
      {
        transition: 'signer',
        objet: 'convention',
        de: 'deliberee',
        vers: 'signee',
        acteur: 'ddets.44',
        role: 'ddets',
        horodatage: '2023-03-05T10:00:00.000Z',
        date: '2023-03-05',
        details: 'Préfet de département',
      },
    ]);
    expect((await p.depots.cycle.journaux([conventionId, 999_999])).get(999_999)).toEqual([]);
    // La base elle-même refuse un état inconnu (contrainte de la migration 0003).
    await expect(
      p.depots.conventions.modifier(conventionId, { statut: 'deposee' as 'brouillon' }),
    ).rejects.toThrow();
  });

  it('rappels : la clé réserve une seule fois ; libérée, elle resert', async () => {
    const courriel = {
      cle: `${String(conventionId)}:adoption_convention:retard:1`,
      conventionId,
      destinataire: 'a@exemple.test',
      sujet: 'S',
      corps: 'C',
      transport: 'boite' as const,
    };
    const id = await p.depots.rappels.reserver(courriel);
    expect(id).toBeTypeOf('number');
    expect(await p.depots.rappels.reserver(courriel)).toBeUndefined();
    await p.depots.rappels.liberer(id ?? 0);
    const id2 = await p.depots.rappels.reserver(courriel);
    await p.depots.rappels.marquerEnvoye(id2 ?? 0, new Date('2024-01-02T03:04:05.000Z'));
    expect(await p.depots.rappels.lister(10)).toMatchObject([
      { id: id2, envoyeLe: '2024-01-02T03:04:05.000Z', erreur: null, transport: 'boite' },
    ]);
  });

  it('calendriers : un jeton actif par compte, révocable', async () => {
    await p.depots.calendriers.creer(utilisateurId, 'e1');
    expect(await p.depots.calendriers.compte('e1')).toBe(utilisateurId);
    await p.depots.calendriers.creer(utilisateurId, 'e2');
    expect(await p.depots.calendriers.compte('e1')).toBeUndefined();
    expect(await p.depots.calendriers.compte('e2')).toBe(utilisateurId);
    expect(await p.depots.calendriers.revoquer(utilisateurId, new Date())).toBe(1);
    expect(await p.depots.calendriers.actif(utilisateurId)).toBeUndefined();
  });

  it('bilans : création, verrouillage optimiste, suppression', async () => {
    const champs = {
      dateBilan: '2023-03-15',
      participants: 'P',
      constats: 'C',
      decisions: 'D',
      exercice: 2022,
      actions: ['1.1'],
      indicateurs: ['x'],
    };
    const id = await p.depots.bilans.creer(conventionId, champs, 'ddets.44');
    expect(await p.depots.bilans.trouver(id)).toMatchObject({ ...champs, version: 1, creePar: 'ddets.44' });
    expect(await p.depots.bilans.modifier(id, 1, { ...champs, decisions: 'D2' })).toBe(2);
    expect(await p.depots.bilans.modifier(id, 1, champs)).toBeUndefined();
    expect((await p.depots.bilans.lister(conventionId)).map((b) => b.decisions)).toEqual(['D2']);
    await p.depots.bilans.supprimer(id);
    expect(await p.depots.bilans.lister(conventionId)).toEqual([]);
  });
});
