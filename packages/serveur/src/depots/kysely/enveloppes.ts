import type { Kysely } from 'kysely';
import type { BaseJalon } from '../../base/tables.ts';
import type { DepotEnveloppes, EnveloppeEnregistree } from '../ports-tableaux.ts';

/** Enveloppes nationales et montants notifiés (migration 0008). */
export class DepotEnveloppesKysely implements DepotEnveloppes {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  async trouver(cadre: string, exercice: number): Promise<EnveloppeEnregistree | undefined> {
    const enveloppe = await this.db
      .selectFrom('enveloppe')
      .selectAll()
      .where('cadre', '=', cadre)
      .where('exercice', '=', exercice)
      .executeTakeFirst();
    if (enveloppe === undefined) return undefined;
    const notifications = await this.db
      .selectFrom('enveloppe_notification')
      .select(['collectivite_id', 'poids', 'montant'])
      .where('cadre', '=', cadre)
      .where('exercice', '=', exercice)
      .orderBy('collectivite_id')
      .execute();
    return {
      cadre,
      exercice,
      montant: enveloppe.montant,
      modifieePar: enveloppe.modifiee_par,
      modifieeLe: enveloppe.modifiee_le,
      notifications: notifications.map((n) => ({
        collectiviteId: n.collectivite_id,
        poids: n.poids,
        montant: n.montant,
      })),
    };
  }

  async remplacer(enveloppe: Omit<EnveloppeEnregistree, 'modifieeLe'>): Promise<void> {
    const { cadre, exercice } = enveloppe;
    await this.db
      .deleteFrom('enveloppe')
      .where('cadre', '=', cadre)
      .where('exercice', '=', exercice)
      .execute();
    await this.db
      .insertInto('enveloppe')
      .values({
        cadre,
        exercice,
        montant: enveloppe.montant,
        modifiee_par: enveloppe.modifieePar,
        modifiee_le: new Date().toISOString(),
      })
      .execute();
    if (enveloppe.notifications.length > 0) {
      await this.db
        .insertInto('enveloppe_notification')
        .values(
          enveloppe.notifications.map((n) => ({
            cadre,
            exercice,
            collectivite_id: n.collectiviteId,
            poids: n.poids,
            montant: n.montant,
          })),
        )
        .execute();
    }
  }
}
