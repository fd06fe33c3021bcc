import type { Kysely, Selectable } from 'kysely';
import type { BaseJalon, TableEnveloppeOutreMer } from '../../base/tables.ts';
import type { DepotEnveloppesOutreMer, PartOutreMerEnregistree } from '../ports-enveloppes-outre-mer.ts';

const versPart = (l: Selectable<TableEnveloppeOutreMer>): PartOutreMerEnregistree => ({
  cadre: l.cadre,
  exercice: l.exercice,
  collectiviteId: l.collectivite_id,
  montantNotifie: l.montant_notifie,
  creditsSocle: l.credits_socle,
  conserveSocle: l.conserve_socle,
  conserveInitiatives: l.conserve_initiatives,
  concertationLe: l.concertation_le,
  motif: l.motif,
  modifieePar: l.modifiee_par,
  modifieeLe: l.modifiee_le,
});

/** Part des crédits conservée par l'État outre-mer (migration 0009). */
export class DepotEnveloppesOutreMerKysely implements DepotEnveloppesOutreMer {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  async lister(cadre: string, exercice: number): Promise<PartOutreMerEnregistree[]> {
    const lignes = await this.db
      .selectFrom('enveloppe_outre_mer')
      .selectAll()
      .where('cadre', '=', cadre)
      .where('exercice', '=', exercice)
      .orderBy('collectivite_id')
      .execute();
    return lignes.map(versPart);
  }

  async trouver(
    cadre: string,
    exercice: number,
    collectiviteId: string,
  ): Promise<PartOutreMerEnregistree | undefined> {
    const ligne = await this.db
      .selectFrom('enveloppe_outre_mer')
      .selectAll()
      .where('cadre', '=', cadre)
      .where('exercice', '=', exercice)
      .where('collectivite_id', '=', collectiviteId)
      .executeTakeFirst();
    return ligne === undefined ? undefined : versPart(ligne);
  }

  async enregistrer(part: Omit<PartOutreMerEnregistree, 'modifieeLe'>): Promise<PartOutreMerEnregistree> {
    const valeurs = {
      montant_notifie: part.montantNotifie,
      credits_socle: part.creditsSocle,
      conserve_socle: part.conserveSocle,
      conserve_initiatives: part.conserveInitiatives,
      concertation_le: part.concertationLe,
      motif: part.motif,
      modifiee_par: part.modifieePar,
      modifiee_le: new Date().toISOString(),
    };
    const ligne = await this.db
      .insertInto('enveloppe_outre_mer')
      .values({
        cadre: part.cadre,
        exercice: part.exercice,
        collectivite_id: part.collectiviteId,
        ...valeurs,
      })
      .onConflict((oc) => oc.columns(['cadre', 'exercice', 'collectivite_id']).doUpdateSet(valeurs))
      .returningAll()
      .executeTakeFirstOrThrow();
    return versPart(ligne);
  }
}
