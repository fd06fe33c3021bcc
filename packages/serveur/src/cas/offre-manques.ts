import { analyserManques, tableauManques } from '@jalon/offre';
import { chargerTerritoiresCog } from '@jalon/offre/fichiers';
import type { Manques } from '@jalon/schemas';
import type { Persistance } from '../depots/ports.ts';
import { invalide } from './erreurs.ts';
import type { Acteur } from './mutation.ts';
import { collectiviteLisible } from './offre-acces.ts';
import { jeuDeLaCollectivite } from './offre-echange.ts';

/**
 * Manques de l'offre (issue 8 § 5) : l'offre saisie par la collectivité, analysée pour son département
 * (`@jalon/offre`, manques/analyse.ts : catégories de thématiques, freins, zones, offres intensives).
 */
export async function manquesDeLaCollectivite(
  persistance: Persistance,
  acteur: Acteur,
  collectiviteId: string,
): Promise<Manques> {
  const collectivite = await collectiviteLisible(persistance.depots, acteur, collectiviteId);
  if (collectivite.departement === null) {
    throw invalide(`Les manques se lisent par département : « ${collectivite.nom} » n’en a pas.`);
  }
  const jeu = await jeuDeLaCollectivite(persistance.depots, collectivite.id);
  const analyse = analyserManques(jeu, collectivite.departement, await chargerTerritoiresCog());
  const { services: _services, ...reste } = analyse;
  return { ...reste, tableau: tableauManques(analyse) } as Manques;
}
