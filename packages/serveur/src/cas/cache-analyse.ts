import type { ConventionDetail } from '@jalon/schemas';
import type { Persistance } from '../depots/ports.ts';

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

function cacheDe(persistance: Persistance): Map<string, ContenuConvention> {
  let cache = caches.get(persistance);
  if (cache === undefined) {
    cache = new Map();
    caches.set(persistance, cache);
  }
  return cache;
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
