import { Migrator, type Kysely } from 'kysely';
import { fournisseurMigrations } from './migrations/index.ts';

/** Applique les migrations manquantes ; lève une erreur française si l'une échoue. */
export async function migrer<T>(db: Kysely<T>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: fournisseurMigrations,
    migrationTableName: 'jalon_migration',
    migrationLockTableName: 'jalon_migration_verrou',
  });
  const { error, results } = await migrator.migrateToLatest();
  const echec = results?.find((resultat) => resultat.status === 'Error');
  if (error !== undefined) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Migration de la base impossible${echec ? ` (${echec.migrationName})` : ''} : ${detail}`,
      { cause: error },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
