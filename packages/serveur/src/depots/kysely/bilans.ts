import type { Kysely } from 'kysely';
import type { BaseJalon } from '../../base/tables.ts';
import type { BilanEnregistre, ChampsBilan, DepotBilans } from '../ports-pilotage.ts';

const listeDeTextes = (valeur: unknown): string[] =>
  Array.isArray(valeur) ? valeur.filter((v): v is string => typeof v === 'string') : [];

const colonnes = (champs: ChampsBilan) => ({
  date_bilan: champs.dateBilan,
  participants: champs.participants,
  constats: champs.constats,
  decisions: champs.decisions,
  exercice: champs.exercice,
  actions: JSON.stringify(champs.actions),
  indicateurs: JSON.stringify(champs.indicateurs),
});

/** Bilans partagés (issue 6 § 3), avec leur propre version (verrouillage optimiste). */
export class DepotBilansKysely implements DepotBilans {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  private requete() {
    return this.db.selectFrom('bilan_partage').selectAll();
  }

  private static versBilan(l: {
    id: number;
    convention_id: number;
    date_bilan: string;
    participants: string;
    constats: string;
    decisions: string;
    exercice: number | null;
    actions: unknown;
    indicateurs: unknown;
    version: number;
    cree_par: string;
    cree_le: string;
    modifie_le: string;
  }): BilanEnregistre {
    return {
      id: l.id,
      conventionId: l.convention_id,
      dateBilan: l.date_bilan,
      participants: l.participants,
      constats: l.constats,
      decisions: l.decisions,
      exercice: l.exercice,
      actions: listeDeTextes(l.actions),
      indicateurs: listeDeTextes(l.indicateurs),
      version: l.version,
      creePar: l.cree_par,
      creeLe: l.cree_le,
      modifieLe: l.modifie_le,
    };
  }

  async lister(conventionId: number): Promise<BilanEnregistre[]> {
    const lignes = await this.requete()
      .where('convention_id', '=', conventionId)
      .orderBy('date_bilan', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return lignes.map(DepotBilansKysely.versBilan);
  }

  async trouver(id: number): Promise<BilanEnregistre | undefined> {
    const ligne = await this.requete().where('id', '=', id).executeTakeFirst();
    return ligne === undefined ? undefined : DepotBilansKysely.versBilan(ligne);
  }

  async creer(conventionId: number, champs: ChampsBilan, creePar: string): Promise<number> {
    const ligne = await this.db
      .insertInto('bilan_partage')
      .values({ convention_id: conventionId, cree_par: creePar, ...colonnes(champs) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return ligne.id;
  }

  async modifier(id: number, versionAttendue: number, champs: ChampsBilan): Promise<number | undefined> {
    const ligne = await this.db
      .updateTable('bilan_partage')
      .set((eb) => ({
        ...colonnes(champs),
        version: eb('version', '+', 1),
        modifie_le: new Date().toISOString(),
      }))
      .where('id', '=', id)
      .where('version', '=', versionAttendue)
      .returning('version')
      .executeTakeFirst();
    return ligne?.version;
  }

  async supprimer(id: number): Promise<void> {
    await this.db.deleteFrom('bilan_partage').where('id', '=', id).execute();
  }
}
