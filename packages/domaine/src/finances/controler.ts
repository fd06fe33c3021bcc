import type { ConventionFinanciere } from '../convention/modele.ts';
import { CATALOGUE_CONTROLES, sourceDuControle, type CodeControle } from './catalogue-controles.ts';
import { verifierActionSansDepense } from './controles/action-sans-depense.ts';
import { verifierEnveloppe, verifierPlafondNumerique } from './controles/enveloppe.ts';
import { verifierFongibiliteAsymetrique } from './controles/fongibilite-asymetrique.ts';
import { verifierFongibiliteVolets } from './controles/fongibilite-volets.ts';
import { verifierCofinancementVolet2, verifierDepenseIneligible } from './controles/france-travail.ts';
import { verifierImputationChorus, verifierMesures } from './controles/mesures.ts';
import { verifierMontants } from './controles/montant-invalide.ts';
import { verifierPariteAction, verifierPariteConvention } from './controles/parite.ts';
import { verifierReportAuDelaConvention } from './controles/report.ts';
import type { ResultatControle, Verification } from './controles/types.ts';
import {
  verifierValorisationJustifiee,
  verifierValorisationPlafond,
  verifierValorisationSuperieureCd,
} from './controles/valorisation.ts';

/** La vérification de chaque code du catalogue. */
const VERIFICATIONS: Readonly<Record<CodeControle, Verification>> = {
  MONTANT_INVALIDE: verifierMontants,
  MESURE_INCONNUE: verifierMesures,
  IMPUTATION_CHORUS: verifierImputationChorus,
  VALORISATION_SUPERIEURE_CD: verifierValorisationSuperieureCd,
  PARITE_ACTION: verifierPariteAction,
  PARITE_CONVENTION: verifierPariteConvention,
  VALORISATION_PLAFOND: verifierValorisationPlafond,
  VALORISATION_JUSTIFIEE: verifierValorisationJustifiee,
  ENVELOPPE_DEPASSEE: verifierEnveloppe,
  ACTION_SANS_DEPENSE: verifierActionSansDepense,
  NUMERIQUE_PLAFOND: verifierPlafondNumerique,
  FONGIBILITE_ASYMETRIQUE: verifierFongibiliteAsymetrique,
  REPORT_AU_DELA_CONVENTION: verifierReportAuDelaConvention,
  COFINANCEMENT_VOLET2: verifierCofinancementVolet2,
  FONGIBILITE_VOLETS: verifierFongibiliteVolets,
  DEPENSE_INELIGIBLE: verifierDepenseIneligible,
};

/**
 * Granularité et ordre : INT-FINANCES-3.
 * Passe les contrôles du catalogue qui s'appliquent au cadre de la convention, dans l'ordre du catalogue,
 * chaque contrôle rendant ses constats dans l'ordre des actions (spec convention-v1 § 3).
 */
export function controlerConvention(convention: ConventionFinanciere): ResultatControle[] {
  const cadre = convention.cadre.code;
  return CATALOGUE_CONTROLES.filter((entree) => entree.cadres.includes(cadre)).flatMap((entree) =>
    VERIFICATIONS[entree.code](convention).map((constat) => ({
      code: entree.code,
      gravite: entree.gravite,
      actions: [...constat.actions],
      message: constat.message,
      source: sourceDuControle(entree, cadre),
    })),
  );
}

export const aUnBloquant = (resultats: readonly ResultatControle[]): boolean =>
  resultats.some((resultat) => resultat.gravite === 'bloquant');
