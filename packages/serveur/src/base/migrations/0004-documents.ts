import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Documents officiels (issue 5) :
 * - `texte_rapport` : textes libres du rapport d'exécution (001 · annexe 5 : introduction, commentaires par mesure,
 *   bilan et perspectives par action, explication des écarts d'indicateurs ; 003 · annexe 7 art. 3.2 : bilan de
 *   mise en œuvre), un document JSON par convention, modifié comme le reste de la convention (version, audit) ;
 * - `depot_fige` et `depot_fichier` : dépôts figés d'un rapport d'exécution (ou bilan final) — données JSON,
 *   fichiers générés et leur SHA-256, gardés tels quels. Un déclencheur refuse toute modification ou suppression
 *   (UPDATE, DELETE, TRUNCATE) : l'immuabilité ne dépend pas du code de l'application.
 */
export const documents: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create table texte_rapport (
        convention_id integer primary key references convention (id) on delete cascade,
        textes jsonb not null,
        modifie_par text not null,
        modifie_le timestamptz not null default now()
      )`.execute(db);
    await sql`
      create table depot_fige (
        id bigserial primary key,
        convention_id integer not null references convention (id) on delete restrict,
        numero integer not null check (numero > 0),
        type_document text not null check (type_document in ('rapport-execution', 'bilan-final')),
        version_convention integer not null,
        depose_par text not null,
        role text not null,
        utilisateur_id integer references utilisateur (id) on delete restrict,
        depose_le timestamptz not null default now(),
        unique (convention_id, numero)
      )`.execute(db);
    await sql`
      create table depot_fichier (
        depot_id bigint not null references depot_fige (id) on delete restrict,
        rang integer not null,
        nom text not null,
        type_mime text not null,
        taille integer not null check (taille >= 0),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        octets bytea not null,
        primary key (depot_id, nom),
        check (octet_length(octets) = taille)
      )`.execute(db);
    await sql`
      create function refuser_modification_depot() returns trigger language plpgsql as $$
      begin
        raise exception 'Dépôt figé : la table % ne se modifie ni ne se supprime (%).', TG_TABLE_NAME, TG_OP
          using errcode = 'JA001';
      end
      $$`.execute(db);
    for (const table of ['depot_fige', 'depot_fichier']) {
      await sql`
        create trigger ${sql.raw(`${table}_immuable`)} before update or delete on ${sql.raw(table)}
        for each row execute function refuser_modification_depot()`.execute(db);
      await sql`
        create trigger ${sql.raw(`${table}_immuable_truncate`)} before truncate on ${sql.raw(table)}
        for each statement execute function refuser_modification_depot()`.execute(db);
    }
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop table depot_fichier`.execute(db);
    await sql`drop table depot_fige`.execute(db);
    await sql`drop function refuser_modification_depot()`.execute(db);
    await sql`drop table texte_rapport`.execute(db);
  },
};
