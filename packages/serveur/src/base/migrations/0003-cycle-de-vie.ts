import { sql, type Kysely, type Migration } from 'kysely';

/** Les neuf états du cycle de vie (`ETATS_CONVENTION` de `@jalon/domaine`, issue 6 § 1), recopiés : une migration ne bouge plus. */
const ETATS = [
  'brouillon',
  'en_negociation',
  'validee_conjointement',
  'deliberee',
  'signee',
  'en_execution',
  'rapport_depose',
  'analysee',
  'cloturee',
];
const ETATS_AVENANT = ['en_negociation', 'validee_conjointement', 'deliberee', 'signee'];
const liste = (valeurs: readonly string[]) => sql.raw(valeurs.map((v) => `'${v}'`).join(', '));

/**
 * Cycle de vie des conventions (issue 6 § 1 à 3) :
 * - les statuts provisoires (INT-PLATEFORME-2) deviennent des états du cycle : `deposee` → `en_negociation`
 *   avec les fiches validées par la collectivité, `validee` → `validee_conjointement` avec les fiches validées
 *   par les deux parties (INT-PILOTAGE-CYCLE-1) ;
 * - dates de délibération et de signature, signatures (par signataire), validations des fiches par partie,
 *   état des avenants, journal du cycle ;
 * - rappels d'échéance envoyés (idempotence) et boîte d'envoi de démonstration, jetons des flux iCalendar,
 *   bilans partagés.
 */
export const cycleDeVie: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`alter table convention drop constraint if exists convention_statut_check`.execute(db);
    await sql`
      create table validation_fiche (
        fiche_id integer not null references fiche_action (id) on delete cascade,
        partie text not null check (partie in ('collectivite', 'etat')),
        acteur text not null,
        role text not null,
        le date not null,
        primary key (fiche_id, partie)
      )`.execute(db);
    // Reprise des statuts provisoires : le dépôt valait validation des fiches par la collectivité, la
    // validation DDETS celle de l'État (INT-PILOTAGE-CYCLE-1).
    await sql`
      insert into validation_fiche (fiche_id, partie, acteur, role, le)
      select f.id, 'collectivite', 'reprise-0003', 'departement_valideur', (c.modifiee_le at time zone 'Europe/Paris')::date
      from fiche_action f join convention c on c.id = f.convention_id
      where c.statut in ('deposee', 'validee')`.execute(db);
    await sql`
      insert into validation_fiche (fiche_id, partie, acteur, role, le)
      select f.id, 'etat', 'reprise-0003', 'ddets', (c.modifiee_le at time zone 'Europe/Paris')::date
      from fiche_action f join convention c on c.id = f.convention_id
      where c.statut = 'validee'`.execute(db);
    await sql`
      update convention set statut = case statut
        when 'deposee' then 'en_negociation'
        when 'validee' then 'validee_conjointement'
        else statut end`.execute(db);
    await sql`alter table convention add constraint convention_statut_check check (statut in (${liste(ETATS)}))`.execute(
      db,
    );
    await sql`alter table convention add column date_deliberation date`.execute(db);
    await sql`alter table convention add column date_signature date`.execute(db);
    // { signataire: { acteur, role, le } } : deux ou trois signataires, lus et écrits ensemble.
    await sql`alter table convention add column signatures jsonb not null default '{}'::jsonb`.execute(db);

    // Les avenants déjà enregistrés (import) sont des faits accomplis : signés.
    await sql`alter table avenant add column etat text not null default 'signee' check (etat in (${liste(ETATS_AVENANT)}))`.execute(
      db,
    );
    await sql`alter table avenant add column date_deliberation date`.execute(db);
    await sql`alter table avenant add column signatures jsonb not null default '{}'::jsonb`.execute(db);

    await sql`
      create table journal_cycle (
        id bigserial primary key,
        convention_id integer not null references convention (id) on delete cascade,
        transition text not null,
        objet text not null check (objet in ('convention', 'avenant')),
        avenant integer,
        de text not null,
        vers text not null,
        acteur text not null,
        role text not null,
        horodatage timestamptz not null,
        date date not null,
        details text
      )`.execute(db);
    await sql`create index journal_cycle_convention on journal_cycle (convention_id, id)`.execute(db);

    // Courriels de rappel : `cle` rend l'envoi idempotent (un rappel par échéance, palier et destinataire).
    await sql`
      create table courriel (
        id serial primary key,
        cle text not null unique,
        convention_id integer references convention (id) on delete set null,
        destinataire text not null,
        sujet text not null,
        corps text not null,
        transport text not null check (transport in ('smtp', 'boite')),
        cree_le timestamptz not null default now(),
        envoye_le timestamptz,
        erreur text
      )`.execute(db);

    await sql`
      create table jeton_calendrier (
        empreinte text primary key,
        utilisateur_id integer not null references utilisateur (id) on delete cascade,
        cree_le timestamptz not null default now(),
        revoque_le timestamptz
      )`.execute(db);
    await sql`create unique index jeton_calendrier_actif on jeton_calendrier (utilisateur_id) where revoque_le is null`.execute(
      db,
    );

    await sql`
      create table bilan_partage (
        id serial primary key,
        convention_id integer not null references convention (id) on delete cascade,
        date_bilan date not null,
        participants text not null default '',
        constats text not null default '',
        decisions text not null default '',
        exercice integer,
        actions jsonb not null default '[]'::jsonb,
        indicateurs jsonb not null default '[]'::jsonb,
        version integer not null default 1,
        cree_par text not null,
        cree_le timestamptz not null default now(),
        modifie_le timestamptz not null default now()
      )`.execute(db);
    await sql`create index bilan_partage_convention on bilan_partage (convention_id, date_bilan)`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of [
      'bilan_partage',
      'jeton_calendrier',
      'courriel',
      'journal_cycle',
      'validation_fiche',
    ]) {
      await sql`drop table ${sql.table(table)}`.execute(db);
    }
    await sql`alter table avenant drop column etat, drop column date_deliberation, drop column signatures`.execute(
      db,
    );
    await sql`alter table convention drop constraint convention_statut_check`.execute(db);
    await sql`
      update convention set statut = case
        when statut in ('brouillon', 'en_negociation') then statut
        when statut = 'validee_conjointement' then 'deposee'
        else 'validee' end`.execute(db);
    await sql`alter table convention drop column date_deliberation, drop column date_signature, drop column signatures`.execute(
      db,
    );
    await sql`alter table convention add constraint convention_statut_check check (statut in ('brouillon', 'en_negociation', 'deposee', 'validee'))`.execute(
      db,
    );
  },
};
