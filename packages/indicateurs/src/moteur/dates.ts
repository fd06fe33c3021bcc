/**
 * Dates du moteur : des entiers, pour calculer vite et sans fuseau horaire.
 * - `Jour` : nombre de jours depuis le 1970-01-01 (calendrier grégorien, UTC).
 * - `MoisAbsolu` : annee × 12 + (mois − 1).
 */
export type Jour = number;
export type MoisAbsolu = number;

const MS_PAR_JOUR = 86_400_000;

export function estDateValide(annee: number, mois: number, jour: number): boolean {
  return (
    Number.isInteger(annee) &&
    Number.isInteger(mois) &&
    Number.isInteger(jour) &&
    annee >= 1900 &&
    annee <= 2100 &&
    mois >= 1 &&
    mois <= 12 &&
    jour >= 1 &&
    jour <= joursDansMois(annee, mois)
  );
}

export function joursDansMois(annee: number, mois: number): number {
  return new Date(Date.UTC(annee, mois, 0)).getUTCDate();
}

export function jourDepuis(annee: number, mois: number, jour: number): Jour {
  return Date.UTC(annee, mois - 1, jour) / MS_PAR_JOUR;
}

export function versAMJ(jour: Jour): { annee: number; mois: number; jour: number } {
  const d = new Date(jour * MS_PAR_JOUR);
  return { annee: d.getUTCFullYear(), mois: d.getUTCMonth() + 1, jour: d.getUTCDate() };
}

/** « AAAA-MM-JJ ». */
export function jourIso(jour: Jour): string {
  return new Date(jour * MS_PAR_JOUR).toISOString().slice(0, 10);
}

export function moisAbsolu(annee: number, mois: number): MoisAbsolu {
  return annee * 12 + (mois - 1);
}

/** « AAAA-MM ». */
export function moisIso(mois: MoisAbsolu): string {
  const annee = Math.floor(mois / 12);
  return `${annee}-${String((mois % 12) + 1).padStart(2, '0')}`;
}

export function moisDuJour(jour: Jour): MoisAbsolu {
  const { annee, mois } = versAMJ(jour);
  return moisAbsolu(annee, mois);
}

export function premierJourDuMois(mois: MoisAbsolu): Jour {
  return jourDepuis(Math.floor(mois / 12), (mois % 12) + 1, 1);
}

/**
 * Ajoute n mois calendaires ; quand le jour n'existe pas dans le mois d'arrivée, on prend le dernier jour de ce
 * mois (31/01 + 1 mois = 28/02 ou 29/02) — spec parcours-rsa-v1 § 2 « Délais ».
 */
export function ajouterMois(jour: Jour, n: number): Jour {
  const { annee, mois, jour: j } = versAMJ(jour);
  const cible = moisAbsolu(annee, mois) + n;
  const a = Math.floor(cible / 12);
  const m = (cible % 12) + 1;
  return jourDepuis(a, m, Math.min(j, joursDansMois(a, m)));
}
