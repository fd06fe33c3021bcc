import type { ActionFinanciere } from '../../convention/modele.ts';
import { formaterEuros as euros, somme } from '../../montant.ts';
import type { Verification } from './types.ts';

/**
 * Parité État / département (001 · annexe 4 : « La parité du financement Etat/ département doit être assurée
 * par action pour chaque année, à l'exception des actions relatives à la mobilité […]. La parité du financement
 * doit également être assurée sur le montant total de la convention. ») On compare A (crédits État de
 * l'exercice) et C (crédits CD de l'exercice, valorisation comprise), jamais les reports (INT-FINANCES-8).
 * Les actions de mobilité sont exemptées et exclues des deux sommes (INT-FINANCES-9).
 */
const soumiseParite = (action: ActionFinanciere): boolean => action.mesure?.exempteeParite !== true;

export const verifierPariteAction: Verification = ({ actions }) =>
  actions
    .filter((action) => soumiseParite(action) && action.previsionnel.cd < action.previsionnel.etat)
    .map(({ numero, previsionnel: p }) => ({
      actions: [numero],
      message:
        `Action ${numero} : crédits CD de l’exercice (C = ${euros(p.cd)}) inférieurs aux crédits État ` +
        `(A = ${euros(p.etat)}) ; porter la part CD à ${euros(p.etat)} au moins (manque ${euros(p.etat - p.cd)}) ` +
        `ou réduire la part État.`,
    }));

export const verifierPariteConvention: Verification = ({ actions }) => {
  const soumises = actions.filter(soumiseParite);
  const sommeA = somme(soumises.map((action) => action.previsionnel.etat));
  const sommeC = somme(soumises.map((action) => action.previsionnel.cd));
  if (sommeC >= sommeA) return [];
  const enDefaut = soumises.filter((action) => action.previsionnel.cd < action.previsionnel.etat);
  return [
    {
      actions: (enDefaut.length > 0 ? enDefaut : soumises).map((action) => action.numero),
      message:
        `Convention : somme des crédits CD (C = ${euros(sommeC)}) inférieure à la somme des crédits État ` +
        `(A = ${euros(sommeA)}), actions de mobilité exclues ; il manque ${euros(sommeA - sommeC)} de part CD.`,
    },
  ];
};
