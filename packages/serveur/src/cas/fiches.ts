import type {
  ConventionResume,
  FicheAction,
  FicheCreation,
  FicheModification,
  LignesFinancieres,
} from '@jalon/schemas';
import { droitsSur } from '../acces/politique.ts';
import type { ChampsFiche, Depots, Persistance } from '../depots/ports.ts';
import { lireCache } from './cache-analyse.ts';
import { verifierDocument, verifierLecture, type LectureConvention } from './document.ts';
import { ficheIntrouvable, interdit, invalide } from './erreurs.ts';
import { modifierConvention, type Acteur } from './mutation.ts';
import { gardeValidations } from './validations-fiches.ts';

/** Les champs d'une fiche action nouvelle, avant ce que l'utilisateur saisit (modèles 001 · annexe 7, 003 · annexe 7). */
export const CHAMPS_FICHE_VIDES: Omit<ChampsFiche, 'numero' | 'intitule' | 'mesure'> = {
  code_chorus: null,
  volet: null,
  nature_depense: null,
  theme: '',
  contexte: '',
  enjeux_objectifs: '',
  description: '',
  lien_strategie: '',
  date_mise_en_place: '',
  duree_action: '',
  partenaires_cofinanceurs: '',
  budget_detaille: '',
  financee_fapi: null,
  montant_fapi: null,
  objectifs_progression: '',
  calendrier_previsionnel: '',
  indicateurs_suivi: {
    nouveaux_entrants: null,
    nouveaux_entrants_orientes_15_jours: null,
    nouveaux_entrants_concernes: null,
    allocataires_concernes: null,
  },
  previsionnel: { etat: 0, report_etat: 0, cd: 0, valorisation_cd: 0, report_cd: 0, autres: 0 },
  execution: null,
  realise_exercice_precedent: null,
  justification: '',
  validee_par_commissaire: false,
};

const sansVersion = <T extends { version: number }>({ version: _version, ...reste }: T) => reste;

const champsDe = ({ id: _id, rang: _rang, ...champs }: FicheAction): ChampsFiche => champs;

async function numeroLibre(depots: Depots, conventionId: number, numero: string, sauf?: number) {
  const porteur = await depots.fiches.trouverNumero(conventionId, numero);
  if (porteur !== undefined && porteur !== sauf) {
    throw invalide(`Le numéro de fiche « ${numero} » est déjà pris dans cette convention.`, {
      erreurs: [{ chemin: 'numero', raison: 'numéro déjà pris' }],
    });
  }
}

const ficheSeule = ({ conventionId: _c, ...fiche }: FicheAction & { conventionId: number }): FicheAction =>
  fiche;

/**
 * Les fiches après l'écriture, vérifiées (format `jalon.convention/1`, sinon 422 et rien n'est écrit). Si le
 * contenu de la version d'avant est en cache, on y applique le changement au lieu de relire toutes les fiches :
 * la transaction tient la ligne de la convention (`avancerVersion`) et toute écriture des fiches avance la
 * version, donc la base contient exactement ces fiches-là, plus le changement (issue 9 § 3). Sinon, relecture.
 */
async function relireApres(
  persistance: Persistance,
  depots: Depots,
  convention: ConventionResume,
  version: number,
  appliquer: (fiches: readonly FicheAction[]) => readonly FicheAction[] | undefined,
): Promise<LectureConvention | undefined> {
  const precedent = lireCache(persistance, convention.id, convention.version);
  const fiches = precedent === undefined ? undefined : appliquer(precedent.fiches_actions);
  if (fiches === undefined) return verifierDocument(depots, convention.id);
  const relue = { convention: { ...convention, version }, fiches };
  verifierLecture(relue);
  return relue;
}

async function ficheDeLaConvention(depots: Depots, conventionId: number, ficheId: number) {
  const fiche = await depots.fiches.trouver(ficheId);
  if (fiche === undefined || fiche.conventionId !== conventionId) throw ficheIntrouvable(ficheId);
  const { conventionId: _c, ...reste } = fiche;
  return reste;
}

export function creerFiche(
  persistance: Persistance,
  acteur: Acteur,
  conventionId: number,
  entree: FicheCreation,
) {
  return modifierConvention(persistance, acteur, conventionId, entree.version, {
    action: 'creer_fiche',
    entite: 'fiche_action',
    travail: async (depots, convention, version) => {
      await numeroLibre(depots, conventionId, entree.numero);
      const champs: ChampsFiche = { ...CHAMPS_FICHE_VIDES, ...sansVersion(entree) };
      const id = await depots.fiches.creer(conventionId, champs);
      const apres = await depots.fiches.trouver(id);
      // La nouvelle fiche a le plus grand rang : elle vient en dernier.
      const relue = await relireApres(persistance, depots, convention, version, (fiches) =>
        apres === undefined ? undefined : [...fiches, ficheSeule(apres)],
      );
      return { entiteId: String(id), avant: null, apres, resultat: id, relue };
    },
  });
}

export function modifierFiche(
  persistance: Persistance,
  acteur: Acteur,
  conventionId: number,
  ficheId: number,
  entree: FicheModification,
) {
  return modifierConvention(persistance, acteur, conventionId, entree.version, {
    action: 'modifier_fiche',
    entite: 'fiche_action',
    travail: async (depots, convention, version) => {
      const avant = await ficheDeLaConvention(depots, conventionId, ficheId);
      const champs: ChampsFiche = { ...champsDe(avant), ...sansVersion(entree) };
      if (champs.numero !== avant.numero) await numeroLibre(depots, conventionId, champs.numero, ficheId);
      const garde = await gardeValidations(depots, conventionId);
      await depots.fiches.modifier(ficheId, champs);
      const apres = await ficheDeLaConvention(depots, conventionId, ficheId);
      const relue = await relireApres(persistance, depots, convention, version, (fiches) =>
        fiches.map((f) => (f.id === ficheId ? apres : f)),
      );
      await garde.accorder(acteur, 'modifier_fiche');
      return { entiteId: String(ficheId), avant, apres, resultat: undefined, relue };
    },
  });
}

export function supprimerFiche(
  persistance: Persistance,
  acteur: Acteur,
  conventionId: number,
  ficheId: number,
  version: number,
) {
  return modifierConvention(persistance, acteur, conventionId, version, {
    action: 'supprimer_fiche',
    entite: 'fiche_action',
    travail: async (depots) => {
      const avant = await ficheDeLaConvention(depots, conventionId, ficheId);
      const garde = await gardeValidations(depots, conventionId);
      await depots.fiches.supprimer(ficheId);
      await garde.accorder(acteur, 'supprimer_fiche');
      return { entiteId: String(ficheId), avant, apres: null, resultat: undefined };
    },
  });
}

/**
 * Colonnes d'une ligne financière que le seul droit `saisir_execution` permet d'écrire : l'exécution. Le réalisé
 * n-1 et la justification conditionnent l'abondement de l'année n (001 · annexe 4) : négociés, validés et signés,
 * ils ne changent plus (INT-SAISIE-EXECUTION-2).
 */
const COLONNES_EXECUTION_SEULE = new Set(['fiche_id', 'execution']);

/**
 * Sans `modifier` (convention en exécution), une ligne ne porte que l'exécution : toute autre colonne fournie
 * (prévisionnel, réalisé n-1, justification, validation du commissaire) est refusée (403) et rien n'est écrit (la transaction est annulée).
 */
function exigerExecutionSeule(lignes: LignesFinancieres['lignes']): void {
  for (const [index, ligne] of lignes.entries()) {
    const autres = Object.entries(ligne)
      .filter(([cle, valeur]) => valeur !== undefined && !COLONNES_EXECUTION_SEULE.has(cle))
      .map(([cle]) => `lignes[${index}].${cle}`);
    if (autres.length > 0) {
      throw interdit(
        `modifier ${autres.join(', ')} — convention en exécution : seul le réalisé se saisit (colonnes execution)`,
      );
    }
  }
}

/**
 * Lignes financières en bloc (collage d'un bloc copié d'un tableur) : une seule version, une seule transaction,
 * une ligne d'audit par fiche modifiée. Droit `saisir_execution` : avec `modifier`, toutes les colonnes ; sans
 * (convention en exécution), l'exécution seulement.
 */
export function modifierLignesFinancieres(
  persistance: Persistance,
  acteur: Acteur,
  conventionId: number,
  entree: LignesFinancieres,
) {
  return modifierConvention(persistance, acteur, conventionId, entree.version, {
    action: 'modifier_lignes_financieres',
    entite: 'lignes_financieres',
    droit: 'saisir_execution',
    travail: async (depots, convention) => {
      if (!droitsSur(acteur.compte, convention.collectivite, convention.statut).modifier) {
        exigerExecutionSeule(entree.lignes);
      }
      const avant: Record<string, unknown> = {};
      const apres: Record<string, unknown> = {};
      const garde = await gardeValidations(depots, conventionId);
      for (const [index, ligne] of entree.lignes.entries()) {
        const fiche = await depots.fiches.trouver(ligne.fiche_id);
        if (fiche === undefined || fiche.conventionId !== conventionId) {
          throw invalide(
            `lignes[${index}].fiche_id : fiche action ${ligne.fiche_id} absente de cette convention.`,
            {
              erreurs: [{ chemin: `lignes[${index}].fiche_id`, raison: 'fiche absente de cette convention' }],
            },
          );
        }
        const { conventionId: _c, ...actuelle } = fiche;
        const execution =
          ligne.execution === null
            ? null
            : ligne.execution === undefined
              ? actuelle.execution
              : {
                  ...(actuelle.execution ?? {
                    realise: 0,
                    valorisation_cd: 0,
                    a_reporter_etat: 0,
                    a_reporter_cd: 0,
                  }),
                  ...ligne.execution,
                };
        const champs: ChampsFiche = {
          ...champsDe(actuelle),
          previsionnel: { ...actuelle.previsionnel, ...ligne.previsionnel },
          execution,
          ...(ligne.realise_exercice_precedent !== undefined
            ? { realise_exercice_precedent: ligne.realise_exercice_precedent }
            : {}),
          ...(ligne.justification !== undefined ? { justification: ligne.justification } : {}),
          ...(ligne.validee_par_commissaire !== undefined
            ? { validee_par_commissaire: ligne.validee_par_commissaire }
            : {}),
        };
        await depots.fiches.modifier(ligne.fiche_id, champs);
        const cle = actuelle.numero;
        avant[cle] = financier(actuelle);
        apres[cle] = financier({ ...actuelle, ...champs });
      }
      await garde.accorder(acteur, 'modifier_lignes_financieres');
      return { entiteId: entree.lignes.map((l) => l.fiche_id).join(','), avant, apres, resultat: undefined };
    },
  });
}

const financier = (
  f: Pick<
    FicheAction,
    'previsionnel' | 'execution' | 'realise_exercice_precedent' | 'justification' | 'validee_par_commissaire'
  >,
) => ({
  previsionnel: f.previsionnel,
  execution: f.execution,
  realise_exercice_precedent: f.realise_exercice_precedent,
  justification: f.justification,
  validee_par_commissaire: f.validee_par_commissaire,
});
