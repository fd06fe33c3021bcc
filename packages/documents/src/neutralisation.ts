/**
 * Neutralisation des textes venus des utilisateurs dans les tableurs (injection de formules, OWASP « CSV
 * injection ») : un texte qui commence par `= + - @` (ou tabulation, retour chariot) est précédé d'une apostrophe,
 * comme le fait un tableur pour forcer le texte ; la case reste de type texte. Le codage est réversible : un texte
 * qui commençait déjà par des apostrophes suivies d'un tel signe en reçoit une de plus, et `retablir` en retire
 * exactement une (aller-retour sans perte, INT-DOCUMENTS-3).
 */
const DANGEREUX = /^'*[=+\-@\t\r]/u;

export const neutraliser = (texte: string): string => (DANGEREUX.test(texte) ? `'${texte}` : texte);

export const retablir = (texte: string): string =>
  texte.startsWith("'") && DANGEREUX.test(texte.slice(1)) ? texte.slice(1) : texte;
