import { CADRES, echeances, type CodeCadre, type Regime } from '@jalon/referentiels';
import type { Jour } from '../jour.ts';

/**
 * Période d'exercice d'une convention, lue dans les échéances du cadre (`periode_exercice` de l'exercice et du
 * régime : 001 · annexe 4, synthèse du calendrier ; 003 · III.4.a). Sans échéance de période, l'année civile de
 * l'exercice (INT-PILOTAGE-5).
 */
export function periodeDExercice(
  cadre: CodeCadre,
  regime: Regime,
  exercice: number,
): { readonly debut: Jour; readonly fin: Jour } {
  const periode = echeances(CADRES[cadre], regime).find(
    (echeance) => echeance.code === 'periode_exercice' && echeance.exercice === exercice,
  );
  if (periode?.nature === 'periode') return { debut: periode.debut, fin: periode.fin };
  return { debut: `${exercice}-01-01`, fin: `${exercice}-12-31` };
}
