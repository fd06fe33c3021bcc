import type { ActionFinanciere } from '../convention/modele.ts';
import type { Centimes } from '../montant.ts';
import { totalF } from './lignes.ts';

/**
 * Part État d'un montant réalisé, au prorata (001 · annexe 4 : « Le taux de consommation des crédits est réputé
 * équivalent pour une action donnée pour les crédits du conseil départemental et ceux versés par l'Etat ») :
 * réalisé × (A + B) / F, calculée exactement en BigInt et arrondie au centime inférieur (0 si F = 0) —
 * INT-FINANCES-12.
 */
export function partEtat(realise: Centimes, creditsEtat: Centimes, total: Centimes): Centimes {
  if (total === 0) return 0;
  return Number((BigInt(realise) * BigInt(creditsEtat)) / BigInt(total));
}

/** Crédits État consommés par une action à l'exécution (0 sans exécution saisie). */
export function consommeEtat(action: ActionFinanciere): Centimes {
  const { previsionnel: p, execution } = action;
  return partEtat(execution?.realise ?? 0, p.etat + p.report_etat, totalF(p));
}
