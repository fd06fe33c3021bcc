/**
 * Passage objet ↔ ligne de cellules texte, commun au CSV et au XLSX (pur).
 *
 * - Cellule vide → champ absent (`null` dans le schéma).
 * - Liste : valeurs séparées par des virgules, espaces autour retirés (mise en page du valideur data·inclusion,
 *   api/valideur/readers.py) ; on accepte aussi un tableau JSON `["a","b"]` (INT-OFFRE-4).
 * - Nombre : point ou virgule décimale ; entier : chiffres seuls.
 * Une cellule illisible donne une erreur (colonne, raison), jamais une valeur devinée.
 */
import type { Modele } from '../modele.ts';
import { COLONNE_IGNORE, COLONNES, type Colonne } from './colonnes.ts';

export interface ErreurCellule {
  readonly colonne: string;
  readonly message: string;
}

export interface LigneLue {
  readonly objet: Record<string, unknown>;
  readonly erreurs: readonly ErreurCellule[];
}

export function lireListe(texte: string): string[] | { erreur: string } {
  const t = texte.trim();
  if (t.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(t);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.map((x) => x.trim());
    } catch {
      // retombe sur l'erreur ci-dessous
    }
    return { erreur: `liste illisible « ${texte} » : valeurs séparées par des virgules attendues` };
  }
  const valeurs = t.split(',').map((x) => x.trim());
  if (valeurs.some((x) => x === '')) return { erreur: `valeur vide dans la liste « ${texte} »` };
  return valeurs;
}

function lireNombre(texte: string, entier: boolean): number | { erreur: string } {
  const t = texte.trim().replace(',', '.');
  const motif = entier ? /^-?\d+$/ : /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
  if (!motif.test(t))
    return { erreur: `« ${texte} » n’est pas ${entier ? 'un nombre entier' : 'un nombre'}` };
  return Number(t);
}

/** Lit une ligne : `cellules` associe le nom de colonne (en-tête) au texte de la cellule. */
export function lireLigne(modele: Modele, cellules: ReadonlyMap<string, string>): LigneLue {
  const objet: Record<string, unknown> = {};
  const erreurs: ErreurCellule[] = [];
  for (const colonne of COLONNES[modele]) {
    const brut = cellules.get(colonne.nom);
    if (brut === undefined || brut.trim() === '') continue;
    const valeur = lireCellule(colonne, brut);
    if (typeof valeur === 'object' && valeur !== null && !Array.isArray(valeur)) {
      erreurs.push({ colonne: colonne.nom, message: valeur.erreur });
    } else {
      objet[colonne.nom] = valeur;
    }
  }
  return { objet, erreurs };
}

function lireCellule(colonne: Colonne, brut: string): string | number | string[] | { erreur: string } {
  switch (colonne.genre) {
    case 'liste':
      return lireListe(brut);
    case 'nombre':
      return lireNombre(brut, false);
    case 'entier':
      return lireNombre(brut, true);
    case 'texte':
      // Le texte est gardé tel quel (espaces compris) : c'est la donnée du producteur.
      return brut;
  }
}

/** Colonnes d'un en-tête qui ne sont pas des champs du schéma (signalées, jamais lues en silence). */
export function colonnesInconnues(modele: Modele, entete: readonly string[]): string[] {
  const connues = new Set(COLONNES[modele].map((c) => c.nom));
  return entete.filter((n) => n !== COLONNE_IGNORE && n !== '' && !connues.has(n));
}

/** Écrit un objet en cellules texte, dans l'ordre de `COLONNES[modele]`. */
export function ecrireLigne(modele: Modele, objet: Readonly<Record<string, unknown>>): string[] {
  return COLONNES[modele].map((colonne) => {
    const v = objet[colonne.nom];
    if (v === null || v === undefined) return '';
    if (Array.isArray(v)) return v.map(String).join(',');
    return String(v);
  });
}
