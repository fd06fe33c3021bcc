import type { ConventionResume } from '@jalon/schemas';
import { droitsSur } from '../acces/politique.ts';
import type { CompteEnregistre, Depots, Persistance } from '../depots/ports.ts';
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
  readonly droit?: 'modifier' | 'deposer' | 'valider';
  /** Le travail, dans la transaction ; rend l'identifiant de l'entité, l'état avant, l'état après et le résultat. */
  readonly travail: (
    depots: Depots,
    convention: ConventionResume,
  ) => Promise<{ entiteId: string; avant: unknown; apres: unknown; resultat: T }>;
}

const LIBELLES_DROITS = {
  modifier: 'modifier cette convention (collectivité et statut brouillon ou en négociation)',
  deposer: 'déposer cette convention (valideur de la collectivité)',
  valider: 'valider cette convention (DDETS du département, convention déposée)',
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
): Promise<{ resultat: T; version: number }> {
  return persistance.transaction(async (depots) => {
    const convention = await conventionLisible(depots, acteur, conventionId);
    const droit = modification.droit ?? 'modifier';
    if (!droitsSur(acteur.compte, convention.collectivite, convention.statut)[droit]) {
      throw interdit(LIBELLES_DROITS[droit]);
    }
    const version = await depots.conventions.avancerVersion(conventionId, versionAttendue);
    if (version === undefined) throw versionPerimee(versionAttendue, convention.version);
    const { entiteId, avant, apres, resultat } = await modification.travail(depots, convention);
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
    return { resultat, version };
  });
}
