import type { CodeCadre, Regime } from '@jalon/referentiels';
import type { ResultatControle } from '../../finances/controles/types.ts';
import type { CollectivitePilotee, RolePilotage } from '../acteur.ts';
import type { Jour } from '../jour.ts';
import type { EtatAvenant, EtatConvention } from './etats.ts';
import type { CodeTransition, Partie, Signataire } from './definitions.ts';

/** Qui a fait quoi, quand : l'identifiant du compte, son rôle et le jour retenu. */
export interface Trace {
  readonly acteur: string;
  readonly role: RolePilotage;
  readonly le: Jour;
}

/** Une fiche action, pour le cycle de vie : sa validation par chacune des deux parties (001 · annexe 4 § 2). */
export interface FichePilotee {
  readonly numero: string;
  readonly intitule: string;
  readonly validations: Readonly<Partial<Record<Partie, Trace>>>;
}

export interface Avenant {
  readonly numero: number;
  readonly objet: string;
  readonly etat: EtatAvenant;
  readonly dateDeliberation?: Jour;
  readonly signatures: Readonly<Partial<Record<Signataire, Trace>>>;
  readonly dateSignature?: Jour;
}

/** Entrée du journal d'audit : chaque transition acceptée y laisse une ligne (issue 6 § 1 « audited »). */
export interface EntreeJournal {
  readonly transition: CodeTransition;
  readonly objet: 'convention' | 'avenant';
  /** Numéro de l'avenant concerné. */
  readonly avenant?: number;
  readonly de: string;
  readonly vers: string;
  readonly acteur: string;
  readonly role: RolePilotage;
  /** Instant de l'enregistrement, ISO 8601 UTC. */
  readonly horodatage: string;
  /** Jour de l'acte (délibération, signature…) s'il diffère du jour de l'enregistrement. */
  readonly date: Jour;
  /** Fiches, signataire ou motif : ce que l'acte a touché. */
  readonly details?: string;
}

/**
 * Ce que le cycle de vie sait d'une convention. Le serveur construit cet instantané depuis la base ; les
 * fonctions du cycle le lisent et en rendent un nouveau, sans rien modifier.
 */
export interface ConventionPilotee {
  readonly id: string;
  readonly cadre: CodeCadre;
  readonly exercice: number;
  readonly regime: Regime;
  readonly collectivite: CollectivitePilotee;
  readonly etat: EtatConvention;
  readonly fiches: readonly FichePilotee[];
  /** Derniers contrôles financiers (`controlerConvention`) : un bloquant arrête validation, délibération, signature. */
  readonly controles: readonly ResultatControle[];
  /** Actions dont l'exécution n'est pas saisie : le rapport d'exécution ne peut pas être déposé. */
  readonly actionsSansExecution: readonly string[];
  /** Note d'analyse du commissaire rédigée (CALPAE) : préalable à son dépôt. */
  readonly noteAnalyse?: Trace;
  readonly dateDeliberation?: Jour;
  readonly signatures: Readonly<Partial<Record<Signataire, Trace>>>;
  readonly dateSignature?: Jour;
  readonly avenants: readonly Avenant[];
  readonly journal: readonly EntreeJournal[];
}

/** Une convention neuve, au brouillon. */
export function nouvelleConvention(
  entree: Pick<ConventionPilotee, 'id' | 'cadre' | 'exercice' | 'regime' | 'collectivite'> & {
    readonly fiches?: readonly FichePilotee[];
  },
): ConventionPilotee {
  return {
    ...entree,
    etat: 'brouillon',
    fiches: entree.fiches ?? [],
    controles: [],
    actionsSansExecution: [],
    signatures: {},
    avenants: [],
    journal: [],
  };
}
