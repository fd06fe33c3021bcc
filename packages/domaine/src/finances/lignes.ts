import { COLONNES_EXECUTION, COLONNES_PREVISIONNEL } from '../convention/schema.ts';
import type { ActionFinanciere, Execution, Previsionnel } from '../convention/modele.ts';
import type { Centimes } from '../montant.ts';

/** Une ligne du tableau financier (annexe 9 de 001), en centimes. */
export interface LignePrevisionnel extends Previsionnel {
  /** F = A + B + C + D + E ; la valorisation est comprise dans C, elle n'est pas ajoutée (001 · annexe 9). */
  total: Centimes;
}
export interface Ligne {
  readonly previsionnel: LignePrevisionnel;
  readonly execution: Execution;
}

export const COLONNES_LIGNE_PREVISIONNEL = [...COLONNES_PREVISIONNEL, 'total'] as const;

/** F = A + B + C + D + E (001 · annexe 9 ; spec convention-v1 § 1). */
export const totalF = (p: Previsionnel): Centimes => p.etat + p.report_etat + p.cd + p.report_cd + p.autres;

const EXECUTION_VIDE: Execution = { realise: 0, valorisation_cd: 0, a_reporter_etat: 0, a_reporter_cd: 0 };

/** Ligne d'une action ; sans exécution saisie, l'exécution vaut zéro partout (INT-FINANCES-6). */
export const ligneAction = (action: ActionFinanciere): Ligne => ({
  previsionnel: { ...action.previsionnel, total: totalF(action.previsionnel) },
  execution: action.execution ?? EXECUTION_VIDE,
});

export const LIGNE_VIDE: Ligne = {
  previsionnel: { etat: 0, report_etat: 0, cd: 0, valorisation_cd: 0, report_cd: 0, autres: 0, total: 0 },
  execution: EXECUTION_VIDE,
};

/** Somme colonne par colonne. */
export function additionner(lignes: Iterable<Ligne>): Ligne {
  const previsionnel = { ...LIGNE_VIDE.previsionnel };
  const execution = { ...LIGNE_VIDE.execution };
  for (const ligne of lignes) {
    for (const colonne of COLONNES_LIGNE_PREVISIONNEL) previsionnel[colonne] += ligne.previsionnel[colonne];
    for (const colonne of COLONNES_EXECUTION) execution[colonne] += ligne.execution[colonne];
  }
  return { previsionnel, execution };
}

export const lignesEgales = (a: Ligne, b: Ligne): boolean =>
  COLONNES_LIGNE_PREVISIONNEL.every((colonne) => a.previsionnel[colonne] === b.previsionnel[colonne]) &&
  COLONNES_EXECUTION.every((colonne) => a.execution[colonne] === b.execution[colonne]);
