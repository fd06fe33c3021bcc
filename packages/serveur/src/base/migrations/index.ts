import type { Migration, MigrationProvider } from 'kysely';
import { schemaInitial } from './0001-schema-initial.ts';

/**
 * Migrations versionnées, écrites en code (Kysely Migrator). Une nouvelle migration = une nouvelle entrée,
 * jamais la modification d'une migration déjà livrée.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-schema-initial': schemaInitial,
};

export const fournisseurMigrations: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
