/** Tableaux typés extensibles : des dizaines de millions de lignes tiennent en quelques octets chacune. */

type Typé = Int32Array | Uint32Array | Int16Array | Uint8Array;

/** Copie `t` dans un tableau plus grand (croissance × 1,5 : le pic mémoire reste à 2,5 fois la taille utile). */
export function agrandir<T extends Typé>(t: T, capacite: number): T {
  const Constructeur = t.constructor as new (n: number) => T;
  const plus = new Constructeur(capacite);
  plus.set(t as ArrayLike<number>);
  return plus;
}

export function nouvelleCapacite(actuelle: number): number {
  return Math.max(1024, Math.ceil(actuelle * 1.5));
}

/** Réduit un tableau à sa longueur utile (vue, sans copie). */
export function utile<T extends Typé>(t: T, n: number): T {
  return t.subarray(0, n) as T;
}

/** Chaînes internées : chaque valeur distincte reçoit un entier (0, 1, 2…) dans l'ordre d'apparition. */
export class Interneur {
  private readonly indices = new Map<string, number>();
  readonly valeurs: string[] = [];

  indice(valeur: string): number {
    let k = this.indices.get(valeur);
    if (k === undefined) {
      k = this.valeurs.length;
      this.indices.set(valeur, k);
      this.valeurs.push(valeur);
    }
    return k;
  }

  get taille(): number {
    return this.valeurs.length;
  }
}
