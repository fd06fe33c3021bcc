import type { ContexteDocument } from '../contexte.ts';
import { feuillesBilanFinancier, feuillesPlanFinancement } from './france-travail.ts';
import type { Classeur } from './modele.ts';
import { feuilleTableauFinancier } from './tableau-financier-calpae.ts';
import { feuilleIndicateurs } from './tableau-indicateurs.ts';

/**
 * Classeur du tableau financier : CALPAE, prévisionnel puis exécution de l'exercice (001 · annexe 9) ;
 * France Travail, plan de financement puis trame de bilan financier, par volet (003 · annexe 7, annexes 2 et 3).
 */
export function classeurTableauFinancier(contexte: ContexteDocument): Classeur {
  const { cadre, exercice } = contexte.convention;
  if (cadre.famille === 'france_travail') {
    return {
      titre: `Plan de financement et bilan financier ${exercice}`,
      feuilles: [...feuillesPlanFinancement(contexte), ...feuillesBilanFinancier(contexte)],
    };
  }
  return {
    titre: `Tableau financier récapitulatif ${exercice}`,
    feuilles: [
      feuilleTableauFinancier(contexte, 'previsionnel'),
      feuilleTableauFinancier(contexte, 'execution'),
    ],
  };
}

/** Classeur du tableau des indicateurs (001 · annexe 8 ; 003 · annexe 4). */
export const classeurIndicateurs = (contexte: ContexteDocument): Classeur => ({
  titre: `Tableau des indicateurs ${contexte.convention.exercice}`,
  feuilles: [feuilleIndicateurs(contexte)],
});
