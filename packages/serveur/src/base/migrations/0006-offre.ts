import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Offre d'insertion au schéma data·inclusion v1 (issue 8) : structures et services gardés tels quels (JSONB au
 * format d'échange, `@jalon/offre`), avec les colonnes d'index utiles (collectivité, département, source, id
 * publié `<source>--<id local>`), et la table de liaison fiche action ↔ services qu'elle finance (§ 4).
 */
export const offre: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create table offre_structure (
        id serial primary key,
        collectivite_id text not null references collectivite (id),
        departement text,
        source text not null,
        id_publie text not null,
        donnees jsonb not null,
        modifiee_le timestamptz not null default clock_timestamp(),
        unique (collectivite_id, id_publie)
      )`.execute(db);
    await sql`
      create table offre_service (
        id serial primary key,
        collectivite_id text not null references collectivite (id),
        departement text,
        source text not null,
        id_publie text not null,
        structure_publie text not null,
        donnees jsonb not null,
        modifiee_le timestamptz not null default clock_timestamp(),
        unique (collectivite_id, id_publie)
      )`.execute(db);
    await sql`
      create table offre_financement (
        fiche_id integer not null references fiche_action (id) on delete cascade,
        service_id integer not null references offre_service (id) on delete cascade,
        primary key (fiche_id, service_id)
      )`.execute(db);
    await sql`create index offre_structure_departement on offre_structure (departement)`.execute(db);
    await sql`create index offre_service_departement on offre_service (departement)`.execute(db);
    await sql`create index offre_service_source on offre_service (source)`.execute(db);
    await sql`create index offre_financement_service on offre_financement (service_id)`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop table offre_financement`.execute(db);
    await sql`drop table offre_service`.execute(db);
    await sql`drop table offre_structure`.execute(db);
  },
};
