/** Un constat de validation : une erreur rend l'objet non publiable, un avertissement non. */
export type Severite = 'erreur' | 'avertissement';

export interface Constat {
  /** Code stable du contrôle (`SCHEMA`, `NOM_POINT_FINAL`, …). */
  readonly code: string;
  readonly severite: Severite;
  /** Champ de premier niveau (colonne d'un tableau), ou `''` pour l'objet entier. */
  readonly champ: string;
  /** Chemin JSON dans l'objet (`/publics/1`). */
  readonly chemin: string;
  readonly message: string;
}

export const estErreur = (c: Constat): boolean => c.severite === 'erreur';
