import type { ConventionDetail } from '@jalon/schemas';
import type { Persistance } from '../depots/ports.ts';
import { versDocument, type LectureConvention } from './document.ts';
import { analyseFinanciere } from './finances.ts';

/**
 * Cache mémoire du contenu d'une convention (fiches, avenants, totaux, contrôles) par (id, version). Toute
 * modification d'une convention avance sa version (mutation.ts), donc une entrée n'est jamais périmée : elle
 * devient inatteignable. Une entrée n'est écrite que si la version n'a pas bougé pendant la lecture (voir
 * `detailConvention`). Un cache par persistance (par base) ; taille bornée, plus ancienne entrée évincée.
 */
export type ContenuConvention = Pick<
  ConventionDetail,
  'fiches_actions' | 'avenants' | 'totaux' | 'controles'
>;

const TAILLE_MAX = 1000;
const caches = new WeakMap<Persistance, Map<string, ContenuConvention>>();
const enCours = new WeakMap<Persistance, Map<string, Promise<ContenuConvention>>>();

/**
 * Une seule lecture à la fois par (convention, version) : les requêtes qui manquent le cache pendant qu'une
 * autre lit déjà la même version attendent son résultat au lieu de relire toutes les fiches chacune (sous
 * charge, des dizaines de lecteurs arrivent ensemble juste après une écriture). Une lecture qui échoue n'est
 * pas partagée au-delà des requêtes qui l'attendaient déjà.
 */
export function lireUneFois(
  persistance: Persistance,
  id: number,
  version: number,
  lire: () => Promise<ContenuConvention>,
): Promise<ContenuConvention> {
  let parCle = enCours.get(persistance);
  if (parCle === undefined) {
    parCle = new Map();
    enCours.set(persistance, parCle);
  }
  const k = cle(id, version);
  const deja = parCle.get(k);
  if (deja !== undefined) return deja;
  const promesse = lire().finally(() => parCle.delete(k));
  parCle.set(k, promesse);
  return promesse;
}

function cacheDe(persistance: Persistance): Map<string, ContenuConvention> {
  let cache = caches.get(persistance);
  if (cache === undefined) {
    cache = new Map();
    caches.set(persistance, cache);
  }
  return cache;
}

/** Le contenu d'une convention à partir de ce qui a été lu (une seule fois) en base. */
export function calculerContenu(
  etat: LectureConvention,
  avenants: ContenuConvention['avenants'],
): ContenuConvention {
  return {
    fiches_actions: [...etat.fiches],
    avenants,
    ...analyseFinanciere(versDocument(etat.convention, etat.fiches)),
  };
}

export const cle = (id: number, version: number): string => `${id}:${version}`;

export function lireCache(
  persistance: Persistance,
  id: number,
  version: number,
): ContenuConvention | undefined {
  return cacheDe(persistance).get(cle(id, version));
}

export function ecrireCache(
  persistance: Persistance,
  id: number,
  version: number,
  contenu: ContenuConvention,
) {
  const cache = cacheDe(persistance);
  if (cache.size >= TAILLE_MAX) {
    const plusAncienne = cache.keys().next().value;
    if (plusAncienne !== undefined) cache.delete(plusAncienne);
  }
  cache.set(cle(id, version), contenu);
}
