import type { ActionFinanciere } from '../../convention/modele.ts';
import { formaterEuros as euros, somme } from '../../montant.ts';
import { totalF } from '../lignes.ts';
import type { Verification } from './types.ts';

const realise = (actions: readonly ActionFinanciere[]) =>
  somme(actions.map((a) => a.execution?.realise ?? 0));
const prevu = (actions: readonly ActionFinanciere[]) => somme(actions.map((a) => totalF(a.previsionnel)));

/**
 * FONGIBILITE_ASYMETRIQUE (001 · annexe 4 : « La règle de fongibilité asymétrique des crédits des initiatives
 * départementales vers les crédits des mesures socles s'applique. En dehors de cette règle, la ventilation
 * prévisionnelle des crédits, mesure par mesure, doit être respectée. ») — INT-FINANCES-13 :
 * excès = Σ des mesures socles max(0, réalisé − F) ; marge = max(0, F initiatives − réalisé initiatives) ;
 * violation si les initiatives dépassent leur F, ou si excès > marge. Jugé seulement quand une exécution
 * est saisie.
 */
export const verifierFongibiliteAsymetrique: Verification = ({ actions }) => {
  if (!actions.some((action) => action.execution !== undefined)) return [];
  const initiatives = actions.filter((action) => action.mesure?.nature === 'initiative');
  const socle = actions.filter((action) => action.mesure?.nature === 'socle');
  const parMesure = new Map<string, ActionFinanciere[]>();
  for (const action of socle)
    parMesure.set(action.codeMesure, [...(parMesure.get(action.codeMesure) ?? []), action]);
  const enExces = [...parMesure].filter(([, lignes]) => realise(lignes) > prevu(lignes));
  const exces = somme(enExces.map(([, lignes]) => realise(lignes) - prevu(lignes)));
  const realiseInit = realise(initiatives);
  const prevuInit = prevu(initiatives);
  const initiativesEnExces = realiseInit > prevuInit;
  const marge = Math.max(0, prevuInit - realiseInit);
  if (!initiativesEnExces && exces <= marge) return [];

  const concernees = new Set<ActionFinanciere>(enExces.flatMap(([, lignes]) => lignes));
  if (initiativesEnExces) for (const action of initiatives) concernees.add(action);
  const raisons = [
    initiativesEnExces
      ? `les initiatives départementales ont réalisé ${euros(realiseInit)} pour ${euros(prevuInit)} prévus ` +
        `(dépassement ${euros(realiseInit - prevuInit)}, qui ne peut être pris sur les mesures socles)`
      : undefined,
    exces > marge
      ? `les mesures socles ${enExces.map(([code]) => code).join(', ')} dépassent leur prévisionnel de ` +
        `${euros(exces)} au total, alors que la sous-consommation des initiatives n’en couvre que ${euros(marge)}`
      : undefined,
  ].filter((x) => x !== undefined);
  return [
    {
      actions: actions.filter((action) => concernees.has(action)).map((action) => action.numero),
      message:
        `Exécution : ${raisons.join(' ; ')}. Respecter la ventilation prévisionnelle mesure par mesure ` +
        `(seuls les crédits des initiatives peuvent aller vers les mesures socles).`,
    },
  ];
};
