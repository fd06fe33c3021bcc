import type { ConventionResume } from '@jalon/schemas';
import { droitsSur } from '../acces/politique.ts';
import type { CompteEnregistre, Depots, Persistance } from '../depots/ports.ts';
import { calculerContenu, ecrireCache, type ContenuConvention } from './cache-analyse.ts';
import type { LectureConvention } from './document.ts';
import { conventionIntrouvable, interdit, versionPerimee } from './erreurs.ts';

export interface Acteur {
  readonly compte: CompteEnregistre;
}

/** Lit une convention que l'acteur a le droit de voir ; sinon « introuvable » (on ne révèle rien). */
export async function conventionLisible(
  depots: Depots,
  acteur: Acteur,
  id: number,
): Promise<ConventionResume> {
  const convention = await depots.conventions.trouver(id);
  if (
    convention === undefined ||
    !droitsSur(acteur.compte, convention.collectivite, convention.statut).lire
  ) {
    throw conventionIntrouvable(id);
  }
  return convention;
}

export interface Modification<T> {
  /** Nom de l'action dans le journal (`modifier_fiche`, `deposer`…). */
  readonly action: string;
  readonly entite: string;
  /** Droit exigé (par défaut `modifier`). */
  readonly droit?: 'modifier' | 'deposer' | 'valider' | 'saisir_execution';
  /**
   * Le travail, dans la transaction ; rend l'identifiant de l'entité, l'état avant, l'état après et le résultat,
   * et, s'il les a relues après l'écriture (`verifierDocument`), la convention et ses fiches : le contenu de la
   * nouvelle version est alors mis en cache dès la validation, sans nouvelle lecture.
   */
  readonly travail: (
    depots: Depots,
    convention: ConventionResume,
    /** La version que la modification crée (celle de `convention` + 1). */
    version: number,
  ) => Promise<{
    entiteId: string;
    avant: unknown;
    apres: unknown;
    resultat: T;
    relue?: LectureConvention | undefined;
  }>;
}

const LIBELLES_DROITS = {
  modifier: 'modifier cette convention (collectivité et statut brouillon ou en négociation)',
  deposer: 'déposer cette convention (valideur de la collectivité)',
  valider: 'valider cette convention (DDETS du département, convention déposée)',
  saisir_execution:
    "saisir l'exécution de cette convention (collectivité ; brouillon, négociation ou exécution — rien après le dépôt du rapport)",
} as const;

/**
 * Toute modification d'une convention passe ici, dans UNE transaction : droits (rôle et territoire), version
 * attendue (sinon 409, rien n'est écrit — INT-PLATEFORME-3), travail, ligne d'audit (qui, quand, quoi, avant,
 * après — issue « Plateforme » § 6).
 */
export async function modifierConvention<T>(
  persistance: Persistance,
  acteur: Acteur,
  conventionId: number,
  versionAttendue: number,
  modification: Modification<T>,
): Promise<{ resultat: T; version: number; convention: ConventionResume }> {
  const ecrit = await persistance.transaction(async (depots) => {
    const droit = modification.droit ?? 'modifier';
    // La version avance d'abord (une requête, qui rend la convention à jour et verrouille sa ligne) ; les droits
    // sont jugés sur cette ligne, et tout refus annule la transaction : rien n'est écrit.
    const ajour = await depots.conventions.avancerVersion(conventionId, versionAttendue);
    if (ajour === undefined) {
      const actuelle = await conventionLisible(depots, acteur, conventionId);
      if (!droitsSur(acteur.compte, actuelle.collectivite, actuelle.statut)[droit]) {
        throw interdit(LIBELLES_DROITS[droit]);
      }
      throw versionPerimee(versionAttendue, actuelle.version);
    }
    const droits = droitsSur(acteur.compte, ajour.collectivite, ajour.statut);
    if (!droits.lire) throw conventionIntrouvable(conventionId);
    if (!droits[droit]) throw interdit(LIBELLES_DROITS[droit]);
    const version = ajour.version;
    // Le travail reçoit la convention telle qu'avant la modification (version attendue).
    const convention: ConventionResume = { ...ajour, version: versionAttendue };
    const { entiteId, avant, apres, resultat, relue } = await modification.travail(
      depots,
      convention,
      version,
    );
    await depots.audit.ecrire({
      conventionId,
      utilisateurId: acteur.compte.id,
      qui: acteur.compte.identifiant,
      role: acteur.compte.role,
      action: modification.action,
      entite: modification.entite,
      entiteId,
      avant,
      apres,
    });
    // Contenu de la version créée, calculé sur ce que la transaction a lu : les lecteurs de cette version
    // (et la réponse de l'écriture) le trouvent en cache au lieu de relire toutes les fiches (issue 9 § 3).
    const contenu: ContenuConvention | undefined =
      relue?.convention.version === version
        ? calculerContenu(relue, await depots.conventions.avenants(conventionId))
        : undefined;
    return { resultat, version, contenu, convention: ajour };
  });
  if (ecrit.contenu !== undefined) ecrireCache(persistance, conventionId, ecrit.version, ecrit.contenu);
  return { resultat: ecrit.resultat, version: ecrit.version, convention: ecrit.convention };
}
