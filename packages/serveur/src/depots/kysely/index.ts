import type { Kysely } from 'kysely';
import type { BaseJalon } from '../../base/tables.ts';
import type { Depots, Persistance } from '../ports.ts';
import { DepotAuditKysely } from './audit.ts';
import { DepotCollectivitesKysely } from './collectivites.ts';
import { DepotConventionsKysely } from './conventions.ts';
import { DepotFichesKysely } from './fiches.ts';
import { DepotFranceTravailKysely } from './france-travail.ts';
import { DepotIndicateursKysely } from './indicateurs.ts';
import { DepotSessionsKysely } from './sessions.ts';
import { DepotUtilisateursKysely } from './utilisateurs.ts';

export function depotsKysely(db: Kysely<BaseJalon>): Depots {
  return {
    collectivites: new DepotCollectivitesKysely(db),
    utilisateurs: new DepotUtilisateursKysely(db),
    sessions: new DepotSessionsKysely(db),
    conventions: new DepotConventionsKysely(db),
    fiches: new DepotFichesKysely(db),
    indicateurs: new DepotIndicateursKysely(db),
    franceTravail: new DepotFranceTravailKysely(db),
    audit: new DepotAuditKysely(db),
  };
}

/** Persistance Kysely : une transaction SQL par modification (le dépôt d'audit écrit dans la même). */
export function persistanceKysely(db: Kysely<BaseJalon>): Persistance {
  return {
    depots: depotsKysely(db),
    transaction: (travail) => db.transaction().execute((trx) => travail(depotsKysely(trx))),
  };
}
