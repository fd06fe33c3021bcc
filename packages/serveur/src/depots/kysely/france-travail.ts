import type { Kysely } from 'kysely';
import type { ParcoursType, Volet3 } from '@jalon/schemas';
import type { BaseJalon } from '../../base/tables.ts';
import type { DepotFranceTravail, DonneesFranceTravail } from '../ports.ts';

const VOLET3_VIDE: Volet3 = {
  note_engagement: { bassin_cible: '', engagement_methode: '', strategie_deploiement: '' },
  plan_partage: {
    entree_parcours: '',
    accompagnement_emploi: '',
    partage_donnees: '',
    mobilisation_entreprises: '',
    gouvernance: '',
  },
};

export class DepotFranceTravailKysely implements DepotFranceTravail {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  async lire(conventionId: number): Promise<DonneesFranceTravail> {
    const [parcours, volet3, cooperation] = await Promise.all([
      this.db
        .selectFrom('parcours_type')
        .select([
          'id',
          'nom',
          'duree',
          'contenu',
          'modalites',
          'public_cible',
          'cout_unitaire',
          'places_financees',
        ])
        .where('convention_id', '=', conventionId)
        .orderBy('rang')
        .execute(),
      this.db.selectFrom('volet3').selectAll().where('convention_id', '=', conventionId).executeTakeFirst(),
      this.db
        .selectFrom('cooperation')
        .select(['axe', 'retenu', 'commentaire'])
        .where('convention_id', '=', conventionId)
        .orderBy('axe')
        .execute(),
    ]);
    return {
      parcoursTypes: parcours,
      volet3:
        volet3 === undefined
          ? VOLET3_VIDE
          : {
              note_engagement: {
                bassin_cible: volet3.bassin_cible,
                engagement_methode: volet3.engagement_methode,
                strategie_deploiement: volet3.strategie_deploiement,
              },
              plan_partage: {
                entree_parcours: volet3.entree_parcours,
                accompagnement_emploi: volet3.accompagnement_emploi,
                partage_donnees: volet3.partage_donnees,
                mobilisation_entreprises: volet3.mobilisation_entreprises,
                gouvernance: volet3.gouvernance,
              },
            },
      cooperation,
    };
  }

  async remplacerParcoursTypes(conventionId: number, parcours: readonly ParcoursType[]): Promise<void> {
    await this.db.deleteFrom('parcours_type').where('convention_id', '=', conventionId).execute();
    if (parcours.length === 0) return;
    await this.db
      .insertInto('parcours_type')
      .values(parcours.map((p, rang) => ({ ...p, convention_id: conventionId, rang })))
      .execute();
  }

  async ecrireVolet3(conventionId: number, volet3: Volet3): Promise<void> {
    const valeurs = { ...volet3.note_engagement, ...volet3.plan_partage };
    await this.db
      .insertInto('volet3')
      .values({ convention_id: conventionId, ...valeurs })
      .onConflict((oc) => oc.column('convention_id').doUpdateSet(valeurs))
      .execute();
  }

  async ecrireCooperation(
    conventionId: number,
    cooperation: readonly { axe: string; retenu: boolean; commentaire: string }[],
  ): Promise<void> {
    await this.db.deleteFrom('cooperation').where('convention_id', '=', conventionId).execute();
    if (cooperation.length === 0) return;
    await this.db
      .insertInto('cooperation')
      .values(cooperation.map((c) => ({ ...c, convention_id: conventionId })))
      .execute();
  }
}
