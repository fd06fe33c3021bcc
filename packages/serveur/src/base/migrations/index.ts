import type { Migration, MigrationProvider } from 'kysely';
import { schemaInitial } from './0001-schema-initial.ts';
import { calculHorodate } from './0002-calcul-horodate.ts';

/**
 * Migrations versionnées, écrites en code (Kysely Migrator). Une nouvelle migration = une nouvelle entrée,
 * jamais la modification d'une migration déjà livrée.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-schema-initial': schemaInitial,
  '0002-calcul-horodate': calculHorodate,
};

export const fournisseurMigrations: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
