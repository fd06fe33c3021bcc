import type { ContexteDocument } from '../contexte.ts';
import type { Classeur } from './modele.ts';
import { feuilleTableauFinancier } from './tableau-financier-calpae.ts';

/** Classeur du tableau financier CALPAE (001 · annexe 9) : prévisionnel puis exécution de l'exercice. */
export const classeurTableauFinancierCalpae = (contexte: ContexteDocument): Classeur => ({
  titre: `Tableau financier récapitulatif ${contexte.convention.exercice}`,
  feuilles: [
    feuilleTableauFinancier(contexte, 'previsionnel'),
    feuilleTableauFinancier(contexte, 'execution'),
  ],
});
