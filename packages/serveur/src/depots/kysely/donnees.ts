import { sql, type Kysely, type Selectable } from 'kysely';
import type { ImportDonnees, ProfilEnregistre } from '@jalon/schemas';
import type { BaseJalon, TableImportDonnees } from '../../base/tables.ts';
import type {
  DepotDonnees,
  FluxCafEnregistre,
  NouveauProfil,
  NouvelImport,
  NouvelleExplication,
  ObservationCafEnregistree,
} from '../ports-donnees.ts';

/** Taille des paquets d'insertion de l'historique CAF (limite de paramètres de PostgreSQL : 65 535). */
const PAQUET = 2000;

const texteJson = (v: unknown): string => JSON.stringify(v);

export class DepotDonneesKysely implements DepotDonnees {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  private profils() {
    return this.db
      .selectFrom('profil_correspondance')
      .select(['id', 'collectivite_id', 'nom', 'profil', 'version', 'modifie_par', 'modifie_le']);
  }

  async listerProfils(collectiviteId: string): Promise<ProfilEnregistre[]> {
    const lignes = await this.profils()
      .where('collectivite_id', '=', collectiviteId)
      .orderBy('nom')
      .execute();
    return lignes.map(versProfil);
  }

  async trouverProfil(id: number): Promise<ProfilEnregistre | undefined> {
    const l = await this.profils().where('id', '=', id).executeTakeFirst();
    return l === undefined ? undefined : versProfil(l);
  }

  async creerProfil(p: NouveauProfil): Promise<number> {
    const { id } = await this.db
      .insertInto('profil_correspondance')
      .values({
        collectivite_id: p.collectiviteId,
        nom: p.nom,
        profil: texteJson(p.profil),
        modifie_par: p.modifiePar,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async modifierProfil(
    id: number,
    versionAttendue: number,
    champs: Omit<NouveauProfil, 'collectiviteId'>,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable('profil_correspondance')
      .set({
        nom: champs.nom,
        profil: texteJson(champs.profil),
        modifie_par: champs.modifiePar,
        modifie_le: sql<string>`clock_timestamp()`,
        version: sql<number>`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', versionAttendue)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async supprimerProfil(id: number, versionAttendue: number): Promise<boolean> {
    const r = await this.db
      .deleteFrom('profil_correspondance')
      .where('id', '=', id)
      .where('version', '=', versionAttendue)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async enregistrerImport(
    e: NouvelImport,
    explications: readonly NouvelleExplication[],
  ): Promise<ImportDonnees> {
    const { id } = await this.db
      .insertInto('import_donnees')
      .values({
        convention_id: e.convention_id,
        annee: e.annee,
        qui: e.qui,
        forme: e.forme,
        profil: e.profil,
        fichiers: texteJson(e.fichiers),
        empreinte: e.empreinte,
        moteur_version: e.moteur_version,
        lignes_situations: e.lignes.situations,
        lignes_evenements: e.lignes.evenements,
        anomalies: texteJson(e.anomalies),
        avertissements: texteJson(e.avertissements),
        indicateurs: texteJson(e.indicateurs),
        ignores: texteJson(e.ignores),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const x of explications) {
      await this.db
        .insertInto('explication_import')
        .values({
          import_id: id,
          indicateur: x.indicateur,
          lignes: x.lignes,
          retenues: x.retenues,
          csv_gz: x.csvGz,
        })
        .execute();
    }
    const cree = await this.trouverImport(id);
    if (cree === undefined) throw new Error(`import ${id} introuvable après écriture`);
    return cree;
  }

  private imports() {
    return this.db
      .selectFrom('import_donnees as i')
      .selectAll('i')
      .select((eb) =>
        eb
          .selectFrom('explication_import as x')
          .whereRef('x.import_id', '=', 'i.id')
          .select(
            sql<unknown>`coalesce(json_agg(json_build_object('indicateur', x.indicateur, 'lignes', x.lignes, 'retenues', x.retenues) order by x.indicateur), '[]'::json)`.as(
              'e',
            ),
          )
          .as('explications'),
      );
  }

  async listerImports(conventionId: number): Promise<ImportDonnees[]> {
    const lignes = await this.imports()
      .where('i.convention_id', '=', conventionId)
      .orderBy('i.id', 'desc')
      .execute();
    return lignes.map(versImport);
  }

  async trouverImport(id: number): Promise<ImportDonnees | undefined> {
    const l = await this.imports().where('i.id', '=', id).executeTakeFirst();
    return l === undefined ? undefined : versImport(l);
  }

  async explication(importId: number, indicateur: string): Promise<Uint8Array | undefined> {
    const l = await this.db
      .selectFrom('explication_import')
      .select('csv_gz')
      .where('import_id', '=', importId)
      .where('indicateur', '=', indicateur)
      .executeTakeFirst();
    return l?.csv_gz;
  }

  async lireHistoriqueCaf(collectiviteId: string) {
    const observations = await this.db
      .selectFrom('historique_caf')
      .select(['personne', 'mois', 'observation'])
      .where('collectivite_id', '=', collectiviteId)
      .orderBy('personne')
      .orderBy('mois')
      .execute();
    const flux = await this.db
      .selectFrom('flux_caf')
      .select(['cle', 'flux'])
      .where('collectivite_id', '=', collectiviteId)
      .orderBy('cle')
      .execute();
    return {
      observations: observations.map((o) => ({
        personne: o.personne,
        mois: o.mois,
        observation: o.observation,
      })),
      flux: flux.map((f) => ({ cle: f.cle, flux: f.flux })),
    };
  }

  async remplacerHistoriqueCaf(
    collectiviteId: string,
    observations: Iterable<ObservationCafEnregistree>,
    flux: readonly FluxCafEnregistre[],
  ): Promise<void> {
    await this.db.deleteFrom('historique_caf').where('collectivite_id', '=', collectiviteId).execute();
    await this.db.deleteFrom('flux_caf').where('collectivite_id', '=', collectiviteId).execute();
    let paquet: { collectivite_id: string; personne: string; mois: string; observation: string }[] = [];
    const vider = async (): Promise<void> => {
      if (paquet.length === 0) return;
      await this.db.insertInto('historique_caf').values(paquet).execute();
      paquet = [];
    };
    for (const o of observations) {
      paquet.push({
        collectivite_id: collectiviteId,
        personne: o.personne,
        mois: o.mois,
        observation: texteJson(o.observation),
      });
      if (paquet.length >= PAQUET) await vider();
    }
    await vider();
    if (flux.length > 0)
      await this.db
        .insertInto('flux_caf')
        .values(flux.map((f) => ({ collectivite_id: collectiviteId, cle: f.cle, flux: texteJson(f.flux) })))
        .execute();
  }

  async compterHistoriqueCaf(collectiviteId: string) {
    const o = await this.db
      .selectFrom('historique_caf')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('collectivite_id', '=', collectiviteId)
      .executeTakeFirstOrThrow();
    const f = await this.db
      .selectFrom('flux_caf')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('collectivite_id', '=', collectiviteId)
      .executeTakeFirstOrThrow();
    return { observations: Number(o.n), flux: Number(f.n) };
  }
}

function versProfil(l: {
  id: number;
  collectivite_id: string;
  nom: string;
  profil: unknown;
  version: number;
  modifie_par: string;
  modifie_le: string;
}): ProfilEnregistre {
  return {
    id: l.id,
    collectivite_id: l.collectivite_id,
    nom: l.nom,
    profil: l.profil as Record<string, unknown>,
    version: l.version,
    modifie_par: l.modifie_par,
    modifie_le: l.modifie_le,
  };
}

function versImport(l: Selectable<TableImportDonnees> & { explications: unknown }): ImportDonnees {
  return {
    id: l.id,
    convention_id: l.convention_id,
    annee: l.annee,
    qui: l.qui,
    quand: l.quand,
    forme: l.forme,
    profil: l.profil,
    fichiers: l.fichiers as ImportDonnees['fichiers'],
    empreinte: l.empreinte,
    moteur_version: l.moteur_version,
    lignes: { situations: l.lignes_situations, evenements: l.lignes_evenements },
    anomalies: l.anomalies as ImportDonnees['anomalies'],
    avertissements: l.avertissements as string[],
    indicateurs: l.indicateurs as ImportDonnees['indicateurs'],
    ignores: l.ignores as ImportDonnees['ignores'],
    explications: (l.explications ?? []) as ImportDonnees['explications'],
  };
}
