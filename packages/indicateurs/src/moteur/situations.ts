import type { MoisAbsolu } from './dates.ts';
import type { DossierPersonne, SituationMensuelle } from './modele.ts';

/** Accès direct à la situation d'un mois donné d'une personne (ses situations sont triées par mois). */
export interface VueSituations {
  readonly base: MoisAbsolu;
  readonly index: Int32Array;
  readonly situations: readonly SituationMensuelle[];
}

export function vueSituations(dossier: DossierPersonne): VueSituations {
  const situations = dossier.situations;
  const premiere = situations[0];
  const derniere = situations[situations.length - 1];
  if (premiere === undefined || derniere === undefined) {
    return { base: 0, index: new Int32Array(0), situations };
  }
  const index = new Int32Array(derniere.mois - premiere.mois + 1).fill(-1);
  situations.forEach((s, i) => {
    index[s.mois - premiere.mois] = i;
  });
  return { base: premiere.mois, index, situations };
}

export function situationDuMois(vue: VueSituations, mois: MoisAbsolu): SituationMensuelle | undefined {
  const i = vue.index[mois - vue.base];
  return i === undefined || i < 0 ? undefined : vue.situations[i];
}

/** `V(m)` : présente le mois m avec un droit versable (spec § 2, notations). */
export function versable(vue: VueSituations, mois: MoisAbsolu): boolean {
  return situationDuMois(vue, mois)?.droitVersable === true;
}

/** `SDD(m)` : présente le mois m, soumise aux droits et devoirs. Absente ⇒ non. */
export function soumisDroitsDevoirs(vue: VueSituations, mois: MoisAbsolu): boolean {
  return situationDuMois(vue, mois)?.soumisDroitsDevoirs === true;
}
