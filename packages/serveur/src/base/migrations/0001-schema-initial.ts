import { sql, type Kysely, type Migration } from 'kysely';

/** Montant en centimes : entier ≥ 0 (spec convention-v1 § 1 : « jamais négatifs »). */
const montant = (nom: string) => sql.raw(`${nom} bigint not null default 0 check (${nom} >= 0)`);

/** Schéma initial : collectivités, comptes, conventions, fiches actions, indicateurs, France Travail, audit. */
export const schemaInitial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create table collectivite (
        id text primary key,
        type text not null check (type in ('departement', 'metropole', 'region')),
        code text not null,
        nom text not null,
        departement text,
        region text,
        unique (type, code)
      )`.execute(db);

    await sql`
      create table utilisateur (
        id serial primary key,
        identifiant text not null unique,
        nom text not null,
        hash_mot_de_passe text not null,
        role text not null check (role in
          ('departement_agent', 'departement_valideur', 'ddets', 'commissaire', 'national')),
        collectivite_id text references collectivite (id),
        departement text,
        region text,
        actif boolean not null default true,
        cree_le timestamptz not null default now(),
        check ((role in ('departement_agent', 'departement_valideur')) = (collectivite_id is not null)),
        check ((role = 'ddets') = (departement is not null)),
        check ((role = 'commissaire') = (region is not null))
      )`.execute(db);

    await sql`
      create table session (
        empreinte text primary key,
        utilisateur_id integer not null references utilisateur (id) on delete cascade,
        jeton_csrf text not null,
        expire_le timestamptz not null,
        cree_le timestamptz not null default now()
      )`.execute(db);

    await sql`
      create table convention (
        id serial primary key,
        collectivite_id text not null references collectivite (id),
        cadre text not null,
        exercice integer not null,
        regime text not null check (regime in ('civil', 'glissant')),
        duree_mois integer not null check (duree_mois in (6, 12)),
        ${montant('enveloppe_etat')},
        statut text not null check (statut in ('brouillon', 'en_negociation', 'deposee', 'validee')),
        version integer not null default 1,
        cree_le timestamptz not null default now(),
        modifiee_le timestamptz not null default now(),
        unique (collectivite_id, cadre, exercice)
      )`.execute(db);

    await sql`
      create table avenant (
        id serial primary key,
        convention_id integer not null references convention (id) on delete cascade,
        numero integer not null,
        objet text not null default '',
        date_signature date,
        unique (convention_id, numero)
      )`.execute(db);

    await sql`
      create table fiche_action (
        id serial primary key,
        convention_id integer not null references convention (id) on delete cascade,
        numero text not null,
        rang integer not null,
        intitule text not null,
        mesure text not null,
        code_chorus text,
        volet integer check (volet in (1, 2, 3)),
        nature_depense text,
        theme text not null default '',
        contexte text not null default '',
        enjeux_objectifs text not null default '',
        description text not null default '',
        lien_strategie text not null default '',
        date_mise_en_place text not null default '',
        duree_action text not null default '',
        partenaires_cofinanceurs text not null default '',
        budget_detaille text not null default '',
        financee_fapi boolean,
        montant_fapi bigint check (montant_fapi >= 0),
        objectifs_progression text not null default '',
        calendrier_previsionnel text not null default '',
        ind_nouveaux_entrants integer,
        ind_nouveaux_entrants_orientes_15_jours integer,
        ind_nouveaux_entrants_concernes integer,
        ind_allocataires_concernes integer,
        ${montant('prev_etat')},
        ${montant('prev_report_etat')},
        ${montant('prev_cd')},
        ${montant('prev_valorisation_cd')},
        ${montant('prev_report_cd')},
        ${montant('prev_autres')},
        execution_saisie boolean not null default false,
        ${montant('exec_realise')},
        ${montant('exec_valorisation_cd')},
        ${montant('exec_a_reporter_etat')},
        ${montant('exec_a_reporter_cd')},
        realise_exercice_precedent bigint check (realise_exercice_precedent >= 0),
        justification text not null default '',
        validee_par_commissaire boolean not null default false,
        unique (convention_id, numero)
      )`.execute(db);

    await sql`
      create table valeur_indicateur (
        id serial primary key,
        convention_id integer not null references convention (id) on delete cascade,
        indicateur text not null,
        annee integer not null,
        nature text not null check (nature in ('situation_t0', 'resultat', 'objectif')),
        valeur double precision,
        commentaire text not null default '',
        provenance text not null check (provenance in ('saisie', 'calcul')),
        moteur_version text,
        empreinte text,
        modifiee_par text,
        modifiee_le timestamptz not null default now(),
        check ((provenance = 'calcul') = (moteur_version is not null and empreinte is not null)),
        unique (convention_id, indicateur, annee, nature)
      )`.execute(db);

    await sql`
      create table parcours_type (
        id serial primary key,
        convention_id integer not null references convention (id) on delete cascade,
        rang integer not null,
        nom text not null,
        duree text not null default '',
        contenu text not null default '',
        modalites text not null default '',
        public_cible text not null default '',
        cout_unitaire bigint check (cout_unitaire >= 0),
        places_financees integer check (places_financees >= 0)
      )`.execute(db);

    await sql`
      create table volet3 (
        convention_id integer primary key references convention (id) on delete cascade,
        bassin_cible text not null default '',
        engagement_methode text not null default '',
        strategie_deploiement text not null default '',
        entree_parcours text not null default '',
        accompagnement_emploi text not null default '',
        partage_donnees text not null default '',
        mobilisation_entreprises text not null default '',
        gouvernance text not null default ''
      )`.execute(db);

    await sql`
      create table cooperation (
        convention_id integer not null references convention (id) on delete cascade,
        axe text not null,
        retenu boolean not null default false,
        commentaire text not null default '',
        primary key (convention_id, axe)
      )`.execute(db);

    // Le journal d'audit n'a pas de clé étrangère vers la convention : il survit à une suppression.
    await sql`
      create table audit (
        id bigserial primary key,
        convention_id integer,
        utilisateur_id integer,
        qui text not null,
        role text,
        quand timestamptz not null default clock_timestamp(),
        action text not null,
        entite text not null,
        entite_id text not null,
        avant jsonb,
        apres jsonb
      )`.execute(db);
    await sql`create index audit_convention on audit (convention_id, id)`.execute(db);
    await sql`create index convention_filtres on convention (exercice, cadre, statut)`.execute(db);
  },
};
