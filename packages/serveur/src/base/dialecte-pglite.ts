import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * Dialecte Kysely pour PGlite 0.5. Écrit ici parce que `kysely-pglite-dialect` (1.3) n'accepte que PGlite
 * ≤ 0.4 en dépendance pair. PGlite n'a qu'une connexion : on la prête à une seule requête ou transaction à
 * la fois (file d'attente), sinon deux transactions concurrentes s'entremêleraient.
 */
class ConnexionPglite implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(requete: CompiledQuery): Promise<QueryResult<R>> {
    const resultat = await this.pglite.query<R>(requete.sql, [...requete.parameters]);
    const modifiees = resultat.affectedRows;
    return {
      rows: resultat.rows,
      ...(modifiees !== undefined ? { numAffectedRows: BigInt(modifiees) } : {}),
    };
  }

  // eslint-disable-next-line require-yield -- le flux ligne à ligne n'est pas offert par PGlite
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Lecture en flux non disponible avec PGlite.');
  }
}

class DriverPglite implements Driver {
  private readonly connexion: ConnexionPglite;
  private file: Promise<void> = Promise.resolve();
  private liberer: (() => void) | undefined;

  constructor(private readonly pglite: PGlite) {
    this.connexion = new ConnexionPglite(pglite);
  }

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const precedente = this.file;
    let liberer!: () => void;
    this.file = new Promise<void>((resolve) => {
      liberer = resolve;
    });
    await precedente;
    this.liberer = liberer;
    return this.connexion;
  }

  async beginTransaction(connexion: DatabaseConnection, reglages: TransactionSettings): Promise<void> {
    const isolation = reglages.isolationLevel ? ` isolation level ${reglages.isolationLevel}` : '';
    await connexion.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }

  async commitTransaction(connexion: DatabaseConnection): Promise<void> {
    await connexion.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connexion: DatabaseConnection): Promise<void> {
    await connexion.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const liberer = this.liberer;
    this.liberer = undefined;
    liberer?.();
  }

  async destroy(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

export class DialectePglite implements Dialect {
  constructor(private readonly pglite: PGlite) {}
  createAdapter = () => new PostgresAdapter();
  createDriver = () => new DriverPglite(this.pglite);
  createQueryCompiler = () => new PostgresQueryCompiler();
  createIntrospector = (db: Kysely<unknown>) => new PostgresIntrospector(db);
}
