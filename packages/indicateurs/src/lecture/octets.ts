/**
 * Lecture des valeurs directement dans les octets d'un champ CSV, sans créer de chaîne.
 *
 * Pourquoi du code maison plutôt qu'une bibliothèque : le banc d'essai compare la lecture à DuckDB sur des dizaines
 * de millions de lignes ; créer une chaîne par cellule (ce que font les analyseurs CSV courants) coûte plus que tout
 * le reste. Les deux encodages acceptés (UTF-8, Windows-1252) coïncident avec l'ASCII pour les chiffres, `-`, `/`,
 * les lettres des valeurs attendues et les séparateurs : on peut donc lire ces valeurs octet par octet.
 */
import type { Jour, MoisAbsolu } from '../moteur/dates.ts';

const ESPACE = 0x20;
const TAB = 0x09;

/** Premier octet non blanc (espace, tabulation) de [debut, fin). */
export function debutSansBlanc(b: Uint8Array, debut: number, fin: number): number {
  let i = debut;
  while (i < fin && (b[i] === ESPACE || b[i] === TAB)) i++;
  return i;
}

/** Fin (exclue) sans blancs finaux de [debut, fin). */
export function finSansBlanc(b: Uint8Array, debut: number, fin: number): number {
  let i = fin;
  while (i > debut && (b[i - 1] === ESPACE || b[i - 1] === TAB)) i--;
  return i;
}

export function estAscii(b: Uint8Array, debut: number, fin: number): boolean {
  for (let i = debut; i < fin; i++) if ((b[i] ?? 0) >= 0x80) return false;
  return true;
}

/** Chiffre décimal en position i, ou -1. */
function chiffre(b: Uint8Array, i: number): number {
  const c = (b[i] ?? 0) - 0x30;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Entier de 1 à `max` chiffres sur [debut, fin) ; -1 si autre chose. */
function entier(b: Uint8Array, debut: number, fin: number, min: number, max: number): number {
  const n = fin - debut;
  if (n < min || n > max) return -1;
  let v = 0;
  for (let i = debut; i < fin; i++) {
    const c = chiffre(b, i);
    if (c < 0) return -1;
    v = v * 10 + c;
  }
  return v;
}

function position(b: Uint8Array, debut: number, fin: number, octet: number): number {
  for (let i = debut; i < fin; i++) if (b[i] === octet) return i;
  return -1;
}

/**
 * Mois « AAAA-MM » ou « MM/AAAA » (spec parcours-rsa-v1 § 1 ; le mois peut s'écrire sur un chiffre, INT-LECT-3).
 * Renvoie le mois absolu, ou -1 si la valeur est mal formée ou impossible (2022-13).
 */
export function lireMoisOctets(b: Uint8Array, debut: number, fin: number): MoisAbsolu {
  let annee: number;
  let mois: number;
  const tiret = position(b, debut, fin, 0x2d);
  if (tiret >= 0) {
    annee = entier(b, debut, tiret, 4, 4);
    mois = entier(b, tiret + 1, fin, 1, 2);
  } else {
    const barre = position(b, debut, fin, 0x2f);
    if (barre < 0) return -1;
    mois = entier(b, debut, barre, 1, 2);
    annee = entier(b, barre + 1, fin, 4, 4);
  }
  if (annee < ANNEE_MIN || annee > ANNEE_MAX || mois < 1 || mois > 12) return -1;
  return annee * 12 + (mois - 1);
}

/**
 * Date « AAAA-MM-JJ » ou « JJ/MM/AAAA » (spec § 1 ; jour et mois sur un ou deux chiffres, INT-LECT-3).
 * Renvoie le jour (jours depuis 1970-01-01), ou NaN si mal formée ou impossible (30/02/2022).
 */
export function lireDateOctets(b: Uint8Array, debut: number, fin: number): Jour {
  let annee: number;
  let mois: number;
  let jour: number;
  const t1 = position(b, debut, fin, 0x2d);
  if (t1 >= 0) {
    const t2 = position(b, t1 + 1, fin, 0x2d);
    if (t2 < 0) return Number.NaN;
    annee = entier(b, debut, t1, 4, 4);
    mois = entier(b, t1 + 1, t2, 1, 2);
    jour = entier(b, t2 + 1, fin, 1, 2);
  } else {
    const b1 = position(b, debut, fin, 0x2f);
    if (b1 < 0) return Number.NaN;
    const b2 = position(b, b1 + 1, fin, 0x2f);
    if (b2 < 0) return Number.NaN;
    jour = entier(b, debut, b1, 1, 2);
    mois = entier(b, b1 + 1, b2, 1, 2);
    annee = entier(b, b2 + 1, fin, 4, 4);
  }
  if (annee < ANNEE_MIN || annee > ANNEE_MAX || mois < 1 || mois > 12) return Number.NaN;
  if (jour < 1 || jour > joursDansLeMois(annee, mois)) return Number.NaN;
  return jourCivil(annee, mois, jour);
}

/** Années admises, comme `estDateValide` du moteur (1900–2100). */
const ANNEE_MIN = 1900;
const ANNEE_MAX = 2100;
const JOURS_PAR_MOIS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function joursDansLeMois(annee: number, mois: number): number {
  if (mois === 2) return (annee % 4 === 0 && annee % 100 !== 0) || annee % 400 === 0 ? 29 : 28;
  return JOURS_PAR_MOIS[mois - 1] ?? 0;
}

/**
 * Jours depuis le 1970-01-01, en arithmétique entière (algorithme « days from civil » de H. Hinnant) : même
 * résultat que `jourDepuis` du moteur (vérifié par un test), sans créer un objet `Date` par ligne.
 */
export function jourCivil(annee: number, mois: number, jour: number): Jour {
  const a = mois <= 2 ? annee - 1 : annee;
  const ere = Math.floor(a / 400);
  const ae = a - ere * 400;
  const jA = Math.floor((153 * (mois + (mois > 2 ? -3 : 9)) + 2) / 5) + jour - 1;
  const jE = ae * 365 + Math.floor(ae / 4) - Math.floor(ae / 100) + jA;
  return ere * 146097 + jE - 719468;
}

/** Une valeur attendue, en octets minuscules, pour comparer sans créer de chaîne. */
export type Motif = Uint8Array;

export function motifs(valeurs: readonly string[]): Motif[] {
  return valeurs.map((v) => Buffer.from(v.toLowerCase(), 'latin1'));
}

/** Indice de la valeur reconnue (casse indifférente, ASCII), ou -1 (spec § 1 : valeurs énumérées). */
export function reconnaitre(b: Uint8Array, debut: number, fin: number, liste: readonly Motif[]): number {
  const n = fin - debut;
  let premier = b[debut] ?? 0;
  if (premier >= 0x41 && premier <= 0x5a) premier += 0x20;
  for (let k = 0; k < liste.length; k++) {
    const m = liste[k];
    if (m === undefined || m.length !== n || m[0] !== premier) continue;
    let i = 1;
    for (; i < n; i++) {
      let c = b[debut + i] ?? 0;
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      if (c !== m[i]) break;
    }
    if (i === n) return k;
  }
  return -1;
}

/** Booléens admis (spec § 1), rangés par longueur : vrais aux indices pairs, faux aux indices impairs. */
const BOOLEENS_PAR_LONGUEUR: readonly (readonly Motif[])[] = [
  [],
  motifs(['o', 'n', '1', '0']),
  [],
  motifs(['oui', 'non']),
  motifs(['vrai', 'faux', 'true']),
  motifs(['', 'false']),
];

/** 1 (vrai), 0 (faux) ou -1 (non reconnu) ; casse indifférente. */
export function lireBooleenOctets(b: Uint8Array, debut: number, fin: number): number {
  const n = fin - debut;
  const liste = BOOLEENS_PAR_LONGUEUR[n];
  if (liste === undefined) return -1;
  const k = reconnaitre(b, debut, fin, liste);
  if (k < 0) return -1;
  if (n === 4) return k === 1 ? 0 : 1;
  return k % 2 === 0 ? 1 : 0;
}
