import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Connexion OIDC (ProConnect) et sessions durcies (issue 9, docs/securite.md) :
 * - `identite` : une identité du fournisseur (sub, e-mail) associée par un administrateur à un compte
 *   `utilisateur` (son rôle et son territoire y restent, avec leurs contraintes de cohérence) ;
 * - `oidc_attente` : une connexion en cours (state, nonce, vérificateur PKCE), à usage unique, liée au navigateur
 *   qui l'a commencée par l'empreinte d'un cookie ;
 * - `session` : expiration absolue (l'expiration glissante reste `expire_le`) et jeton d'identité OIDC (pour la
 *   déconnexion chez le fournisseur, `id_token_hint`).
 */
export const identites: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create table identite (
        id serial primary key,
        sub text unique,
        email text not null,
        utilisateur_id integer not null unique references utilisateur (id) on delete cascade,
        cree_par text not null,
        cree_le timestamptz not null default now(),
        derniere_connexion timestamptz
      )`.execute(db);
    await sql`create unique index identite_email on identite (lower(email))`.execute(db);
    await sql`
      create table oidc_attente (
        empreinte text primary key,
        etat text not null,
        nonce text not null,
        verificateur text not null,
        retour text not null,
        expire_le timestamptz not null
      )`.execute(db);
    await sql`alter table session add column expire_absolu_le timestamptz`.execute(db);
    await sql`alter table session add column id_token text`.execute(db);
    await sql`create index session_utilisateur on session (utilisateur_id)`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop index session_utilisateur`.execute(db);
    await sql`alter table session drop column id_token`.execute(db);
    await sql`alter table session drop column expire_absolu_le`.execute(db);
    await sql`drop table oidc_attente`.execute(db);
    await sql`drop table identite`.execute(db);
  },
};
