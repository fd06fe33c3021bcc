import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Note d'analyse du commissaire et enveloppes (issue 6 § 4 et 5) :
 * - `note_analyse` : la justification rédigée par le commissaire pour une convention analysée (les chiffres
 *   sont recalculés depuis les données à chaque lecture : rien n'est recopié) ; `numero` compte les versions ;
 * - `note_analyse_version` : chaque version enregistrée (qui, quand, texte), jamais modifiée ;
 * - `enveloppe` : l'enveloppe nationale d'un cadre pour un exercice ;
 * - `enveloppe_notification` : la clé de répartition (poids) et le montant notifié de chaque collectivité.
 * Montants en centimes (`bigint`).
 */
export const tableaux: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create table note_analyse (
        convention_id integer primary key references convention (id) on delete cascade,
        justification text not null,
        numero integer not null,
        redigee_par text not null,
        redigee_le timestamptz not null default now()
      )`.execute(db);
    await sql`
      create table note_analyse_version (
        convention_id integer not null references convention (id) on delete cascade,
        numero integer not null,
        justification text not null,
        par text not null,
        le timestamptz not null default now(),
        primary key (convention_id, numero)
      )`.execute(db);
    await sql`
      create table enveloppe (
        cadre text not null,
        exercice integer not null,
        montant bigint not null check (montant >= 0),
        modifiee_par text not null,
        modifiee_le timestamptz not null default now(),
        primary key (cadre, exercice)
      )`.execute(db);
    await sql`
      create table enveloppe_notification (
        cadre text not null,
        exercice integer not null,
        collectivite_id text not null references collectivite (id),
        poids double precision not null check (poids >= 0),
        montant bigint not null check (montant >= 0),
        primary key (cadre, exercice, collectivite_id),
        foreign key (cadre, exercice) references enveloppe (cadre, exercice) on delete cascade
      )`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop table enveloppe_notification`.execute(db);
    await sql`drop table enveloppe`.execute(db);
    await sql`drop table note_analyse_version`.execute(db);
    await sql`drop table note_analyse`.execute(db);
  },
};
