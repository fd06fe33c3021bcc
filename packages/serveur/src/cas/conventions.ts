import type {
  ConventionDetail,
  ConventionModification,
  ConventionResume,
  EntreeHistorique,
} from '@jalon/schemas';
import { droitsSur, perimetreDe } from '../acces/politique.ts';
import type { FiltresConventions, Persistance } from '../depots/ports.ts';
import { ecrireCache, lireCache } from './cache-analyse.ts';
import { versDocument } from './document.ts';
import { interdit, invalide } from './erreurs.ts';
import { analyseFinanciere } from './finances.ts';
import { conventionLisible, modifierConvention, type Acteur } from './mutation.ts';

export async function listerConventions(
  persistance: Persistance,
  acteur: Acteur,
  filtres: FiltresConventions,
): Promise<ConventionResume[]> {
  const perimetre = perimetreDe(acteur.compte);
  if (perimetre === undefined) throw interdit('consulter des conventions');
  return persistance.depots.conventions.lister(perimetre, filtres);
}

export async function detailConvention(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
): Promise<ConventionDetail> {
  const { depots } = persistance;
  const convention = await conventionLisible(depots, acteur, id);
  let contenu = lireCache(persistance, id, convention.version);
  if (contenu === undefined) {
    const [fiches, avenants] = await Promise.all([depots.fiches.lister(id), depots.conventions.avenants(id)]);
    contenu = { fiches_actions: fiches, avenants, ...analyseFinanciere(versDocument(convention, fiches)) };
    // On ne met en cache que si aucune modification n'est passée pendant la lecture.
    if ((await depots.conventions.trouver(id))?.version === convention.version) {
      ecrireCache(persistance, id, convention.version, contenu);
    }
  }
  return {
    convention,
    ...contenu,
    depot_possible: !contenu.controles.some((c) => c.gravite === 'bloquant'),
    droits: droitsSur(acteur.compte, convention.collectivite, convention.statut),
  };
}

export async function historiqueConvention(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
): Promise<EntreeHistorique[]> {
  await conventionLisible(persistance.depots, acteur, id);
  return persistance.depots.audit.lister(id);
}

const champsConvention = (c: ConventionResume) => ({
  regime: c.regime,
  duree_mois: c.duree_mois,
  enveloppe_etat: c.enveloppe_etat,
  statut: c.statut,
});

export async function modifierChampsConvention(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  entree: ConventionModification,
) {
  return modifierConvention(persistance, acteur, id, entree.version, {
    action: 'modifier_convention',
    entite: 'convention',
    travail: async (depots, convention) => {
      await depots.conventions.modifier(id, {
        regime: entree.regime,
        dureeMois: entree.duree_mois,
        enveloppeEtat: entree.enveloppe_etat,
        statut: entree.statut,
      });
      const apres = await depots.conventions.trouver(id);
      return {
        entiteId: String(id),
        avant: champsConvention(convention),
        apres: apres && champsConvention(apres),
        resultat: undefined,
      };
    },
  });
}

/**
 * « Déposer » (issue « Plateforme » § 4) : refusé tant qu'un contrôle bloquant subsiste (HTTP 422, avec les
 * contrôles). Le contrôle est refait dans la transaction, sur l'état verrouillé.
 */
export async function deposerConvention(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  version: number,
) {
  return modifierConvention(persistance, acteur, id, version, {
    action: 'deposer',
    entite: 'convention',
    droit: 'deposer',
    travail: async (depots, convention) => {
      const fiches = await depots.fiches.lister(id);
      const { controles } = analyseFinanciere(versDocument(convention, fiches));
      const bloquants = controles.filter((c) => c.gravite === 'bloquant');
      if (bloquants.length > 0) {
        throw invalide(`Dépôt refusé : ${bloquants.length} contrôle(s) bloquant(s) à corriger d’abord.`, {
          controles: bloquants,
        });
      }
      await depots.conventions.modifier(id, { statut: 'deposee' });
      return {
        entiteId: String(id),
        avant: { statut: convention.statut },
        apres: { statut: 'deposee' },
        resultat: undefined,
      };
    },
  });
}

/** La DDETS valide une convention déposée (INT-PLATEFORME-2). */
export async function validerConventionDeposee(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  version: number,
) {
  return modifierConvention(persistance, acteur, id, version, {
    action: 'valider',
    entite: 'convention',
    droit: 'valider',
    travail: async (depots, convention) => {
      await depots.conventions.modifier(id, { statut: 'validee' });
      return {
        entiteId: String(id),
        avant: { statut: convention.statut },
        apres: { statut: 'validee' },
        resultat: undefined,
      };
    },
  });
}
