import { verifierCentimes } from '../../finances/credits.ts';
import { formaterEuros, somme, type Centimes } from '../../montant.ts';
import type { SimulationRegion } from './refactions.ts';

export interface Affectation {
  readonly libelle: string;
  readonly montant: Centimes;
  /**
   * `projet_regional` : projet « impactant » ou innovant sur les crédits maintenus en région (001 · annexe 4 § 2) ;
   * `supplement_insertion` : crédits supplémentaires du volet insertion, réservés aux collectivités en convention
   * de 6 mois qui présentent des actions renforcées (001 · I.3 et annexe 4 § 2).
   */
  readonly nature: 'projet_regional' | 'supplement_insertion';
  /** Collectivité bénéficiaire et durée de sa convention (obligatoires pour un supplément d'insertion). */
  readonly beneficiaire?: { readonly code: string; readonly dureeMois: 12 | 6 };
}

export interface Reallocation {
  /** Crédits maintenus en région : au moins 80 % des réfactions, au plus leur totalité. */
  readonly maintenuEnRegion: Centimes;
  readonly engageProjets: Centimes;
  readonly resteProjets: Centimes;
  readonly supplementInsertion: Centimes;
  readonly engageSupplement: Centimes;
  readonly resteSupplement: Centimes;
  /** Vide : la réallocation respecte les règles. Sinon, en français, ce qui ne va pas. */
  readonly erreurs: readonly string[];
}

/**
 * Ce qu'un commissaire peut réallouer dans sa région, et le contrôle de ses affectations. Le montant maintenu en
 * région est au moins le minimum de `retenueRegionale` ; l'administration centrale peut en laisser davantage,
 * jusqu'à la totalité des réfactions (`maintenuEnRegion`, INT-PILOTAGE-15).
 */
export function reallouerEnRegion(entree: {
  readonly simulation: SimulationRegion;
  readonly maintenuEnRegion?: Centimes;
  readonly supplementInsertion?: Centimes;
  readonly affectations: readonly Affectation[];
}): Reallocation {
  const { retenue } = entree.simulation;
  const maintenuEnRegion = entree.maintenuEnRegion ?? retenue.minimumMaintenuEnRegion;
  const supplementInsertion = entree.supplementInsertion ?? 0;
  verifierCentimes('maintenu en région', maintenuEnRegion);
  verifierCentimes('crédits supplémentaires insertion', supplementInsertion);
  const erreurs: string[] = [];
  if (maintenuEnRegion < retenue.minimumMaintenuEnRegion || maintenuEnRegion > retenue.refactions) {
    erreurs.push(
      `Le montant maintenu en région (${formaterEuros(maintenuEnRegion)}) doit être compris entre 80 % des réfactions (${formaterEuros(retenue.minimumMaintenuEnRegion)}) et leur totalité (${formaterEuros(retenue.refactions)}) — 001 · annexe 4 § 2.`,
    );
  }
  for (const affectation of entree.affectations) {
    verifierCentimes(`affectation « ${affectation.libelle} »`, affectation.montant);
    if (affectation.nature === 'supplement_insertion' && affectation.beneficiaire?.dureeMois !== 6) {
      erreurs.push(
        `« ${affectation.libelle} » : les crédits supplémentaires du volet insertion vont aux collectivités en convention de 6 mois (001 · I.3 ; annexe 4 § 2).`,
      );
    }
  }
  const du = (nature: Affectation['nature']) =>
    somme(entree.affectations.filter((a) => a.nature === nature).map((a) => a.montant));
  const engageProjets = du('projet_regional');
  const engageSupplement = du('supplement_insertion');
  if (engageProjets > maintenuEnRegion) {
    erreurs.push(
      `Les projets régionaux (${formaterEuros(engageProjets)}) dépassent les crédits maintenus en région (${formaterEuros(maintenuEnRegion)}).`,
    );
  }
  if (engageSupplement > supplementInsertion) {
    erreurs.push(
      `Les suppléments d'insertion (${formaterEuros(engageSupplement)}) dépassent l'enveloppe supplémentaire (${formaterEuros(supplementInsertion)}).`,
    );
  }
  return {
    maintenuEnRegion,
    engageProjets,
    resteProjets: Math.max(0, maintenuEnRegion - engageProjets),
    supplementInsertion,
    engageSupplement,
    resteSupplement: Math.max(0, supplementInsertion - engageSupplement),
    erreurs,
  };
}
