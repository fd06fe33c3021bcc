import { moisDuJour, premierJourDuMois, type Jour, type MoisAbsolu } from './dates.ts';
import type { DossierPersonne, Evenement, ParametresCalcul } from './modele.ts';
import { situationDuMois, type VueSituations } from './situations.ts';

/** Au-delà de 12 mois consécutifs de suspension, le suivi est clos (001 · annexe 6 § 1.1 ; spec § 2). */
export const MOIS_SUSPENSION_CLOTURE = 13;

export type Cloture =
  | { readonly motif: 'FIN_SUIVI'; readonly jour: Jour }
  | { readonly motif: 'RADIATION'; readonly mois: MoisAbsolu; readonly cause: 'absence' | 'radie' | 'clos' }
  | { readonly motif: 'SUSPENSION_PLUS_12_MOIS'; readonly mois: MoisAbsolu };

export interface EtatSuivi {
  /** Le dernier événement qui a commencé un suivi avant le premier jour du mois, s'il y en a un. */
  readonly debut: Evenement | null;
  /** La clôture intervenue depuis ce début, s'il y en a une ; sinon le suivi est en cours. */
  readonly cloture: Cloture | null;
}

export const commenceSuivi = (e: Evenement): boolean =>
  e.type === 'orientation' || e.type === 'designation_referent';

/**
 * État du suivi au premier jour du mois m (spec parcours-rsa-v1 § 2 « Suivi en cours » ; docs/interpretations.md
 * INT-IND-1 à INT-IND-4) : on part du dernier début de suivi daté avant ce jour, puis on cherche une clôture
 * postérieure à ce début et antérieure à ce jour :
 * - un `fin_suivi` daté strictement après le début (le même jour, la fin s'applique avant le nouveau début) ;
 * - une radiation un mois x strictement postérieur au mois du début et antérieur à m : absence du fichier
 *   (à l'intérieur de la fenêtre observée) ou `etat_droit` radié / clos ;
 * - plus de 12 mois consécutifs de suspension, tous postérieurs au mois du début et antérieurs à m.
 */
export function etatSuivi(
  dossier: DossierPersonne,
  vue: VueSituations,
  fenetre: ParametresCalcul['fenetre'],
  m: MoisAbsolu,
): EtatSuivi {
  const premierJour = premierJourDuMois(m);
  let debut: Evenement | null = null;
  for (const e of dossier.evenements) {
    if (e.jour >= premierJour) break;
    if (commenceSuivi(e)) debut = e;
  }
  if (debut === null) return { debut: null, cloture: null };

  for (const e of dossier.evenements) {
    if (e.jour >= premierJour) break;
    if (e.type === 'fin_suivi' && e.jour > debut.jour)
      return { debut, cloture: { motif: 'FIN_SUIVI', jour: e.jour } };
  }

  let suspendusConsecutifs = 0;
  for (let x = moisDuJour(debut.jour) + 1; x < m; x++) {
    const s = situationDuMois(vue, x);
    if (s === undefined) {
      suspendusConsecutifs = 0;
      if (fenetre !== null && x >= fenetre.premierMois && x <= fenetre.dernierMois) {
        return { debut, cloture: { motif: 'RADIATION', mois: x, cause: 'absence' } };
      }
      continue;
    }
    if (s.etatDroit === 'radie' || s.etatDroit === 'clos') {
      return { debut, cloture: { motif: 'RADIATION', mois: x, cause: s.etatDroit } };
    }
    suspendusConsecutifs = s.etatDroit === 'suspendu' ? suspendusConsecutifs + 1 : 0;
    if (suspendusConsecutifs >= MOIS_SUSPENSION_CLOTURE) {
      return { debut, cloture: { motif: 'SUSPENSION_PLUS_12_MOIS', mois: x } };
    }
  }
  return { debut, cloture: null };
}

export const suiviEnCours = (etat: EtatSuivi): boolean => etat.debut !== null && etat.cloture === null;
