import { jourDepuis, moisAbsolu, premierJourDuMois, type Jour, type MoisAbsolu } from './dates.ts';
import type { Dispositif, DossierPersonne, Evenement, ParametresCalcul } from './modele.ts';
import { soumisDroitsDevoirs, versable, vueSituations, type VueSituations } from './situations.ts';
import { commenceSuivi, etatSuivi, suiviEnCours, type EtatSuivi } from './suivi.ts';

/** Pourquoi une personne n'est pas nouvelle entrante dans P (le motif le plus proche de l'entrée). */
export type RaisonNonEntree =
  'AUCUNE_SITUATION_DANS_P' | 'NON_VERSABLE' | 'NON_SDD' | 'SDD_MOIS_PRECEDENT' | 'SUIVI_EN_COURS';

/** La première entrée de la personne dans P et ce qui la suit (spec § 2 « Nouvel entrant »). */
export interface Entree {
  readonly mois: MoisAbsolu;
  /** Premier `reception_notification` daté à partir du premier jour de M−1. */
  readonly t0: Jour | null;
  /** Premier `orientation` ou `designation_referent` daté à partir du premier jour de M. */
  readonly orientation: Evenement | null;
  /** Premier `rdv` non annulé daté à partir de la date d'orientation. */
  readonly premierRdv: Evenement | null;
  /** Premier `cer` daté à partir de la date d'orientation. */
  readonly premierCer: Evenement | null;
  /** `rdv` non annulés ou `cer` datés entre le début de M et l'orientation (anomalies). */
  readonly rdvAvantOrientation: number;
  readonly cerAvantOrientation: number;
}

/** Position dans un dispositif au dernier jour de P (spec § 2 : `ga_en_cours`, `ag_en_cours`). */
export interface PositionDispositif {
  /** Dernière entrée datée au plus tard le dernier jour de P. */
  readonly derniereEntree: Evenement | null;
  /** Sortie datée entre cette entrée et le dernier jour de P (inclus), s'il y en a une. */
  readonly sortie: Evenement | null;
  /** Entrées datées dans P. */
  readonly entreesDansP: readonly Evenement[];
}

export interface DelaiAccompagnementGlobal {
  readonly entree: Evenement;
  /** Dernière `proposition_dispositif` AG antérieure ou égale à l'entrée. */
  readonly proposition: Evenement | null;
}

export interface EvaluationPersonne {
  readonly dossier: DossierPersonne;
  readonly entree: Entree | null;
  readonly raisonNonEntree: RaisonNonEntree | null;
  /** Pour SUIVI_EN_COURS : le mois candidat examiné et l'état du suivi qui l'a bloqué. */
  readonly suiviBloquant: { readonly mois: MoisAbsolu; readonly etat: EtatSuivi } | null;
  readonly ga: PositionDispositif;
  readonly ag: PositionDispositif;
  readonly delaisAg: readonly DelaiAccompagnementGlobal[];
}

export interface BornesPeriode {
  readonly premierMois: MoisAbsolu;
  readonly dernierMois: MoisAbsolu;
  readonly premierJour: Jour;
  readonly dernierJour: Jour;
}

export function bornesPeriode(annee: number): BornesPeriode {
  return {
    premierMois: moisAbsolu(annee, 1),
    dernierMois: moisAbsolu(annee, 12),
    premierJour: jourDepuis(annee, 1, 1),
    dernierJour: jourDepuis(annee, 12, 31),
  };
}

export function evaluerPersonne(dossier: DossierPersonne, parametres: ParametresCalcul): EvaluationPersonne {
  const periode = bornesPeriode(parametres.annee);
  const vue = vueSituations(dossier);
  const recherche = chercherEntree(dossier, vue, parametres, periode);
  const entree = recherche.mois === null ? null : decrireEntree(dossier, recherche.mois);
  const ga = positionDispositif(dossier, 'garantie_activite_departementale', periode);
  const ag = positionDispositif(dossier, 'accompagnement_global', periode);
  return {
    dossier,
    entree,
    raisonNonEntree: recherche.raison,
    suiviBloquant: recherche.suiviBloquant,
    ga,
    ag,
    delaisAg: ag.entreesDansP.map((e) => ({ entree: e, proposition: dernierePropositionAg(dossier, e) })),
  };
}

interface RechercheEntree {
  readonly mois: MoisAbsolu | null;
  readonly raison: RaisonNonEntree | null;
  readonly suiviBloquant: EvaluationPersonne['suiviBloquant'];
}

/**
 * Premier mois d'entrée dans P : V(m), SDD(m) et non SDD(m−1), pas de suivi en cours au mois m
 * (001 · annexe 6 § 1.1 ; 003 · annexe 4 § 4-a ; spec § 2). Sinon, la raison la plus proche de l'entrée.
 */
function chercherEntree(
  dossier: DossierPersonne,
  vue: VueSituations,
  parametres: ParametresCalcul,
  periode: BornesPeriode,
): RechercheEntree {
  let present = false;
  let versableVu = false;
  let versableSddVu = false;
  let suiviBloquant: EvaluationPersonne['suiviBloquant'] = null;
  for (let m = periode.premierMois; m <= periode.dernierMois; m++) {
    const v = versable(vue, m);
    const sdd = soumisDroitsDevoirs(vue, m);
    present ||= hasSituation(vue, m);
    if (!v) continue;
    versableVu = true;
    if (!sdd) continue;
    versableSddVu = true;
    if (soumisDroitsDevoirs(vue, m - 1)) continue;
    const etat = etatSuivi(dossier, vue, parametres.fenetre, m);
    if (!suiviEnCours(etat)) return { mois: m, raison: null, suiviBloquant: null };
    suiviBloquant ??= { mois: m, etat };
  }
  const raison: RaisonNonEntree =
    suiviBloquant !== null
      ? 'SUIVI_EN_COURS'
      : versableSddVu
        ? 'SDD_MOIS_PRECEDENT'
        : versableVu
          ? 'NON_SDD'
          : present
            ? 'NON_VERSABLE'
            : 'AUCUNE_SITUATION_DANS_P';
  return { mois: null, raison, suiviBloquant };
}

function hasSituation(vue: VueSituations, m: MoisAbsolu): boolean {
  const i = vue.index[m - vue.base];
  return i !== undefined && i >= 0;
}

function decrireEntree(dossier: DossierPersonne, mois: MoisAbsolu): Entree {
  const debutMoisPrecedent = premierJourDuMois(mois - 1);
  const debutMois = premierJourDuMois(mois);
  let t0: Jour | null = null;
  let orientation: Evenement | null = null;
  for (const e of dossier.evenements) {
    if (t0 === null && e.type === 'reception_notification' && e.jour >= debutMoisPrecedent) t0 = e.jour;
    if (orientation === null && commenceSuivi(e) && e.jour >= debutMois) orientation = e;
    if (t0 !== null && orientation !== null) break;
  }
  let premierRdv: Evenement | null = null;
  let premierCer: Evenement | null = null;
  let rdvAvantOrientation = 0;
  let cerAvantOrientation = 0;
  for (const e of dossier.evenements) {
    const estRdv = e.type === 'rdv' && e.statut !== 'annule';
    const estCer = e.type === 'cer';
    if (!estRdv && !estCer) continue;
    if (orientation !== null && e.jour >= orientation.jour) {
      if (estRdv) premierRdv ??= e;
      if (estCer) premierCer ??= e;
    } else if (e.jour >= debutMois) {
      if (estRdv) rdvAvantOrientation++;
      if (estCer) cerAvantOrientation++;
    }
  }
  return { mois, t0, orientation, premierRdv, premierCer, rdvAvantOrientation, cerAvantOrientation };
}

/** Dernière entrée au plus tard le dernier jour de P, sans sortie entre elle et ce jour (spec § 2 ; INT-IND-8). */
function positionDispositif(
  dossier: DossierPersonne,
  dispositif: Dispositif,
  periode: BornesPeriode,
): PositionDispositif {
  let derniereEntree: Evenement | null = null;
  const entreesDansP: Evenement[] = [];
  for (const e of dossier.evenements) {
    if (e.dispositif !== dispositif || e.type !== 'entree_dispositif' || e.jour > periode.dernierJour)
      continue;
    derniereEntree = e;
    if (e.jour >= periode.premierJour) entreesDansP.push(e);
  }
  let sortie: Evenement | null = null;
  if (derniereEntree !== null) {
    const debut = derniereEntree.jour;
    sortie =
      dossier.evenements.find(
        (e) =>
          e.type === 'sortie_dispositif' &&
          e.dispositif === dispositif &&
          e.jour >= debut &&
          e.jour <= periode.dernierJour,
      ) ?? null;
  }
  return { derniereEntree, sortie, entreesDansP };
}

function dernierePropositionAg(dossier: DossierPersonne, entree: Evenement): Evenement | null {
  let proposition: Evenement | null = null;
  for (const e of dossier.evenements) {
    if (e.jour > entree.jour) break;
    if (e.type === 'proposition_dispositif' && e.dispositif === 'accompagnement_global') proposition = e;
  }
  return proposition;
}
