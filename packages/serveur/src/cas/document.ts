import { enEuros, formaterErreurFormat, validerConvention, type ConventionDocument } from '@jalon/domaine';
import type { ConventionResume, FicheAction } from '@jalon/schemas';
import type { Depots } from '../depots/ports.ts';
import { invalide } from './erreurs.ts';

/**
 * Convention en base → document `jalon.convention/1` (spec convention-v1 § 1), montants en euros : c'est le
 * format d'export, et l'entrée des calculs du domaine. Centimes → euros par `enEuros` (exact : voir montant.ts).
 */
export function versDocument(
  convention: ConventionResume,
  fiches: readonly FicheAction[],
): ConventionDocument {
  const lecture = validerConvention(versBrut(convention, fiches));
  if (!lecture.ok) {
    // Les écritures vérifient le document (verifierDocument) : une base incohérente est un bogue, on le dit.
    throw new Error(`Convention ${convention.id} incohérente en base : ${JSON.stringify(lecture.erreurs)}`);
  }
  return lecture.document;
}

/** La convention et ses fiches telles que lues dans une transaction d'écriture (pré-remplissage du cache). */
export interface LectureConvention {
  readonly convention: ConventionResume;
  readonly fiches: readonly FicheAction[];
}

/**
 * Après une écriture, dans la transaction : le document doit rester lisible au format (ex. volet obligatoire
 * en France Travail, numéros uniques). Sinon 422 avec le chemin JSON de chaque faute, et rien n'est écrit.
 * Rend ce qui a été lu : l'écriture en remplit le cache du contenu de la version qu'elle crée (`modifierConvention`).
 */
export async function verifierDocument(
  depots: Depots,
  conventionId: number,
): Promise<LectureConvention | undefined> {
  const convention = await depots.conventions.trouver(conventionId);
  if (convention === undefined) return undefined;
  const relue = { convention, fiches: await depots.fiches.lister(conventionId) };
  verifierLecture(relue);
  return relue;
}

/** La vérification de `verifierDocument`, sur une convention et des fiches déjà connues (422 si illisible). */
export function verifierLecture({ convention, fiches }: LectureConvention): void {
  const lecture = validerConvention(versBrut(convention, fiches));
  if (!lecture.ok) {
    throw invalide(
      `Modification refusée : la convention ne respecterait plus le format jalon.convention/1 (${lecture.erreurs
        .map(formaterErreurFormat)
        .join(' ; ')}).`,
      { erreurs: lecture.erreurs },
    );
  }
}

function versBrut(convention: ConventionResume, fiches: readonly FicheAction[]) {
  return {
    format: 'jalon.convention/1',
    cadre: convention.cadre,
    collectivite: { type: convention.collectivite.type, code: convention.collectivite.code },
    exercice: convention.exercice,
    regime: convention.regime,
    duree_mois: convention.duree_mois,
    enveloppe_etat: enEuros(convention.enveloppe_etat),
    actions: fiches.map((fiche) => ({
      numero: fiche.numero,
      intitule: fiche.intitule,
      mesure: fiche.mesure,
      ...(fiche.code_chorus !== null ? { code_chorus: fiche.code_chorus } : {}),
      ...(fiche.volet !== null ? { volet: fiche.volet } : {}),
      ...(fiche.nature_depense !== null ? { nature_depense: fiche.nature_depense } : {}),
      previsionnel: {
        etat: enEuros(fiche.previsionnel.etat),
        report_etat: enEuros(fiche.previsionnel.report_etat),
        cd: enEuros(fiche.previsionnel.cd),
        valorisation_cd: enEuros(fiche.previsionnel.valorisation_cd),
        report_cd: enEuros(fiche.previsionnel.report_cd),
        autres: enEuros(fiche.previsionnel.autres),
      },
      ...(fiche.execution !== null
        ? {
            execution: {
              realise: enEuros(fiche.execution.realise),
              valorisation_cd: enEuros(fiche.execution.valorisation_cd),
              a_reporter_etat: enEuros(fiche.execution.a_reporter_etat),
              a_reporter_cd: enEuros(fiche.execution.a_reporter_cd),
            },
          }
        : {}),
      ...(fiche.realise_exercice_precedent !== null
        ? { realise_exercice_precedent: enEuros(fiche.realise_exercice_precedent) }
        : {}),
      justification: fiche.justification,
      validee_par_commissaire: fiche.validee_par_commissaire,
    })),
  };
}
