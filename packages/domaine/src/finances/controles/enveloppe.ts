import { formaterEuros as euros, somme, type Centimes } from '../../montant.ts';
import type { Verification } from './types.ts';

/**
 * ENVELOPPE_DEPASSEE (001 · annexe 7 art. 2.2 ; 003 · annexe 7 art. 4.1) : Σ A > enveloppe notifiée. Pas de
 * prorata : `enveloppe_etat` est le montant notifié pour la convention (INT-FINANCES-10). Non jugé si
 * l'enveloppe est elle-même invalide (déjà signalée par MONTANT_INVALIDE).
 */
export const verifierEnveloppe: Verification = ({ actions, enveloppeEtat }) => {
  if (enveloppeEtat === undefined) return [];
  const sommeA = somme(actions.map((action) => action.previsionnel.etat));
  if (sommeA <= enveloppeEtat) return [];
  return [
    {
      actions: actions.filter((action) => action.previsionnel.etat > 0).map((action) => action.numero),
      message:
        `Convention : crédits État de l’exercice (Σ A = ${euros(sommeA)}) au-delà de l’enveloppe notifiée ` +
        `(${euros(enveloppeEtat)}) ; réduire la part État de ${euros(sommeA - enveloppeEtat)}.`,
    },
  ];
};

/** Dotation maximale « numérique & partage de données » en 2023 : 100 000 € (001 · annexe 1 § 4). */
export const PLAFOND_NUMERIQUE_2023: Centimes = 10_000_000;
export const MESURE_NUMERIQUE = 'numerique_insertion';

/** NUMERIQUE_PLAFOND (001 · annexe 1 § 4 ; INT-FINANCES-20) : Σ A des actions numerique_insertion > 100 000 €. */
export const verifierPlafondNumerique: Verification = ({ actions }) => {
  const numeriques = actions.filter((action) => action.codeMesure === MESURE_NUMERIQUE);
  const sommeA = somme(numeriques.map((action) => action.previsionnel.etat));
  if (sommeA <= PLAFOND_NUMERIQUE_2023) return [];
  return [
    {
      actions: numeriques.map((action) => action.numero),
      message:
        `Convention : crédits État des actions numerique_insertion (${euros(sommeA)}) au-delà de la dotation ` +
        `maximale de ${euros(PLAFOND_NUMERIQUE_2023)} ; réduire de ${euros(sommeA - PLAFOND_NUMERIQUE_2023)}.`,
    },
  ];
};
