/**
 * Un taux (consommation, atteinte) : numérateur, dénominateur et pourcentage arrondi au dixième, au plus proche,
 * moitié vers le haut (INT-PILOTAGE-12). Pour des entiers (centimes, comptes), le calcul est exact en BigInt ;
 * les moyennes déjà arrondies au dixième (parcours-rsa-v1 § 2) passent par un flottant, sans cumul d'erreur.
 */
export interface Taux {
  readonly numerateur: number;
  readonly denominateur: number;
  /** 50.0 pour 1 / 2 ; 33.3 pour 1 / 3. */
  readonly pourcentage: number;
}

/** `undefined` quand le dénominateur est nul : un taux sur rien n'existe pas (affiché « — »). */
export function taux(numerateur: number, denominateur: number): Taux | undefined {
  if (!Number.isFinite(numerateur) || !Number.isFinite(denominateur) || numerateur < 0 || denominateur < 0) {
    throw new RangeError(
      `Taux : nombres positifs attendus, reçu ${String(numerateur)} / ${String(denominateur)}`,
    );
  }
  if (denominateur === 0) return undefined;
  let pourMille: number;
  if (Number.isSafeInteger(numerateur) && Number.isSafeInteger(denominateur)) {
    const n = BigInt(numerateur);
    const d = BigInt(denominateur);
    pourMille = Number((2000n * n + d) / (2n * d));
  } else {
    pourMille = Math.round((numerateur * 1000) / denominateur);
  }
  return { numerateur, denominateur, pourcentage: pourMille / 10 };
}
