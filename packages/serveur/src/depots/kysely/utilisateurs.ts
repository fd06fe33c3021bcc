import type { Kysely, Selectable } from 'kysely';
import type { Role } from '@jalon/schemas';
import type { BaseJalon, TableUtilisateur } from '../../base/tables.ts';
import type { CompteEnregistre, DepotUtilisateurs, NouveauCompte } from '../ports.ts';

export const versCompte = (ligne: Selectable<TableUtilisateur>): CompteEnregistre => ({
  id: ligne.id,
  identifiant: ligne.identifiant,
  nom: ligne.nom,
  role: ligne.role as Role,
  hashMotDePasse: ligne.hash_mot_de_passe,
  collectiviteId: ligne.collectivite_id,
  departement: ligne.departement,
  region: ligne.region,
  actif: ligne.actif,
});

export class DepotUtilisateursKysely implements DepotUtilisateurs {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  async creer(compte: NouveauCompte): Promise<number> {
    const { id } = await this.db
      .insertInto('utilisateur')
      .values({
        identifiant: compte.identifiant,
        nom: compte.nom,
        role: compte.role,
        hash_mot_de_passe: compte.hashMotDePasse,
        collectivite_id: compte.collectiviteId,
        departement: compte.departement,
        region: compte.region,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async parIdentifiant(identifiant: string): Promise<CompteEnregistre | undefined> {
    const ligne = await this.db
      .selectFrom('utilisateur')
      .selectAll()
      .where('identifiant', '=', identifiant)
      .executeTakeFirst();
    return ligne && versCompte(ligne);
  }

  async parId(id: number): Promise<CompteEnregistre | undefined> {
    const ligne = await this.db.selectFrom('utilisateur').selectAll().where('id', '=', id).executeTakeFirst();
    return ligne && versCompte(ligne);
  }

  async lister(): Promise<CompteEnregistre[]> {
    const lignes = await this.db.selectFrom('utilisateur').selectAll().orderBy('identifiant').execute();
    return lignes.map(versCompte);
  }

  async modifierActif(id: number, actif: boolean): Promise<void> {
    await this.db.updateTable('utilisateur').set({ actif }).where('id', '=', id).execute();
  }

  async compter(): Promise<number> {
    const { n } = await this.db
      .selectFrom('utilisateur')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return n;
  }
}
