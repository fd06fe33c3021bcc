import { ajouterMois } from './dates.ts';
import type { EvaluationPersonne } from './evaluation.ts';
import type { Anomalie } from './modele.ts';

/** Anomalies à signaler au département (issue « moteur d'indicateurs », § 3 ; DESIGN.md, principe 5). */
export const ANOMALIES = {
  NOUVEL_ENTRANT_SANS_T0:
    'Nouvel entrant sans date de réception de la notification CAF/MSA (T0) : compté parmi les nouveaux entrants, dans aucun indicateur de délai.',
  ORIENTATION_LONGTEMPS_AVANT_T0:
    "Orientation datée plus d'un mois avant le T0 : vérifier la date de réception de la notification ou celle de l'orientation.",
  RDV_AVANT_ORIENTATION:
    "Rendez-vous d'accompagnement daté après l'entrée mais avant l'orientation : vérifier les dates.",
  CER_AVANT_ORIENTATION: "CER daté après l'entrée mais avant l'orientation : vérifier les dates.",
  EVENEMENTS_SANS_SITUATION:
    'Événements d’une personne absente du fichier des situations mensuelles : identifiant erroné ou extraction incomplète.',
} as const;
export type CodeAnomalie = keyof typeof ANOMALIES;

export const EXEMPLES_MAX = 20;

export class CollecteurAnomalies {
  private readonly parCode = new Map<CodeAnomalie, { nombre: number; exemples: string[] }>();

  signaler(code: CodeAnomalie, idPersonne: string): void {
    const entree = this.parCode.get(code) ?? { nombre: 0, exemples: [] };
    entree.nombre++;
    if (entree.exemples.length < EXEMPLES_MAX) entree.exemples.push(idPersonne);
    this.parCode.set(code, entree);
  }

  examiner(ev: EvaluationPersonne): void {
    const id = ev.dossier.id;
    if (ev.dossier.situations.length === 0 && ev.dossier.evenements.length > 0) {
      this.signaler('EVENEMENTS_SANS_SITUATION', id);
    }
    const entree = ev.entree;
    if (entree === null) return;
    if (entree.t0 === null) this.signaler('NOUVEL_ENTRANT_SANS_T0', id);
    if (
      entree.t0 !== null &&
      entree.orientation !== null &&
      entree.orientation.jour < ajouterMois(entree.t0, -1)
    ) {
      this.signaler('ORIENTATION_LONGTEMPS_AVANT_T0', id);
    }
    const horsFranceTravail = entree.orientation?.organisme !== 'france_travail';
    if (horsFranceTravail && entree.rdvAvantOrientation > 0) this.signaler('RDV_AVANT_ORIENTATION', id);
    if (horsFranceTravail && entree.cerAvantOrientation > 0) this.signaler('CER_AVANT_ORIENTATION', id);
  }

  anomalies(): Anomalie[] {
    return (Object.keys(ANOMALIES) as CodeAnomalie[]).flatMap((code) => {
      const entree = this.parCode.get(code);
      return entree === undefined ? [] : [{ code, message: ANOMALIES[code], ...entree }];
    });
  }
}
