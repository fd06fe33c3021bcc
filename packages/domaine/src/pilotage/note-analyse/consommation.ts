import { trouverMesure } from '@jalon/referentiels';
import type { ConventionFinanciere } from '../../convention/modele.ts';
import type { Ligne } from '../../finances/lignes.ts';
import { calculerTotaux } from '../../finances/totaux.ts';
import type { Centimes } from '../../montant.ts';
import { taux, type Taux } from './taux.ts';

/** Consommation d'une ligne : réalisé / F (issue 6 § 4 ; 001 · annexe 4 § 1 « montant des crédits consommés »). */
export interface LigneConsommation {
  readonly cle: string;
  readonly libelle: string;
  /** F = A + B + C + D + E (001 · annexe 9). */
  readonly total: Centimes;
  readonly realise: Centimes;
  readonly taux: Taux | undefined;
}

export interface ConsommationAction extends LigneConsommation {
  readonly codeMesure: string;
  readonly executionSaisie: boolean;
  /** Exécution saisie et réalisé nul (001 · annexe 4 § 2, règle des actions sans dépense). */
  readonly sansDepense: boolean;
}

export interface Consommation {
  readonly actions: readonly ConsommationAction[];
  readonly mesures: readonly LigneConsommation[];
  /** CALPAE : mesures socles et initiatives ; France Travail : volets. */
  readonly sousTotaux: readonly LigneConsommation[];
  readonly generale: LigneConsommation;
}

const ligne = (cle: string, libelle: string, l: Ligne): LigneConsommation => ({
  cle,
  libelle,
  total: l.previsionnel.total,
  realise: l.execution.realise,
  taux: taux(l.execution.realise, l.previsionnel.total),
});

/** Consommation par action, par mesure, par sous-total et générale, depuis les totaux de la convention. */
export function consommationConvention(convention: ConventionFinanciere): Consommation {
  const totaux = calculerTotaux(convention);
  const actions = convention.actions.map((action): ConsommationAction => {
    const l = totaux.actions.get(action.numero);
    if (l === undefined) throw new Error(`Totaux : action ${action.numero} absente`);
    return {
      ...ligne(action.numero, action.intitule, l),
      codeMesure: action.codeMesure,
      executionSaisie: action.execution !== undefined,
      sansDepense: action.execution?.realise === 0,
    };
  });
  const mesures = [...totaux.mesures].map(([code, l]) =>
    ligne(code, trouverMesure(convention.cadre, code)?.libelle ?? `Mesure inconnue du cadre (${code})`, l),
  );
  const sousTotaux: LigneConsommation[] = [];
  if (totaux.socle !== undefined) sousTotaux.push(ligne('socle', 'Mesures socles', totaux.socle));
  if (totaux.initiatives !== undefined) {
    sousTotaux.push(ligne('initiatives', 'Initiatives départementales', totaux.initiatives));
  }
  for (const [volet, l] of totaux.volets ?? []) sousTotaux.push(ligne(`volet_${volet}`, `Volet ${volet}`, l));
  return { actions, mesures, sousTotaux, generale: ligne('general', 'Total général', totaux.general) };
}
