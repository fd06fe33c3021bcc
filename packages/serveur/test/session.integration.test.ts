import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationDemo, type ApplicationTest } from './aide/application.ts';
import { Client, corps } from './aide/client.ts';

/**
 * Expiration et rotation des sessions (docs/securite.md, INT-SECURITE-4), avec l'horloge injectée de
 * l'application (`Dependances.horloge`) : glissante 60 min, absolue 8 h, jetons neufs à chaque connexion.
 */
let t: ApplicationTest;
const MIN = 60_000;

beforeAll(async () => {
  t = await applicationDemo();
});
afterAll(async () => {
  await t.base.fermer();
});

const connecte = async (c: Client) =>
  corps<{ utilisateur: { identifiant: string } | null }>(await c.get('/api/session')).utilisateur
    ?.identifiant ?? null;

const avancer = (ms: number) => {
  t.maintenant = new Date(t.maintenant.getTime() + ms);
};

describe('expiration des sessions', () => {
  it('glissante : chaque activité repousse l’échéance de 60 min ; 60 min sans requête la ferment', async () => {
    t.maintenant = new Date('2026-03-02T08:00:00Z');
    const c = new Client(t.app);
    expect((await c.connecter('agent.37')).statut).toBe(200);
    // 55 min, puis 55 min, puis 55 min : toujours connecté (2 h 45 au total, chaque requête prolonge).
    for (let i = 0; i < 3; i++) {
      avancer(55 * MIN);
      expect(await connecte(c)).toBe('agent.37');
    }
    // 60 min sans rien : fermée. La route protégée répond 401 en français.
    avancer(60 * MIN);
    const r = await c.get('/api/conventions');
    expect(r.statut).toBe(401);
    expect(corps<{ erreur: string }>(r).erreur).toMatch(/pas connecté/);
    expect(await connecte(c)).toBeNull();
  });

  it('sans prolongation écrite en base, l’échéance reste celle de la dernière écriture (pas de 5 min)', async () => {
    t.maintenant = new Date('2026-03-02T08:00:00Z');
    const c = new Client(t.app);
    await c.connecter('agent.37');
    // Des requêtes toutes les 2 min ne réécrivent l'échéance qu'une fois par pas de 5 min au moins : la session
    // reste ouverte, et expire au plus tard 60 min après la dernière requête.
    for (let i = 0; i < 10; i++) {
      avancer(2 * MIN);
      expect(await connecte(c)).toBe('agent.37');
    }
    avancer(56 * MIN); // 56 min après la dernière requête : encore ouverte (échéance ≥ 55 min après elle)
    expect(await connecte(c)).toBe('agent.37');
    avancer(61 * MIN);
    expect(await connecte(c)).toBeNull();
  });

  it('absolue : 8 h après la connexion, même active, la session est fermée', async () => {
    t.maintenant = new Date('2026-03-02T08:00:00Z');
    const c = new Client(t.app);
    await c.connecter('ddets.37');
    for (let i = 0; i < 15; i++) {
      avancer(30 * MIN); // 7 h 30 d'activité
      expect(await connecte(c), `après ${(i + 1) * 30} min`).toBe('ddets.37');
    }
    avancer(29 * MIN); // 7 h 59
    expect(await connecte(c)).toBe('ddets.37');
    avancer(1 * MIN); // 8 h pile
    expect(await connecte(c)).toBeNull();
  });
});

describe('rotation', () => {
  it('à la connexion : nouveau jeton de session et nouveau jeton CSRF, l’ancienne session est supprimée', async () => {
    t.maintenant = new Date('2026-03-02T08:00:00Z');
    const c = new Client(t.app);
    await c.connecter('agent.44');
    const ancienCookie = c.cookie;
    const ancienCsrf = c.csrf;
    await c.connecter('valideur.44'); // même navigateur (le cookie de la première session est envoyé)
    expect(c.cookie).not.toBe(ancienCookie);
    expect(c.csrf).not.toBe(ancienCsrf);
    expect(await connecte(c)).toBe('valideur.44');
    const ancien = new Client(t.app);
    ancien.cookie = ancienCookie;
    expect(await connecte(ancien)).toBeNull();
  });

  it('un compte désactivé perd ses sessions (le cache de sessions ne les garde pas)', async () => {
    t.maintenant = new Date('2026-03-02T08:00:00Z');
    const c = new Client(t.app);
    await c.connecter('commissaire.52');
    expect(await connecte(c)).toBe('commissaire.52');
    const compte = await t.persistance.depots.utilisateurs.parIdentifiant('commissaire.52');
    if (compte === undefined) throw new Error('compte de démonstration absent');
    expect(await t.persistance.depots.sessions.supprimerDuCompte(compte.id)).toBe(1);
    expect(await connecte(c)).toBeNull();
  });
});
