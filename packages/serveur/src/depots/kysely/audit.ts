import type { Kysely } from 'kysely';
import type { EntreeHistorique } from '@jalon/schemas';
import type { BaseJalon } from '../../base/tables.ts';
import type { DepotAudit, NouvelleEntreeAudit } from '../ports.ts';

const enJson = (valeur: unknown): string | null => (valeur === undefined ? null : JSON.stringify(valeur));

export class DepotAuditKysely implements DepotAudit {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  async ecrire(entree: NouvelleEntreeAudit): Promise<void> {
    await this.db
      .insertInto('audit')
      .values({
        convention_id: entree.conventionId,
        utilisateur_id: entree.utilisateurId,
        qui: entree.qui,
        role: entree.role,
        action: entree.action,
        entite: entree.entite,
        entite_id: entree.entiteId,
        avant: enJson(entree.avant),
        apres: enJson(entree.apres),
      })
      .execute();
  }

  async lister(conventionId: number): Promise<EntreeHistorique[]> {
    const lignes = await this.db
      .selectFrom('audit')
      .selectAll()
      .where('convention_id', '=', conventionId)
      .orderBy('id', 'desc')
      .execute();
    return lignes.map((ligne) => ({
      id: ligne.id,
      quand: ligne.quand,
      qui: ligne.qui,
      role: ligne.role,
      action: ligne.action,
      entite: ligne.entite,
      entite_id: ligne.entite_id,
      avant: ligne.avant,
      apres: ligne.apres,
    }));
  }
}
