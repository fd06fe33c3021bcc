import type {
  ConventionDetail,
  ConventionModification,
  ConventionResume,
  EntreeHistorique,
} from '@jalon/schemas';
import { droitsSur, perimetreDe } from '../acces/politique.ts';
import type { FiltresConventions, Persistance } from '../depots/ports.ts';
import {
  calculerContenu,
  ecrireCache,
  lireCache,
  lireUneFois,
  type ContenuConvention,
} from './cache-analyse.ts';
import { versDocument } from './document.ts';
import { interdit, invalide } from './erreurs.ts';
import { analyseFinanciere } from './finances.ts';
import { appliquerTransitions, chargerInstantane } from './cycle.ts';
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
  /**
   * Réponse d'une écriture : la convention rendue par sa transaction (droits déjà jugés). Servie telle quelle si
   * le contenu de cette version est en cache (l'écriture l'y a mis) ; sinon on relit.
   */
  apresEcriture?: ConventionResume,
): Promise<ConventionDetail> {
  const { depots } = persistance;
  const dejaLu = apresEcriture && lireCache(persistance, id, apresEcriture.version);
  if (apresEcriture !== undefined && dejaLu !== undefined) return assembler(acteur, apresEcriture, dejaLu);
  const convention = await conventionLisible(depots, acteur, id);
  const contenu =
    lireCache(persistance, id, convention.version) ??
    (await lireUneFois(persistance, id, convention.version, async () => {
      const [fiches, avenants] = await Promise.all([
        depots.fiches.lister(id),
        depots.conventions.avenants(id),
      ]);
      const lu = calculerContenu({ convention, fiches }, avenants);
      // On ne met en cache que si aucune modification n'est passée pendant la lecture.
      if ((await depots.conventions.trouver(id))?.version === convention.version) {
        ecrireCache(persistance, id, convention.version, lu);
      }
      return lu;
    }));
  return assembler(acteur, convention, contenu);
}

function assembler(
  acteur: Acteur,
  convention: ConventionResume,
  contenu: ContenuConvention,
): ConventionDetail {
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
 * contrôles). Depuis le cycle de vie (issue 6, INT-PILOTAGE-CYCLE-2), c'est la validation de toutes les fiches
 * par la collectivité (`valider_fiches`), précédée de l'ouverture de la négociation pour un brouillon.
 */
export async function deposerConvention(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  version: number,
) {
  const convention = await conventionLisible(persistance.depots, acteur, id);
  if (!droitsSur(acteur.compte, convention.collectivite, convention.statut).deposer) {
    throw interdit('déposer cette convention (valideur de la collectivité)');
  }
  const fiches = await persistance.depots.fiches.lister(id);
  const { controles } = analyseFinanciere(versDocument(convention, fiches));
  const bloquants = controles.filter((c) => c.gravite === 'bloquant');
  if (bloquants.length > 0) {
    throw invalide(`Dépôt refusé : ${bloquants.length} contrôle(s) bloquant(s) à corriger d’abord.`, {
      controles: bloquants,
    });
  }
  // La version envoyée est revérifiée dans la transaction du cycle : une fiche changée entre-temps → 409.
  const demandes = [
    ...(convention.statut === 'brouillon' ? [{ code: 'ouvrir_negociation' as const }] : []),
    { code: 'valider_fiches' as const },
  ];
  await appliquerTransitions(persistance, acteur, id, version, demandes, new Date());
}

/**
 * La DDETS « valide » une convention déposée (INT-PLATEFORME-2) : validation de toutes les fiches par l'État
 * puis constat de la validation conjointe (issue 6, INT-PILOTAGE-CYCLE-2).
 */
export async function validerConventionDeposee(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  version: number,
) {
  // « Déposée » = toutes les fiches validées par la collectivité ; sinon rien à valider pour la DDETS (403).
  const convention = await conventionLisible(persistance.depots, acteur, id);
  const { pilotee } = await chargerInstantane(persistance.depots, convention);
  const deposee =
    pilotee.fiches.length > 0 && pilotee.fiches.every((f) => f.validations.collectivite !== undefined);
  if (!droitsSur(acteur.compte, convention.collectivite, convention.statut).valider || !deposee) {
    throw interdit('valider cette convention (DDETS du département, convention déposée par la collectivité)');
  }
  await appliquerTransitions(
    persistance,
    acteur,
    id,
    version,
    [{ code: 'valider_fiches' }, { code: 'valider_conjointement' }],
    new Date(),
  );
}
