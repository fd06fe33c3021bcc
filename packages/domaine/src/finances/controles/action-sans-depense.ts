import { formaterEuros as euros } from '../../montant.ts';
import type { Verification } from './types.ts';

/**
 * ACTION_SANS_DEPENSE (001 · annexe 4 : « Les actions n'ayant pas fait l'objet de dépenses sur l'année n-1
 * […] ne seront pas abondées en année n […], sauf justification d'un renforcement de l'action en année n et
 * validation par le commissaire ») : `realise_exercice_precedent` = 0, A > 0, et pas à la fois une
 * justification et la validation. `realise_exercice_precedent` absent : non jugé (INT-FINANCES-11).
 */
export const verifierActionSansDepense: Verification = ({ actions }) =>
  actions.flatMap((action) => {
    if (action.realiseExercicePrecedent !== 0 || action.previsionnel.etat <= 0) return [];
    const justifiee = action.justification.trim() !== '';
    if (justifiee && action.valideeParCommissaire) return [];
    const manque = [
      justifiee ? undefined : 'la justification du renforcement (« justification »)',
      action.valideeParCommissaire ? undefined : 'la validation du commissaire (« validee_par_commissaire »)',
    ].filter((x) => x !== undefined);
    return [
      {
        actions: [action.numero],
        message:
          `Action ${action.numero} : aucune dépense l’exercice précédent, mais ${euros(action.previsionnel.etat)} ` +
          `de crédits État prévus ; manque ${manque.join(' et ')}, sinon ne pas l’abonder.`,
      },
    ];
  });
