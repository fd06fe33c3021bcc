import type { TextesRapportModification, TextesRapportReponse } from '@jalon/schemas';
import type { Persistance } from '../depots/ports.ts';
import { textesEnregistres } from './documents.ts';
import { conventionLisible, modifierConvention, type Acteur } from './mutation.ts';

/**
 * Textes libres du rapport d'exécution (001 · annexe 5) et du bilan final (003 · annexe 7 art. 3.2) : lus par
 * tout lecteur de la convention, modifiés comme le reste de la convention (droit « modifier », version, audit
 * avant/après dans la même transaction).
 */
export async function lireTextesRapport(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
): Promise<TextesRapportReponse> {
  const convention = await conventionLisible(persistance.depots, acteur, id);
  const ligne = await persistance.depots.documents.lireTextes(id);
  return {
    convention_id: id,
    version: convention.version,
    textes: await textesEnregistres(persistance.depots, id),
    modifie_par: ligne?.modifiePar ?? null,
    modifie_le: ligne?.modifieLe ?? null,
  };
}

export function modifierTextesRapport(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  entree: TextesRapportModification,
) {
  return modifierConvention(persistance, acteur, id, entree.version, {
    action: 'modifier_textes_rapport',
    entite: 'textes_rapport',
    travail: async (depots) => {
      const avant = await textesEnregistres(depots, id);
      await depots.documents.ecrireTextes(id, entree.textes, acteur.compte.identifiant);
      return { entiteId: String(id), avant, apres: entree.textes, resultat: undefined };
    },
  });
}
