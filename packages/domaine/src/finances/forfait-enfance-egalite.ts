import type { Centimes } from '../montant.ts';

/** Forfait Innovation 2020 : 1 500 € par journée et par groupe de 15 professionnels (000 · annexe 3). */
export const FORFAIT_JOURNEE_ENFANCE_EGALITE: Centimes = 150_000;
/** « nombre de professionnels par journée (15 au plus) » (000 · annexe 3, cahier des charges national). */
export const PROFESSIONNELS_PAR_JOURNEE = 15;

/**
 * Forfait État des Journées « Enfance = Égalité » (000 · annexe 3) : chaque journée réunit 15 professionnels
 * au plus et ouvre droit à un forfait de 1 500 € ; former `professionnels` personnes demande
 * ⌈ professionnels / 15 ⌉ journées (INT-FINANCES-17).
 */
export function forfaitJourneesEnfanceEgalite(professionnels: number): {
  journees: number;
  montant: Centimes;
} {
  if (!Number.isSafeInteger(professionnels) || professionnels < 0) {
    throw new RangeError(
      `Nombre de professionnels entier positif ou nul attendu, reçu ${String(professionnels)}`,
    );
  }
  const journees = Math.ceil(professionnels / PROFESSIONNELS_PAR_JOURNEE);
  return { journees, montant: journees * FORFAIT_JOURNEE_ENFANCE_EGALITE };
}
