import {
  CADRES,
  echeances,
  type CodeCadre,
  type CodeEcheance,
  type FamilleCadre,
  type Regime,
} from '@jalon/referentiels';
import type { CollectivitePilotee, RolePilotage } from '../acteur.ts';
import type { Jour } from '../jour.ts';
import type { CodeTransition } from '../cycle/definitions.ts';
import type { ConventionPilotee } from '../cycle/modele.ts';

/** Une échéance datée d'une convention (issue 6 § 2). */
export interface EcheanceConvention {
  readonly conventionId: string;
  readonly collectivite: CollectivitePilotee;
  readonly cadre: CodeCadre;
  readonly exercice: number;
  readonly regime: Regime;
  readonly code: CodeEcheance;
  readonly libelle: string;
  readonly source: string;
  /** Début de la période (échéances « entre le … et le … »). */
  readonly debut?: Jour;
  /** Date limite, ou fin de la période. */
  readonly echeance: Jour;
  /** Qui doit agir. */
  readonly responsables: readonly RolePilotage[];
  /** `false` : simple repère (période d'exercice), rien à faire. */
  readonly aFaire: boolean;
  /** Jour où c'est fait, d'après le journal ou les réalisations fournies. */
  readonly faitLe?: Jour;
}

/**
 * Qui agit pour chaque échéance (d'après le texte qui la fixe). INT-PILOTAGE-8 pour les lectures.
 */
export const RESPONSABLES_ECHEANCE: Readonly<Record<CodeEcheance, readonly RolePilotage[]>> = {
  prenotification_credits: ['national'], // 003 · III.4.b (DGEFP)
  periode_exercice: [],
  bilan_partage: ['ddets', 'commissaire', 'departement_valideur'], // 001 · annexe 4 § 2 (État et conseil départemental)
  diagnostic_territorial: ['ddets', 'commissaire', 'departement_valideur'], // 001 · III
  reporting_indicateurs: ['departement_agent', 'departement_valideur'], // 001 · annexe 4 § 1 (« référents … des conseils départementaux »)
  remise_rapport_execution: ['departement_valideur'], // 001 · annexe 4 § 1
  note_analyse_commissaire: ['commissaire'], // 001 · annexe 4 § 2
  finalisation_convention: ['ddets', 'departement_valideur'], // 003 · III.4.c
  signature_avenant: ['departement_valideur', 'ddets'], // 001 · annexe 4 § 2
  adoption_convention: ['departement_valideur'], // 001 · annexe 4 § 2 (délibération) ; 003 · III.4.c
  transmission_dgcs: ['departement_valideur'], // 000 · annexe 5 § 2
  bilan_final: ['departement_valideur'], // 003 · annexe 7 art. 3.2
};

/**
 * Transitions du cycle de vie qui accomplissent une échéance, par famille de cadre (INT-PILOTAGE-9). Les autres
 * échéances (bilan partagé, note d'analyse qui prépare la convention suivante, reporting, transmission à la
 * DGCS, diagnostic) sont déclarées faites par l'appelant (`realisations`).
 */
const ACCOMPLIE_PAR: Readonly<
  Record<
    FamilleCadre,
    Partial<Record<CodeEcheance, { transitions: readonly CodeTransition[]; vers: string }>>
  >
> = {
  calpae: {
    adoption_convention: { transitions: ['deliberer', 'deliberer_avenant'], vers: 'deliberee' },
    remise_rapport_execution: { transitions: ['deposer_rapport'], vers: 'rapport_depose' },
    signature_avenant: { transitions: ['signer_avenant'], vers: 'signee' },
  },
  france_travail: {
    finalisation_convention: { transitions: ['valider_conjointement'], vers: 'validee_conjointement' },
    // « Approbation en assemblée délibérante et signature » : faite à la dernière signature (003 · III.4.c).
    adoption_convention: { transitions: ['signer'], vers: 'signee' },
    bilan_final: { transitions: ['deposer_rapport'], vers: 'rapport_depose' },
  },
};

/**
 * Les échéances d'une convention : celles de son cadre, pour son régime et son exercice (`echeances()` des
 * référentiels ; 001 · annexe 4 synthèse du calendrier, 000 · annexe 5, 003 · III.4 et annexe 7 art. 3.2),
 * datées et marquées faites d'après le journal ou `realisations` (jour où l'échéance a été tenue).
 */
export function echeancesDeConvention(
  convention: ConventionPilotee,
  realisations: Readonly<Partial<Record<CodeEcheance, Jour>>> = {},
): EcheanceConvention[] {
  const cadre = CADRES[convention.cadre];
  const accomplissements = ACCOMPLIE_PAR[cadre.famille];
  return echeances(cadre, convention.regime)
    .filter((echeance) => echeance.exercice === convention.exercice)
    .map((echeance): EcheanceConvention => {
      const regle = accomplissements[echeance.code];
      const parJournal =
        regle === undefined
          ? undefined
          : convention.journal.find(
              (entree) => regle.transitions.includes(entree.transition) && entree.vers === regle.vers,
            )?.date;
      const faitLe = realisations[echeance.code] ?? parJournal;
      const aFaire = echeance.code !== 'periode_exercice';
      return {
        conventionId: convention.id,
        collectivite: convention.collectivite,
        cadre: convention.cadre,
        exercice: convention.exercice,
        regime: convention.regime,
        code: echeance.code,
        libelle: echeance.libelle,
        source: echeance.source,
        ...(echeance.nature === 'periode' ? { debut: echeance.debut } : {}),
        echeance: echeance.nature === 'periode' ? echeance.fin : echeance.date,
        responsables: RESPONSABLES_ECHEANCE[echeance.code],
        aFaire,
        ...(aFaire && faitLe !== undefined ? { faitLe } : {}),
      };
    });
}
