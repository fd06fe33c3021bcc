/**
 * Générateur pseudo-aléatoire à graine pour le banc d'essai : mulberry32 (domaine public, Tommy Ettinger).
 * Écrit ici plutôt que pris d'une bibliothèque : 6 lignes, et il faut un flux reproductible d'une version de Node à
 * l'autre (Math.random n'a pas de graine). Qualité statistique suffisante pour des jeux de données synthétiques.
 */
export interface Aleatoire {
  /** Réel uniforme dans [0, 1). */
  reel(): number;
  /** Entier uniforme dans [min, max] (bornes incluses). */
  entier(min: number, max: number): number;
  /** Vrai avec la probabilité p. */
  chance(p: number): boolean;
  /** Loi normale (Box-Muller). */
  normale(moyenne: number, ecartType: number): number;
  /** Un élément d'une liste pondérée `[valeur, poids]`. */
  pondere<T>(choix: readonly (readonly [T, number])[]): T;
}

export function mulberry32(graine: number): () => number {
  let a = graine >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function creerAleatoire(graine: number): Aleatoire {
  const suivant = mulberry32(graine);
  return {
    reel: suivant,
    entier: (min, max) => min + Math.floor(suivant() * (max - min + 1)),
    chance: (p) => suivant() < p,
    normale: (moyenne, ecartType) => {
      const u = 1 - suivant();
      const v = suivant();
      return moyenne + ecartType * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pondere: (choix) => {
      const total = choix.reduce((s, [, poids]) => s + poids, 0);
      let tirage = suivant() * total;
      for (const [valeur, poids] of choix) {
        tirage -= poids;
        if (tirage < 0) return valeur;
      }
      const dernier = choix[choix.length - 1];
      if (dernier === undefined) throw new Error('pondere : liste de choix vide');
      return dernier[0];
    },
  };
}
