import { formaterEuros, type Centimes } from '@jalon/domaine';

/**
 * Typographie française des documents générés (issue 5 : « espaces insécables avant : € %, 1 234,56 € »).
 * Espace insécable U+00A0 partout : c'est celle que Word, LibreOffice et les polices courantes rendent toutes ;
 * l'espace fine insécable U+202F manque à certaines polices de bureautique (INT-DOCUMENTS-1).
 */
export const INSECABLE = '\u00a0';

/** « 1 234,56 € » : séparateur de milliers et espace avant € insécables (montant en centimes entiers). */
export const montantFr = (montant: Centimes): string => formaterEuros(montant).replaceAll(' ', INSECABLE);

/** Nombre entier ou décimal en français : « 1 234 », « 12,5 » (au plus deux décimales affichées). */
export function nombreFr(valeur: number): string {
  const signe = valeur < 0 ? '-' : '';
  const [entier = '0', decimales] = Math.abs(valeur)
    .toFixed(2)
    .replace(/\.?0+$/u, '')
    .split('.');
  const milliers = entier.replace(/\B(?=(\d{3})+(?!\d))/gu, INSECABLE);
  return `${signe}${milliers}${decimales === undefined ? '' : `,${decimales}`}`;
}

/** « 45,5 % ». */
export const pourcentageFr = (valeur: number): string => `${nombreFr(valeur)}${INSECABLE}%`;

/**
 * Règles de ponctuation française appliquées à un texte libre : espace insécable avant « : ; ! ? € % » et à
 * l'intérieur des guillemets « ». Une espace ordinaire déjà présente est remplacée. Exceptions : « : » entre deux
 * chiffres (« 10:30 ») ou suivi de « // » (adresse web), signe en début de texte ou qui suit un autre signe
 * (« ?! »). Écrit à la main : les bibliothèques de typographie (typogr, smartypants) visent l'anglais.
 */
const SIGNES_DOUBLES = new Set([':', ';', '!', '?', '€', '%', '»']);

export function typographier(texte: string): string {
  let sortie = '';
  for (let i = 0; i < texte.length; i += 1) {
    const signe = texte.charAt(i);
    const precedent = texte.charAt(i - 1);
    const suivant = texte.charAt(i + 1);
    if (signe === '«') {
      sortie += `«${INSECABLE}`;
      while (texte.charAt(i + 1) === ' ' || texte.charAt(i + 1) === INSECABLE) i += 1;
      continue;
    }
    const exception =
      signe === ':' && ((/\d/u.test(precedent) && /\d/u.test(suivant)) || texte.startsWith('//', i + 1));
    if (!SIGNES_DOUBLES.has(signe) || exception) {
      sortie += signe;
      continue;
    }
    const sansEspace = sortie.replace(/[ \u00a0]+$/u, '');
    const dernier = sansEspace.charAt(sansEspace.length - 1);
    sortie =
      sansEspace === '' || ((signe === '!' || signe === '?') && (dernier === '!' || dernier === '?'))
        ? `${sansEspace}${signe}`
        : `${sansEspace}${INSECABLE}${signe}`;
  }
  return sortie;
}
