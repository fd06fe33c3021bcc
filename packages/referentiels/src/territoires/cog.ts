// Données : Code officiel géographique (COG) de l'INSEE, distribué par @etalab/decoupage-administratif
// (https://github.com/datagouv/decoupage-administratif), sous Licence Ouverte / Open Licence (Etalab) ; le code
// du paquet est sous licence MIT. Le point d'entrée du paquet est cassé : on importe ses fichiers JSON.
// Bibliothèque retenue plutôt qu'une liste recopiée : elle suit le COG à chaque millésime.
import departementsCog from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' };
import regionsCog from '@etalab/decoupage-administratif/data/regions.json' with { type: 'json' };
import type { Departement, Region } from './types.ts';

interface EntreeCog {
  readonly code: string;
  readonly nom: string;
  readonly zone: string;
  readonly region?: string;
}

const zone = (entree: EntreeCog): 'metro' | 'drom' | undefined =>
  entree.zone === 'metro' || entree.zone === 'drom' ? entree.zone : undefined;

/**
 * Les 101 départements (métropole et outre-mer, article 73) ; les collectivités d'outre-mer (`zone: 'com'`)
 * ne contractualisent pas au titre de ces cadres et sont écartées.
 */
export const DEPARTEMENTS: readonly Departement[] = (departementsCog as readonly EntreeCog[]).flatMap(
  (entree) => {
    const z = zone(entree);
    if (z === undefined) return [];
    if (entree.region === undefined) {
      throw new Error(`COG : le département ${entree.code} (${entree.nom}) n'a pas de région.`);
    }
    return [{ code: entree.code, nom: entree.nom, codeRegion: entree.region, zone: z }];
  },
);

/** Les 18 régions (13 de métropole, 5 d'outre-mer). */
export const REGIONS: readonly Region[] = (regionsCog as readonly EntreeCog[]).flatMap((entree) => {
  const z = zone(entree);
  return z === undefined ? [] : [{ code: entree.code, nom: entree.nom, zone: z }];
});

export function trouverDepartement(code: string): Departement | undefined {
  return DEPARTEMENTS.find((departement) => departement.code === code.trim().toUpperCase());
}

export function trouverRegion(code: string): Region | undefined {
  return REGIONS.find((region) => region.code === code.trim());
}
