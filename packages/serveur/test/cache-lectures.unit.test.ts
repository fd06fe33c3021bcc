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
    await depots.fiches.creer(); // écriture de la famille « conventions »
    await depots.sessions.trouverAvecCompte('e1');
    expect(memoire.lectures()).toBe(1);
    await depots.conventions.trouver(7);
    expect(lecturesConventions).toBe(2);
    await depots.sessions.supprimer('autre'); // écriture de la famille « comptes »
    await depots.conventions.trouver(7);
    expect(lecturesConventions).toBe(2);
    expect(await depots.sessions.trouverAvecCompte('e1')).toBeDefined();
    expect(memoire.lectures()).toBe(2);
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
