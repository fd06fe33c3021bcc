import type { Jour } from '../jour.ts';
import { formaterJour } from '../jour.ts';
import { periodeDExercice } from '../echeances/periode.ts';
import type { CodePrerequis } from './definitions.ts';
import type { ConventionPilotee } from './modele.ts';
import type { Refus } from './refus.ts';

const liste = (numeros: readonly string[]): string => numeros.join(', ');

/** Fiches non encore validées par les deux parties (001 · annexe 4 § 2). */
export function fichesNonValideesConjointement(convention: ConventionPilotee): string[] {
  return convention.fiches
    .filter((fiche) => fiche.validations.collectivite === undefined || fiche.validations.etat === undefined)
    .map((fiche) => fiche.numero);
}

export const avenantEnCours = (convention: ConventionPilotee) =>
  convention.avenants.find((avenant) => avenant.etat !== 'signee');

/** Un prérequis : `undefined` s'il est rempli, sinon le refus qui dit quoi faire. */
type Verification = (convention: ConventionPilotee, aujourdhui: Jour) => Refus | undefined;

const refus = (message: string, source: string): Refus => ({ motif: 'prerequis', message, source });

const VERIFICATIONS: Readonly<Record<CodePrerequis, Verification>> = {
  fiches_presentes: (c) =>
    c.fiches.length > 0
      ? undefined
      : refus('La convention ne compte aucune fiche action.', '001 · annexe 4 § 2'),
  fiches_validees_conjointement: (c) => {
    const manquantes = fichesNonValideesConjointement(c);
    if (manquantes.length === 0) return undefined;
    const detail = manquantes.map((numero) => {
      const fiche = c.fiches.find((f) => f.numero === numero);
      const parties = [
        fiche?.validations.collectivite === undefined ? 'la collectivité' : undefined,
        fiche?.validations.etat === undefined ? "l'État" : undefined,
      ].filter((p) => p !== undefined);
      return `${numero} (à valider par ${parties.join(' et ')})`;
    });
    return refus(
      `Fiches actions non validées par les deux parties : ${detail.join(', ')}.`,
      '001 · annexe 4 § 2 (« validées conjointement par les deux parties cocontractantes »)',
    );
  },
  aucun_controle_bloquant: (c) => {
    const bloquants = c.controles.filter((controle) => controle.gravite === 'bloquant');
    if (bloquants.length === 0) return undefined;
    const codes = [...new Set(bloquants.map((controle) => controle.code))];
    return refus(
      `Contrôles financiers bloquants à corriger : ${codes.join(', ')} (${String(bloquants.length)} constat${bloquants.length > 1 ? 's' : ''}).`,
      bloquants
        .map((controle) => controle.source)
        .filter((s, i, t) => t.indexOf(s) === i)
        .join(' ; '),
    );
  },
  periode_commencee: (c, aujourdhui) => {
    const { debut } = periodeDExercice(c.cadre, c.regime, c.exercice);
    return aujourdhui >= debut
      ? undefined
      : refus(
          `La période d'exercice ne commence que le ${formaterJour(debut)}.`,
          '001 · annexe 4, synthèse du calendrier ; 003 · III.4.a',
        );
  },
  periode_terminee: (c, aujourdhui) => {
    const { fin } = periodeDExercice(c.cadre, c.regime, c.exercice);
    return aujourdhui > fin
      ? undefined
      : refus(
          `La période d'exercice court jusqu'au ${formaterJour(fin)} : le rapport porte sur la période achevée.`,
          '001 · annexe 4 § 1 ; 003 · annexe 7 art. 3.2 — INT-PILOTAGE-6',
        );
  },
  execution_saisie: (c) =>
    c.actionsSansExecution.length === 0
      ? undefined
      : refus(
          `Exécution financière non saisie pour les actions ${liste(c.actionsSansExecution)}.`,
          "001 · annexe 4 § 1 (rapport complété du tableau financier de l'exécution, annexe 9)",
        ),
  note_analyse_redigee: (c) =>
    c.noteAnalyse !== undefined
      ? undefined
      : refus("La note d'analyse du commissaire n'est pas rédigée.", "001 · annexe 4 § 2 (note d'analyse)"),
  aucun_avenant_en_cours: (c) => {
    const avenant = avenantEnCours(c);
    return avenant === undefined
      ? undefined
      : refus(`L'avenant n° ${String(avenant.numero)} est en cours (${avenant.etat}).`, '001 · annexe 4 § 2');
  },
};

export function verifierPrerequis(
  prerequis: readonly CodePrerequis[],
  convention: ConventionPilotee,
  aujourdhui: Jour,
): Refus[] {
  return prerequis.flatMap((code) => VERIFICATIONS[code](convention, aujourdhui) ?? []);
}
