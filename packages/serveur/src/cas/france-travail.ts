import {
  AXES_COOPERATION,
  CODES_AXES_COOPERATION,
  type FranceTravail,
  type FranceTravailModification,
} from '@jalon/schemas';
import type { Persistance } from '../depots/ports.ts';
import { invalide } from './erreurs.ts';
import { conventionLisible, modifierConvention, type Acteur } from './mutation.ts';

const exigerFranceTravail = (cadre: string) => {
  if (cadre !== 'france-travail-2024') {
    throw invalide(
      `Ces éléments (003 · annexes 3, 4 et 5) ne concernent que le cadre france-travail-2024, pas ${cadre}.`,
    );
  }
};

/** Parcours types (003 · annexe 4 § 2-a), volet 3 (annexe 3), coopération (annexe 7, annexe 5). */
export async function lireFranceTravail(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
): Promise<FranceTravail> {
  const convention = await conventionLisible(persistance.depots, acteur, id);
  exigerFranceTravail(convention.cadre);
  const donnees = await persistance.depots.franceTravail.lire(id);
  const parAxe = new Map(donnees.cooperation.map((c) => [c.axe, c]));
  return {
    parcours_types: [...donnees.parcoursTypes],
    volet3: donnees.volet3,
    // Tous les axes de l'annexe 5, cochés ou non.
    cooperation: AXES_COOPERATION.map(
      (axe) => parAxe.get(axe.code) ?? { axe: axe.code, retenu: false, commentaire: '' },
    ),
  };
}

export function modifierFranceTravail(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  entree: FranceTravailModification,
) {
  return modifierConvention(persistance, acteur, id, entree.version, {
    action: 'modifier_france_travail',
    entite: 'france_travail',
    travail: async (depots, convention) => {
      exigerFranceTravail(convention.cadre);
      const inconnus = (entree.cooperation ?? []).filter(
        (c) => !CODES_AXES_COOPERATION.includes(c.axe as never),
      );
      if (inconnus.length > 0) {
        throw invalide(`Axe(s) de coopération inconnu(s) : ${inconnus.map((c) => c.axe).join(', ')}.`);
      }
      const avant = await depots.franceTravail.lire(id);
      if (entree.parcours_types !== undefined)
        await depots.franceTravail.remplacerParcoursTypes(id, entree.parcours_types);
      if (entree.volet3 !== undefined) await depots.franceTravail.ecrireVolet3(id, entree.volet3);
      if (entree.cooperation !== undefined)
        await depots.franceTravail.ecrireCooperation(id, entree.cooperation);
      return { entiteId: String(id), avant, apres: await depots.franceTravail.lire(id), resultat: undefined };
    },
  });
}
