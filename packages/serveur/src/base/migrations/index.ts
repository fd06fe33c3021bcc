import type { Migration, MigrationProvider } from 'kysely';
import { schemaInitial } from './0001-schema-initial.ts';
import { calculHorodate } from './0002-calcul-horodate.ts';
import { identites } from './0007-identites.ts';
import { offre } from './0006-offre.ts';
import { cycleDeVie } from './0003-cycle-de-vie.ts';
import { documents } from './0004-documents.ts';
import { donnees } from './0005-donnees.ts';
import { tableaux } from './0008-tableaux.ts';
import { enveloppesOutreMer } from './0009-enveloppes-outre-mer.ts';

/**
 * Migrations versionnées, écrites en code (Kysely Migrator). Une nouvelle migration = une nouvelle entrée,
 * jamais la modification d'une migration déjà livrée.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-schema-initial': schemaInitial,
  '0002-calcul-horodate': calculHorodate,
  '0006-offre': offre,
  '0003-cycle-de-vie': cycleDeVie,
  '0004-documents': documents,
  '0005-donnees': donnees,
  '0007-identites': identites,
  '0008-tableaux': tableaux,
  '0009-enveloppes-outre-mer': enveloppesOutreMer,
};

export const fournisseurMigrations: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
