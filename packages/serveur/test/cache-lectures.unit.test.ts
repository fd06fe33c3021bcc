import { describe, expect, it } from 'vitest';
import { CacheLectures, depotsAvecCache } from '../src/depots/cache-lectures.ts';
import type {
  CompteEnregistre,
  DepotSessions,
  DepotUtilisateurs,
  SessionEnregistree,
} from '../src/depots/ports.ts';

/**
 * Le cache des lectures (INT-PLATEFORME-8), ici sur les sessions et les comptes, devant un dépôt en mémoire qui compte ses lectures : on vérifie
 * qu'il évite les lectures répétées, et surtout qu'il ne sert jamais une session supprimée ni un compte modifié.
 */
const compte: CompteEnregistre = {
  id: 1,
  identifiant: 'agent-37',
  nom: 'Agent 37',
  role: 'departement_agent',
  hashMotDePasse: 'x',
  collectiviteId: 'departement:37',
  departement: '37',
  region: '24',
  actif: true,
};

function depotEnMemoire() {
  const sessions = new Map<string, SessionEnregistree>();
  let lectures = 0;
  let attente: Promise<void> | undefined;
  const depot: Pick<DepotSessions, 'creer' | 'trouver' | 'trouverAvecCompte' | 'supprimer' | 'purger'> = {
    creer: async (s) => void sessions.set(s.empreinte, s),
    trouver: async (e) => sessions.get(e),
    trouverAvecCompte: async (e) => {
      lectures++;
      const s = sessions.get(e);
      if (attente !== undefined) await attente;
      return s && { session: s, compte };
    },
    supprimer: async (e) => void sessions.delete(e),
    purger: async () => 0,
  };
  return {
    depot,
    lectures: () => lectures,
    /** Bloque la prochaine lecture après qu'elle a lu la ligne (lecture concurrente d'une écriture). */
    bloquer() {
      let liberer: () => void = () => undefined;
      attente = new Promise<void>((ok) => {
        liberer = ok;
      });
      return () => {
        attente = undefined;
        liberer();
      };
    },
  };
}

const session: SessionEnregistree = {
  empreinte: 'e1',
  utilisateurId: 1,
  jetonCsrf: 'c',
  expireLe: '2999-01-01T00:00:00Z',
};

describe('cache des lectures (sessions, comptes)', () => {
  it('une seconde lecture dans le délai ne relit pas la base ; après le délai, si', async () => {
    let t = 0;
    const cache = new CacheLectures(2000, 100, () => t);
    const memoire = depotEnMemoire();
    const depot = depotsAvecCache({ sessions: memoire.depot }, cache).sessions;
    await memoire.depot.creer(session);
    expect((await depot.trouverAvecCompte('e1'))?.compte.identifiant).toBe('agent-37');
    expect((await depot.trouverAvecCompte('e1'))?.session.empreinte).toBe('e1');
    expect(memoire.lectures()).toBe(1);
    t = 2000;
    await depot.trouverAvecCompte('e1');
    expect(memoire.lectures()).toBe(2);
  });

  it('une session absente n’est pas mise en cache (une connexion juste après est vue)', async () => {
    const cache = new CacheLectures();
    const memoire = depotEnMemoire();
    const depot = depotsAvecCache({ sessions: memoire.depot }, cache).sessions;
    expect(await depot.trouverAvecCompte('e1')).toBeUndefined();
    await memoire.depot.creer(session);
    expect(await depot.trouverAvecCompte('e1')).toBeDefined();
  });

  it('supprimer une session (déconnexion) la retire aussitôt du cache', async () => {
    const cache = new CacheLectures();
    const memoire = depotEnMemoire();
    const depot = depotsAvecCache({ sessions: memoire.depot }, cache).sessions;
    await depot.creer(session);
    expect(await depot.trouverAvecCompte('e1')).toBeDefined();
    await depot.supprimer('e1');
    expect(await depot.trouverAvecCompte('e1')).toBeUndefined();
  });

  it('une lecture commencée avant une suppression ne remet pas la session en cache', async () => {
    const cache = new CacheLectures();
    const memoire = depotEnMemoire();
    const depot = depotsAvecCache({ sessions: memoire.depot }, cache).sessions;
    await depot.creer(session);
    const liberer = memoire.bloquer();
    const lectureLente = depot.trouverAvecCompte('e1'); // a lu la ligne, attend
    await depot.supprimer('e1');
    liberer();
    expect(await lectureLente).toBeDefined(); // elle a lu avant la suppression…
    expect(await depot.trouverAvecCompte('e1')).toBeUndefined(); // … mais ne l'a pas mise en cache
  });

  it('toute écriture sur les comptes (rôle, désactivation…) vide le cache des sessions', async () => {
    const cache = new CacheLectures();
    const memoire = depotEnMemoire();
    const sessions = depotsAvecCache({ sessions: memoire.depot }, cache).sessions;
    const utilisateurs: Pick<DepotUtilisateurs, 'creer' | 'parIdentifiant' | 'parId' | 'compter'> = {
      creer: async () => 2,
      parIdentifiant: async () => undefined,
      parId: async () => undefined,
      compter: async () => 1,
    };
    const enveloppe = depotsAvecCache({ utilisateurs }, cache).utilisateurs;
    await sessions.creer(session);
    await sessions.trouverAvecCompte('e1');
    await enveloppe.compter();
    await sessions.trouverAvecCompte('e1');
    expect(memoire.lectures()).toBe(1); // une lecture de compte ne vide rien
    await enveloppe.creer({ ...compte });
    await sessions.trouverAvecCompte('e1');
    expect(memoire.lectures()).toBe(2);
  });

  it('familles séparées : écrire une fiche ne fait pas relire les sessions, une connexion pas les conventions', async () => {
    const cache = new CacheLectures();
    const memoire = depotEnMemoire();
    let lecturesConventions = 0;
    const depots = depotsAvecCache(
      {
        sessions: memoire.depot,
        conventions: { trouver: async (id: number) => ({ id, lu: ++lecturesConventions }) },
        fiches: { creer: async () => 1 },
      },
      cache,
    );
    await depots.sessions.creer(session);
    await depots.sessions.trouverAvecCompte('e1');
    await depots.conventions.trouver(7);
    await depots.fiches.creer(); // n'écrit ni la convention ni la collectivité : rien à vider
    await depots.sessions.trouverAvecCompte('e1');
    await depots.conventions.trouver(7);
    expect(memoire.lectures()).toBe(1);
    expect(lecturesConventions).toBe(1);
    await depots.sessions.creer({ ...session, empreinte: 'e2' }); // écriture (non ciblée) des comptes
    await depots.conventions.trouver(7);
    expect(lecturesConventions).toBe(1);
    expect(await depots.sessions.trouverAvecCompte('e1')).toBeDefined();
    expect(memoire.lectures()).toBe(2);
  });

  it('une écriture ciblée ne rend périmée que son entrée ; une écriture non ciblée vide la famille', async () => {
    const cache = new CacheLectures();
    const lectures = new Map<number, number>();
    const conventions = {
      trouver: async (id: number) => {
        lectures.set(id, (lectures.get(id) ?? 0) + 1);
        return { id, lu: lectures.get(id) };
      },
      avancerVersion: async (_id: number, _version: number) => 2,
      creer: async (_c: object) => 9,
    };
    const cycle = { ecrire: async (_id: number) => undefined };
    const depots = depotsAvecCache({ conventions, cycle }, cache);
    await depots.conventions.trouver(7);
    await depots.conventions.trouver(8);
    await depots.conventions.avancerVersion(7, 1); // ne touche que la convention 7
    await depots.conventions.trouver(7);
    await depots.conventions.trouver(8);
    expect([lectures.get(7), lectures.get(8)]).toEqual([2, 1]);
    await depots.cycle.ecrire(8); // statut de la convention 8
    await depots.conventions.trouver(7);
    await depots.conventions.trouver(8);
    expect([lectures.get(7), lectures.get(8)]).toEqual([2, 2]);
    await depots.conventions.creer({}); // non ciblée : toute la famille
    await depots.conventions.trouver(7);
    await depots.conventions.trouver(8);
    expect([lectures.get(7), lectures.get(8)]).toEqual([3, 3]);
  });

  it('une lecture commencée avant l’écriture ciblée de SA convention n’est pas gardée ; celle d’une autre, si', async () => {
    const cache = new CacheLectures();
    let liberer: () => void = () => undefined;
    let bloquer = false;
    let lectures = 0;
    const conventions = {
      trouver: async (id: number) => {
        lectures++;
        const lue = { id, version: 1 };
        if (bloquer) await new Promise<void>((ok) => (liberer = ok));
        return lue;
      },
      modifier: async (_id: number) => undefined,
    };
    const depots = depotsAvecCache({ conventions }, cache);
    bloquer = true;
    const lente = depots.conventions.trouver(7);
    bloquer = false;
    await depots.conventions.modifier(7);
    liberer();
    await lente;
    await depots.conventions.trouver(7);
    expect(lectures).toBe(2); // la valeur lue avant la modification n'a pas été gardée
    bloquer = true;
    const autre = depots.conventions.trouver(8);
    bloquer = false;
    await depots.conventions.modifier(7);
    liberer();
    await autre;
    await depots.conventions.trouver(8);
    expect(lectures).toBe(3); // la 8 lue pendant l'écriture de la 7 est gardée
  });

  it('le rappel d’écriture est appelé (la persistance revide le cache après la transaction)', async () => {
    const cache = new CacheLectures();
    const memoire = depotEnMemoire();
    let ecritures = 0;
    const depot = depotsAvecCache({ sessions: memoire.depot }, cache, {
      surEcriture: () => ecritures++,
    }).sessions;
    await depot.trouverAvecCompte('e1');
    expect(ecritures).toBe(0);
    await depot.supprimer('e1');
    await depot.purger(new Date());
    expect(ecritures).toBe(2);
  });
});
