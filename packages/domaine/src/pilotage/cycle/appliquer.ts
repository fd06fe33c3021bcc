import type { Acteur } from '../acteur.ts';
import { jourAParis, type Jour } from '../jour.ts';
import type { CodeTransition } from './definitions.ts';
import { evaluerTransition, type DemandeTransition, type Evaluation } from './evaluer.ts';
import type { Avenant, ConventionPilotee, EntreeJournal, FichePilotee, Trace } from './modele.ts';
import type { Refus } from './refus.ts';

export type ResultatTransition =
  | { readonly ok: true; readonly convention: ConventionPilotee; readonly entree: EntreeJournal }
  | { readonly ok: false; readonly refus: readonly Refus[] };

/** Les signatures sont-elles toutes là ? Le jour de signature est alors celui de la dernière (INT-PILOTAGE-7). */
function signaturesCompletes(
  evaluation: Evaluation,
  signatures: Readonly<Partial<Record<string, Trace>>>,
): Jour | undefined {
  const jours = evaluation.cycle.signataires.map((s) => signatures[s.signataire]?.le);
  if (jours.some((jour) => jour === undefined)) return undefined;
  return jours.reduce<Jour>((max, jour) => (jour !== undefined && jour > max ? jour : max), '');
}

function avecAvenant(convention: ConventionPilotee, avenant: Avenant): ConventionPilotee {
  const autres = convention.avenants.filter((a) => a.numero !== avenant.numero);
  return { ...convention, avenants: [...autres, avenant].sort((a, b) => a.numero - b.numero) };
}

/** Les effets d'une transition recevable : nouvel instantané, états avant / après, détails pour le journal. */
function effets(
  convention: ConventionPilotee,
  evaluation: Evaluation,
  trace: Trace,
  motif: string | undefined,
): { convention: ConventionPilotee; de: string; vers: string; details?: string; avenant?: number } {
  const { definition, date } = evaluation;
  const de = convention.etat;

  if (definition.avenant !== undefined) {
    const cible = definition.avenant.vers;
    let avenant: Avenant;
    if (definition.avenant.de === null) {
      avenant = {
        numero: convention.avenants.length + 1,
        objet: (motif ?? '').trim(),
        etat: cible,
        signatures: {},
      };
      return {
        convention: avecAvenant(convention, avenant),
        de: 'aucun',
        vers: cible,
        avenant: avenant.numero,
        details: avenant.objet,
      };
    }
    const courant = evaluation.avenant;
    if (courant === undefined) throw new Error('Avenant en cours introuvable (évaluation incohérente).');
    if (definition.mode === 'signature' && evaluation.signataire !== undefined) {
      const signatures = { ...courant.signatures, [evaluation.signataire.signataire]: trace };
      const complet = signaturesCompletes(evaluation, signatures);
      avenant = {
        ...courant,
        signatures,
        ...(complet === undefined ? {} : { etat: cible, dateSignature: complet }),
      };
      return {
        convention: avecAvenant(convention, avenant),
        de: courant.etat,
        vers: avenant.etat,
        avenant: courant.numero,
        details: evaluation.signataire.libelle,
      };
    }
    avenant = {
      ...courant,
      etat: cible,
      ...(definition.date === 'deliberation' ? { dateDeliberation: date } : {}),
    };
    return {
      convention: avecAvenant(convention, avenant),
      de: courant.etat,
      vers: cible,
      avenant: courant.numero,
    };
  }

  switch (definition.mode) {
    case 'validation_fiches': {
      const partie = evaluation.partie;
      if (partie === undefined) throw new Error('Partie introuvable (évaluation incohérente).');
      const fiches = convention.fiches.map((fiche): FichePilotee =>
        evaluation.fiches.includes(fiche.numero)
          ? { ...fiche, validations: { ...fiche.validations, [partie]: trace } }
          : fiche,
      );
      return {
        convention: { ...convention, fiches },
        de,
        vers: de,
        details: `${partie === 'etat' ? 'État' : 'collectivité'} : ${evaluation.fiches.join(', ')}`,
      };
    }
    case 'signature': {
      const signataire = evaluation.signataire;
      if (signataire === undefined) throw new Error('Signataire introuvable (évaluation incohérente).');
      const signatures = { ...convention.signatures, [signataire.signataire]: trace };
      const complet = signaturesCompletes(evaluation, signatures);
      const vers = complet === undefined || definition.vers === null ? de : definition.vers;
      return {
        convention: {
          ...convention,
          signatures,
          etat: vers,
          ...(complet === undefined ? {} : { dateSignature: complet }),
        },
        de,
        vers,
        details: signataire.libelle,
      };
    }
    case 'simple': {
      const vers = definition.vers ?? de;
      let suivante: ConventionPilotee = { ...convention, etat: vers };
      if (definition.date === 'deliberation') suivante = { ...suivante, dateDeliberation: date };
      if (definition.code === 'rouvrir_negociation') {
        // Rouvrir la négociation efface les validations des fiches (INT-PILOTAGE-3).
        suivante = { ...suivante, fiches: suivante.fiches.map((fiche) => ({ ...fiche, validations: {} })) };
      }
      return { convention: suivante, de, vers, ...(motif === undefined ? {} : { details: motif.trim() }) };
    }
  }
}

/**
 * Applique une transition du cycle de vie (issue 6 § 1) : rend la nouvelle convention et l'entrée de journal à
 * enregistrer, ou la liste de tous les refus (rôle, territoire, état, prérequis, date), en français. Ne modifie
 * rien : même entrée, même sortie.
 */
export function appliquerTransition(
  convention: ConventionPilotee,
  transition: CodeTransition | DemandeTransition,
  acteur: Acteur,
  maintenant: Date,
): ResultatTransition {
  const demande: DemandeTransition = typeof transition === 'string' ? { code: transition } : transition;
  const aujourdhui = jourAParis(maintenant);
  const { refus, evaluation } = evaluerTransition(convention, demande, acteur, aujourdhui);
  if (evaluation === undefined) return { ok: false, refus };

  const trace: Trace = { acteur: acteur.id, role: acteur.role, le: evaluation.date };
  const resultat = effets(convention, evaluation, trace, demande.motif);
  const entree: EntreeJournal = {
    transition: evaluation.definition.code,
    objet: evaluation.definition.avenant === undefined ? 'convention' : 'avenant',
    ...(resultat.avenant === undefined ? {} : { avenant: resultat.avenant }),
    de: resultat.de,
    vers: resultat.vers,
    acteur: acteur.id,
    role: acteur.role,
    horodatage: maintenant.toISOString(),
    date: evaluation.date,
    ...(resultat.details === undefined || resultat.details === '' ? {} : { details: resultat.details }),
  };
  return {
    ok: true,
    convention: { ...resultat.convention, journal: [...convention.journal, entree] },
    entree,
  };
}
