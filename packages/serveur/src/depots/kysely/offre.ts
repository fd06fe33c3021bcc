import type { Kysely, Selectable } from 'kysely';
import type { BaseJalon, TableOffreService } from '../../base/tables.ts';
import type { Perimetre } from '../ports.ts';
import type {
  DepotOffre,
  FinancementEnregistre,
  ModeleOffre,
  NouvelObjetOffre,
  ObjetOffreEnregistre,
} from '../ports-offre.ts';
import { dansPerimetre } from './perimetre.ts';

const TABLES = { structure: 'offre_structure', service: 'offre_service' } as const;

type Ligne = Omit<Selectable<TableOffreService>, 'structure_publie'> & { structure_publie?: string };

const texte = (o: Record<string, unknown>, cle: string): string => {
  const v = o[cle];
  return typeof v === 'string' ? v : '';
};

/** PGlite rend le JSONB déjà analysé, `pg` aussi ; une chaîne (ancien pilote) est relue. */
const objet = (v: unknown): Record<string, unknown> =>
  (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;

function versObjet(modele: ModeleOffre, l: Ligne): ObjetOffreEnregistre {
  return {
    id: l.id,
    modele,
    collectiviteId: l.collectivite_id,
    departement: l.departement,
    source: l.source,
    idPublie: l.id_publie,
    structurePublie: l.structure_publie ?? null,
    donnees: objet(l.donnees),
    modifieeLe: l.modifiee_le,
  };
}

export class DepotOffreKysely implements DepotOffre {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  async lister(modele: ModeleOffre, collectiviteId: string): Promise<ObjetOffreEnregistre[]> {
    const lignes = await this.db
      .selectFrom(TABLES[modele])
      .selectAll()
      .where('collectivite_id', '=', collectiviteId)
      .orderBy('id_publie')
      .execute();
    return lignes.map((l) => versObjet(modele, l));
  }

  async listerPerimetre(modele: ModeleOffre, perimetre: Perimetre): Promise<ObjetOffreEnregistre[]> {
    const lignes = await this.db
      .selectFrom(TABLES[modele])
      .innerJoin('collectivite', 'collectivite.id', `${TABLES[modele]}.collectivite_id`)
      .selectAll(TABLES[modele])
      .where(dansPerimetre(perimetre))
      .orderBy('collectivite_id')
      .orderBy('id_publie')
      .execute();
    return lignes.map((l) => versObjet(modele, l));
  }

  async trouver(modele: ModeleOffre, id: number): Promise<ObjetOffreEnregistre | undefined> {
    const l = await this.db.selectFrom(TABLES[modele]).selectAll().where('id', '=', id).executeTakeFirst();
    return l === undefined ? undefined : versObjet(modele, l);
  }

  async trouverParIdPublie(
    modele: ModeleOffre,
    collectiviteId: string,
    idPublie: string,
  ): Promise<ObjetOffreEnregistre | undefined> {
    const l = await this.db
      .selectFrom(TABLES[modele])
      .selectAll()
      .where('collectivite_id', '=', collectiviteId)
      .where('id_publie', '=', idPublie)
      .executeTakeFirst();
    return l === undefined ? undefined : versObjet(modele, l);
  }

  async creer(o: NouvelObjetOffre): Promise<number> {
    const valeurs = {
      collectivite_id: o.collectiviteId,
      departement: o.departement,
      source: texte(o.donnees, 'source'),
      id_publie: texte(o.donnees, 'id'),
      donnees: JSON.stringify(o.donnees),
    };
    const { id } =
      o.modele === 'structure'
        ? await this.db
            .insertInto('offre_structure')
            .values(valeurs)
            .returning('id')
            .executeTakeFirstOrThrow()
        : await this.db
            .insertInto('offre_service')
            .values({ ...valeurs, structure_publie: texte(o.donnees, 'structure_id') })
            .returning('id')
            .executeTakeFirstOrThrow();
    return id;
  }

  async remplacer(modele: ModeleOffre, id: number, donnees: Record<string, unknown>): Promise<void> {
    const valeurs = {
      source: texte(donnees, 'source'),
      id_publie: texte(donnees, 'id'),
      donnees: JSON.stringify(donnees),
      modifiee_le: new Date().toISOString(),
    };
    if (modele === 'structure') {
      await this.db.updateTable('offre_structure').set(valeurs).where('id', '=', id).execute();
    } else {
      await this.db
        .updateTable('offre_service')
        .set({ ...valeurs, structure_publie: texte(donnees, 'structure_id') })
        .where('id', '=', id)
        .execute();
    }
  }

  async supprimer(modele: ModeleOffre, id: number): Promise<void> {
    await this.db.deleteFrom(TABLES[modele]).where('id', '=', id).execute();
  }

  async lier(ficheId: number, serviceId: number): Promise<boolean> {
    const r = await this.db
      .insertInto('offre_financement')
      .values({ fiche_id: ficheId, service_id: serviceId })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async delier(ficheId: number, serviceId: number): Promise<boolean> {
    const r = await this.db
      .deleteFrom('offre_financement')
      .where('fiche_id', '=', ficheId)
      .where('service_id', '=', serviceId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  private requeteFinancements() {
    return this.db
      .selectFrom('offre_financement')
      .innerJoin('fiche_action', 'fiche_action.id', 'offre_financement.fiche_id')
      .innerJoin('convention', 'convention.id', 'fiche_action.convention_id')
      .select([
        'offre_financement.service_id as serviceId',
        'offre_financement.fiche_id as ficheId',
        'fiche_action.numero as numero',
        'fiche_action.intitule as intitule',
        'convention.id as conventionId',
        'convention.collectivite_id as collectiviteId',
        'convention.cadre as cadre',
        'convention.exercice as exercice',
      ])
      .orderBy('convention.exercice')
      .orderBy('convention.cadre')
      .orderBy('fiche_action.rang');
  }

  async financementsDesServices(serviceIds: readonly number[]): Promise<FinancementEnregistre[]> {
    if (serviceIds.length === 0) return [];
    return this.requeteFinancements().where('offre_financement.service_id', 'in', serviceIds).execute();
  }

  async financementsDeLaConvention(conventionId: number): Promise<FinancementEnregistre[]> {
    return this.requeteFinancements().where('convention.id', '=', conventionId).execute();
  }
}
