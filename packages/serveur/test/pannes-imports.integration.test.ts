import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReponseTeleversement } from '@jalon/schemas';
import { preparerApplication } from '../src/application.ts';
import { ouvrirPglite, ouvrirPostgres, type Base } from '../src/base/ouvrir.ts';
import { dossierDonneesPret } from './aide/dossier-modele.ts';
import {
  arreterServeur,
  attendre,
  ClientHttp,
  demarrerServeur,
  postgresJetable,
  servir,
  tuerServeursRestants,
  type Envoi,
} from './aide/pannes.ts';

/**
 * Pannes (issue 9 § 4) pendant les deux autres imports qui écrivent la matrice d'indicateurs : l'import d'un
 * résultat de « jalon indicateurs calculer » (`POST /api/conventions/{id}/indicateurs/import`) et le téléversement
 * de données réelles (`POST /api/conventions/{id}/donnees` : réception, calcul par le moteur, puis une transaction
 * qui écrit les valeurs, la version, l'audit de l'import d'indicateurs, l'historique des imports, les listes
 * d'explication et l'audit du téléversement). PostgreSQL est arrêté brutalement au milieu (transaction bloquée sur
 * un verrou pris par le test, donc à coup sûr entre deux écritures ; ou pendant le calcul), le serveur PGlite est
 * tué (SIGKILL) à plusieurs instants. Après redémarrage, l'état EN BASE est soit exactement celui d'avant, soit
 * celui d'un import complet : aucune valeur partielle, aucune ligne d'audit ou d'historique orpheline. Le client
 * reçoit un 503 en français quand c'est la base qui tombe, une connexion coupée quand c'est le serveur qui meurt
 * (jamais un faux succès).
 */
const MINI = '/work/shared/specs/exemples/parcours-mini';
const prerequis = !existsSync(MINI) && !process.env.CI;
const ANNEE = 2022;
type Db = Kysely<unknown>;

afterAll(tuerServeursRestants);

interface EtatImports {
  readonly version: number;
  /** Valeurs de la matrice : « indicateur|année|nature » → valeur. */
  readonly valeurs: Readonly<Record<string, number | null>>;
  /** Actions d'audit de la convention, dans l'ordre. */
  readonly audits: readonly string[];
  readonly imports: number;
  readonly explications: number;
  /** Lignes d'historique CAF (observations et flux) de la collectivité. */
  readonly historique: number;
}

async function etatEnBase(db: Db, id: number): Promise<EtatImports> {
  const { rows: c } = await sql<{ version: number; collectivite_id: string }>`
    select version, collectivite_id from convention where id = ${id}`.execute(db);
  const { rows: v } = await sql<{ indicateur: string; annee: number; nature: string; valeur: number | null }>`
    select indicateur, annee, nature, valeur from valeur_indicateur where convention_id = ${id}`.execute(db);
  const { rows: a } = await sql<{ action: string }>`
    select action from audit where convention_id = ${id} order by id`.execute(db);
  const { rows: i } = await sql<{ n: number }>`
    select count(*)::integer as n from import_donnees where convention_id = ${id}`.execute(db);
  const { rows: e } = await sql<{ n: number }>`
    select count(*)::integer as n from explication_import x join import_donnees d on d.id = x.import_id
    where d.convention_id = ${id}`.execute(db);
  const collectivite = c[0]?.collectivite_id ?? '';
  const { rows: h } = await sql<{ n: number }>`
    select (select count(*) from historique_caf where collectivite_id = ${collectivite})::integer
      + (select count(*) from flux_caf where collectivite_id = ${collectivite})::integer as n`.execute(db);
  return {
    version: c[0]?.version ?? -1,
    valeurs: Object.fromEntries(
      v.map((x) => [`${x.indicateur}|${x.annee}|${x.nature}`, x.valeur === null ? null : Number(x.valeur)]),
    ),
    audits: a.map((x) => x.action),
    imports: i[0]?.n ?? -1,
    explications: e[0]?.n ?? -1,
    historique: h[0]?.n ?? -1,
  };
}

/** Ce qu'un import complet ajoute à l'état. */
interface Attendu {
  readonly valeurs: Readonly<Record<string, number | null>>;
  readonly audits: readonly string[];
  readonly imports: number;
  readonly explications: number;
}

/** Soit rien (exactement l'état d'avant), soit tout (nouvelle version, toutes les valeurs, audit et historique). */
function verifierToutOuRien(avant: EtatImports, apres: EtatImports, attendu: Attendu): 'rien' | 'tout' {
  if (apres.version === avant.version) {
    expect(apres).toEqual(avant);
    return 'rien';
  }
  expect(apres).toEqual({
    version: avant.version + 1,
    valeurs: { ...avant.valeurs, ...attendu.valeurs },
    audits: [...avant.audits, ...attendu.audits],
    imports: avant.imports + attendu.imports,
    explications: avant.explications + attendu.explications,
    historique: avant.historique,
  });
  return 'tout';
}

/**
 * Avant un téléversement : les valeurs « résultat » de l'année reçoivent une marque (écriture directe en base,
 * préparation du test), pour qu'un import complet se voie aussi dans les valeurs (le moteur les réécrit).
 */
async function marquerValeurs(db: Db, id: number, marque: number): Promise<void> {
  await sql`update valeur_indicateur set valeur = ${marque}
    where convention_id = ${id} and annee = ${ANNEE} and nature = 'resultat'`.execute(db);
}

interface Convention {
  readonly id: number;
  readonly cadre: string;
  readonly codes: readonly string[];
}

async function preparerConvention(client: ClientHttp): Promise<Convention> {
  await client.connecter('agent.37');
  const liste = await client.requete('GET', '/api/conventions?collectivite=departement:37&exercice=2023');
  const id = (liste.corps as { conventions: { id: number }[] }).conventions[0]?.id as number;
  const m = await client.requete('GET', `/api/conventions/${id}/indicateurs`);
  expect(m.statut).toBe(200);
  const matrice = m.corps as { cadre: string; indicateurs: { code: string }[] };
  return { id, cadre: matrice.cadre, codes: matrice.indicateurs.map((i) => i.code) };
}

const versionDe = async (client: ClientHttp, id: number): Promise<number> =>
  ((await client.requete('GET', `/api/conventions/${id}`)).corps as { convention: { version: number } })
    .convention.version;

/** Import d'un résultat dont chaque indicateur du cadre vaut `marque + rang` (toutes les valeurs distinctes). */
function importerIndicateurs(client: ClientHttp, c: Convention, version: number, marque: number) {
  const indicateurs = Object.fromEntries(c.codes.map((code, k) => [code, marque + k]));
  return client.requete('POST', `/api/conventions/${c.id}/indicateurs/import`, {
    version,
    resultat: { annee: ANNEE, cadre: c.cadre, indicateurs, lignes_ecartees: 0, anomalies: [] },
  });
}

const attenduIndicateurs = (c: Convention, marque: number): Attendu => ({
  valeurs: Object.fromEntries(c.codes.map((code, k) => [`${code}|${ANNEE}|resultat`, marque + k])),
  audits: ['importer_indicateurs'],
  imports: 0,
  explications: 0,
});

const fichiersMini = (): Envoi[] => [
  { nom: 'situations_mensuelles.csv', contenu: readFileSync(join(MINI, 'situations_mensuelles.csv')) },
  { nom: 'evenements.csv', contenu: readFileSync(join(MINI, 'evenements.csv')) },
];

const televerserMini = (client: ClientHttp, c: Convention, version: number) =>
  client.televerser(
    `/api/conventions/${c.id}/donnees`,
    { version: String(version), annee: String(ANNEE) },
    fichiersMini(),
  );

/** Ce qu'écrit un téléversement complet, d'après le compte rendu d'un téléversement réussi des mêmes fichiers. */
function attenduDonnees(reponse: ReponseTeleversement): Attendu {
  const ignores = new Set(reponse.import.ignores.map((i) => i.indicateur));
  const valeurs = Object.entries(reponse.import.indicateurs).filter(([code]) => !ignores.has(code));
  expect(valeurs.length).toBeGreaterThan(0);
  return {
    valeurs: Object.fromEntries(valeurs.map(([code, v]) => [`${code}|${ANNEE}|resultat`, v])),
    audits: ['importer_indicateurs', 'televerser_donnees'],
    imports: 1,
    explications: reponse.import.explications.length,
  };
}

// ---------------------------------------------------------------------------------------------------------
// PGlite : le processus serveur est tué (SIGKILL) pendant l'import, à plusieurs instants.

describe.skipIf(prerequis)(
  'panne : serveur PGlite tué pendant un import d’indicateurs ou un téléversement',
  () => {
    it('après redémarrage, la matrice, l’audit et l’historique des imports sont entiers (avant ou après)', async () => {
      const dossier = await dossierDonneesPret({ demo: true });
      let serveur = await demarrerServeur(dossier);
      const client = new ClientHttp(serveur.url);
      const c = await preparerConvention(client);

      // Références (imports réussis) : durées, et ce qu'écrit un téléversement complet de ces fichiers.
      let debut = Date.now();
      expect((await importerIndicateurs(client, c, await versionDe(client, c.id), 1000)).statut).toBe(200);
      const dureeIndicateurs = Date.now() - debut;
      debut = Date.now();
      const reference = await televerserMini(client, c, await versionDe(client, c.id));
      expect(reference.statut).toBe(200);
      const dureeDonnees = Date.now() - debut;
      const attenduD = attenduDonnees(reference.corps as ReponseTeleversement);
      await arreterServeur(serveur);

      const cas = [
        { type: 'indicateurs', fraction: 0.5 },
        { type: 'donnees', fraction: 0.6 },
        { type: 'donnees', fraction: 0.9 },
      ] as const;
      const issues: string[] = [];
      for (const [k, { type, fraction }] of cas.entries()) {
        const marque = 10_000 * (k + 2);
        let base = await ouvrirPglite(join(dossier, 'pgdata'));
        if (type === 'donnees') await marquerValeurs(base.db as unknown as Db, c.id, marque);
        const avant = await etatEnBase(base.db as unknown as Db, c.id);
        await base.fermer();

        serveur = await demarrerServeur(dossier);
        client.base = serveur.url;
        await client.connecter('agent.37');
        const version = await versionDe(client, c.id);
        const envoi = (
          type === 'indicateurs'
            ? importerIndicateurs(client, c, version, marque)
            : televerserMini(client, c, version)
        ).then(
          (r) => `réponse ${r.statut}`,
          (e: unknown) => `connexion coupée (${e instanceof Error ? e.message : String(e)})`,
        );
        await attendre(Math.max(5, (type === 'indicateurs' ? dureeIndicateurs : dureeDonnees) * fraction));
        serveur.processus.kill('SIGKILL');
        const recu = await envoi;
        await serveur.fin;
        // le client n'a jamais un faux succès : soit la réponse complète, soit une connexion coupée
        expect(recu).toMatch(/^(réponse 200|connexion coupée)/u);

        base = await ouvrirPglite(join(dossier, 'pgdata'));
        const apres = await etatEnBase(base.db as unknown as Db, c.id);
        await base.fermer();
        const issue = verifierToutOuRien(
          avant,
          apres,
          type === 'indicateurs' ? attenduIndicateurs(c, marque) : attenduD,
        );
        if (recu.startsWith('réponse 200')) expect(issue).toBe('tout');
        issues.push(`${type} à ${fraction * 100} % : ${recu} → ${issue}`);
      }

      // Le vrai serveur redémarre sur le dossier d'un processus tué (verrou repris) et sert la convention.
      serveur = await demarrerServeur(dossier);
      client.base = serveur.url;
      await client.connecter('agent.37');
      expect((await client.requete('GET', `/api/conventions/${c.id}/indicateurs`)).statut).toBe(200);
      await arreterServeur(serveur);
      console.info(
        `Pannes PGlite (import d’indicateurs ${dureeIndicateurs} ms, téléversement ${dureeDonnees} ms) : ${issues.join(' ; ')}`,
      );
      rmSync(dossier, { recursive: true, force: true });
    }, 900_000);
  },
);

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL : une instance jetable, à nous seuls, arrêtée brutalement (`pg_ctl stop -m immediate`).

/**
 * Transaction bloquée à coup sûr au milieu : le test prend un verrou SHARE sur `table` (les lectures passent, les
 * insertions attendent), lance la requête, attend que le serveur soit bloqué sur son insertion dans `table` (vue
 * dans pg_stat_activity, par une connexion sans transaction : instantané frais), puis arrête PostgreSQL.
 */
async function arreterPendantInsertion<T>(
  url: string,
  table: string,
  envoyer: () => Promise<T>,
  arreter: () => void,
): Promise<T> {
  const verrou = new pg.Client({ connectionString: url });
  const sonde = new pg.Client({ connectionString: url });
  for (const client of [verrou, sonde]) client.on('error', () => undefined);
  await verrou.connect();
  await sonde.connect();
  try {
    await verrou.query('begin');
    await verrou.query(`lock table ${table} in share mode`);
    let fini = false;
    const envoi = envoyer().finally(() => (fini = true));
    const limite = Date.now() + 120_000;
    for (;;) {
      const { rows } = await sonde.query<{ n: number }>(
        `select count(*)::integer as n from pg_stat_activity
         where wait_event_type = 'Lock' and state = 'active' and query ilike $1`,
        [`insert into "${table}"%`],
      );
      if ((rows[0]?.n ?? 0) > 0) break;
      if (fini) throw new Error(`La requête s’est terminée sans atteindre l’insertion dans ${table}.`);
      if (Date.now() > limite) throw new Error(`Insertion dans ${table} jamais atteinte.`);
      await attendre(20);
    }
    arreter();
    return await envoi;
  } finally {
    await verrou.end().catch(() => undefined);
    await sonde.end().catch(() => undefined);
  }
}

const avecPostgres = process.env.DATABASE_URL_TEST !== undefined;

// Suite PostgreSQL : déclarée seulement dans la passe PostgreSQL de `.ci/run` (DATABASE_URL_TEST), comme
// pannes.integration.test.ts : absente ailleurs plutôt que « sautée ».
if (avecPostgres) {
  describe.skipIf(prerequis)(
    'panne : PostgreSQL arrêté pendant un import d’indicateurs ou un téléversement',
    () => {
      it('le client reçoit 503 en français ; après redémarrage, rien n’est à moitié écrit', async () => {
        const pgJetable = postgresJetable(55490);
        const { url, arreter, redemarrer } = pgJetable;
        let base: Base | undefined;
        try {
          base = await ouvrirPostgres(url, 4);
          const { app } = await preparerApplication(base, { demo: true });
          const ecoute = await servir(app);
          const client = new ClientHttp(ecoute.url);
          const c = await preparerConvention(client);
          const avecBase = async <T>(travail: (db: Db) => Promise<T>): Promise<T> => {
            const b = await ouvrirPostgres(url, 1);
            try {
              return await travail(b.db as unknown as Db);
            } finally {
              await b.fermer();
            }
          };

          const reference = await televerserMini(client, c, await versionDe(client, c.id));
          expect(reference.statut).toBe(200);
          const attenduD = attenduDonnees(reference.corps as ReponseTeleversement);
          // Durée d'un téléversement complet (serveur chaud) : l'arrêt « pendant le calcul » s'y règle.
          const debut = Date.now();
          expect((await televerserMini(client, c, await versionDe(client, c.id))).statut).toBe(200);
          const dureeDonnees = Date.now() - debut;

          const issues: string[] = [];
          const cas: {
            nom: string;
            type: 'indicateurs' | 'donnees';
            panne: (envoyer: () => Promise<{ statut: number; corps: unknown }>) => Promise<{
              statut: number;
              corps: unknown;
            }>;
          }[] = [
            {
              nom: 'import d’indicateurs bloqué avant son audit',
              type: 'indicateurs',
              panne: (envoyer) => arreterPendantInsertion(url, 'audit', envoyer, arreter),
            },
            {
              nom: 'téléversement bloqué après les valeurs et l’audit de l’import, avant l’historique',
              type: 'donnees',
              panne: (envoyer) => arreterPendantInsertion(url, 'import_donnees', envoyer, arreter),
            },
            {
              nom: 'téléversement, base arrêtée pendant la réception ou le calcul',
              type: 'donnees',
              panne: async (envoyer) => {
                const envoi = envoyer();
                await attendre(Math.max(5, dureeDonnees * 0.3));
                arreter();
                return envoi;
              },
            },
          ];
          for (const [k, { nom, type, panne }] of cas.entries()) {
            const marque = 10_000 * (k + 2);
            if (type === 'donnees') await avecBase((db) => marquerValeurs(db, c.id, marque));
            const avant = await avecBase((db) => etatEnBase(db, c.id));
            const version = await versionDe(client, c.id);
            const recu = await panne(() =>
              type === 'indicateurs'
                ? importerIndicateurs(client, c, version, marque)
                : televerserMini(client, c, version),
            );
            if (recu.statut !== 200) {
              expect(recu.statut, nom).toBe(503);
              expect((recu.corps as { erreur: string }).erreur).toMatch(
                /Base de données momentanément indisponible : l’enregistrement n’a pas été confirmé/u,
              );
            }
            // Base arrêtée : une lecture qui va en base (l'historique des imports ; la convention et la session
            // peuvent venir du cache des lectures, 2 s) reçoit aussi un 503 français, jamais un 500.
            const pendant = await client.requete('GET', `/api/conventions/${c.id}/donnees/imports`);
            expect(pendant.statut).toBe(503);
            redemarrer();
            const apres = await avecBase((db) => etatEnBase(db, c.id));
            const issue = verifierToutOuRien(
              avant,
              apres,
              type === 'indicateurs' ? attenduIndicateurs(c, marque) : attenduD,
            );
            if (recu.statut === 200) expect(issue, nom).toBe('tout');
            else expect(issue, nom).toBe('rien');
            // Les deux pannes « sous verrou » tombent à coup sûr au milieu de la transaction.
            if (k < 2) expect(recu.statut, nom).toBe(503);
            issues.push(`${nom} : réponse ${recu.statut} → ${issue}`);
            // le serveur se remet sans redémarrer : le pool rouvre des connexions
            let lecture = await client.requete('GET', `/api/conventions/${c.id}`);
            for (let essai = 0; essai < 5 && lecture.statut === 503; essai += 1) {
              await attendre(200);
              lecture = await client.requete('GET', `/api/conventions/${c.id}`);
            }
            expect(lecture.statut).toBe(200);
          }

          // Nouvel essai après les pannes : le même téléversement passe en entier (le client peut réessayer).
          const marque = 90_000;
          await avecBase((db) => marquerValeurs(db, c.id, marque));
          const avant = await avecBase((db) => etatEnBase(db, c.id));
          const reprise = await televerserMini(client, c, await versionDe(client, c.id));
          expect(reprise.statut).toBe(200);
          const apres = await avecBase((db) => etatEnBase(db, c.id));
          expect(verifierToutOuRien(avant, apres, attenduD)).toBe('tout');
          console.info(`Pannes PostgreSQL (téléversement ${dureeDonnees} ms) : ${issues.join(' ; ')}`);
          ecoute.fermer();
        } finally {
          await base?.fermer().catch(() => undefined);
          pgJetable.supprimer();
        }
      }, 600_000);
    },
  );
}
