import { STATUTS_MODIFIABLES, type Collectivite, type Droits, type StatutConvention } from '@jalon/schemas';
import type { CompteEnregistre, Perimetre } from '../depots/ports.ts';

/**
 * Modèle d'accès (issue « Plateforme » § 5 ; INT-PLATEFORME-1), refus par défaut. Fonctions pures, appelées
 * par chaque cas d'usage côté serveur : l'interface n'en reçoit qu'une copie (`droits`) pour l'affichage.
 * - `departement_agent`, `departement_valideur` : leur collectivité ; lisent, modifient brouillon et
 *   négociation ; seul le valideur dépose.
 * - `ddets` : les collectivités de son département ; lit, valide une convention déposée.
 * - `commissaire` : les collectivités de sa région ; lit.
 * - `national` : tout ; lit.
 */
export function perimetreDe(compte: CompteEnregistre): Perimetre | undefined {
  if (!compte.actif) return undefined;
  switch (compte.role) {
    case 'departement_agent':
    case 'departement_valideur':
      return compte.collectiviteId === null ? undefined : { type: 'collectivite', id: compte.collectiviteId };
    case 'ddets':
      return compte.departement === null ? undefined : { type: 'departement', code: compte.departement };
    case 'commissaire':
      return compte.region === null ? undefined : { type: 'region', code: compte.region };
    case 'national':
      return { type: 'tout' };
    default:
      return undefined;
  }
}

export function dansLePerimetre(perimetre: Perimetre | undefined, collectivite: Collectivite): boolean {
  if (perimetre === undefined) return false;
  switch (perimetre.type) {
    case 'tout':
      return true;
    case 'collectivite':
      return collectivite.id === perimetre.id;
    case 'departement':
      return collectivite.departement === perimetre.code;
    case 'region':
      return collectivite.region === perimetre.code;
  }
}

export function droitsSur(
  compte: CompteEnregistre,
  collectivite: Collectivite,
  statut: StatutConvention,
): Droits {
  const lire = dansLePerimetre(perimetreDe(compte), collectivite);
  const collectiviteElleMeme =
    lire && (compte.role === 'departement_agent' || compte.role === 'departement_valideur');
  const modifier = collectiviteElleMeme && STATUTS_MODIFIABLES.includes(statut);
  return {
    lire,
    modifier,
    deposer: modifier && compte.role === 'departement_valideur',
    valider: lire && compte.role === 'ddets' && statut === 'deposee',
  };
}

/** Créer une convention (import) pour une collectivité : ses agents et valideurs seulement. */
export const peutCreerPour = (compte: CompteEnregistre, collectivite: Collectivite): boolean =>
  (compte.role === 'departement_agent' || compte.role === 'departement_valideur') &&
  dansLePerimetre(perimetreDe(compte), collectivite);
