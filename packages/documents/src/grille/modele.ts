/**
 * Modèle neutre d'un classeur (feuilles, cellules, formules), construit par des fonctions pures puis écrit par
 * exceljs (`xlsx/ecrire.ts`). Il sert aussi aux instantanés de structure des tests (liste de cellules, jamais
 * de binaire).
 */
export type FormatCellule = 'texte' | 'euros' | 'nombre' | 'pourcentage';
export type StyleCellule =
  'titre' | 'sous-titre' | 'entete' | 'theme' | 'normal' | 'sous-total' | 'total' | 'section' | 'note';

export interface Cellule {
  /** Valeur affichée ; pour une formule, la valeur en cache (calculée par le domaine). */
  readonly valeur: string | number | null;
  /** Formule sans « = » (`SUM(E7:E9)`). */
  readonly formule?: string;
  readonly format?: FormatCellule;
  readonly style?: StyleCellule;
  /** Partie en italique ajoutée au texte (« une ligne par action financée », 001 · annexe 9). */
  readonly complementItalique?: string;
}

export interface Feuille {
  /** Nom de l'onglet (31 caractères au plus, sans « : \ / ? * [ ] »). */
  readonly nom: string;
  /** Largeur de chaque colonne, en caractères. */
  readonly largeurs: readonly number[];
  /** Lignes dans l'ordre (index 0 = ligne 1) ; une case `undefined` reste vide. */
  readonly lignes: readonly (readonly (Cellule | undefined)[])[];
  /** Plages fusionnées (`A1:N1`). */
  readonly fusions: readonly string[];
  /** Ligne (à partir de 1) des en-têtes de colonnes : figée à l'écran et répétée à l'impression. */
  readonly ligneEntete: number;
  /** Colonnes figées à gauche. */
  readonly colonnesFigees: number;
  readonly paysage: boolean;
}

export interface Classeur {
  readonly titre: string;
  readonly feuilles: readonly Feuille[];
}

/** `0` → `A`, `26` → `AA`. */
export function lettreColonne(index: number): string {
  let n = index + 1;
  let lettres = '';
  while (n > 0) {
    const reste = (n - 1) % 26;
    lettres = String.fromCharCode(65 + reste) + lettres;
    n = Math.floor((n - 1) / 26);
  }
  return lettres;
}

/** Adresse A1 d'une case (colonne et ligne à partir de 0). */
export const adresse = (colonne: number, ligne: number): string => `${lettreColonne(colonne)}${ligne + 1}`;

export const texte = (valeur: string, style: StyleCellule = 'normal'): Cellule => ({
  valeur,
  format: 'texte',
  style,
});
export const euros = (valeur: number | null, style: StyleCellule = 'normal'): Cellule => ({
  valeur,
  format: 'euros',
  style,
});
export const formule = (formuleTexte: string, valeur: number, style: StyleCellule): Cellule => ({
  valeur,
  formule: formuleTexte,
  format: 'euros',
  style,
});

/** Liste lisible des cases non vides (`A5 = « Thème… »`, `J7 = SUM(…) → 220000`), pour les instantanés de structure. */
export function decrireFeuille(feuille: Feuille): string[] {
  const lignes: string[] = [];
  feuille.lignes.forEach((ligne, l) =>
    ligne.forEach((cellule, c) => {
      if (cellule === undefined || (cellule.valeur === null && cellule.formule === undefined)) return;
      const valeur = typeof cellule.valeur === 'string' ? `« ${cellule.valeur} »` : String(cellule.valeur);
      lignes.push(
        `${adresse(c, l)} = ${cellule.formule === undefined ? valeur : `${cellule.formule} → ${valeur}`}`,
      );
    }),
  );
  return lignes;
}
