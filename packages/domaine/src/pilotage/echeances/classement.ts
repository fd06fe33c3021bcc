import { dansLeTerritoire, type TerritoireActeur } from '../acteur.ts';
import { ajouterJours, type Jour } from '../jour.ts';
import type { EcheanceConvention } from './echeancier.ts';

/** `repere` : période d'exercice, rien à faire ; les quatre autres classent ce qui est à faire (issue 6 § 2). */
export type StatutEcheance = 'fait' | 'en_retard' | 'proche' | 'a_venir' | 'repere';

export interface OptionsClassement {
  /** Une échéance est « proche » dans ce nombre de jours (30 par défaut — INT-PILOTAGE-10). */
  readonly joursProche?: number;
}

export const JOURS_PROCHE_PAR_DEFAUT = 30;

/**
 * Statut d'une échéance au jour donné : faite ; en retard (date limite ou fin de période dépassée, la date
 * limite étant incluse — INT-REFERENTIELS-12) ; proche (dans `joursProche` jours, ou période commencée) ; à venir.
 */
export function classerEcheance(
  echeance: EcheanceConvention,
  aujourdhui: Jour,
  options: OptionsClassement = {},
): StatutEcheance {
  const joursProche = options.joursProche ?? JOURS_PROCHE_PAR_DEFAUT;
  if (!Number.isInteger(joursProche) || joursProche < 0) {
    throw new RangeError(`joursProche : entier positif ou nul attendu, reçu ${String(joursProche)}`);
  }
  if (!echeance.aFaire) return 'repere';
  if (echeance.faitLe !== undefined) return 'fait';
  if (aujourdhui > echeance.echeance) return 'en_retard';
  if (aujourdhui >= ajouterJours(echeance.echeance, -joursProche)) return 'proche';
  if (echeance.debut !== undefined && aujourdhui >= echeance.debut) return 'proche';
  return 'a_venir';
}

export interface EcheanceClassee extends EcheanceConvention {
  readonly statut: StatutEcheance;
}

export interface VueEcheancesTerritoire {
  readonly enRetard: readonly EcheanceClassee[];
  readonly proches: readonly EcheanceClassee[];
  readonly aVenir: readonly EcheanceClassee[];
  readonly faites: readonly EcheanceClassee[];
  readonly reperes: readonly EcheanceClassee[];
  /** Échéances en retard par collectivité (code), pour la carte et les listes. */
  readonly retardsParCollectivite: Readonly<Record<string, number>>;
}

const parDate = (a: EcheanceClassee, b: EcheanceClassee): number =>
  a.echeance.localeCompare(b.echeance) ||
  a.collectivite.code.localeCompare(b.collectivite.code) ||
  a.code.localeCompare(b.code);

/** Les échéances des conventions d'un territoire, classées au jour donné, chaque groupe par date. */
export function vueEcheancesTerritoire(
  echeances: readonly EcheanceConvention[],
  territoire: TerritoireActeur,
  aujourdhui: Jour,
  options: OptionsClassement = {},
): VueEcheancesTerritoire {
  const classees = echeances
    .filter((echeance) => dansLeTerritoire(territoire, echeance.collectivite))
    .map((echeance): EcheanceClassee => ({
      ...echeance,
      statut: classerEcheance(echeance, aujourdhui, options),
    }))
    .sort(parDate);
  const du = (statut: StatutEcheance) => classees.filter((echeance) => echeance.statut === statut);
  const retardsParCollectivite: Record<string, number> = {};
  for (const echeance of du('en_retard')) {
    retardsParCollectivite[echeance.collectivite.code] =
      (retardsParCollectivite[echeance.collectivite.code] ?? 0) + 1;
  }
  return {
    enRetard: du('en_retard'),
    proches: du('proche'),
    aVenir: du('a_venir'),
    faites: du('fait'),
    reperes: du('repere'),
    retardsParCollectivite,
  };
}
