import { sql, type Kysely } from 'kysely';
import type { CodeCadre } from '@jalon/referentiels';
import type { ConventionResume, StatutConvention } from '@jalon/schemas';
import type { BaseJalon } from '../../base/tables.ts';
import type {
  ChampsConvention,
  DepotConventions,
  FiltresConventions,
  NouvelleConvention,
  Perimetre,
} from '../ports.ts';
import { dansPerimetre } from './perimetre.ts';

export class DepotConventionsKysely implements DepotConventions {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  private static readonly COLONNES = [
    'convention.id',
    'convention.cadre',
    'convention.exercice',
    'convention.regime',
    'convention.duree_mois',
    'convention.enveloppe_etat',
    'convention.statut',
    'convention.version',
    'convention.modifiee_le',
    'collectivite.id as c_id',
    'collectivite.type as c_type',
    'collectivite.code as c_code',
    'collectivite.nom as c_nom',
    'collectivite.departement as c_departement',
    'collectivite.region as c_region',
  ] as const;

  private requete() {
    return this.db
      .selectFrom('convention')
      .innerJoin('collectivite', 'collectivite.id', 'convention.collectivite_id')
      .select(DepotConventionsKysely.COLONNES);
  }

  private static versResume(
    ligne: Awaited<ReturnType<ReturnType<DepotConventionsKysely['requete']>['executeTakeFirstOrThrow']>>,
  ): ConventionResume {
    return {
      id: ligne.id,
      collectivite: {
        id: ligne.c_id,
        type: ligne.c_type,
        code: ligne.c_code,
        nom: ligne.c_nom,
        departement: ligne.c_departement,
        region: ligne.c_region,
      },
      cadre: ligne.cadre as CodeCadre,
      exercice: ligne.exercice,
      regime: ligne.regime,
      duree_mois: ligne.duree_mois === 6 ? 6 : 12,
      enveloppe_etat: ligne.enveloppe_etat,
      statut: ligne.statut as StatutConvention,
      version: ligne.version,
      modifiee_le: ligne.modifiee_le,
    };
  }

  async creer(convention: NouvelleConvention): Promise<number> {
    const { id } = await this.db
      .insertInto('convention')
      .values({
        collectivite_id: convention.collectiviteId,
        cadre: convention.cadre,
        exercice: convention.exercice,
        regime: convention.regime,
        duree_mois: convention.dureeMois,
        enveloppe_etat: convention.enveloppeEtat,
        statut: convention.statut,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async lister(perimetre: Perimetre, filtres: FiltresConventions): Promise<ConventionResume[]> {
    let requete = this.requete().where(dansPerimetre(perimetre));
    if (filtres.collectivite !== undefined)
      requete = requete.where('collectivite.id', '=', filtres.collectivite);
    if (filtres.exercice !== undefined) requete = requete.where('convention.exercice', '=', filtres.exercice);
    if (filtres.cadre !== undefined) requete = requete.where('convention.cadre', '=', filtres.cadre);
    if (filtres.statut !== undefined) requete = requete.where('convention.statut', '=', filtres.statut);
    const lignes = await requete
      .orderBy('collectivite.type')
      .orderBy('collectivite.code')
      .orderBy('convention.exercice')
      .orderBy('convention.id')
      .execute();
    return lignes.map((ligne) => DepotConventionsKysely.versResume(ligne));
  }

  async trouver(id: number): Promise<ConventionResume | undefined> {
    const ligne = await this.requete().where('convention.id', '=', id).executeTakeFirst();
    return ligne && DepotConventionsKysely.versResume(ligne);
  }

  async trouverParCle(
    collectiviteId: string,
    cadre: CodeCadre,
    exercice: number,
  ): Promise<ConventionResume | undefined> {
    const ligne = await this.requete()
      .where('convention.collectivite_id', '=', collectiviteId)
      .where('convention.cadre', '=', cadre)
      .where('convention.exercice', '=', exercice)
      .executeTakeFirst();
    return ligne && DepotConventionsKysely.versResume(ligne);
  }

  async avancerVersion(id: number, versionAttendue: number): Promise<ConventionResume | undefined> {
    // La convention à jour est rendue par l'UPDATE lui-même (une requête de moins dans chaque écriture).
    const ligne = await this.db
      .updateTable('convention')
      .from('collectivite')
      .set({ version: versionAttendue + 1, modifiee_le: sql<string>`clock_timestamp()` })
      .whereRef('collectivite.id', '=', 'convention.collectivite_id')
      .where('convention.id', '=', id)
      .where('convention.version', '=', versionAttendue)
      .returning(DepotConventionsKysely.COLONNES)
      .executeTakeFirst();
    return ligne && DepotConventionsKysely.versResume(ligne);
  }

  async modifier(id: number, champs: ChampsConvention): Promise<void> {
    const valeurs = {
      ...(champs.regime !== undefined ? { regime: champs.regime } : {}),
      ...(champs.dureeMois !== undefined ? { duree_mois: champs.dureeMois } : {}),
      ...(champs.enveloppeEtat !== undefined ? { enveloppe_etat: champs.enveloppeEtat } : {}),
      ...(champs.statut !== undefined ? { statut: champs.statut } : {}),
    };
    if (Object.keys(valeurs).length === 0) return;
    await this.db.updateTable('convention').set(valeurs).where('id', '=', id).execute();
  }

  async supprimer(id: number): Promise<void> {
    await this.db.deleteFrom('convention').where('id', '=', id).execute();
  }

  async avenants(id: number) {
    const lignes = await this.db
      .selectFrom('avenant')
      .select(['id', 'numero', 'objet', 'date_signature'])
      .where('convention_id', '=', id)
      .orderBy('numero')
      .execute();
    return lignes;
  }

  async ajouterAvenant(
    id: number,
    avenant: { numero: number; objet: string; dateSignature: string | null },
  ): Promise<number> {
    const ligne = await this.db
      .insertInto('avenant')
      .values({
        convention_id: id,
        numero: avenant.numero,
        objet: avenant.objet,
        date_signature: avenant.dateSignature,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return ligne.id;
  }
}
