import {
  STATUTS_MODIFIABLES,
  STATUTS_SAISIE_EXECUTION,
  type Collectivite,
  type Droits,
  type StatutConvention,
} from '@jalon/schemas';
import type { CompteEnregistre, Perimetre } from '../depots/ports.ts';

/**
 * Modèle d'accès (issue « Plateforme » § 5 ; INT-PLATEFORME-1), refus par défaut. Fonctions pures, appelées
 * par chaque cas d'usage côté serveur : l'interface n'en reçoit qu'une copie (`droits`) pour l'affichage.
 * - `departement_agent`, `departement_valideur` : leur collectivité ; lisent, modifient brouillon et
 *   négociation ; seul le valideur dépose ; saisissent l'exécution (réalisé) en exécution.
 * - `ddets` : les collectivités de son département ; lit, valide une convention en négociation.
 * Les transitions du cycle de vie (issue 6) sont jugées par `@jalon/domaine` (`CYCLES_DE_VIE`), voir cas/cycle.ts.
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
    // « Valider » = valider les fiches pour l'État et constater la validation conjointe (INT-PILOTAGE-CYCLE-2).
    valider: lire && compte.role === 'ddets' && statut === 'en_negociation',
    // Le réalisé du rapport d'exécution (001 · annexe 4 § 1) : au brouillon et en négociation avec `modifier`,
    // en exécution seul ; plus rien au rapport déposé (figé). INT-SAISIE-EXECUTION-1.
    saisir_execution: modifier || (collectiviteElleMeme && STATUTS_SAISIE_EXECUTION.includes(statut)),
  };
}

/** Créer une convention (import) pour une collectivité : ses agents et valideurs seulement. */
export const peutCreerPour = (compte: CompteEnregistre, collectivite: Collectivite): boolean =>
  (compte.role === 'departement_agent' || compte.role === 'departement_valideur') &&
  dansLePerimetre(perimetreDe(compte), collectivite);
