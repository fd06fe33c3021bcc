import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrer } from '../../src/base/migrer.ts';
import { ouvrirPostgres, type Base } from '../../src/base/ouvrir.ts';
import { pgliteTest } from './pglite-rapide.ts';

/**
 * Bases sur lesquelles passe la suite de contrat : PGlite en mémoire toujours ; un vrai PostgreSQL quand
 * `DATABASE_URL_TEST` est défini (scripts/postgres-test.sh l'affiche). Sur PostgreSQL, chaque appel crée
 * une base jetable, supprimée par `fermer`.
 */
export interface FabriqueBase {
  readonly nom: string;
  ouvrir(): Promise<Base>;
}

const urlTest = process.env.DATABASE_URL_TEST;

function urlAvecBase(url: string, base: string): string {
  const u = new URL(url);
  u.pathname = `/${base}`;
  return u.toString();
}

async function basePostgresJetable(url: string): Promise<Base> {
  const nom = `jalon_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${nom}`);
  await admin.end();
  const base = await ouvrirPostgres(urlAvecBase(url, nom), 4);
  await migrer(base.db);
  return {
    ...base,
    async fermer() {
      await base.fermer();
      const nettoyage = new pg.Client({ connectionString: url });
      await nettoyage.connect();
      await nettoyage.query(`drop database if exists ${nom} with (force)`);
      await nettoyage.end();
    },
  };
}

export const FABRIQUES: readonly FabriqueBase[] = [
  {
    nom: 'PGlite',
    ouvrir: () =>
      pgliteTest('migree', async (base) => {
        await migrer(base.db);
      }),
  },
  ...(urlTest ? [{ nom: 'PostgreSQL', ouvrir: () => basePostgresJetable(urlTest) }] : []),
];
