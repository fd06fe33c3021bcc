import type { ConventionFinanciere } from '../../convention/modele.ts';
import { controlerConvention } from '../../finances/controler.ts';
import type { ResultatControle } from '../../finances/controles/types.ts';
import { creditsExerciceSuivant, type CreditsExerciceSuivant } from '../../finances/credits.ts';
import type { Centimes } from '../../montant.ts';
import { atteinteIndicateurs, type AtteinteIndicateur } from './atteinte.ts';
import { consommationConvention, type Consommation, type ConsommationAction } from './consommation.ts';

export interface EntreeNoteAnalyse {
  /** Convention analysée (exercice n-1), exécution saisie. */
  readonly convention: ConventionFinanciere;
  /** Valeurs des indicateurs de l'exercice analysé, par code du catalogue du cadre. */
  readonly indicateurs?: Readonly<Record<string, number | null>>;
  /** Enveloppe État pré-notifiée pour l'exercice n et durée de la convention n (001 · annexe 4 § 2). */
  readonly creditsExerciceN?: { readonly enveloppe: Centimes; readonly dureeMois: 12 | 6 };
}

/**
 * Les chiffres de la note d'analyse du commissaire (001 · annexe 4 § 2 ; 000 · annexe 5 § 1 : « financements
 * fléchés sur chaque action, résultats obtenus par rapport aux cibles »), pré-remplis depuis les données. La
 * justification reste à écrire : l'interface et le document DOCX rendent ce résultat.
 */
export interface NoteAnalyse {
  readonly cadre: string;
  readonly exercice: number;
  readonly regime: 'civil' | 'glissant';
  readonly consommation: Consommation;
  readonly indicateurs: readonly AtteinteIndicateur[];
  /** Actions sans dépense en n-1 : pas de crédits en n sans renforcement justifié validé par le commissaire. */
  readonly actionsSansDepense: readonly ConsommationAction[];
  /** Actions dont l'exécution n'est pas saisie : leur consommation n'est pas connue. */
  readonly actionsSansExecution: readonly string[];
  /** Contrôles financiers encore ouverts sur la convention analysée. */
  readonly controlesOuverts: readonly ResultatControle[];
  /** Crédits proposés pour l'exercice n (`creditsExerciceSuivant`) ; absent sans enveloppe n. */
  readonly creditsProposes: CreditsExerciceSuivant | undefined;
  readonly justification: string;
}

export function noteAnalyse(entree: EntreeNoteAnalyse): NoteAnalyse {
  const { convention } = entree;
  const consommation = consommationConvention(convention);
  return {
    cadre: convention.cadre.code,
    exercice: convention.exercice,
    regime: convention.regime,
    consommation,
    indicateurs: atteinteIndicateurs(convention.cadre, entree.indicateurs ?? {}),
    actionsSansDepense: consommation.actions.filter((action) => action.sansDepense),
    actionsSansExecution: consommation.actions.filter((action) => !action.executionSaisie).map((a) => a.cle),
    controlesOuverts: controlerConvention(convention),
    creditsProposes:
      entree.creditsExerciceN === undefined
        ? undefined
        : creditsExerciceSuivant({
            enveloppe: entree.creditsExerciceN.enveloppe,
            dureeMois: entree.creditsExerciceN.dureeMois,
            actionsPrecedentes: convention.actions,
          }),
    justification: '',
  };
}
