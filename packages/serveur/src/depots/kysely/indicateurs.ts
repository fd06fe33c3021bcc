import { sql, type Kysely } from 'kysely';
import type { ValeurIndicateur } from '@jalon/schemas';
import type { BaseJalon } from '../../base/tables.ts';
import type { DepotIndicateurs, NouvelleValeur } from '../ports.ts';

export class DepotIndicateursKysely implements DepotIndicateurs {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  async lister(conventionId: number): Promise<ValeurIndicateur[]> {
    const lignes = await this.db
      .selectFrom('valeur_indicateur')
      .selectAll()
      .where('convention_id', '=', conventionId)
      .orderBy('indicateur')
      .orderBy('annee')
      .orderBy('nature')
      .execute();
    return lignes.map((ligne) => ({
      indicateur: ligne.indicateur,
      annee: ligne.annee,
      nature: ligne.nature,
      valeur: ligne.valeur,
      commentaire: ligne.commentaire,
      provenance:
        ligne.provenance === 'calcul'
          ? {
              type: 'calcul',
              moteur_version: ligne.moteur_version ?? '',
              empreinte: ligne.empreinte ?? '',
              calcule_le: ligne.calcule_le,
              importe_le: ligne.modifiee_le,
            }
          : { type: 'saisie' },
      modifiee_par: ligne.modifiee_par,
      modifiee_le: ligne.modifiee_le,
    }));
  }

  async ecrire(conventionId: number, valeurs: readonly NouvelleValeur[]): Promise<void> {
    if (valeurs.length === 0) return;
    await this.db
      .insertInto('valeur_indicateur')
      .values(
        valeurs.map((v) => ({
          convention_id: conventionId,
          indicateur: v.indicateur,
          annee: v.annee,
          nature: v.nature,
          valeur: v.valeur,
          commentaire: v.commentaire,
          provenance: v.provenance.type,
          moteur_version: v.provenance.type === 'calcul' ? v.provenance.moteurVersion : null,
          empreinte: v.provenance.type === 'calcul' ? v.provenance.empreinte : null,
          calcule_le: v.provenance.type === 'calcul' ? v.provenance.calculeLe : null,
          modifiee_par: v.modifieePar,
          modifiee_le: sql<string>`clock_timestamp()`,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['convention_id', 'indicateur', 'annee', 'nature']).doUpdateSet((eb) => ({
          valeur: eb.ref('excluded.valeur'),
          commentaire: eb.ref('excluded.commentaire'),
          provenance: eb.ref('excluded.provenance'),
          moteur_version: eb.ref('excluded.moteur_version'),
          empreinte: eb.ref('excluded.empreinte'),
          calcule_le: eb.ref('excluded.calcule_le'),
          modifiee_par: eb.ref('excluded.modifiee_par'),
          modifiee_le: eb.ref('excluded.modifiee_le'),
        })),
      )
      .execute();
  }
}
