import { enEuros, type ActionDocument, type ConventionDocument } from '@jalon/domaine';
import type { ConventionDetail, FicheAction } from '@jalon/schemas';

const eurosDe = <K extends string>(bloc: Readonly<Record<K, number>>): Record<K, number> =>
  Object.fromEntries(
    Object.entries<number>(bloc).map(([cle, centimes]) => [cle, enEuros(centimes)]),
  ) as Record<K, number>;

function versAction(fiche: FicheAction): ActionDocument {
  return {
    numero: fiche.numero,
    intitule: fiche.intitule,
    mesure: fiche.mesure,
    ...(fiche.code_chorus === null ? {} : { code_chorus: fiche.code_chorus }),
    ...(fiche.volet === null ? {} : { volet: fiche.volet }),
    ...(fiche.nature_depense === null ? {} : { nature_depense: fiche.nature_depense }),
    previsionnel: eurosDe(fiche.previsionnel),
    ...(fiche.execution === null ? {} : { execution: eurosDe(fiche.execution) }),
    ...(fiche.realise_exercice_precedent === null
      ? {}
      : { realise_exercice_precedent: enEuros(fiche.realise_exercice_precedent) }),
    justification: fiche.justification,
    validee_par_commissaire: fiche.validee_par_commissaire,
  };
}

/**
 * Convention de l'API (centimes) → document `jalon.convention/1` (euros, spec convention-v1 § 1), que la grille
 * contrôle en direct avec @jalon/domaine, exactement comme le serveur et la ligne de commande.
 */
export function versDocument(detail: ConventionDetail): ConventionDocument {
  const { convention } = detail;
  return {
    format: 'jalon.convention/1',
    cadre: convention.cadre,
    collectivite: { type: convention.collectivite.type, code: convention.collectivite.code },
    exercice: convention.exercice,
    regime: convention.regime,
    duree_mois: convention.duree_mois,
    enveloppe_etat: enEuros(convention.enveloppe_etat),
    actions: [...detail.fiches_actions].sort((a, b) => a.rang - b.rang).map(versAction),
  };
}
