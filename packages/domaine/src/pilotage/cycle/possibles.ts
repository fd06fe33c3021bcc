import type { Acteur, RolePilotage } from '../acteur.ts';
import { jourAParis, type Jour } from '../jour.ts';
import { CYCLES_DE_VIE, type CodeTransition, type DefinitionTransition } from './definitions.ts';
import { ETATS_CONVENTION, rangEtat, type EtatConvention } from './etats.ts';
import { evaluerTransition } from './evaluer.ts';
import type { Avenant, ConventionPilotee } from './modele.ts';
import { avenantEnCours, verifierPrerequis } from './prerequis.ts';
import type { Refus } from './refus.ts';

export interface EtapeParcours {
  readonly etat: EtatConvention;
  readonly libelle: string;
  readonly statut: 'franchie' | 'courante' | 'a_venir';
  /** Jour où l'état a été atteint, d'après le journal. */
  readonly le?: Jour;
}

export interface TransitionOfferte {
  readonly code: CodeTransition;
  readonly libelle: string;
  readonly roles: readonly RolePilotage[];
  /** L'acteur peut-elle la déclencher maintenant ? Sinon `refus` dit pourquoi. */
  readonly possible: boolean;
  readonly refus: readonly Refus[];
  readonly source: string;
}

export interface ProchaineEtape {
  readonly code: CodeTransition;
  readonly libelle: string;
  /** Qui doit agir. */
  readonly roles: readonly RolePilotage[];
  /** Signataires dont la signature manque (étape de signature). */
  readonly signaturesAttendues: readonly string[];
  /** Ce qui manque encore, quel que soit l'acteur (fiches, contrôles, période…). */
  readonly prerequisManquants: readonly Refus[];
}

export interface VueCycle {
  readonly etat: EtatConvention;
  readonly libelleEtat: string;
  readonly parcours: readonly EtapeParcours[];
  readonly prochaineEtape: ProchaineEtape | undefined;
  readonly avenantEnCours: Avenant | undefined;
  /** Transitions offertes dans l'état actuel, jugées pour l'acteur. */
  readonly transitions: readonly TransitionOfferte[];
}

function offerte(convention: ConventionPilotee, definition: DefinitionTransition): boolean {
  if (!definition.etats.includes(convention.etat)) return false;
  if (definition.avenant === undefined) return true;
  const avenant = avenantEnCours(convention);
  return definition.avenant.de === null ? avenant === undefined : avenant?.etat === definition.avenant.de;
}

/**
 * Pour l'interface (issue 6 § 1) : le parcours (états franchis, courant, à venir), la prochaine étape et qui
 * doit la franchir, et chaque transition offerte avec, pour l'acteur, la raison d'un refus.
 */
export function transitionsPossibles(
  convention: ConventionPilotee,
  acteur: Acteur,
  maintenant: Date,
): VueCycle {
  const cycle = CYCLES_DE_VIE[convention.cadre];
  const aujourdhui = jourAParis(maintenant);
  const rang = rangEtat(convention.etat);

  const parcours = ETATS_CONVENTION.map((etat): EtapeParcours => {
    const le = convention.journal.findLast(
      (entree) => entree.objet === 'convention' && entree.vers === etat && entree.de !== etat,
    )?.date;
    const statut = rangEtat(etat) < rang ? 'franchie' : etat === convention.etat ? 'courante' : 'a_venir';
    return { etat, libelle: cycle.libellesEtats[etat], statut, ...(le === undefined ? {} : { le }) };
  });

  const offertes = cycle.transitions.filter((definition) => offerte(convention, definition));
  const transitions = offertes.map((definition): TransitionOfferte => {
    const { refus } = evaluerTransition(
      convention,
      { code: definition.code, motif: '…' },
      acteur,
      aujourdhui,
    );
    // Le motif est saisi au moment d'agir : il ne fait pas refuser la transition dans la vue.
    return {
      code: definition.code,
      libelle: definition.libelle,
      roles: definition.roles,
      possible: refus.length === 0,
      refus,
      source: definition.source,
    };
  });

  const principale = offertes.find((definition) => definition.principale && definition.avenant === undefined);
  let prochaineEtape: ProchaineEtape | undefined;
  if (principale !== undefined) {
    const manquantes =
      principale.mode === 'signature'
        ? cycle.signataires.filter((s) => convention.signatures[s.signataire] === undefined)
        : [];
    prochaineEtape = {
      code: principale.code,
      libelle: principale.libelle,
      roles:
        principale.mode === 'signature' ? [...new Set(manquantes.flatMap((s) => s.roles))] : principale.roles,
      signaturesAttendues: manquantes.map((s) => s.libelle),
      prerequisManquants: verifierPrerequis(principale.prerequis, convention, aujourdhui),
    };
  }

  return {
    etat: convention.etat,
    libelleEtat: cycle.libellesEtats[convention.etat],
    parcours,
    prochaineEtape,
    avenantEnCours: avenantEnCours(convention),
    transitions,
  };
}
