import { ajouterMois } from './dates.ts';
import type { BornesPeriode, Entree, EvaluationPersonne, PositionDispositif } from './evaluation.ts';
import type { CodeIndicateur } from './modele.ts';

/**
 * Pour chaque indicateur qui compte des personnes, la raison pour laquelle une personne est comptée (`COMPTE`) ou
 * non, ou `null` si elle n'entre pas dans la population de l'indicateur. Source unique des comptes ET des
 * explications : un chiffre s'explique toujours par les mêmes règles (DESIGN.md, principe 4).
 * Définitions : spec parcours-rsa-v1 § 2 (001 · annexe 6 § 1.1-1.2 ; 003 · annexe 4 § 4).
 */
export const COMPTE = 'COMPTE';

export type CodeIndicateurPersonne = Exclude<CodeIndicateur, 'ag_par_conseiller' | 'ag_delai_moyen_jours'>;

/** 15 jours et moins, 2 semaines et moins : un écart de 14 jours au plus (spec § 2 « Délais »). */
export const ECART_MAX_15_JOURS = 14;

type Juge = (ev: EvaluationPersonne, periode: BornesPeriode) => string | null;

const avecEntree =
  (juge: (entree: Entree, ev: EvaluationPersonne, periode: BornesPeriode) => string): Juge =>
  (ev, periode) =>
    ev.entree === null ? null : juge(ev.entree, ev, periode);

const orientee = (entree: Entree, periode: BornesPeriode): string | null => {
  if (entree.orientation === null) return 'SANS_ORIENTATION';
  if (entree.orientation.jour > periode.dernierJour) return 'ORIENTATION_APRES_PERIODE';
  return null;
};

const orienteeHorsFranceTravail = (entree: Entree): string | null => {
  if (entree.orientation === null) return 'SANS_ORIENTATION';
  if (entree.orientation.organisme === 'france_travail') return 'ORIENTE_FRANCE_TRAVAIL';
  return null;
};

/** Délai d'orientation depuis T0 (« en 1 mois et moins », « en 15 jours et moins ») — non borné par P (INT-IND-6). */
const orienteeDansDelai =
  (dansDelai: (t0: number, jour: number) => boolean) =>
  (entree: Entree): string => {
    if (entree.t0 === null) return 'SANS_T0';
    if (entree.orientation === null) return 'SANS_ORIENTATION';
    return dansDelai(entree.t0, entree.orientation.jour) ? COMPTE : 'HORS_DELAI';
  };

const premierRdv = (entree: Entree, periode: BornesPeriode): string | null => {
  const refus = orienteeHorsFranceTravail(entree);
  if (refus !== null) return refus;
  if (entree.premierRdv === null) return 'SANS_RDV';
  if (entree.premierRdv.jour > periode.dernierJour) return 'RDV_APRES_PERIODE';
  return null;
};

const premierCer = (entree: Entree, periode: BornesPeriode): string | null => {
  const refus = orienteeHorsFranceTravail(entree);
  if (refus !== null) return refus;
  if (entree.premierCer === null) return 'SANS_CER';
  if (entree.premierCer.jour > periode.dernierJour) return 'CER_APRES_PERIODE';
  return null;
};

const enCours = (position: PositionDispositif): string | null => {
  if (position.derniereEntree === null) return null;
  return position.sortie === null ? COMPTE : 'SORTI';
};

export const JUGES: Readonly<Record<CodeIndicateurPersonne, Juge>> = {
  nouveaux_entrants: (ev) => (ev.entree !== null ? COMPTE : ev.raisonNonEntree),
  nouveaux_entrants_orientes: avecEntree((entree, _ev, periode) => orientee(entree, periode) ?? COMPTE),
  nouveaux_entrants_orientes_hors_france_travail: avecEntree(
    (entree, _ev, periode) => orientee(entree, periode) ?? orienteeHorsFranceTravail(entree) ?? COMPTE,
  ),
  orientes_1_mois: avecEntree(orienteeDansDelai((t0, jour) => jour < ajouterMois(t0, 1))),
  orientes_15_jours: avecEntree(orienteeDansDelai((t0, jour) => jour - t0 <= ECART_MAX_15_JOURS)),
  premiers_rdv: avecEntree((entree, _ev, periode) => premierRdv(entree, periode) ?? COMPTE),
  premiers_rdv_2_semaines: avecEntree((entree, _ev, periode) => {
    const refus = premierRdv(entree, periode);
    if (refus !== null) return refus;
    const ecart = (entree.premierRdv?.jour ?? 0) - (entree.orientation?.jour ?? 0);
    return ecart <= ECART_MAX_15_JOURS ? COMPTE : 'HORS_DELAI';
  }),
  premiers_cer: avecEntree((entree, _ev, periode) => premierCer(entree, periode) ?? COMPTE),
  premiers_cer_2_mois: avecEntree((entree, _ev, periode) => {
    const refus = premierCer(entree, periode);
    if (refus !== null) return refus;
    if (entree.t0 === null) return 'SANS_T0';
    return (entree.premierCer?.jour ?? 0) < ajouterMois(entree.t0, 2) ? COMPTE : 'HORS_DELAI';
  }),
  ga_orientes: avecEntree((_entree, ev) =>
    ev.ga.entreesDansP.length > 0 ? COMPTE : 'SANS_ENTREE_GA_DANS_P',
  ),
  ga_en_cours: (ev) => enCours(ev.ga),
  ag_orientes: (ev) => {
    if (ev.ag.entreesDansP.length > 0) return COMPTE;
    return ev.ag.derniereEntree !== null ? 'ENTREE_HORS_PERIODE' : null;
  },
  ag_en_cours: (ev) => enCours(ev.ag),
};

export const CODES_INDICATEURS_PERSONNE = Object.keys(JUGES) as CodeIndicateurPersonne[];
