import type { Kysely } from 'kysely';
import type { Collectivite } from '@jalon/schemas';
import type { BaseJalon } from '../../base/tables.ts';
import type { DepotCollectivites, Perimetre } from '../ports.ts';
import { dansPerimetre } from './perimetre.ts';

export class DepotCollectivitesKysely implements DepotCollectivites {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  async enregistrer(collectivites: readonly Collectivite[]): Promise<void> {
    if (collectivites.length === 0) return;
    await this.db
      .insertInto('collectivite')
      .values(collectivites.map((c) => ({ ...c })))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          nom: eb.ref('excluded.nom'),
          departement: eb.ref('excluded.departement'),
          region: eb.ref('excluded.region'),
        })),
      )
      .execute();
  }

  async lister(perimetre: Perimetre): Promise<Collectivite[]> {
    return this.db
      .selectFrom('collectivite')
      .selectAll()
      .where(dansPerimetre(perimetre))
      .orderBy('type')
      .orderBy('code')
      .execute();
  }

  async trouver(id: string): Promise<Collectivite | undefined> {
    return this.db.selectFrom('collectivite').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
