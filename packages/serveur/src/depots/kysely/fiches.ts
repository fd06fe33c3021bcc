import type { Insertable, Kysely, Selectable } from 'kysely';
import type { FicheAction } from '@jalon/schemas';
import type { NatureDepense } from '@jalon/domaine';
import type { BaseJalon, TableFicheAction } from '../../base/tables.ts';
import type { ChampsFiche, DepotFiches } from '../ports.ts';

type Ligne = Selectable<TableFicheAction>;

const TAILLE_PAQUET = 500;

function versFiche(ligne: Ligne): FicheAction {
  return {
    id: ligne.id,
    numero: ligne.numero,
    rang: ligne.rang,
    intitule: ligne.intitule,
    mesure: ligne.mesure,
    code_chorus: ligne.code_chorus,
    volet: ligne.volet === 1 || ligne.volet === 2 || ligne.volet === 3 ? ligne.volet : null,
    nature_depense: ligne.nature_depense as NatureDepense | null,
    theme: ligne.theme,
    contexte: ligne.contexte,
    enjeux_objectifs: ligne.enjeux_objectifs,
    description: ligne.description,
    lien_strategie: ligne.lien_strategie,
    date_mise_en_place: ligne.date_mise_en_place,
    duree_action: ligne.duree_action,
    partenaires_cofinanceurs: ligne.partenaires_cofinanceurs,
    budget_detaille: ligne.budget_detaille,
    financee_fapi: ligne.financee_fapi,
    montant_fapi: ligne.montant_fapi,
    objectifs_progression: ligne.objectifs_progression,
    calendrier_previsionnel: ligne.calendrier_previsionnel,
    indicateurs_suivi: {
      nouveaux_entrants: ligne.ind_nouveaux_entrants,
      nouveaux_entrants_orientes_15_jours: ligne.ind_nouveaux_entrants_orientes_15_jours,
      nouveaux_entrants_concernes: ligne.ind_nouveaux_entrants_concernes,
      allocataires_concernes: ligne.ind_allocataires_concernes,
    },
    previsionnel: {
      etat: ligne.prev_etat,
      report_etat: ligne.prev_report_etat,
      cd: ligne.prev_cd,
      valorisation_cd: ligne.prev_valorisation_cd,
      report_cd: ligne.prev_report_cd,
      autres: ligne.prev_autres,
    },
    execution: ligne.execution_saisie
      ? {
          realise: ligne.exec_realise,
          valorisation_cd: ligne.exec_valorisation_cd,
          a_reporter_etat: ligne.exec_a_reporter_etat,
          a_reporter_cd: ligne.exec_a_reporter_cd,
        }
      : null,
    realise_exercice_precedent: ligne.realise_exercice_precedent,
    justification: ligne.justification,
    validee_par_commissaire: ligne.validee_par_commissaire,
  };
}

function versColonnes(fiche: ChampsFiche): Omit<Insertable<TableFicheAction>, 'convention_id' | 'rang'> {
  return {
    numero: fiche.numero,
    intitule: fiche.intitule,
    mesure: fiche.mesure,
    code_chorus: fiche.code_chorus,
    volet: fiche.volet,
    nature_depense: fiche.nature_depense,
    theme: fiche.theme,
    contexte: fiche.contexte,
    enjeux_objectifs: fiche.enjeux_objectifs,
    description: fiche.description,
    lien_strategie: fiche.lien_strategie,
    date_mise_en_place: fiche.date_mise_en_place,
    duree_action: fiche.duree_action,
    partenaires_cofinanceurs: fiche.partenaires_cofinanceurs,
    budget_detaille: fiche.budget_detaille,
    financee_fapi: fiche.financee_fapi,
    montant_fapi: fiche.montant_fapi,
    objectifs_progression: fiche.objectifs_progression,
    calendrier_previsionnel: fiche.calendrier_previsionnel,
    ind_nouveaux_entrants: fiche.indicateurs_suivi.nouveaux_entrants,
    ind_nouveaux_entrants_orientes_15_jours: fiche.indicateurs_suivi.nouveaux_entrants_orientes_15_jours,
    ind_nouveaux_entrants_concernes: fiche.indicateurs_suivi.nouveaux_entrants_concernes,
    ind_allocataires_concernes: fiche.indicateurs_suivi.allocataires_concernes,
    prev_etat: fiche.previsionnel.etat,
    prev_report_etat: fiche.previsionnel.report_etat,
    prev_cd: fiche.previsionnel.cd,
    prev_valorisation_cd: fiche.previsionnel.valorisation_cd,
    prev_report_cd: fiche.previsionnel.report_cd,
    prev_autres: fiche.previsionnel.autres,
    execution_saisie: fiche.execution !== null,
    exec_realise: fiche.execution?.realise ?? 0,
    exec_valorisation_cd: fiche.execution?.valorisation_cd ?? 0,
    exec_a_reporter_etat: fiche.execution?.a_reporter_etat ?? 0,
    exec_a_reporter_cd: fiche.execution?.a_reporter_cd ?? 0,
    realise_exercice_precedent: fiche.realise_exercice_precedent,
    justification: fiche.justification,
    validee_par_commissaire: fiche.validee_par_commissaire,
  };
}

export class DepotFichesKysely implements DepotFiches {
  constructor(private readonly db: Kysely<BaseJalon>) {}

  async lister(conventionId: number): Promise<FicheAction[]> {
    const lignes = await this.db
      .selectFrom('fiche_action')
      .selectAll()
      .where('convention_id', '=', conventionId)
      .orderBy('rang')
      .orderBy('id')
      .execute();
    return lignes.map(versFiche);
  }

  async trouver(id: number): Promise<(FicheAction & { conventionId: number }) | undefined> {
    const ligne = await this.db
      .selectFrom('fiche_action')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return ligne && { ...versFiche(ligne), conventionId: ligne.convention_id };
  }

  async trouverNumero(conventionId: number, numero: string): Promise<number | undefined> {
    const ligne = await this.db
      .selectFrom('fiche_action')
      .select('id')
      .where('convention_id', '=', conventionId)
      .where('numero', '=', numero)
      .executeTakeFirst();
    return ligne?.id;
  }

  async creer(conventionId: number, fiche: ChampsFiche): Promise<number> {
    // Rang suivant calculé dans l'insertion même (une requête au lieu de deux).
    const { id } = await this.db
      .insertInto('fiche_action')
      .values((eb) => ({
        ...versColonnes(fiche),
        convention_id: conventionId,
        rang: eb
          .selectFrom('fiche_action')
          .select((s) => s(s.fn.coalesce(s.fn.max('rang'), s.lit(-1)), '+', 1).as('rang'))
          .where('convention_id', '=', conventionId),
      }))
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async remplacerToutes(conventionId: number, fiches: readonly ChampsFiche[]): Promise<number[]> {
    await this.db.deleteFrom('fiche_action').where('convention_id', '=', conventionId).execute();
    const ids: number[] = [];
    // Insertion multi-lignes par paquets (PostgreSQL borne un ordre à 65 535 paramètres ; ~45 colonnes par fiche).
    for (let debut = 0; debut < fiches.length; debut += TAILLE_PAQUET) {
      const lignes = await this.db
        .insertInto('fiche_action')
        .values(
          fiches.slice(debut, debut + TAILLE_PAQUET).map((fiche, i) => ({
            ...versColonnes(fiche),
            convention_id: conventionId,
            rang: debut + i,
          })),
        )
        .returning('id')
        .execute();
      ids.push(...lignes.map((l) => l.id));
    }
    return ids;
  }

  async modifier(id: number, fiche: ChampsFiche): Promise<void> {
    await this.db.updateTable('fiche_action').set(versColonnes(fiche)).where('id', '=', id).execute();
  }

  async supprimer(id: number): Promise<void> {
    await this.db.deleteFrom('fiche_action').where('id', '=', id).execute();
  }
}
