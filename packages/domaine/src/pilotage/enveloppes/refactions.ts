import { retenueRegionale, verifierCentimes, type RetenueRegionale } from '../../finances/credits.ts';
import { somme, type Centimes } from '../../montant.ts';

export interface LigneSimulation {
  readonly code: string;
  /** Montant pré-notifié à la collectivité. */
  readonly prenotifie: Centimes;
  /** Montant que l'État propose d'attribuer (note d'analyse, `creditsExerciceSuivant`…). */
  readonly attribue: Centimes;
}

export interface LigneSimulee extends LigneSimulation {
  /** Pré-notifié − attribué, quand c'est positif (réfaction). */
  readonly refaction: Centimes;
  /** Attribué − pré-notifié, quand c'est positif (crédits supplémentaires, 001 · I.3). */
  readonly supplement: Centimes;
}

export interface SimulationRegion {
  readonly region: string;
  readonly lignes: readonly LigneSimulee[];
  readonly totalPrenotifie: Centimes;
  readonly totalAttribue: Centimes;
  readonly totalSupplements: Centimes;
  /** Réfactions et part maintenue en région : au moins 80 % (001 · annexe 4 § 2, `retenueRegionale`). */
  readonly retenue: RetenueRegionale;
}

/**
 * Simulation des réfactions d'une région (001 · annexe 4 § 2 : « Dans l'hypothèse où une partie des crédits
 * 2023 ne serait pas allouée aux départements, ceux-ci seront maintenus en région pour au moins 80 % du montant
 * des réfections » ; 000 · annexe 5 § 1 pour 2020). Les réfactions se totalisent par région (INT-PILOTAGE-15).
 */
export function simulerRefactions(region: string, lignes: readonly LigneSimulation[]): SimulationRegion {
  const simulees = lignes.map((ligne): LigneSimulee => {
    verifierCentimes(`pré-notifié de ${ligne.code}`, ligne.prenotifie);
    verifierCentimes(`attribué à ${ligne.code}`, ligne.attribue);
    return {
      ...ligne,
      refaction: Math.max(0, ligne.prenotifie - ligne.attribue),
      supplement: Math.max(0, ligne.attribue - ligne.prenotifie),
    };
  });
  return {
    region,
    lignes: simulees,
    totalPrenotifie: somme(simulees.map((l) => l.prenotifie)),
    totalAttribue: somme(simulees.map((l) => l.attribue)),
    totalSupplements: somme(simulees.map((l) => l.supplement)),
    retenue: retenueRegionale(somme(simulees.map((l) => l.refaction))),
  };
}
