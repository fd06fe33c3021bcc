/**
 * a ÷ b arrondi au dixième, demi supérieur, en arithmétique entière exacte (a, b entiers, a ≥ 0, b > 0) :
 * évite les erreurs de virgule flottante (1,15 × 10 = 11,499…). Spec parcours-rsa-v1 § 2 : « arrondi à 0,1 ».
 */
export function diviserArrondiDixieme(a: number, b: number): number {
  return Math.floor((20 * a + b) / (2 * b)) / 10;
}
