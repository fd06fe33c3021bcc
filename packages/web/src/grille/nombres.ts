import { MONTANT_MAXIMUM, type Centimes } from '@jalon/domaine';

/**
 * Lecture d'un montant saisi ou collé depuis un tableur, aux formats français et anglais :
 * « 1 234,56 », « 1234.56 », « 1 234,56 € », « 1.234,56 », « 1,234.56 ». Les montants sont en euros, deux
 * décimales au plus, jamais négatifs (spec convention-v1 § 1) ; le résultat est en centimes entiers, calculé
 * sur les chiffres du texte, sans passer par un flottant.
 *
 * Écrit ici : `Intl.NumberFormat` ne sait que formater, et les bibliothèques d'analyse de nombres
 * localisés rendent un flottant ; on veut des centimes exacts et un message qui dit pourquoi un texte est refusé.
 * Choix des séparateurs ambigus : INT-WEB-1.
 */
export type LectureSaisie =
  { readonly ok: true; readonly centimes: Centimes } | { readonly ok: false; readonly raison: string };

/** Espaces ordinaires, insécables (U+00A0) et fines insécables (U+202F, celles d'`Intl`), apostrophes suisses. */
const SEPARATEURS_MILLIERS_ESPACES = /[\s\u00a0\u202f\u2009']/g;

export function lireSaisieMontant(brut: string): LectureSaisie {
  let texte = brut.trim().replace(/\s*(€|EUR|euros?)$/i, '');
  if (texte === '') return { ok: true, centimes: 0 };
  if (/^[-−(]/.test(texte))
    return { ok: false, raison: `montant négatif (« ${brut.trim()} ») : un montant n'est jamais négatif` };
  texte = texte.replace(/^\+/, '').replace(SEPARATEURS_MILLIERS_ESPACES, '');
  if (!/^[\d.,]+$/.test(texte))
    return { ok: false, raison: `« ${brut.trim()} » n'est pas un montant en euros` };

  const virgules = [...texte.matchAll(/,/g)].length;
  const points = [...texte.matchAll(/\./g)].length;
  let entier: string;
  let fraction = '';
  if (virgules > 0 && points > 0) {
    // Les deux : le dernier séparateur est décimal, l'autre sépare les milliers (« 1.234,56 », « 1,234.56 »).
    const decimal = texte.lastIndexOf(',') > texte.lastIndexOf('.') ? ',' : '.';
    const milliers = decimal === ',' ? '.' : ',';
    const [gauche = '', droite = '', ...reste] = texte.split(decimal);
    if (reste.length > 0) return { ok: false, raison: `« ${brut.trim()} » a plusieurs séparateurs décimaux` };
    if (!groupesDeMilliers(gauche, milliers)) {
      return { ok: false, raison: `« ${brut.trim()} » : séparateurs de milliers mal placés` };
    }
    entier = gauche.split(milliers).join('');
    fraction = droite;
  } else if (virgules + points > 1) {
    // Un seul type de séparateur, plusieurs fois : séparateur de milliers (« 1.234.567 »).
    const separateur = virgules > 0 ? ',' : '.';
    if (!groupesDeMilliers(texte, separateur)) {
      return { ok: false, raison: `« ${brut.trim()} » : séparateurs de milliers mal placés` };
    }
    entier = texte.split(separateur).join('');
  } else {
    // Un seul séparateur (ou aucun) : décimal, virgule ou point (INT-WEB-1).
    [entier = '', fraction = ''] = texte.split(/[.,]/);
  }
  if (entier === '' && fraction === '')
    return { ok: false, raison: `« ${brut.trim()} » n'est pas un montant en euros` };
  if (fraction.length > 2) {
    return {
      ok: false,
      raison: `« ${brut.trim()} » a plus de deux décimales (les montants sont en euros et centimes)`,
    };
  }
  const centimes = BigInt(entier === '' ? '0' : entier) * 100n + BigInt(fraction.padEnd(2, '0') || '0');
  if (centimes > BigInt(MONTANT_MAXIMUM)) {
    return { ok: false, raison: `« ${brut.trim()} » dépasse 1 000 milliards d'euros : erreur de saisie ?` };
  }
  return { ok: true, centimes: Number(centimes) };
}

/** « 1.234.567 » : un premier groupe de 1 à 3 chiffres puis des groupes de 3 exactement. */
function groupesDeMilliers(texte: string, separateur: string): boolean {
  const [premier = '', ...suivants] = texte.split(separateur);
  return /^\d{1,3}$/.test(premier) && suivants.every((groupe) => /^\d{3}$/.test(groupe));
}

/** Montant affiché dans une cellule : « 1 234,56 » (sans symbole, l'en-tête dit « € »). */
export function afficherMontant(centimes: Centimes): string {
  const entier = (BigInt(centimes) / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const reste = (BigInt(centimes) % 100n).toString().padStart(2, '0');
  return `${entier},${reste}`;
}

/** Texte proposé à l'édition : « 1234,56 » (sans séparateur de milliers, plus simple à corriger). */
export function texteEdition(centimes: Centimes): string {
  const entier = (BigInt(centimes) / 100n).toString();
  const reste = (BigInt(centimes) % 100n).toString().padStart(2, '0');
  return reste === '00' ? entier : `${entier},${reste}`;
}
