import {
  classerEcheance,
  echeancesDeConvention,
  jourAParis,
  vueEcheancesTerritoire,
  type ConventionPilotee,
  type EcheanceConvention,
  type Jour,
  type TerritoireActeur,
} from '@jalon/domaine';
import type { CodeEcheance } from '@jalon/referentiels';
import type { ConventionResume, EcheanceApi, EcheancesApi } from '@jalon/schemas';
import { dansLePerimetre, perimetreDe } from '../acces/politique.ts';
import type { CompteEnregistre, Depots, Perimetre } from '../depots/ports.ts';
import { acteurPilotage, collectivitePilotee } from './cycle.ts';
import { ErreurMetier, interdit } from './erreurs.ts';
import type { Acteur } from './mutation.ts';

/**
 * Échéances des conventions (issue 6 § 2) : calculées par `echeancesDeConvention` du domaine (dates des
 * textes, par cadre et régime), marquées faites d'après le journal du cycle et les bilans partagés, classées au
 * jour de Paris. Ici : lire les conventions du territoire et leurs journaux, rien d'autre.
 */

/** L'instantané léger dont les échéances ont besoin : le journal suffit (pas de fiches ni de contrôles). */
function pilotee(convention: ConventionResume, journal: ConventionPilotee['journal']): ConventionPilotee {
  return {
    id: String(convention.id),
    cadre: convention.cadre,
    exercice: convention.exercice,
    regime: convention.regime,
    collectivite: collectivitePilotee(convention.collectivite),
    etat: convention.statut,
    fiches: [],
    controles: [],
    actionsSansExecution: [],
    signatures: {},
    avenants: [],
    journal,
  };
}

/** Toutes les échéances des conventions d'un périmètre. */
export async function echeancesDuPerimetre(
  depots: Depots,
  perimetre: Perimetre,
  filtres: { exercice?: number | undefined; collectivite?: string | undefined } = {},
): Promise<{ echeances: EcheanceConvention[]; conventions: ReadonlyMap<string, ConventionResume> }> {
  // Seuls l'exercice et la collectivité filtrent les conventions (le statut d'une échéance n'est pas le leur).
  const conventions = await depots.conventions.lister(perimetre, {
    exercice: filtres.exercice,
    collectivite: filtres.collectivite,
  });
  const journaux = await depots.cycle.journaux(conventions.map((c) => c.id));
  const echeances: EcheanceConvention[] = [];
  for (const convention of conventions) {
    const journal = journaux.get(convention.id) ?? [];
    // Le bilan partagé est tenu au jour du premier bilan enregistré pour la convention (INT-PILOTAGE-CYCLE-3).
    const bilans = await depots.bilans.lister(convention.id);
    const premier = bilans.map((b) => b.dateBilan).sort()[0];
    const note = journal.find((e) => e.transition === 'deposer_note_analyse')?.date;
    const realisations: Partial<Record<CodeEcheance, Jour>> = {
      ...(premier === undefined ? {} : { bilan_partage: premier }),
      ...(note === undefined ? {} : { note_analyse_commissaire: note }),
    };
    echeances.push(...echeancesDeConvention(pilotee(convention, journal), realisations));
  }
  return { echeances, conventions: new Map(conventions.map((c) => [String(c.id), c])) };
}

export const territoireDe = (compte: CompteEnregistre): TerritoireActeur | undefined =>
  acteurPilotage(compte)?.territoire;

const versApi = (
  e: EcheanceConvention,
  statut: EcheanceApi['statut'],
  conventions: ReadonlyMap<string, ConventionResume>,
): EcheanceApi => {
  const convention = conventions.get(e.conventionId);
  return {
    convention_id: Number(e.conventionId),
    collectivite: { id: e.collectivite.code, nom: convention?.collectivite.nom ?? e.collectivite.nom },
    cadre: e.cadre,
    exercice: e.exercice,
    regime: e.regime,
    code: e.code,
    libelle: e.libelle,
    source: e.source,
    debut: e.debut ?? null,
    echeance: e.echeance,
    responsables: [...e.responsables],
    statut,
    fait_le: e.faitLe ?? null,
  };
};

/** `GET /api/echeances` : les échéances du territoire du compte, classées, filtrables. */
export async function echeancesDuCompte(
  depots: Depots,
  acteur: Acteur,
  maintenant: Date,
  filtres: { exercice?: number | undefined; collectivite?: string | undefined; statut?: string | undefined },
): Promise<EcheancesApi> {
  const perimetre = perimetreDe(acteur.compte);
  const territoire = territoireDe(acteur.compte);
  if (perimetre === undefined || territoire === undefined) throw interdit('consulter des échéances');
  if (filtres.collectivite !== undefined) {
    const collectivite = await depots.collectivites.trouver(filtres.collectivite);
    if (collectivite === undefined || !dansLePerimetre(perimetre, collectivite)) {
      throw new ErreurMetier(
        'introuvable',
        `Collectivité ${filtres.collectivite} introuvable (ou hors de votre territoire).`,
      );
    }
  }
  const aujourdhui = jourAParis(maintenant);
  const { echeances, conventions } = await echeancesDuPerimetre(depots, perimetre, filtres);
  const vue = vueEcheancesTerritoire(echeances, territoire, aujourdhui);
  const toutes = [...vue.enRetard, ...vue.proches, ...vue.aVenir, ...vue.faites, ...vue.reperes]
    .filter((e) => filtres.statut === undefined || e.statut === filtres.statut)
    .map((e) => versApi(e, e.statut, conventions));
  return { aujourdhui, echeances: toutes, retards_par_collectivite: { ...vue.retardsParCollectivite } };
}

/** Échéances classées d'un périmètre, pour les rappels (toutes les conventions). */
export async function echeancesClassees(depots: Depots, maintenant: Date) {
  const aujourdhui = jourAParis(maintenant);
  const { echeances } = await echeancesDuPerimetre(depots, { type: 'tout' });
  return echeances.map((e) => ({ ...e, statut: classerEcheance(e, aujourdhui) }));
}
