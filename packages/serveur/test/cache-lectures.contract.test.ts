import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Base } from '../src/base/ouvrir.ts';
import { persistanceKysely } from '../src/depots/kysely/index.ts';
import type { Persistance } from '../src/depots/ports.ts';
import { FABRIQUES } from './aide/bases.ts';
import { COLLECTIVITES_TEST } from './aide/donnees.ts';

/**
 * Le cache des lectures (INT-PLATEFORME-8) devant les vrais dépôts, sur PGlite et PostgreSQL : une écriture
 * faite par ce processus, dans ou hors transaction, est vue à la lecture suivante ; une lecture dans une
 * transaction voit ses propres écritures.
 */
describe.each(FABRIQUES)('cache des lectures sur $nom', (fabrique) => {
  let base: Base;
  let p: Persistance;
  let conventionId: number;

  beforeAll(async () => {
    base = await fabrique.ouvrir();
    p = persistanceKysely(base.db);
    await p.depots.collectivites.enregistrer(COLLECTIVITES_TEST);
    conventionId = await p.depots.conventions.creer({
      collectiviteId: 'departement:37',
      cadre: 'calpae-2023',
      exercice: 2023,
      regime: 'civil',
      dureeMois: 12,
      enveloppeEtat: 100_000_000,
      statut: 'brouillon',
    });
  });
  afterAll(async () => {
    await base.fermer();
  });

  it('déconnexion dans une transaction : la session en cache n’est plus servie', async () => {
    const utilisateurId = await p.depots.utilisateurs.creer({
      identifiant: 'agent.37',
      nom: 'Agent',
      role: 'departement_agent',
      hashMotDePasse: 'h',
      collectiviteId: 'departement:37',
      departement: null,
      region: null,
    });
    await p.depots.sessions.creer({
      empreinte: 'e',
      utilisateurId,
      jetonCsrf: 'c',
      expireLe: '2999-01-01T00:00:00.000Z',
    });
    expect(await p.depots.sessions.trouverAvecCompte('e')).toBeDefined();
    expect(await p.depots.sessions.trouverAvecCompte('e')).toBeDefined(); // depuis le cache
    await p.transaction((d) => d.sessions.supprimer('e'));
    expect(await p.depots.sessions.trouverAvecCompte('e')).toBeUndefined();
  });

  it('compte désactivé : la session suivante le voit désactivé', async () => {
    const compte = await p.depots.utilisateurs.parIdentifiant('agent.37');
    await p.depots.sessions.creer({
      empreinte: 'f',
      utilisateurId: compte?.id ?? -1,
      jetonCsrf: 'c',
      expireLe: '2999-01-01T00:00:00.000Z',
    });
    expect((await p.depots.sessions.trouverAvecCompte('f'))?.compte.actif).toBe(true);
    await p.transaction((d) => d.utilisateurs.modifierActif(compte?.id ?? -1, false));
    expect((await p.depots.sessions.trouverAvecCompte('f'))?.compte.actif).toBe(false);
  });

  it('convention modifiée (version, statut) : vue aussitôt, dans et hors transaction', async () => {
    expect((await p.depots.conventions.trouver(conventionId))?.version).toBe(1);
    expect((await p.depots.conventions.trouver(conventionId))?.version).toBe(1); // depuis le cache
    const dansLaTransaction = await p.transaction(async (d) => {
      await d.conventions.avancerVersion(conventionId, 1);
      await d.conventions.modifier(conventionId, { statut: 'en_negociation' });
      return d.conventions.trouver(conventionId);
    });
    expect(dansLaTransaction).toMatchObject({ version: 2, statut: 'en_negociation' });
    expect(await p.depots.conventions.trouver(conventionId)).toMatchObject({
      version: 2,
      statut: 'en_negociation',
    });
    await p.depots.conventions.modifier(conventionId, { enveloppeEtat: 5 });
    expect((await p.depots.conventions.trouver(conventionId))?.enveloppe_etat).toBe(5);
  });

  it('transaction annulée : rien de changé, et le cache ne garde pas l’état intermédiaire', async () => {
    await expect(
      p.transaction(async (d) => {
        await d.conventions.modifier(conventionId, { enveloppeEtat: 777 });
        expect((await d.conventions.trouver(conventionId))?.enveloppe_etat).toBe(777);
        throw new Error('annulation voulue');
      }),
    ).rejects.toThrow('annulation voulue');
    expect((await p.depots.conventions.trouver(conventionId))?.enveloppe_etat).toBe(5);
  });
});
