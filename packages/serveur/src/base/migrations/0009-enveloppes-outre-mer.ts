import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Part des crédits conservée par l'État dans une collectivité régie par l'article 73 de la Constitution
 * (001 · I.4 ; annexe 4 § 2 ; issue 6 § 5) : `enveloppe_outre_mer`, une décision par cadre, exercice et
 * collectivité. La décision garde le montant notifié qu'elle a vu (`montant_notifie`) et la ventilation de ce
 * montant entre crédits socles et initiatives (`credits_socle`, le reste étant les initiatives) : une nouvelle
 * répartition de l'enveloppe ne l'efface pas (aucune clé étrangère vers `enveloppe`), elle la signale à revoir
 * (INT-ENVELOPPES-OM-3). Montants en centimes (`bigint`).
 */
export const enveloppesOutreMer: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      create table enveloppe_outre_mer (
        cadre text not null,
        exercice integer not null,
        collectivite_id text not null references collectivite (id),
        montant_notifie bigint not null check (montant_notifie >= 0),
        credits_socle bigint not null check (credits_socle >= 0 and credits_socle <= montant_notifie),
        conserve_socle bigint not null check (conserve_socle >= 0 and conserve_socle <= credits_socle),
        conserve_initiatives bigint not null check (
          conserve_initiatives >= 0 and conserve_initiatives <= montant_notifie - credits_socle
        ),
        concertation_le date not null,
        motif text not null,
        modifiee_par text not null,
        modifiee_le timestamptz not null default now(),
        primary key (cadre, exercice, collectivite_id)
      )`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop table enveloppe_outre_mer`.execute(db);
  },
};
