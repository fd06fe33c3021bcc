import { formaterEuros as euros } from '../../montant.ts';
import type { Verification } from './types.ts';

/**
 * REPORT_AU_DELA_CONVENTION (001 · annexe 7 art. 5 : « aucun report des crédits au-delà de la durée
 * d'exécution de la présente convention » ; 001 · annexe 4 : 2023 est la dernière année des CALPAE) :
 * une entrée par action dont un montant à reporter est non nul (INT-FINANCES-21).
 */
export const verifierReportAuDelaConvention: Verification = ({ actions }) =>
  actions.flatMap(({ numero, execution }) => {
    if (execution === undefined || (execution.a_reporter_etat <= 0 && execution.a_reporter_cd <= 0))
      return [];
    return [
      {
        actions: [numero],
        message:
          `Action ${numero} : montants à reporter (part État ${euros(execution.a_reporter_etat)}, part CD ` +
          `${euros(execution.a_reporter_cd)}) alors que 2023 est la dernière année de la convention ; ` +
          `la part État non dépensée donnera lieu à un titre de reversement.`,
      },
    ];
  });
