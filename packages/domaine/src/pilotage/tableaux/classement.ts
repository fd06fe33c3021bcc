export interface EntreeClassement {
  readonly cle: string;
  readonly valeur: number | null;
}

export interface RangClassement extends EntreeClassement {
  /** Rang « olympique » (1, 2, 2, 4) ; `null` sans valeur, en fin de liste. */
  readonly rang: number | null;
}

/**
 * Classement des territoires sur une valeur (taux d'atteinte, consommation…). Ex æquo : même rang, le suivant
 * saute (1, 2, 2, 4) ; à valeur égale, ordre des clés. Sans valeur : en fin de liste, sans rang.
 */
export function classer(
  entrees: readonly EntreeClassement[],
  sens: 'decroissant' | 'croissant' = 'decroissant',
): RangClassement[] {
  const avec = entrees.filter((e): e is EntreeClassement & { valeur: number } => e.valeur !== null);
  const sans = entrees.filter((e) => e.valeur === null).sort((a, b) => a.cle.localeCompare(b.cle));
  const signe = sens === 'decroissant' ? -1 : 1;
  const tries = [...avec].sort((a, b) => signe * (a.valeur - b.valeur) || a.cle.localeCompare(b.cle));
  const classes: RangClassement[] = [];
  tries.forEach((entree, i) => {
    const precedent = classes[i - 1];
    const rang = precedent !== undefined && precedent.valeur === entree.valeur ? precedent.rang : i + 1;
    classes.push({ ...entree, rang });
  });
  return [...classes, ...sans.map((entree) => ({ ...entree, rang: null }))];
}
