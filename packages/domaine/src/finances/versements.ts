import type { Centimes } from '../montant.ts';
import { verifierCentimes } from './credits.ts';

export interface VersementsFranceTravail {
  /** 60 % du montant alloué, arrondi au centime inférieur (INT-FINANCES-16). */
  readonly avance: Centimes;
  /** Solde prévu = montant alloué − avance : avance + solde redonne exactement le montant alloué. */
  readonly solde: Centimes;
  /** Dû au vu du bilan final = min(dépenses éligibles réalisées, montant alloué). */
  readonly du: Centimes | undefined;
  /** Reste à verser après le bilan final = max(0, dû − versé). */
  readonly resteAVerser: Centimes | undefined;
  /** Trop-perçu à rembourser = max(0, versé − dû). */
  readonly tropPercu: Centimes | undefined;
}

/**
 * Versements France Travail (003 · annexe 7 art. 6 : « Une avance de 60 % du montant prévisionnel […] à la
 * signature » ; « Un versement du solde […] suivant la production du bilan final » ; « En cas de trop-perçu,
 * les montants indus sont remboursés » ; art. 8 : la contribution n'excède pas le coût de l'action).
 * Sans dépenses réalisées (bilan pas encore produit), seul l'échéancier est calculé. `verse` vaut par défaut
 * l'avance (ce qui a été versé avant le bilan final).
 */
export function versementsFranceTravail(entree: {
  readonly montantAlloue: Centimes;
  readonly depensesEligiblesRealisees?: Centimes;
  readonly verse?: Centimes;
}): VersementsFranceTravail {
  verifierCentimes('montant alloué', entree.montantAlloue);
  const avance = Math.floor((entree.montantAlloue * 60) / 100);
  const solde = entree.montantAlloue - avance;
  if (entree.depensesEligiblesRealisees === undefined) {
    return { avance, solde, du: undefined, resteAVerser: undefined, tropPercu: undefined };
  }
  verifierCentimes('dépenses éligibles réalisées', entree.depensesEligiblesRealisees);
  const verse = entree.verse ?? avance;
  verifierCentimes('versé', verse);
  const du = Math.min(entree.depensesEligiblesRealisees, entree.montantAlloue);
  return { avance, solde, du, resteAVerser: Math.max(0, du - verse), tropPercu: Math.max(0, verse - du) };
}
