import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Données réelles (docs/donnees-reelles.md § 4) : profils de correspondance par collectivité, historique des
 * téléversements (avec les listes d'explication du calcul, en CSV gzip), historique CAF/MSA pseudonymisé
 * (une observation par personne et par mois, et les flux appliqués). Ni NIR, ni nom, ni adresse (INT-DONNEES-3).
 */
export const donnees: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create table profil_correspondance (
        id serial primary key,
        collectivite_id text not null references collectivite (id),
        nom text not null check (length(nom) between 1 and 120),
        profil jsonb not null,
        version integer not null default 1,
        modifie_par text not null,
        modifie_le timestamptz not null default now(),
        unique (collectivite_id, nom)
      )`.execute(db);
    await sql`
      create table import_donnees (
        id serial primary key,
        convention_id integer not null references convention (id) on delete cascade,
        annee integer not null,
        qui text not null,
        quand timestamptz not null default clock_timestamp(),
        forme text not null check (forme in ('archive', 'echange', 'sources')),
        profil text,
        fichiers jsonb not null,
        empreinte text not null,
        moteur_version text not null,
        lignes_situations integer not null,
        lignes_evenements integer not null,
        anomalies jsonb not null,
        avertissements jsonb not null,
        indicateurs jsonb not null,
        ignores jsonb not null
      )`.execute(db);
    await sql`create index import_donnees_convention on import_donnees (convention_id, id)`.execute(db);
    await sql`
      create table explication_import (
        import_id integer not null references import_donnees (id) on delete cascade,
        indicateur text not null,
        lignes integer not null,
        retenues integer not null,
        csv_gz bytea not null,
        primary key (import_id, indicateur)
      )`.execute(db);
    await sql`
      create table historique_caf (
        collectivite_id text not null references collectivite (id),
        personne text not null,
        mois text not null check (mois ~ '^[0-9]{4}-[0-9]{2}$'),
        observation jsonb not null,
        primary key (collectivite_id, personne, mois)
      )`.execute(db);
    await sql`
      create table flux_caf (
        collectivite_id text not null references collectivite (id),
        cle text not null,
        flux jsonb not null,
        primary key (collectivite_id, cle)
      )`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const t of [
      'flux_caf',
      'historique_caf',
      'explication_import',
      'import_donnees',
      'profil_correspondance',
    ])
      await sql`drop table ${sql.table(t)}`.execute(db);
  },
};
