import type { Kysely } from 'kysely';
import type { BaseJalon } from '../../base/tables.ts';
import type { Depots, Persistance } from '../ports.ts';
import { CacheLectures, depotsAvecCache, type Peremption } from '../cache-lectures.ts';
import { DepotAuditKysely } from './audit.ts';
import { DepotCollectivitesKysely } from './collectivites.ts';
import { DepotConventionsKysely } from './conventions.ts';
import { DepotDonneesKysely } from './donnees.ts';
import { DepotCycleKysely } from './cycle.ts';
import { DepotCalendriersKysely, DepotRappelsKysely } from './rappels.ts';
import { DepotBilansKysely } from './bilans.ts';
import { DepotDocumentsKysely } from './documents.ts';
import { DepotEnveloppesKysely } from './enveloppes.ts';
import { DepotEnveloppesOutreMerKysely } from './enveloppes-outre-mer.ts';
import { DepotNotesKysely } from './notes.ts';
import { DepotFichesKysely } from './fiches.ts';
import { DepotFranceTravailKysely } from './france-travail.ts';
import { DepotIdentitesKysely } from './identites.ts';
import { DepotIndicateursKysely } from './indicateurs.ts';
import { DepotOffreKysely } from './offre.ts';
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
    donnees: new DepotDonneesKysely(db),
    identites: new DepotIdentitesKysely(db),
    documents: new DepotDocumentsKysely(db),
    cycle: new DepotCycleKysely(db),
    rappels: new DepotRappelsKysely(db),
    calendriers: new DepotCalendriersKysely(db),
    bilans: new DepotBilansKysely(db),
    offre: new DepotOffreKysely(db),
    notes: new DepotNotesKysely(db),
    enveloppes: new DepotEnveloppesKysely(db),
    enveloppesOutreMer: new DepotEnveloppesOutreMerKysely(db),
  };
}

/** Persistance Kysely : une transaction SQL par modification (le dépôt d'audit écrit dans la même). */
export function persistanceKysely(db: Kysely<BaseJalon>, cache = new CacheLectures()): Persistance {
  return {
    depots: depotsAvecCache(depotsKysely(db), cache),
    transaction: async (travail) => {
      const ecrites: Peremption[] = [];
      try {
        return await db.transaction().execute((trx) =>
          travail(
            depotsAvecCache(depotsKysely(trx), cache, {
              enTransaction: true,
              surEcriture: (peremption) => ecrites.push(peremption),
            }),
          ),
        );
      } finally {
        // Après validation (ou annulation) : une lecture concurrente a pu remettre l'état d'avant en cache.
        for (const peremption of ecrites) cache.perimer(peremption);
      }
    },
  };
}
