import { formaterEuros as euros, somme } from '../../montant.ts';
import { consommeEtat } from '../consommation.ts';
import type { Verification } from './types.ts';

/**
 * FONGIBILITE_VOLETS (003 · III.2 : « Les crédits ne sont pas fongibles entre les trois volets ») : par volet,
 * crédits État consommés estimés au prorata (`consommeEtat`, INT-FINANCES-12) comparés aux crédits État
 * alloués au volet (Σ A + B). Jugé seulement quand une exécution est saisie.
 */
export const verifierFongibiliteVolets: Verification = ({ actions }) => {
  if (!actions.some((action) => action.execution !== undefined)) return [];
  return ([1, 2, 3] as const).flatMap((volet) => {
    const duVolet = actions.filter((action) => action.volet === volet);
    const alloue = somme(duVolet.map(({ previsionnel: p }) => p.etat + p.report_etat));
    const consomme = somme(duVolet.map(consommeEtat));
    if (consomme <= alloue) return [];
    return [
      {
        actions: duVolet.map((action) => action.numero),
        message:
          `Volet ${volet} : crédits État consommés estimés à ${euros(consomme)} (au prorata du réalisé) pour ` +
          `${euros(alloue)} alloués ; le dépassement de ${euros(consomme - alloue)} ne peut être pris sur un autre ` +
          `volet, le financer sur les moyens propres du département.`,
      },
    ];
  });
};
