/**
 * Montants en centimes entiers (spec convention-v1 § 1 : « nombres décimaux à deux chiffres au plus ;
 * jamais négatifs »). Aucun calcul ne se fait en euros flottants : on lit les euros une fois, on calcule en
 * centimes, on ne revient aux euros (nombre = centimes / 100) qu'à la sortie.
 */
export type Centimes = number;

/**
 * Plafond d'un montant saisi : 1 000 milliards d'euros (10^14 centimes). Au-delà, les sommes d'une convention
 * risqueraient de sortir des entiers exacts d'un `number` (2^53) ; un tel montant est forcément une erreur de
 * saisie (INT-FINANCES-4).
 */
export const MONTANT_MAXIMUM: Centimes = 100_000_000_000_000;

export type LectureMontant =
  { readonly ok: true; readonly centimes: Centimes } | { readonly ok: false; readonly raison: string };

/**
 * Décimales exactes d'un nombre JSON, lues sur sa plus courte écriture décimale (`String(x)`, qui est celle
 * de la norme ECMAScript, y compris les formes à exposant « 1.5e-7 », « 1e+21 »). Écrit ici car aucune
 * bibliothèque ne fait seulement cela sans imposer son propre type décimal.
 */
function ecritureDecimale(x: number): { chiffres: string; exposant: number } {
  const texte = String(x);
  const [mantisse = '', exposantTexte = '0'] = texte.split('e');
  const [entier = '', fraction = ''] = mantisse.split('.');
  // valeur = chiffres × 10^exposant
  return { chiffres: `${entier}${fraction}`, exposant: Number(exposantTexte) - fraction.length };
}

/** Lit un montant en euros (valeur JSON quelconque) et le convertit exactement en centimes. */
export function lireMontant(valeur: unknown): LectureMontant {
  if (typeof valeur !== 'number') {
    const recu =
      valeur === null ? 'null' : typeof valeur === 'string' ? `le texte « ${valeur} »` : typeof valeur;
    return { ok: false, raison: `nombre attendu, reçu ${recu}` };
  }
  if (!Number.isFinite(valeur)) return { ok: false, raison: 'nombre fini attendu' };
  if (valeur < 0) return { ok: false, raison: `montant négatif (${String(valeur)})` };
  const { chiffres, exposant } = ecritureDecimale(valeur);
  if (exposant < -2) return { ok: false, raison: `plus de deux décimales (${String(valeur)})` };
  const centimes = BigInt(chiffres) * 10n ** BigInt(exposant + 2);
  if (centimes > BigInt(MONTANT_MAXIMUM)) {
    return { ok: false, raison: `montant hors limites (${String(valeur)} € > 1 000 milliards d’euros)` };
  }
  return { ok: true, centimes: Number(centimes) };
}

/** Centimes → euros (nombre), pour la sortie JSON. Exact : un entier ≤ 10^14 divisé par 100 donne le décimal le plus proche. */
export const enEuros = (centimes: Centimes): number => centimes / 100;

/** Euros (nombre à deux décimales au plus) → centimes ; lève une erreur si le montant n'est pas lisible. */
export function centimes(euros: number): Centimes {
  const lecture = lireMontant(euros);
  if (!lecture.ok) throw new RangeError(`Montant illisible : ${lecture.raison}`);
  return lecture.centimes;
}

/**
 * Format français « 90 000,00 € » (espace simple entre milliers, virgule décimale). Écrit à la main plutôt
 * qu'avec `Intl.NumberFormat` (INT-FINANCES-5) : celui-ci passe par un flottant et insère des espaces insécables fines
 * (U+202F) que les messages et les tests ne veulent pas.
 */
export function formaterEuros(montant: Centimes): string {
  const signe = montant < 0 ? '-' : '';
  const absolu = BigInt(Math.abs(montant));
  const euros = (absolu / 100n).toString();
  const reste = (absolu % 100n).toString().padStart(2, '0');
  const milliers = euros.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${signe}${milliers},${reste} €`;
}

export const somme = (montants: Iterable<Centimes>): Centimes => {
  let total = 0;
  for (const montant of montants) total += montant;
  return total;
};
