/**
 * Évaluation d'une personne pour les indicateurs du volet 3 (003 · annexe 4 § 3 ; définitions dans
 * docs/indicateurs-volet3.md, choix INT-DONNEES-8 à 14). Fonction pure, une personne à la fois.
 */
import type { Jour } from '../moteur/dates.ts';
import type { BornesPeriode } from '../moteur/evaluation.ts';
import type { DossierPersonneV11, EvenementVolet3, ParcoursVentile } from './modele.ts';

export interface Periode {
  readonly debut: Jour;
  /** Dernier jour d'accompagnement (jour de l'événement de fin), `null` si toujours en cours. */
  readonly fin: Jour | null;
}

export interface EvaluationVolet3 {
  readonly id: string;
  readonly parcours: ParcoursVentile;
  readonly periodes: readonly Periode[];
  /** Une période d'accompagnement chevauche P (INT-DONNEES-8). */
  readonly inscrit: boolean;
  /** Début d'une période d'accompagnement daté dans P. */
  readonly entreeDansP: Jour | null;
  /** Fin d'une période (fin_suivi, sortie_rsa) datée dans P. */
  readonly sortieDansP: Jour | null;
  readonly cerDansP: number;
  readonly ppaeDansP: number;
  /** Première reprise d'emploi datée dans P, à partir du début d'une période (INT-DONNEES-11). */
  readonly reprise: EvenementVolet3 | null;
  /** Première reprise d'emploi durable (CDI, création d'entreprise ou contrat de 6 mois et plus) ainsi datée. */
  readonly repriseDurable: EvenementVolet3 | null;
  /** Premier `ouverture_droit` daté dans P et premier entretien qui le suit, au plus tard fin P (INT-DONNEES-12). */
  readonly ouverture: Jour | null;
  readonly premierEntretien: Jour | null;
  /** Premier diagnostic de la personne, s'il est daté dans P, et première action qui le suit (INT-DONNEES-13). */
  readonly diagnostic: Jour | null;
  readonly premiereAction: Jour | null;
  /** Heures d'actions (centièmes) et jours d'accompagnement dans P (INT-DONNEES-14). */
  readonly heuresCentiemes: number;
  readonly joursAccompagnes: number;
}

/** Seuil de l'accompagnement intensif : 15 heures d'activités par semaine (003 · annexe 3 ; 003 § volet 3). */
export const HEURES_HEBDO_INTENSIF = 15;

/** `7 × heures ≥ 15 × jours`, en centièmes d'heure : moyenne hebdomadaire ≥ 15 h sans virgule flottante. */
export const estIntensif = (e: EvaluationVolet3): boolean =>
  e.joursAccompagnes > 0 && 7 * e.heuresCentiemes >= HEURES_HEBDO_INTENSIF * 100 * e.joursAccompagnes;

/** Emploi durable (INT-DONNEES-11) : CDI, création d'entreprise, ou contrat d'au moins 6 mois. */
export const estDurable = (e: EvenementVolet3): boolean =>
  e.typeContrat === 'cdi' || e.typeContrat === 'creation_entreprise' || (e.dureeMois ?? 0) >= 6;

type Borne = { jour: Jour; sorte: 'debut' | 'fin' };

/** Périodes d'accompagnement (INT-DONNEES-8) : ouvertes par orientation, désignation de référent ou diagnostic ; closes par fin_suivi ou sortie_rsa. */
export function periodesAccompagnement(d: DossierPersonneV11): Periode[] {
  const bornes: Borne[] = [];
  for (const e of d.evenements) {
    if (e.type === 'orientation' || e.type === 'designation_referent')
      bornes.push({ jour: e.jour, sorte: 'debut' });
    else if (e.type === 'fin_suivi') bornes.push({ jour: e.jour, sorte: 'fin' });
  }
  for (const e of d.evenementsVolet3) {
    if (e.type === 'diagnostic') bornes.push({ jour: e.jour, sorte: 'debut' });
    else if (e.type === 'sortie_rsa') bornes.push({ jour: e.jour, sorte: 'fin' });
  }
  // À jour égal, la fin d'abord : une orientation le jour d'une fin ouvre une nouvelle période.
  bornes.sort((a, b) => a.jour - b.jour || (a.sorte === b.sorte ? 0 : a.sorte === 'fin' ? -1 : 1));
  const periodes: Periode[] = [];
  let debut: Jour | null = null;
  for (const b of bornes) {
    if (b.sorte === 'debut' && debut === null) debut = b.jour;
    else if (b.sorte === 'fin' && debut !== null) {
      periodes.push({ debut, fin: b.jour });
      debut = null;
    }
  }
  if (debut !== null) periodes.push({ debut, fin: null });
  return periodes;
}

/** Parcours (INT-DONNEES-9) : celui de la dernière orientation datée au plus tard le dernier jour de P qui en porte un. */
export function parcoursDe(d: DossierPersonneV11, p: BornesPeriode): ParcoursVentile {
  let parcours: ParcoursVentile = 'non_renseigne';
  for (const e of d.evenements) {
    if (e.type === 'orientation' && e.jour <= p.dernierJour && e.parcours !== undefined)
      parcours = e.parcours;
  }
  return parcours;
}

const dansP = (j: Jour, p: BornesPeriode): boolean => j >= p.premierJour && j <= p.dernierJour;

export function evaluerVolet3(d: DossierPersonneV11, p: BornesPeriode): EvaluationVolet3 {
  const periodes = periodesAccompagnement(d);
  const chevauchent = periodes.filter(
    (x) => x.debut <= p.dernierJour && (x.fin === null || x.fin >= p.premierJour),
  );
  const inscrit = chevauchent.length > 0;
  const entreeDansP = periodes.find((x) => dansP(x.debut, p))?.debut ?? null;
  const sortieDansP = periodes.find((x) => x.fin !== null && dansP(x.fin, p))?.fin ?? null;
  const premierDebut = periodes[0]?.debut ?? null;

  let cerDansP = 0;
  let ppaeDansP = 0;
  let ouverture: Jour | null = null;
  let premierEntretien: Jour | null = null;
  for (const e of d.evenements) {
    if (e.type === 'cer' && inscrit && dansP(e.jour, p)) cerDansP++;
    if (e.type === 'ouverture_droit' && ouverture === null && dansP(e.jour, p)) ouverture = e.jour;
  }
  // Entretiens : rendez-vous honoré (ou sans statut, comme en v1) et diagnostic (INT-DONNEES-12).
  const entretiens: Jour[] = [
    ...d.evenements
      .filter((e) => e.type === 'rdv' && (e.statut === undefined || e.statut === 'honore'))
      .map((e) => e.jour),
    ...d.evenementsVolet3.filter((e) => e.type === 'diagnostic').map((e) => e.jour),
  ].sort((a, b) => a - b);
  if (ouverture !== null) {
    const o = ouverture;
    premierEntretien = entretiens.find((j) => j >= o && j <= p.dernierJour) ?? null;
  }

  let reprise: EvenementVolet3 | null = null;
  let repriseDurable: EvenementVolet3 | null = null;
  let diagnostic: Jour | null = null;
  let premierDiagnosticVu = false;
  let heuresCentiemes = 0;
  for (const e of d.evenementsVolet3) {
    if (e.type === 'ppae' && inscrit && dansP(e.jour, p)) ppaeDansP++;
    if (e.type === 'reprise_emploi' && dansP(e.jour, p) && premierDebut !== null && e.jour >= premierDebut) {
      reprise ??= e;
      if (estDurable(e)) repriseDurable ??= e;
    }
    if (e.type === 'diagnostic' && !premierDiagnosticVu) {
      premierDiagnosticVu = true;
      if (dansP(e.jour, p)) diagnostic = e.jour;
    }
    if (e.type === 'action_accompagnement' && e.dureeCentiemes !== undefined) {
      if (
        chevauchent.some((x) => e.jour >= x.debut && (x.fin === null || e.jour <= x.fin)) &&
        dansP(e.jour, p)
      )
        heuresCentiemes += e.dureeCentiemes;
    }
  }
  let premiereAction: Jour | null = null;
  if (diagnostic !== null) {
    const dg = diagnostic;
    premiereAction =
      d.evenementsVolet3.find(
        (e) => e.type === 'action_accompagnement' && e.jour >= dg && e.jour <= p.dernierJour,
      )?.jour ?? null;
  }
  // Jours d'accompagnement dans P : union des périodes (disjointes par construction) bornées à P, bornes incluses.
  let joursAccompagnes = 0;
  for (const x of chevauchent) {
    const a = Math.max(x.debut, p.premierJour);
    const b = Math.min(x.fin ?? p.dernierJour, p.dernierJour);
    if (b >= a) joursAccompagnes += b - a + 1;
  }
  return {
    id: d.id,
    parcours: parcoursDe(d, p),
    periodes,
    inscrit,
    entreeDansP,
    sortieDansP,
    cerDansP,
    ppaeDansP,
    reprise: inscrit ? reprise : null,
    repriseDurable: inscrit ? repriseDurable : null,
    ouverture,
    premierEntretien,
    diagnostic,
    premiereAction,
    heuresCentiemes: inscrit ? heuresCentiemes : 0,
    joursAccompagnes,
  };
}
