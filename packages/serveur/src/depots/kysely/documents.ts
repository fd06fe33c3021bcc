import { sql, type Kysely } from 'kysely';
import type { BaseJalon } from '../../base/tables.ts';
import type {
  DepotDocuments,
  DepotFigeEnregistre,
  FichierDepotEnregistre,
  NouveauDepotFige,
  TextesEnregistres,
} from '../ports-documents.ts';

/** `pg` rend un `bytea` en Buffer, PGlite en Uint8Array : un Buffer dans les deux cas, sans copie. */
const enBuffer = (octets: Uint8Array): Buffer =>
  Buffer.isBuffer(octets) ? octets : Buffer.from(octets.buffer, octets.byteOffset, octets.byteLength);

export class DepotDocumentsKysely implements DepotDocuments {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  async lireTextes(conventionId: number): Promise<TextesEnregistres | undefined> {
    const ligne = await this.db
      .selectFrom('texte_rapport')
      .select(['textes', 'modifie_par', 'modifie_le'])
      .where('convention_id', '=', conventionId)
      .executeTakeFirst();
    return ligne === undefined
      ? undefined
      : { textes: ligne.textes, modifiePar: ligne.modifie_par, modifieLe: ligne.modifie_le };
  }

  async ecrireTextes(conventionId: number, textes: unknown, modifiePar: string): Promise<void> {
    const json = JSON.stringify(textes);
    await this.db
      .insertInto('texte_rapport')
      .values({ convention_id: conventionId, textes: json, modifie_par: modifiePar })
      .onConflict((oc) =>
        oc
          .column('convention_id')
          .doUpdateSet({ textes: json, modifie_par: modifiePar, modifie_le: sql`now()` }),
      )
      .execute();
  }

  async deposer(depot: NouveauDepotFige): Promise<DepotFigeEnregistre> {
    // Atomique par lui-même : un dépôt à moitié écrit resterait pour toujours (il ne se supprime pas).
    if (!this.db.isTransaction) {
      return this.db.transaction().execute((trx) => new DepotDocumentsKysely(trx).deposer(depot));
    }
    const { suivant } = await this.db
      .selectFrom('depot_fige')
      .select(sql<number>`coalesce(max(numero), 0) + 1`.as('suivant'))
      .where('convention_id', '=', depot.conventionId)
      .executeTakeFirstOrThrow();
    const { id } = await this.db
      .insertInto('depot_fige')
      .values({
        convention_id: depot.conventionId,
        numero: suivant,
        type_document: depot.typeDocument,
        version_convention: depot.versionConvention,
        depose_par: depot.deposePar,
        role: depot.role,
        utilisateur_id: depot.utilisateurId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (depot.fichiers.length > 0) {
      await this.db
        .insertInto('depot_fichier')
        .values(
          depot.fichiers.map((fichier, rang) => ({
            depot_id: id,
            rang,
            nom: fichier.nom,
            type_mime: fichier.typeMime,
            taille: fichier.octets.byteLength,
            sha256: fichier.sha256,
            octets: fichier.octets,
          })),
        )
        .execute();
    }
    const enregistre = (await this.lister(depot.conventionId, id))[0];
    if (enregistre === undefined) throw new Error(`dépôt ${id} introuvable juste après son écriture`);
    return enregistre;
  }

  listerDepots(conventionId: number): Promise<DepotFigeEnregistre[]> {
    return this.lister(conventionId);
  }

  private async lister(conventionId: number, id?: number): Promise<DepotFigeEnregistre[]> {
    let requete = this.db
      .selectFrom('depot_fige')
      .selectAll()
      .where('convention_id', '=', conventionId)
      .orderBy('numero', 'desc');
    if (id !== undefined) requete = requete.where('id', '=', id);
    const depots = await requete.execute();
    if (depots.length === 0) return [];
    const fichiers = await this.db
      .selectFrom('depot_fichier')
      .select(['depot_id', 'nom', 'type_mime', 'taille', 'sha256'])
      .where(
        'depot_id',
        'in',
        depots.map((d) => d.id),
      )
      .orderBy('depot_id')
      .orderBy('rang')
      .execute();
    const parDepot = new Map<number, FichierDepotEnregistre[]>();
    for (const f of fichiers) {
      const liste = parDepot.get(Number(f.depot_id)) ?? [];
      liste.push({ nom: f.nom, typeMime: f.type_mime, taille: f.taille, sha256: f.sha256 });
      parDepot.set(Number(f.depot_id), liste);
    }
    return depots.map((d) => ({
      id: Number(d.id),
      conventionId: d.convention_id,
      numero: d.numero,
      typeDocument: d.type_document,
      versionConvention: d.version_convention,
      deposePar: d.depose_par,
      role: d.role,
      deposeLe: d.depose_le,
      fichiers: parDepot.get(Number(d.id)) ?? [],
    }));
  }

  async lireFichier(conventionId: number, depotId: number, nom: string) {
    const ligne = await this.db
      .selectFrom('depot_fichier')
      .innerJoin('depot_fige', 'depot_fige.id', 'depot_fichier.depot_id')
      .select([
        'depot_fichier.nom',
        'depot_fichier.type_mime',
        'depot_fichier.taille',
        'depot_fichier.sha256',
        'depot_fichier.octets',
      ])
      .where('depot_fige.convention_id', '=', conventionId)
      .where('depot_fichier.depot_id', '=', depotId)
      .where('depot_fichier.nom', '=', nom)
      .executeTakeFirst();
    return ligne === undefined
      ? undefined
      : {
          nom: ligne.nom,
          typeMime: ligne.type_mime,
          taille: ligne.taille,
          sha256: ligne.sha256,
          octets: enBuffer(ligne.octets),
        };
  }
}
