import { CADRES, trouverMesure, type Cadre, type Mesure, type Volet } from '@jalon/referentiels';
import { lireMontant, type Centimes } from '../montant.ts';
import type {
  ActionFinanciere,
  ConventionFinanciere,
  Execution,
  MontantInvalide,
  Previsionnel,
} from './modele.ts';
import {
  COLONNES_EXECUTION,
  COLONNES_PREVISIONNEL,
  type ActionDocument,
  type ConventionDocument,
} from './schema.ts';

/** Lit un montant brut ; s'il est invalide, le note et le compte pour 0 (INT-FINANCES-1). */
function lecteur(invalides: MontantInvalide[], numero: string | undefined) {
  return (valeur: unknown, chemin: string): Centimes | undefined => {
    const lecture = lireMontant(valeur);
    if (lecture.ok) return lecture.centimes;
    invalides.push({ numero, chemin, raison: lecture.raison });
    return undefined;
  };
}

/** Mesure du cadre ; pour France Travail, elle doit aussi relever du volet de l'action (spec § 1 ; INT-FINANCES-24). */
function mesureDe(cadre: Cadre, code: string, volet: Volet | undefined): Mesure | undefined {
  const mesure = trouverMesure(cadre, code);
  if (mesure === undefined || cadre.famille !== 'france_travail') return mesure;
  return volet !== undefined && mesure.volets?.includes(volet) === true ? mesure : undefined;
}

function normaliserAction(
  cadre: Cadre,
  action: ActionDocument,
  rang: number,
  invalides: MontantInvalide[],
): ActionFinanciere {
  const lire = lecteur(invalides, action.numero);
  const base = `actions[${rang}]`;
  const previsionnel = Object.fromEntries(
    COLONNES_PREVISIONNEL.map((colonne) => [
      colonne,
      lire(action.previsionnel[colonne], `${base}.previsionnel.${colonne}`) ?? 0,
    ]),
  ) as Previsionnel;
  const execution =
    action.execution === undefined
      ? undefined
      : (Object.fromEntries(
          COLONNES_EXECUTION.map((colonne) => [
            colonne,
            lire(action.execution?.[colonne], `${base}.execution.${colonne}`) ?? 0,
          ]),
        ) as Execution);
  const realiseExercicePrecedent =
    action.realise_exercice_precedent === undefined
      ? undefined
      : lire(action.realise_exercice_precedent, `${base}.realise_exercice_precedent`);
  // Le volet n'est lu que pour France Travail (vérifié à la lecture : lecture.ts).
  const volet =
    cadre.famille === 'france_travail' && (action.volet === 1 || action.volet === 2 || action.volet === 3)
      ? action.volet
      : undefined;
  return {
    rang,
    numero: action.numero,
    intitule: action.intitule,
    codeMesure: action.mesure,
    mesure: mesureDe(cadre, action.mesure, volet),
    volet,
    codeChorus: action.code_chorus,
    natureDepense: action.nature_depense,
    previsionnel,
    execution,
    realiseExercicePrecedent,
    justification: action.justification,
    valideeParCommissaire: action.validee_par_commissaire,
  };
}

/** Document lu → modèle financier en centimes, avec la liste des montants invalides. */
export function normaliserConvention(document: ConventionDocument): ConventionFinanciere {
  const cadre = CADRES[document.cadre];
  const invalides: MontantInvalide[] = [];
  const enveloppeEtat = lecteur(invalides, undefined)(document.enveloppe_etat, 'enveloppe_etat');
  const actions = document.actions.map((action, rang) => normaliserAction(cadre, action, rang, invalides));
  return {
    cadre,
    exercice: document.exercice,
    regime: document.regime,
    dureeMois: document.duree_mois,
    enveloppeEtat,
    actions,
    montantsInvalides: invalides,
  };
}
