import type { ActionFinanciere } from '../convention/modele.ts';
import { somme, type Centimes } from '../montant.ts';

/** Contrôle d'entrée commun : un montant en centimes est un entier positif ou nul. */
export function verifierCentimes(nom: string, valeur: Centimes): void {
  if (!Number.isSafeInteger(valeur) || valeur < 0) {
    throw new RangeError(
      `${nom} : montant en centimes entier positif ou nul attendu, reçu ${String(valeur)}`,
    );
  }
}

/** Ce qu'il faut d'une action de l'exercice n-1. */
export type ActionPrecedente = Pick<ActionFinanciere, 'numero' | 'execution'>;

export interface CreditsExerciceSuivant {
  /** Enveloppe n × durée / 12, arrondie au centime inférieur (INT-FINANCES-14). */
  readonly enveloppeProratisee: Centimes;
  /** Σ « montant à reporter part État » de n-1. */
  readonly reportsEtat: Centimes;
  /** Nouveaux crédits État de n = enveloppe proratisée − reports, jamais négatifs. */
  readonly nouveauxCredits: Centimes;
  /** Part des reports que l'enveloppe proratisée ne suffit pas à absorber (0 d'ordinaire). */
  readonly reportsNonAbsorbes: Centimes;
  /**
   * Actions sans dépense en n-1 (réalisé saisi et nul) : elles ne sont dotées en n que sur justification d'un
   * renforcement et validation du commissaire (001 · annexe 4).
   */
  readonly actionsSansDepense: readonly string[];
}

/**
 * Crédits de l'exercice suivant (CALPAE ; 001 · annexe 4 : « Les montants non consommés […] devront être
 * exécutés en priorité sur l'exercice 2023 […] et soustraits des nouveaux crédits affectés en année n » ;
 * « Les crédits nouveaux […] prendront en compte la durée de la contractualisation : 12 mois […] 6 mois »).
 */
export function creditsExerciceSuivant(entree: {
  readonly enveloppe: Centimes;
  readonly dureeMois: 12 | 6;
  readonly actionsPrecedentes: readonly ActionPrecedente[];
}): CreditsExerciceSuivant {
  verifierCentimes('enveloppe', entree.enveloppe);
  const enveloppeProratisee = Math.floor((entree.enveloppe * entree.dureeMois) / 12);
  const reportsEtat = somme(
    entree.actionsPrecedentes.map((action) => action.execution?.a_reporter_etat ?? 0),
  );
  return {
    enveloppeProratisee,
    reportsEtat,
    nouveauxCredits: Math.max(0, enveloppeProratisee - reportsEtat),
    reportsNonAbsorbes: Math.max(0, reportsEtat - enveloppeProratisee),
    actionsSansDepense: entree.actionsPrecedentes
      .filter((action) => action.execution?.realise === 0)
      .map((action) => action.numero),
  };
}

export interface RetenueRegionale {
  readonly refactions: Centimes;
  /** Au moins 80 % des réfactions, arrondi au centime supérieur (en faveur de la région) — INT-FINANCES-15. */
  readonly minimumMaintenuEnRegion: Centimes;
  readonly maximumHorsRegion: Centimes;
}

/**
 * Crédits non attribués (001 · annexe 4 : « ceux-ci seront maintenus en région pour au moins 80 % du montant
 * des réfections ») : minimum = ⌈ réfactions × 4 / 5 ⌉, calculé en entiers.
 */
export function retenueRegionale(refactions: Centimes): RetenueRegionale {
  verifierCentimes('réfactions', refactions);
  const minimumMaintenuEnRegion = Math.ceil((refactions * 4) / 5);
  return { refactions, minimumMaintenuEnRegion, maximumHorsRegion: refactions - minimumMaintenuEnRegion };
}

/**
 * Titre de reversement CALPAE 2023 (001 · annexe 7 art. 5 : « un titre de reversement […] si les dépenses
 * réalisées pendant la durée d'exécution de la présente convention étaient inférieures au versement
 * effectué ») : crédits État versés − dépenses réalisées sur la part État, quand c'est positif.
 */
export function reversementCalpae2023(entree: {
  readonly verseEtat: Centimes;
  readonly depensesRealiseesPartEtat: Centimes;
}): Centimes {
  verifierCentimes('versé', entree.verseEtat);
  verifierCentimes('dépenses réalisées', entree.depensesRealiseesPartEtat);
  return Math.max(0, entree.verseEtat - entree.depensesRealiseesPartEtat);
}
