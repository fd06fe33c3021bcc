import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { preparerApplication } from '../src/application.ts';
import { ouvrirPglite, ouvrirPostgres, type Base } from '../src/base/ouvrir.ts';
import { dossierDonneesPret } from './aide/dossier-modele.ts';
import {
  attendre,
  ClientHttp,
  demarrerServeur as demarrer,
  postgresJetable,
  servir,
  tuerServeursRestants,
} from './aide/pannes.ts';

/**
 * Pannes (issue 9 § 4) : la base tombe — PostgreSQL arrêté brutalement, ou le processus serveur PGlite tué —
 * au milieu de l'import d'une convention `jalon.convention/1` (remplacement de toutes ses actions : une
 * transaction longue). Après redémarrage, on vérifie EN BASE que rien n'est à moitié écrit (toutes les actions
 * de l'ancienne version ou toutes celles de la nouvelle, version et journal d'audit cohérents), et que le client
 * a reçu une erreur claire (503 en français quand c'est la base qui tombe ; connexion coupée quand c'est le
 * serveur lui-même qui meurt).
 */
type Db = Kysely<unknown>;

interface Document {
  actions: Record<string, unknown>[];
  [cle: string]: unknown;
}

/** Une convention de `n` actions : les actions exportées, clonées et marquées (transaction longue). */
function documentAgrandi(exporte: Document, n: number, marque: string): Document {
  const modeles = exporte.actions;
  const actions = Array.from({ length: n }, (_, k) => ({
    ...modeles[k % modeles.length],
    numero: `${k + 1}.${marque}`,
    intitule: `Action ${k + 1} [${marque}]`,
  }));
  return { ...exporte, actions };
}

interface Etat {
  readonly version: number;
  readonly actions: number;
  readonly marques: readonly string[];
  readonly audits: number;
}

async function etatEnBase(db: Db, id: number): Promise<Etat> {
  const { rows: c } = await sql<{ version: number }>`select version from convention where id = ${id}`.execute(
    db,
  );
  const { rows: f } = await sql<{ intitule: string }>`
    select intitule from fiche_action where convention_id = ${id}`.execute(db);
  const { rows: a } = await sql<{ n: number }>`
    select count(*)::integer as n from audit where convention_id = ${id} and action = 'importer'`.execute(db);
  const marques = [...new Set(f.map((x) => /\[([^\]]+)\]$/u.exec(x.intitule)?.[1] ?? 'origine'))].sort();
  return { version: c[0]?.version ?? -1, actions: f.length, marques, audits: a[0]?.n ?? -1 };
}

/** Soit rien (état d'avant), soit tout (nouvelle version, toutes les actions marquées, une ligne d'audit). */
function verifierToutOuRien(avant: Etat, apres: Etat, n: number, marque: string): 'rien' | 'tout' {
  if (apres.version === avant.version) {
    expect(apres).toEqual(avant);
    return 'rien';
  }
  expect(apres).toEqual({
    version: avant.version + 1,
    actions: n,
    marques: [marque],
    audits: avant.audits + 1,
  });
  return 'tout';
}

async function preparerConvention(client: ClientHttp): Promise<{ id: number; exporte: Document }> {
  await client.connecter('agent.44');
  const liste = await client.requete('GET', '/api/conventions?exercice=2023');
  const id = (liste.corps as { conventions: { id: number }[] }).conventions[0]?.id as number;
  const exporte = await client.requete('GET', `/api/conventions/${id}/export`);
  expect(exporte.statut).toBe(200);
  return { id, exporte: exporte.corps as Document };
}

// ---------------------------------------------------------------------------------------------------------
// PGlite : le processus serveur est tué (SIGKILL) pendant l'import.

afterAll(tuerServeursRestants);

describe('panne : serveur PGlite tué pendant un import', () => {
  it('après redémarrage, la convention est entière (ancienne ou nouvelle), audit cohérent', async () => {
    const dossier = await dossierDonneesPret({ demo: true });
    let serveur = await demarrer(dossier);
    const client = new ClientHttp(serveur.url);
    const { id, exporte } = await preparerConvention(client);
    const N = 400;

    // Durée d'un import complet (réussi) : on tuera le serveur vers sa moitié.
    let version = (
      (await client.requete('GET', `/api/conventions/${id}`)).corps as { convention: { version: number } }
    ).convention;
    const debut = Date.now();
    const premier = await client.requete(
      'POST',
      `/api/conventions/import?version=${version.version}`,
      documentAgrandi(exporte, N, 'essai'),
    );
    expect(premier.statut).toBe(200);
    const duree = Date.now() - debut;

    const issues: string[] = [];
    for (const [k, fraction] of [0.5].entries()) {
      version = (
        (await client.requete('GET', `/api/conventions/${id}`)).corps as { convention: { version: number } }
      ).convention;
      serveur.processus.kill('SIGTERM');
      await serveur.fin;
      let base = await ouvrirPglite(join(dossier, 'pgdata'));
      const avant = await etatEnBase(base.db as unknown as Db, id);
      await base.fermer();
      serveur = await demarrer(dossier);
      client.base = serveur.url;
      await client.connecter('agent.44');

      const marque = `panne${k}`;
      const envoi = client
        .requete(
          'POST',
          `/api/conventions/import?version=${version.version}`,
          documentAgrandi(exporte, N, marque),
        )
        .then(
          (r) => `réponse ${r.statut}`,
          (e: unknown) => `connexion coupée (${e instanceof Error ? e.message : String(e)})`,
        );
      await attendre(Math.max(5, duree * fraction));
      serveur.processus.kill('SIGKILL');
      const recu = await envoi;
      await serveur.fin;
      // le client n'a jamais un faux succès : soit la réponse complète, soit une connexion coupée
      expect(recu).toMatch(/^(réponse 200|connexion coupée)/u);

      // Redémarrage du vrai serveur sur le même dossier (verrou d'un processus mort repris), puis contrôle en base.
      serveur = await demarrer(dossier);
      client.base = serveur.url;
      await client.connecter('agent.44');
      expect((await client.requete('GET', `/api/conventions/${id}`)).statut).toBe(200);
      serveur.processus.kill('SIGTERM');
      await serveur.fin;
      base = await ouvrirPglite(join(dossier, 'pgdata'));
      const apres = await etatEnBase(base.db as unknown as Db, id);
      await base.fermer();
      const issue = verifierToutOuRien(avant, apres, N, marque);
      if (recu.startsWith('réponse 200')) expect(issue).toBe('tout');
      issues.push(`${recu} → ${issue}`);
      serveur = await demarrer(dossier);
      client.base = serveur.url;
      await client.connecter('agent.44');
    }
    serveur.processus.kill('SIGTERM');
    await serveur.fin;
    console.info(`Pannes PGlite (import de ${N} actions, ${duree} ms) : ${issues.join(' ; ')}`);
    rmSync(dossier, { recursive: true, force: true });
  }, 900_000);
});

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL : une instance jetable, à nous seuls (scripts/postgres-test.sh, dossier et port propres), arrêtée
// brutalement (`pg_ctl stop -m immediate`) pendant l'import, puis redémarrée.

const avecPostgres = process.env.DATABASE_URL_TEST !== undefined;

// Suite PostgreSQL : déclarée seulement dans la passe PostgreSQL de `.ci/run` (DATABASE_URL_TEST), comme les
// fabriques de la suite de contrat : absente ailleurs plutôt que « sautée ».
if (avecPostgres) {
  describe('panne : PostgreSQL arrêté pendant un import', () => {
    it('le client reçoit 503 en français ; après redémarrage, rien n’est à moitié écrit', async () => {
      const pg = postgresJetable(55480);
      const { url, arreter, redemarrer } = pg;

      let base: Base | undefined;
      try {
        base = await ouvrirPostgres(url, 4);
        const { app } = await preparerApplication(base, { demo: true });
        const ecoute = await servir(app);
        const client = new ClientHttp(ecoute.url);
        const { id, exporte } = await preparerConvention(client);
        const N = 400;
        const etat = async () => {
          const b = await ouvrirPostgres(url, 1);
          try {
            return await etatEnBase(b.db as unknown as Db, id);
          } finally {
            await b.fermer();
          }
        };

        let version = (
          (await client.requete('GET', `/api/conventions/${id}`)).corps as { convention: { version: number } }
        ).convention;
        const debut = Date.now();
        const premier = await client.requete(
          'POST',
          `/api/conventions/import?version=${version.version}`,
          documentAgrandi(exporte, N, 'essai'),
        );
        expect(premier.statut).toBe(200);
        const duree = Date.now() - debut;

        const issues: string[] = [];
        let erreurs503 = 0;
        for (const [k, fraction] of [0.5, 0.3, 0.15].entries()) {
          version = (
            (await client.requete('GET', `/api/conventions/${id}`)).corps as {
              convention: { version: number };
            }
          ).convention;
          const avant = await etat();
          const marque = `panne${k}`;
          const envoi = client.requete(
            'POST',
            `/api/conventions/import?version=${version.version}`,
            documentAgrandi(exporte, N, marque),
          );
          await attendre(Math.max(5, duree * fraction));
          arreter();
          const recu = await envoi;
          if (recu.statut !== 200) {
            expect(recu.statut).toBe(503);
            expect((recu.corps as { erreur: string }).erreur).toMatch(
              /Base de données momentanément indisponible/u,
            );
            erreurs503 += 1;
          }
          // Base arrêtée : toute requête qui va en base reçoit aussi un 503 français (jamais un 500). Le détail
          // d'une convention peut encore venir du cache des lectures (2 s au plus, INT-PANNES-IMPORTS-2) :
          // l'historique, lui, est toujours lu en base.
          const pendant = await client.requete('GET', `/api/conventions/${id}/historique`);
          expect(pendant.statut).toBe(503);
          redemarrer();
          const apres = await etat();
          const issue = verifierToutOuRien(avant, apres, N, marque);
          if (recu.statut === 200) expect(issue).toBe('tout');
          else expect(issue).toBe('rien');
          issues.push(`réponse ${recu.statut} → ${issue}`);
          // le serveur se remet sans redémarrer : le pool rouvre des connexions
          let lecture = await client.requete('GET', `/api/conventions/${id}`);
          for (let essai = 0; essai < 5 && lecture.statut === 503; essai += 1) {
            await attendre(200);
            lecture = await client.requete('GET', `/api/conventions/${id}`);
          }
          expect(lecture.statut).toBe(200);
        }
        console.info(`Pannes PostgreSQL (import de ${N} actions, ${duree} ms) : ${issues.join(' ; ')}`);
        expect(erreurs503).toBeGreaterThan(0);
        ecoute.fermer();
      } finally {
        await base?.fermer().catch(() => undefined);
        pg.supprimer();
      }
    }, 600_000);
  });
}
