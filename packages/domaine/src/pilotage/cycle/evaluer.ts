import { CADRES, echeances } from '@jalon/referentiels';
import {
  LIBELLES_ROLES_PILOTAGE,
  dansLeTerritoire,
  decrireTerritoire,
  territoireCoherent,
  type Acteur,
} from '../acteur.ts';
import { estJour, formaterJour, type Jour } from '../jour.ts';
import {
  CYCLES_DE_VIE,
  trouverTransition,
  type CodeTransition,
  type CycleDeVie,
  type DefinitionSignataire,
  type DefinitionTransition,
  type Partie,
} from './definitions.ts';
import type { Avenant, ConventionPilotee } from './modele.ts';
import { avenantEnCours, verifierPrerequis } from './prerequis.ts';
import type { Refus } from './refus.ts';

/** Ce que l'utilisateur demande : la transition, et selon elle une date d'acte, un motif, des fiches. */
export interface DemandeTransition {
  readonly code: CodeTransition;
  /** Jour de l'acte (délibération, signature) ; aujourd'hui par défaut. */
  readonly date?: Jour;
  readonly motif?: string;
  /** `valider_fiches` : numéros des fiches ; toutes par défaut. */
  readonly fiches?: readonly string[];
}

/** Une demande jugée recevable, avec ce qu'il faut pour l'appliquer. */
export interface Evaluation {
  readonly definition: DefinitionTransition;
  readonly cycle: CycleDeVie;
  readonly date: Jour;
  readonly avenant: Avenant | undefined;
  readonly signataire: DefinitionSignataire | undefined;
  readonly partie: Partie | undefined;
  readonly fiches: readonly string[];
}

const guillemets = (texte: string): string => `« ${texte} »`;

function refusEtat(
  convention: ConventionPilotee,
  definition: DefinitionTransition,
  cycle: CycleDeVie,
): Refus {
  const attendus = definition.etats.map((etat) => guillemets(cycle.libellesEtats[etat])).join(' ou ');
  return {
    motif: 'etat',
    message: `La convention est à l'état ${guillemets(cycle.libellesEtats[convention.etat])} : ${guillemets(definition.libelle)} n'est possible qu'à l'état ${attendus}.`,
  };
}

/** Jour de la dernière entrée du journal pour une transition (validation conjointe avant délibération…). */
const dernierJour = (convention: ConventionPilotee, code: CodeTransition): Jour | undefined =>
  convention.journal.findLast((entree) => entree.transition === code)?.date;

/** Bornes de la date d'un acte : jamais dans le futur, jamais avant l'étape précédente, délai des textes. */
function verifierDate(
  convention: ConventionPilotee,
  definition: DefinitionTransition,
  avenant: Avenant | undefined,
  date: Jour,
  aujourdhui: Jour,
): Refus[] {
  if (!estJour(date))
    return [{ motif: 'date', message: `Date AAAA-MM-JJ attendue, reçu ${guillemets(date)}.` }];
  const refus: Refus[] = [];
  if (date > aujourdhui) {
    refus.push({ motif: 'date', message: `La date ${formaterJour(date)} est dans le futur.` });
  }
  let plancher: { jour: Jour | undefined; etape: string };
  if (definition.date === 'deliberation') {
    plancher =
      avenant === undefined
        ? {
            jour: dernierJour(convention, 'valider_conjointement'),
            etape: 'la validation conjointe des fiches',
          }
        : { jour: dernierJour(convention, 'valider_avenant'), etape: "la validation conjointe de l'avenant" };
  } else {
    plancher = {
      jour: avenant === undefined ? convention.dateDeliberation : avenant.dateDeliberation,
      etape: 'la délibération',
    };
  }
  if (plancher.jour !== undefined && date < plancher.jour) {
    refus.push({
      motif: 'date',
      message: `La date ${formaterJour(date)} précède ${plancher.etape} (${formaterJour(plancher.jour)}).`,
      source: '001 · annexe 4 § 2 (fiches validées « en amont de l’adoption »)',
    });
  }
  if (definition.code === 'signer_avenant') {
    // Délai de signature d'un avenant fixé par le cadre (calpae-2023 en année glissante : 30/06/2023).
    const limite = echeances(CADRES[convention.cadre], convention.regime).find(
      (e) =>
        e.code === 'signature_avenant' && e.exercice === convention.exercice && e.nature === 'date_limite',
    );
    if (limite?.nature === 'date_limite' && date > limite.date) {
      refus.push({
        motif: 'date',
        message: `Un avenant doit être signé au plus tard le ${formaterJour(limite.date)} (un avenant ne peut être rétroactif).`,
        source: limite.source,
      });
    }
  }
  return refus;
}

/** Juge une demande : la liste des refus (vide si elle est recevable) et, si elle l'est, de quoi l'appliquer. */
export function evaluerTransition(
  convention: ConventionPilotee,
  demande: DemandeTransition,
  acteur: Acteur,
  aujourdhui: Jour,
): { readonly refus: readonly Refus[]; readonly evaluation?: Evaluation } {
  const cycle = CYCLES_DE_VIE[convention.cadre];
  const definition = trouverTransition(cycle, demande.code);
  if (definition === undefined) {
    const connues = cycle.transitions.map((t) => t.code).join(', ');
    return {
      refus: [
        {
          motif: 'transition_inconnue',
          message: `Transition ${guillemets(demande.code)} inconnue pour le cadre ${convention.cadre} (transitions : ${connues}).`,
        },
      ],
    };
  }
  const refus: Refus[] = [];

  // État de la convention, puis de l'avenant.
  if (!definition.etats.includes(convention.etat)) refus.push(refusEtat(convention, definition, cycle));
  const avenant = avenantEnCours(convention);
  if (definition.avenant?.de !== undefined && definition.avenant.de !== null) {
    if (avenant === undefined) {
      refus.push({
        motif: 'etat',
        message: `Aucun avenant en cours : ${guillemets(definition.libelle)} est impossible.`,
      });
    } else if (avenant.etat !== definition.avenant.de) {
      refus.push({
        motif: 'etat',
        message: `L'avenant n° ${String(avenant.numero)} est à l'état ${guillemets(avenant.etat)} : ${guillemets(definition.libelle)} attend l'état ${guillemets(definition.avenant.de)}.`,
      });
    }
  }

  // Rôle et territoire.
  if (!definition.roles.includes(acteur.role)) {
    const admis = definition.roles.map((role) => LIBELLES_ROLES_PILOTAGE[role]).join(', ');
    refus.push({
      motif: 'role',
      message: `Le rôle ${guillemets(LIBELLES_ROLES_PILOTAGE[acteur.role])} ne peut pas ${guillemets(definition.libelle)} (réservé à : ${admis}).`,
      source: definition.source,
    });
  }
  if (!territoireCoherent(acteur)) {
    refus.push({
      motif: 'territoire',
      message: `Compte mal paramétré : le rôle ${guillemets(LIBELLES_ROLES_PILOTAGE[acteur.role])} ne peut pas avoir le territoire ${decrireTerritoire(acteur.territoire)}.`,
    });
  } else if (!dansLeTerritoire(acteur.territoire, convention.collectivite)) {
    refus.push({
      motif: 'territoire',
      message: `La collectivité ${convention.collectivite.nom} (${convention.collectivite.code}) n'est pas dans votre territoire (${decrireTerritoire(acteur.territoire)}).`,
    });
  }

  if (definition.motif === true && (demande.motif ?? '').trim() === '') {
    refus.push({ motif: 'motif', message: `${guillemets(definition.libelle)} exige un motif écrit.` });
  }

  refus.push(...verifierPrerequis(definition.prerequis, convention, aujourdhui));

  const date = demande.date ?? aujourdhui;
  if (definition.date !== undefined)
    refus.push(...verifierDate(convention, definition, avenant, date, aujourdhui));

  // Signature : chaque signataire une fois.
  let signataire: DefinitionSignataire | undefined;
  if (definition.mode === 'signature') {
    signataire = cycle.signataires.find((s) => s.roles.includes(acteur.role));
    const signatures = definition.avenant === undefined ? convention.signatures : (avenant?.signatures ?? {});
    if (signataire !== undefined && signatures[signataire.signataire] !== undefined) {
      refus.push({ motif: 'deja_fait', message: `${signataire.libelle} : signature déjà enregistrée.` });
    }
  }

  // Validation des fiches : au nom de la partie de l'acteur.
  let partie: Partie | undefined;
  let fiches: string[] = [];
  if (definition.mode === 'validation_fiches') {
    partie = (['collectivite', 'etat'] as const).find((p) => cycle.parties[p].includes(acteur.role));
    const numeros = demande.fiches ?? convention.fiches.map((fiche) => fiche.numero);
    const inconnues = numeros.filter((numero) => !convention.fiches.some((fiche) => fiche.numero === numero));
    if (inconnues.length > 0) {
      refus.push({ motif: 'prerequis', message: `Fiches actions inconnues : ${inconnues.join(', ')}.` });
    }
    if (partie !== undefined) {
      const p = partie;
      fiches = numeros.filter((numero) =>
        convention.fiches.some((fiche) => fiche.numero === numero && fiche.validations[p] === undefined),
      );
      if (inconnues.length === 0 && numeros.length > 0 && fiches.length === 0) {
        refus.push({
          motif: 'deja_fait',
          message: 'Ces fiches actions sont déjà validées par votre partie.',
        });
      }
    }
  }

  if (refus.length > 0) return { refus };
  return { refus, evaluation: { definition, cycle, date, avenant, signataire, partie, fiches } };
}
