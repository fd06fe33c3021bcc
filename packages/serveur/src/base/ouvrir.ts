import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { DialectePglite } from './dialecte-pglite.ts';
import type { BaseJalon } from './tables.ts';
import { ANALYSEURS } from './types-sql.ts';

export type GenreBase = 'pglite' | 'postgres';

export interface Base {
  readonly db: Kysely<BaseJalon>;
  readonly genre: GenreBase;
  fermer(): Promise<void>;
  /** PGlite seulement : copie du dossier de données (archive tar). */
  image?: () => Promise<Blob>;
}

/**
 * PGlite en mémoire (`dossier` absent) ou persistée dans `dossier` (données PostgreSQL). `image` : une copie
 * de dossier de données (`dumpDataDir`) à charger au lieu d'initialiser une base vide (tests : 3 s au lieu de 17).
 */
export async function ouvrirPglite(dossier?: string, image?: Blob): Promise<Base> {
  const pglite = await PGlite.create(dossier, {
    parsers: ANALYSEURS,
    ...(image !== undefined ? { loadDataDir: image } : {}),
  });
  const db = new Kysely<BaseJalon>({ dialect: new DialectePglite(pglite) });
  return { db, genre: 'pglite', fermer: () => db.destroy(), image: () => pglite.dumpDataDir('none') };
}

/** Un vrai serveur PostgreSQL (`DATABASE_URL`). */
export async function ouvrirPostgres(url: string, taillePool = 10): Promise<Base> {
  const pool = new pg.Pool({
    connectionString: url,
    max: taillePool,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        const analyseur = ANALYSEURS[oid];
        if (analyseur !== undefined && format !== 'binary') return analyseur;
        return pg.types.getTypeParser(oid, format ?? 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // Une connexion coupée (PostgreSQL arrêté ou redémarré) émet « error » sur le pool (connexion inactive) ou sur
  // le client (connexion prêtée, entre deux requêtes d'une transaction) : sans écouteur, Node arrêterait tout le
  // serveur (issue 9 § 4). Le pool écarte la connexion morte et en rouvre une à la demande ; les requêtes en
  // cours reçoivent l'erreur, traduite en 503 par http/erreurs.ts.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    const client = await pool.connect();
    client.release();
  } catch (erreur) {
    await pool.end();
    const detail = erreur instanceof Error ? erreur.message : String(erreur);
    throw new Error(`Connexion à PostgreSQL impossible (DATABASE_URL) : ${detail}`, { cause: erreur });
  }
  const db = new Kysely<BaseJalon>({ dialect: new PostgresDialect({ pool }) });
  return { db, genre: 'postgres', fermer: () => db.destroy() };
}
