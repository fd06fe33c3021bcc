/**
 * Petites conversions de dates du banc d'essai (jours depuis 1970-01-01 UTC, mois absolus = année × 12 + mois − 1).
 * Volontairement indépendantes de `src/moteur/dates.ts` : le banc sert de seconde méthode et ne doit pas partager
 * le code qu'il vérifie.
 */
const MS_PAR_JOUR = 86_400_000;

export function jourDe(annee: number, mois: number, jour: number): number {
  return Date.UTC(annee, mois - 1, jour) / MS_PAR_JOUR;
}

export function premierJour(moisAbsolu: number): number {
  return jourDe(Math.floor(moisAbsolu / 12), (moisAbsolu % 12) + 1, 1);
}

const cacheDates = new Map<number, string>();

/** « AAAA-MM-JJ » (mémorisé : quelques milliers de jours distincts pour des millions d'appels). */
export function dateIso(jour: number): string {
  let texte = cacheDates.get(jour);
  if (texte === undefined) {
    texte = new Date(jour * MS_PAR_JOUR).toISOString().slice(0, 10);
    cacheDates.set(jour, texte);
  }
  return texte;
}

export function moisTexte(moisAbsolu: number): string {
  return `${Math.floor(moisAbsolu / 12)}-${String((moisAbsolu % 12) + 1).padStart(2, '0')}`;
}

/** « AAAA-MM » → mois absolu. */
export function lireMois(texte: string): number {
  const [annee, mois] = texte.split('-').map(Number);
  if (annee === undefined || mois === undefined || !Number.isInteger(annee) || !Number.isInteger(mois)) {
    throw new Error(`mois illisible « ${texte} » (attendu AAAA-MM)`);
  }
  return annee * 12 + mois - 1;
}
