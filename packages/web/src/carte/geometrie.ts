import { geoConicConformal, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** Propriétés des contours de `shared/reference/geo` : code INSEE (COG) et nom du département. */
export interface ProprietesDepartement {
  readonly code: string;
  readonly nom: string;
}

export type ContoursDepartements = FeatureCollection<Geometry, ProprietesDepartement>;

/** Un département prêt à dessiner : chemin SVG dans le repère `largeur × hauteur`. */
export interface TraceDepartement {
  readonly code: string;
  readonly nom: string;
  readonly d: string;
  /** Encart (DROM repositionné, hors échelle) : codes à trois chiffres 971 à 976. */
  readonly encart: boolean;
}

export const estOutreMer = (code: string): boolean => /^97\d$/.test(code);

/**
 * Projette les départements retenus (tous si `codes` est absent) dans un cadre `largeur × hauteur` : projection
 * conique conforme centrée sur la France (parallèles 44° et 49°, comme Lambert-93), ajustée aux seuls
 * départements dessinés — une carte régionale zoome donc sur sa région. Les DROM du fichier sont déjà des
 * encarts repositionnés (voir `public/geo/SOURCE.md`) : ils sont projetés comme le reste.
 * Calcul fait une fois par jeu de départements (mémorisé par le composant), sans E/S.
 */
export function tracerDepartements(
  contours: ContoursDepartements,
  options: { readonly codes?: readonly string[]; readonly largeur: number; readonly hauteur: number },
): TraceDepartement[] {
  const retenus = new Set(options.codes ?? contours.features.map((f) => f.properties.code));
  const features = contours.features.filter((f) => retenus.has(f.properties.code));
  if (features.length === 0) return [];
  const collection: FeatureCollection<Geometry, ProprietesDepartement> = {
    type: 'FeatureCollection',
    features,
  };
  const projection = geoConicConformal()
    .parallels([44, 49])
    .rotate([-3, 0])
    .fitExtent(
      [
        [4, 4],
        [options.largeur - 4, options.hauteur - 4],
      ],
      collection,
    );
  const chemin = geoPath(projection);
  return features.map((f: Feature<Geometry, ProprietesDepartement>) => ({
    code: f.properties.code,
    nom: f.properties.nom,
    d: chemin(f) ?? '',
    encart: estOutreMer(f.properties.code),
  }));
}
