/**
 * Rattachement d'un code de `zone_eligibilite` (ou d'un code commune) aux départements, pour l'analyse des
 * manques et les contrôles du Code officiel géographique (COG). Interface pure : la coquille fournit les tables
 * complètes du COG (`fichiers/territoires-cog.ts`) ; sans elles, `territoiresSansTables` fait ce que le code seul
 * permet (INT-OFFRE-5).
 *
 * Formes d'un code (service.json, `zone_eligibilite`) : commune (5 caractères), département (2 ou 3), EPCI
 * (SIREN, 9 chiffres), pays (99xxx ; 99100 = France) ou « france ».
 */
import { DEPARTEMENTS } from '@jalon/referentiels';

export interface Territoires {
  /** Départements couverts par le code ; `undefined` si le code est inconnu ou ne se rattache pas. */
  departementsDe(code: string): readonly string[] | undefined;
  /** La commune existe-t-elle au COG ? `undefined` quand on ne peut pas le savoir (pas de table). */
  communeExiste(code: string): boolean | undefined;
}

export const CODES_DEPARTEMENTS: readonly string[] = DEPARTEMENTS.map((d) => d.code);
const estDepartement = new Set(CODES_DEPARTEMENTS);

export type GenreZone = 'france' | 'pays' | 'departement' | 'commune' | 'epci' | 'inconnu';

export function genreZone(code: string): GenreZone {
  if (code === 'france' || code === '99100') return 'france';
  if (/^99[0-5]\d{2}$/.test(code)) return 'pays';
  if (/^\d{9}$/.test(code)) return 'epci';
  if (/^\w{5}$/.test(code)) return 'commune';
  if (/^\w{2,3}$/.test(code)) return 'departement';
  return 'inconnu';
}

/** Département d'un code commune par son préfixe : 3 caractères outre-mer (97x), 2 sinon (2A, 2B compris). */
export function departementParPrefixe(codeCommune: string): string | undefined {
  const prefixe = codeCommune.startsWith('97') ? codeCommune.slice(0, 3) : codeCommune.slice(0, 2);
  return estDepartement.has(prefixe) ? prefixe : undefined;
}

/**
 * Rattachement commun : `france` → tous les départements, pays étranger → aucun (hors de France), département
 * connu → lui-même ; commune et EPCI passent par les tables fournies.
 */
export function construireTerritoires(tables: {
  departementDeCommune?: (code: string) => string | undefined;
  departementsDEpci?: (code: string) => readonly string[] | undefined;
}): Territoires {
  return {
    departementsDe(code) {
      switch (genreZone(code)) {
        case 'france':
          return CODES_DEPARTEMENTS;
        case 'pays':
          return [];
        case 'departement':
          return estDepartement.has(code) ? [code] : undefined;
        case 'commune': {
          const d =
            tables.departementDeCommune === undefined
              ? departementParPrefixe(code)
              : tables.departementDeCommune(code);
          return d === undefined ? undefined : [d];
        }
        case 'epci':
          return tables.departementsDEpci?.(code);
        case 'inconnu':
          return undefined;
      }
    },
    communeExiste(code) {
      if (tables.departementDeCommune === undefined) return undefined;
      return tables.departementDeCommune(code) !== undefined;
    },
  };
}

/** Sans table du COG : communes rattachées par préfixe, EPCI non rattachés, existence des communes inconnue. */
export const territoiresSansTables: Territoires = construireTerritoires({});
