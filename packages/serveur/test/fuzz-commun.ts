/**
 * Aides communes au fuzzing (issue 9 § 5) : nombre d'itérations (borné en CI, plus grand par `npm run fuzz`
 * via FUZZ_ITERATIONS) et reconnaissance d'une erreur « propre » (message français, sans trace technique).
 */
export const ITERATIONS_FUZZ = Math.max(1, Number(process.env.FUZZ_ITERATIONS ?? '') || 24);

/** Traces et messages techniques anglais qui ne doivent jamais atteindre l'utilisateur. */
const TECHNIQUE =
  /\n\s+at |TypeError|ReferenceError|RangeError|SyntaxError|Cannot read propert|is not a function|is not defined|undefined is|\[object Object\]|Unexpected token|Internal Server Error|ENOENT|EISDIR/u;

/** Un texte d'erreur propre : non vide, sans trace technique. */
export function estTexteErreurPropre(texte: string): boolean {
  return texte.trim().length > 0 && !TECHNIQUE.test(texte);
}

/** Corps d'erreur de l'API : `{ "erreur": "<français>" }` sans trace technique. */
export function estErreurPropre(corps: unknown): boolean {
  if (typeof corps !== 'object' || corps === null) return false;
  const erreur = (corps as { erreur?: unknown }).erreur;
  return typeof erreur === 'string' && estTexteErreurPropre(erreur);
}

/** Délai d'un test de fuzzing : proportionnel au nombre d'itérations (2 min pour les 24 de la CI). */
export const DELAI_FUZZ = 120_000 * Math.max(1, ITERATIONS_FUZZ / 24);
