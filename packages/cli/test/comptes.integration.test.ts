import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { avecBase, preparerApplication, verrouillerDossier } from '@jalon/serveur';
import { main } from '../src/main.ts';

/**
 * `jalon comptes` sur un vrai dossier PGlite : création (refus motivés), liste, désactivation ; puis le
 * serveur, ouvert sur le même dossier, connecte le compte créé et voit l'audit.
 */
function io() {
  const sortie = { stdout: '', stderr: '' };
  return {
    sortie,
    io: {
      stdout: { write: (t: string) => (sortie.stdout += t) },
      stderr: { write: (t: string) => (sortie.stderr += t) },
      cwd: process.cwd(),
    },
  };
}

describe('jalon comptes', { timeout: 240_000 }, () => {
  let dossier: string;
  let fichierMdp: string;
  beforeAll(() => {
    dossier = mkdtempSync(join(tmpdir(), 'jalon-comptes-'));
    fichierMdp = join(dossier, 'mdp.txt');
    writeFileSync(fichierMdp, 'un mot de passe solide\n');
  });
  afterAll(() => rmSync(dossier, { recursive: true, force: true }));

  const jalon = async (...args: string[]) => {
    const { io: e, sortie } = io();
    const code = await main(['comptes', ...args, '--donnees', dossier], e);
    return { code, ...sortie };
  };

  /** `jalon comptes creer` : identifiant, nom, rôle, puis options de territoire ; mot de passe du fichier donné. */
  const creer = (identifiant: string, role: string, territoire: string[], mdp = fichierMdp) =>
    jalon(
      'creer',
      '--identifiant',
      identifiant,
      '--nom',
      identifiant,
      '--role',
      role,
      ...territoire,
      '--mot-de-passe-fichier',
      mdp,
    );

  it('crée un agent départemental, refuse les doublons et les territoires incohérents', async () => {
    const cree = await creer('marie.durand', 'departement_agent', ['--collectivite', 'departement:37']);
    expect(cree.stderr).toBe('');
    expect(cree.code).toBe(0);
    expect(cree.stdout).toContain('Compte marie.durand créé (departement_agent, departement:37)');

    const doublon = await creer('marie.durand', 'national', []);
    expect(doublon.code).toBe(1);
    expect(doublon.stderr).toContain('l’identifiant « marie.durand » existe déjà');

    const regionPourAgent = await creer('paul', 'departement_agent', ['--region', '24']);
    expect(regionPourAgent.code).toBe(1);
    expect(regionPourAgent.stderr).toContain('exige --collectivite et lui seul');

    const inconnu = await creer('paul', 'ddets', ['--departement', '99']);
    expect(inconnu.code).toBe(1);
    expect(inconnu.stderr).toContain('departement « 99 » inconnu');

    const court = join(dossier, 'court.txt');
    writeFileSync(court, 'court');
    const faible = await creer('paul', 'national', [], court);
    expect(faible.code).toBe(1);
    expect(faible.stderr).toContain('12 caractères au moins');
  });

  it('liste, désactive et réactive ; le serveur connecte le compte actif seulement, audit inscrit', async () => {
    expect((await jalon('lister')).stdout).toMatch(
      /^marie\.durand\tdepartement_agent\tdepartement:37\tactif\t/mu,
    );
    expect((await jalon('desactiver', 'marie.durand')).code).toBe(0);
    expect((await jalon('lister')).stdout).toContain('\tdésactivé\t');

    const connexion = async () =>
      avecBase({ databaseUrl: undefined, dossierDonnees: dossier }, async (base) => {
        const { app, persistance } = await preparerApplication(base, { demo: false });
        const r = await app.request('/api/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ identifiant: 'marie.durand', mot_de_passe: 'un mot de passe solide' }),
        });
        const audit = await base.db
          .selectFrom('audit')
          .select(['action', 'qui', 'apres'])
          .where('entite', '=', 'utilisateur')
          .orderBy('id')
          .execute();
        return { statut: r.status, audit, persistance };
      });
    expect((await connexion()).statut).toBe(401);
    expect((await jalon('activer', 'marie.durand')).code).toBe(0);
    const { statut, audit } = await connexion();
    expect(statut).toBe(200);
    expect(audit.map((a) => a.action)).toEqual(['creer_compte', 'desactiver_compte', 'activer_compte']);
    expect(audit[0]?.qui).toMatch(/^cli:/u);
    expect(JSON.stringify(audit[0]?.apres)).not.toContain('argon2');
  });

  it('refuse clairement quand un serveur tient le dossier', async () => {
    const verrou = verrouillerDossier(dossier);
    try {
      const r = await jalon('lister');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('déjà utilisé par un autre processus Jalon');
    } finally {
      verrou.liberer();
    }
  });
});
