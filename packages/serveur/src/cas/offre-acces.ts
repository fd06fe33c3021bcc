import type { Collectivite } from '@jalon/schemas';
import { dansLePerimetre, peutCreerPour, perimetreDe } from '../acces/politique.ts';
import type { Depots, Persistance } from '../depots/ports.ts';
import { ErreurMetier, interdit } from './erreurs.ts';
import type { Acteur } from './mutation.ts';

/**
 * Accès à l'offre d'insertion d'une collectivité (issue 8), par la politique existante (INT-PLATEFORME-1) :
 * lecture selon le périmètre du compte (agents chez eux, DDETS, commissaire, national), saisie, import et liens
 * par les agents et valideurs de la collectivité seulement (comme la création d'une convention : `peutCreerPour`).
 */
export const collectiviteIntrouvable = (id: string) =>
  new ErreurMetier('introuvable', `Collectivité « ${id} » introuvable (ou hors de votre territoire).`);

export async function collectiviteLisible(
  depots: Depots,
  acteur: Acteur,
  collectiviteId: string,
): Promise<Collectivite> {
  const collectivite = await depots.collectivites.trouver(collectiviteId);
  if (collectivite === undefined || !dansLePerimetre(perimetreDe(acteur.compte), collectivite)) {
    throw collectiviteIntrouvable(collectiviteId);
  }
  return collectivite;
}

export const peutModifierOffre = peutCreerPour;

/**
 * Source data·inclusion des objets saisis dans Jalon pour une collectivité (INT-OFFRE-11) : `cd44` pour un
 * conseil départemental (usage des sources départementales de data·inclusion), `metropole-69m`, `region-52`.
 */
export function sourceDe(c: Pick<Collectivite, 'type' | 'code'>): string {
  const code = c.code.toLowerCase();
  return c.type === 'departement' ? `cd${code}` : `${c.type}-${code}`;
}

export interface ModificationOffre<T> {
  readonly action: string;
  readonly entite: string;
  /** Convention à laquelle rattacher la ligne d'audit (liens), sinon aucune. */
  readonly conventionId?: number;
  readonly travail: (
    depots: Depots,
    collectivite: Collectivite,
  ) => Promise<{ entiteId: string; avant: unknown; apres: unknown; resultat: T }>;
}

/** Toute modification de l'offre : droits (rôle et territoire), travail et ligne d'audit, dans UNE transaction. */
export function modifierOffre<T>(
  persistance: Persistance,
  acteur: Acteur,
  collectiviteId: string,
  modification: ModificationOffre<T>,
): Promise<T> {
  return persistance.transaction(async (depots) => {
    const collectivite = await collectiviteLisible(depots, acteur, collectiviteId);
    if (!peutModifierOffre(acteur.compte, collectivite)) {
      throw interdit('modifier l’offre d’insertion (agents et valideurs de la collectivité)');
    }
    const { entiteId, avant, apres, resultat } = await modification.travail(depots, collectivite);
    await depots.audit.ecrire({
      conventionId: modification.conventionId ?? null,
      utilisateurId: acteur.compte.id,
      qui: acteur.compte.identifiant,
      role: acteur.compte.role,
      action: modification.action,
      entite: modification.entite,
      entiteId,
      avant,
      apres,
    });
    return resultat;
  });
}
