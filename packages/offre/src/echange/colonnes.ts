/**
 * Colonnes des formes tabulaires (CSV, XLSX) : les champs du schéma officiel, dans l'ordre « obligatoires
 * d'abord (ordre de `required`), puis les autres (ordre alphabétique du schéma) ». Le genre de chaque colonne
 * (texte, liste, nombre, entier) est lu dans le schéma : un champ ajouté par une version correctif devient une
 * colonne sans toucher au code.
 */
import type { Modele } from '../modele.ts';
import { SCHEMAS } from '../validation/schemas.ts';

export type GenreColonne = 'texte' | 'liste' | 'nombre' | 'entier';

export interface Colonne {
  readonly nom: string;
  readonly genre: GenreColonne;
  readonly obligatoire: boolean;
}

interface ProprieteSchema {
  readonly type?: string;
  readonly anyOf?: readonly { readonly type?: string; readonly $ref?: string }[];
}

function genreDe(p: ProprieteSchema): GenreColonne {
  const types = [p.type, ...(p.anyOf ?? []).map((b) => b.type)].filter(
    (t) => t !== undefined && t !== 'null',
  );
  if (types.includes('array')) return 'liste';
  if (types.includes('integer')) return 'entier';
  if (types.includes('number')) return 'nombre';
  return 'texte';
}

function colonnesDe(schema: { properties: Record<string, unknown>; required: readonly string[] }): Colonne[] {
  const requis = schema.required;
  const noms = [...requis, ...Object.keys(schema.properties).filter((n) => !requis.includes(n))];
  return noms.map((nom) => ({
    nom,
    genre: genreDe((schema.properties[nom] ?? {}) as ProprieteSchema),
    obligatoire: requis.includes(nom),
  }));
}

export const COLONNES: Readonly<Record<Modele, readonly Colonne[]>> = {
  structure: colonnesDe(SCHEMAS.structure),
  service: colonnesDe(SCHEMAS.service),
};

/** Colonne de la mise en page « valideur » qui marque les lignes de description ou d'exemple à sauter. */
export const COLONNE_IGNORE = '__ignore__';
