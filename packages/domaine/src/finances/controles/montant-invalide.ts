import type { Verification } from './types.ts';

/**
 * MONTANT_INVALIDE (spec § 1 et § 3 ; INT-FINANCES-1) : une entrée par action concernée (tous ses montants
 * invalides réunis), `enveloppe_etat` en tête avec `actions: []`. Le montant invalide compte pour 0.
 */
export const verifierMontants: Verification = (convention) => {
  const groupes = new Map<string | undefined, string[]>();
  for (const invalide of convention.montantsInvalides) {
    const liste = groupes.get(invalide.numero) ?? [];
    liste.push(`${invalide.chemin} (${invalide.raison})`);
    groupes.set(invalide.numero, liste);
  }
  return [...groupes].map(([numero, champs]) => ({
    actions: numero === undefined ? [] : [numero],
    message:
      `${numero === undefined ? 'Enveloppe État' : `Action ${numero}`} : montant invalide, compté pour 0 — ` +
      `${champs.join(' ; ')}. Saisir un nombre positif ou nul, en euros, à deux décimales au plus.`,
  }));
};
