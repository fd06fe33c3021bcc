import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Date du calcul d'une valeur importée : `provenance.calcule_le` du JSON de `jalon indicateurs calculer`
 * (INT-PLATEFORME-6). Facultative : une saisie n'en a pas, un résultat plus ancien non plus.
 */
export const calculHorodate: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`alter table valeur_indicateur add column calcule_le timestamptz`.execute(db);
    await sql`
      alter table valeur_indicateur
        add constraint valeur_indicateur_calcule_le_si_calcul check (calcule_le is null or provenance = 'calcul')`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`alter table valeur_indicateur drop column calcule_le`.execute(db);
  },
};
