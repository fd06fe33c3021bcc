import type { ConventionFinanciere } from '../convention/modele.ts';
import { additionner, ligneAction, lignesEgales, type Ligne } from './lignes.ts';

/**
 * Totaux d'une convention (spec convention-v1 § 2 ; 001 · annexe 9) : par action, par mesure, sous-totaux
 * « mesures socles » et « initiatives » (CALPAE) ou par volet (France Travail), totaux financiers, et total de
 * contrôle. Montants en centimes.
 */
export interface Totaux {
  /** Par numéro d'action, dans l'ordre du document. */
  readonly actions: ReadonlyMap<string, Ligne>;
  /** Par code de mesure, dans l'ordre de première apparition ; seulement les mesures présentes. */
  readonly mesures: ReadonlyMap<string, Ligne>;
  /** CALPAE seulement. */
  readonly socle: Ligne | undefined;
  readonly initiatives: Ligne | undefined;
  /** France Travail seulement : volets 1, 2 et 3, toujours les trois. */
  readonly volets: ReadonlyMap<'1' | '2' | '3', Ligne> | undefined;
  readonly general: Ligne;
  /**
   * « Total de contrôle » (001 · annexe 9) : somme des lignes d'action, comparée à la somme des sous-totaux
   * (socle + initiatives en CALPAE, les trois volets en France Travail). Un écart signale une action qui
   * n'entre dans aucun sous-total (mesure inconnue du cadre) — INT-FINANCES-7.
   */
  readonly controle: { readonly ligne: Ligne; readonly ecart: boolean };
}

export function calculerTotaux(convention: ConventionFinanciere): Totaux {
  const { actions, cadre } = convention;
  const lignes = actions.map((action) => ({ action, ligne: ligneAction(action) }));
  const somme = (filtre: (entree: (typeof lignes)[number]) => boolean): Ligne =>
    additionner(lignes.filter(filtre).map(({ ligne }) => ligne));

  const codesMesures = [...new Set(actions.map((action) => action.codeMesure))];
  const general = somme(() => true);

  let socle: Ligne | undefined;
  let initiatives: Ligne | undefined;
  let volets: Map<'1' | '2' | '3', Ligne> | undefined;
  let sousTotaux: Ligne[];
  if (cadre.famille === 'calpae') {
    socle = somme(({ action }) => action.mesure?.nature === 'socle');
    initiatives = somme(({ action }) => action.mesure?.nature === 'initiative');
    sousTotaux = [socle, initiatives];
  } else {
    volets = new Map(
      ([1, 2, 3] as const).map((volet) => [
        String(volet) as '1' | '2' | '3',
        somme(({ action }) => action.volet === volet),
      ]),
    );
    sousTotaux = [...volets.values()];
  }
  return {
    actions: new Map(lignes.map(({ action, ligne }) => [action.numero, ligne])),
    mesures: new Map(codesMesures.map((code) => [code, somme(({ action }) => action.codeMesure === code)])),
    socle,
    initiatives,
    volets,
    general,
    controle: { ligne: general, ecart: !lignesEgales(general, additionner(sousTotaux)) },
  };
}
