import { formaterEuros as euros } from '../../montant.ts';
import type { Verification } from './types.ts';

/** VALORISATION_SUPERIEURE_CD (spec § 3 ; INT-FINANCES-19) : la valorisation est comprise dans C, elle ne peut pas le dépasser. */
export const verifierValorisationSuperieureCd: Verification = ({ actions }) =>
  actions
    .filter(({ previsionnel: p }) => p.valorisation_cd > p.cd)
    .map(({ numero, previsionnel: p }) => ({
      actions: [numero],
      message:
        `Action ${numero} : valorisation (${euros(p.valorisation_cd)}) supérieure aux crédits CD (${euros(p.cd)}) ; ` +
        `la valorisation est comprise dans les crédits CD (C), la ramener à ${euros(p.cd)} au plus ou augmenter C.`,
    }));

/**
 * VALORISATION_PLAFOND (001 · annexe 4 : « valorise […] sa part à hauteur de 50 % maximum ») : valorisation × 2
 * > C. Exactement 50 % est admis.
 */
export const verifierValorisationPlafond: Verification = ({ actions }) =>
  actions
    .filter(({ previsionnel: p }) => p.valorisation_cd * 2 > p.cd)
    .map(({ numero, previsionnel: p }) => ({
      actions: [numero],
      message:
        `Action ${numero} : valorisation (${euros(p.valorisation_cd)}) au-delà de 50 % des crédits CD ` +
        `(${euros(p.cd)}, plafond ${euros(Math.floor(p.cd / 2))}) ; réduire la valorisation ou apporter des ` +
        `crédits CD supplémentaires d’au moins ${euros(p.valorisation_cd * 2 - p.cd)}.`,
    }));

/** VALORISATION_JUSTIFIEE (001 · annexe 4 : « en justifiant cette valorisation auprès de l'Etat »). */
export const verifierValorisationJustifiee: Verification = ({ actions }) =>
  actions
    .filter((action) => action.previsionnel.valorisation_cd > 0 && action.justification.trim() === '')
    .map(({ numero, previsionnel: p }) => ({
      actions: [numero],
      message:
        `Action ${numero} : valorisation de ${euros(p.valorisation_cd)} sans justification ; ` +
        `renseigner « justification » pour la présenter à l’État.`,
    }));
