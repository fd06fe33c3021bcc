import { interpolateBlues } from 'd3-scale-chromatic';

/** Une classe de la légende : bornes incluses `[min, max]`, couleur et motif (pour ne pas dépendre de la couleur). */
export interface ClasseCarte {
  readonly min: number;
  readonly max: number;
  readonly couleur: string;
}

export const COULEUR_SANS_VALEUR = '#ffffff';

/**
 * Classes d'effectifs égaux en amplitude (`nombre` intervalles de même largeur entre le minimum et le maximum des
 * valeurs connues). Une seule valeur distincte : une seule classe. Aucune valeur : aucune classe.
 * Couleurs : palette séquentielle « Blues » de d3-scale-chromatic, du clair au foncé, prise entre 0,25 et 0,9
 * pour que la classe la plus claire reste distincte du blanc « sans donnée ».
 */
export function classerValeurs(valeurs: readonly (number | null)[], nombre = 5): ClasseCarte[] {
  const connues = valeurs.filter((v): v is number => v !== null && Number.isFinite(v));
  if (connues.length === 0) return [];
  const min = Math.min(...connues);
  const max = Math.max(...connues);
  if (min === max) return [{ min, max, couleur: interpolateBlues(0.6) }];
  const n = Math.max(1, Math.min(nombre, connues.length));
  const pas = (max - min) / n;
  return Array.from({ length: n }, (_, i) => ({
    min: min + i * pas,
    max: i === n - 1 ? max : min + (i + 1) * pas,
    couleur: interpolateBlues(0.25 + (0.65 * i) / Math.max(1, n - 1)),
  }));
}

/** Index de la classe d'une valeur (la dernière classe dont le minimum est atteint), ou -1 sans valeur. */
export function indexClasse(classes: readonly ClasseCarte[], valeur: number | null): number {
  if (valeur === null || !Number.isFinite(valeur) || classes.length === 0) return -1;
  let index = 0;
  for (let i = 0; i < classes.length; i++) if (valeur >= (classes[i]?.min ?? Infinity)) index = i;
  return index;
}
