import type { Cadre } from '../cadres/types.ts';
import type { Echeance, Regime } from './types.ts';

/**
 * Échéances d'un cadre pour un régime, dans l'ordre chronologique des données. Un régime que le cadre ne
 * connaît pas (l'année glissante n'existe qu'en 2022-2023, 001 · annexe 4) lève une erreur en français.
 */
export function echeances(cadre: Cadre, regime: Regime): readonly Echeance[] {
  if (!cadre.regimes.includes(regime)) {
    throw new Error(
      `Le cadre ${cadre.code} ne connaît pas le régime « ${regime} » (régimes admis : ${cadre.regimes.join(', ')}).`,
    );
  }
  return cadre.echeances.filter((echeance) => echeance.regimes.includes(regime));
}

/** Date de référence d'une échéance pour l'ordre chronologique : la date limite, ou le début de la période. */
export function dateDeReference(echeance: Echeance): string {
  return echeance.nature === 'date_limite' ? echeance.date : echeance.debut;
}
