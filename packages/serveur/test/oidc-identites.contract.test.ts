import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Base } from '../src/base/ouvrir.ts';
import { persistanceKysely } from '../src/depots/kysely/index.ts';
import { SANS_MOT_DE_PASSE } from '../src/depots/kysely/identites.ts';
import type { Persistance } from '../src/depots/ports.ts';
import { FABRIQUES } from './aide/bases.ts';
import { COLLECTIVITES_TEST } from './aide/donnees.ts';

/**
 * Suite de contrat des dépôts de la connexion ProConnect (identités, connexions en cours) et des nouvelles
 * opérations de session (migration 0007) : la même sur PGlite et, avec DATABASE_URL_TEST, sur PostgreSQL.
 */
describe.each(FABRIQUES)('identités et sessions sur $nom', (fabrique) => {
  let base: Base;
  let p: Persistance;

  beforeAll(async () => {
    base = await fabrique.ouvrir();
    p = persistanceKysely(base.db);
    await p.depots.collectivites.enregistrer(COLLECTIVITES_TEST);
  });
  afterAll(async () => {
    await base.fermer();
  });

  const nouvelle = (email: string, sub: string | null = null) => ({
    email,
    sub,
    nom: 'Agent',
    role: 'departement_agent' as const,
    collectiviteId: 'departement:44',
    departement: null,
    region: null,
    creePar: 'national',
  });

  it('crée une identité et son compte sans mot de passe ; recherche par sub et par e-mail sans casse', async () => {
    const id = await p.depots.identites.creer(nouvelle('Alix.Martin@Exemple.test', 'sub-1'));
    const lue = await p.depots.identites.trouver(id);
    expect(lue).toMatchObject({ email: 'Alix.Martin@Exemple.test', sub: 'sub-1', role: 'departement_agent' });
    expect((await p.depots.identites.parSub('sub-1'))?.id).toBe(id);
    expect((await p.depots.identites.parEmail('alix.martin@exemple.TEST'))?.id).toBe(id);
    expect(await p.depots.identites.parSub('sub-2')).toBeUndefined();
    const compte = await p.depots.utilisateurs.parIdentifiant('alix.martin@exemple.test');
    expect(compte?.hashMotDePasse).toBe(SANS_MOT_DE_PASSE);
    expect(compte?.collectiviteId).toBe('departement:44');
  });

  it('e-mail (sans casse) et sub uniques', async () => {
    await expect(p.depots.identites.creer(nouvelle('ALIX.MARTIN@exemple.test'))).rejects.toThrow();
    await expect(p.depots.identites.creer(nouvelle('autre@exemple.test', 'sub-1'))).rejects.toThrow();
  });

  it('les contraintes de rôle et de territoire de la table utilisateur valent pour une identité', async () => {
    await expect(
      p.transaction((d) => d.identites.creer({ ...nouvelle('ddets@exemple.test'), role: 'ddets' })),
    ).rejects.toThrow();
    expect(await p.depots.identites.parEmail('ddets@exemple.test')).toBeUndefined();
  });

  it('modifie le rôle ; retire (compte désactivé) ; ré-associer reprend le compte désactivé', async () => {
    const id = await p.depots.identites.creer(nouvelle('camille@exemple.test'));
    await p.depots.identites.modifier(id, {
      nom: 'Camille',
      role: 'commissaire',
      collectiviteId: null,
      departement: null,
      region: '52',
    });
    expect(await p.depots.identites.trouver(id)).toMatchObject({
      role: 'commissaire',
      region: '52',
      nom: 'Camille',
    });
    const compteId = (await p.depots.identites.trouver(id))?.utilisateurId ?? -1;
    await p.depots.identites.supprimer(id);
    expect(await p.depots.identites.trouver(id)).toBeUndefined();
    expect((await p.depots.utilisateurs.parId(compteId))?.actif).toBe(false);
    const id2 = await p.depots.identites.creer(nouvelle('camille@exemple.test'));
    const reprise = await p.depots.identites.trouver(id2);
    expect(reprise?.utilisateurId).toBe(compteId);
    expect((await p.depots.utilisateurs.parId(compteId))?.actif).toBe(true);
    expect(reprise?.role).toBe('departement_agent');
  });

  it('première connexion : sub et date retenus', async () => {
    const id = await p.depots.identites.creer(nouvelle('dominique@exemple.test'));
    await p.depots.identites.connecte(id, 'sub-dominique', '2026-03-02T08:00:00.000Z');
    const lue = await p.depots.identites.trouver(id);
    expect(lue?.sub).toBe('sub-dominique');
    expect(new Date(lue?.derniereConnexion ?? '').toISOString()).toBe('2026-03-02T08:00:00.000Z');
  });

  it('connexion en cours : consommée une seule fois ; les expirées sont purgées', async () => {
    const attente = {
      empreinte: 'e1',
      etat: 's',
      nonce: 'n',
      verificateur: 'v',
      retour: '/',
      expireLe: '2026-03-02T08:10:00.000Z',
    };
    await p.depots.identites.attendre(attente);
    await p.depots.identites.attendre({ ...attente, empreinte: 'e2', expireLe: '2026-03-02T07:00:00.000Z' });
    expect(await p.depots.identites.purgerAttentes(new Date('2026-03-02T08:00:00Z'))).toBe(1);
    const lue = await p.depots.identites.consommerAttente('e1');
    expect(lue).toMatchObject({ etat: 's', nonce: 'n', verificateur: 'v', retour: '/' });
    expect(new Date(lue?.expireLe ?? '').toISOString()).toBe(attente.expireLe);
    expect(await p.depots.identites.consommerAttente('e1')).toBeUndefined();
    expect(await p.depots.identites.consommerAttente('e2')).toBeUndefined();
  });

  it('sessions : expiration absolue et jeton d’identité gardés, prolongation, suppression de toutes celles d’un compte', async () => {
    const compte = await p.depots.utilisateurs.parIdentifiant('dominique@exemple.test');
    if (compte === undefined) throw new Error('compte absent');
    for (const empreinte of ['s1', 's2']) {
      await p.depots.sessions.creer({
        empreinte,
        utilisateurId: compte.id,
        jetonCsrf: 'c',
        expireLe: '2026-03-02T09:00:00.000Z',
        expireAbsoluLe: '2026-03-02T16:00:00.000Z',
        idToken: 'a.b.c',
      });
    }
    await p.depots.sessions.prolonger('s1', '2026-03-02T09:30:00.000Z');
    const s1 = await p.depots.sessions.trouverAvecCompte('s1');
    expect(new Date(s1?.session.expireLe ?? '').toISOString()).toBe('2026-03-02T09:30:00.000Z');
    expect(new Date(s1?.session.expireAbsoluLe ?? '').toISOString()).toBe('2026-03-02T16:00:00.000Z');
    expect(s1?.session.idToken).toBe('a.b.c');
    expect(await p.depots.sessions.supprimerDuCompte(compte.id)).toBe(2);
    expect(await p.depots.sessions.trouver('s1')).toBeUndefined();
  });

  it('historique : les lignes d’audit de l’entité identite, de la plus récente à la plus ancienne', async () => {
    for (const action of ['associer_identite', 'modifier_identite']) {
      await p.depots.audit.ecrire({
        conventionId: null,
        utilisateurId: null,
        qui: 'national',
        role: 'national',
        action,
        entite: 'identite',
        entiteId: '1',
        avant: null,
        apres: { role: 'ddets' },
      });
    }
    const h = await p.depots.identites.historique();
    expect(h.map((e) => e.action)).toEqual(['modifier_identite', 'associer_identite']);
    expect(h[0]?.apres).toEqual({ role: 'ddets' });
  });
});
