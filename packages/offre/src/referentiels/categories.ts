/**
 * Catégories de thématiques (`data/derived/categories-thematiques.derived.json`, tiré de l'énumération Python
 * `Categorie` du schéma data·inclusion v1.0.8). Une thématique vaut `<categorie>--<sous-thematique>`.
 */

export interface Categorie {
  readonly value: string;
  readonly label: string;
  readonly thematiques: readonly string[];
}

export interface Categories {
  readonly liste: readonly Categorie[];
  /** Catégorie d'une thématique (la partie avant `--`), si elle est connue. */
  categorieDe(thematique: string): Categorie | undefined;
  trouver(valeur: string): Categorie | undefined;
}

export function chargerCategories(contenu: unknown): Categories {
  const brut = (contenu as { categories?: unknown } | null)?.categories;
  if (!Array.isArray(brut))
    throw new Error('Catégories de thématiques : clé « categories » (liste) attendue.');
  const liste: Categorie[] = brut.map((x: unknown, i) => {
    const c = x as Partial<Record<keyof Categorie, unknown>> | null;
    if (
      c === null ||
      typeof c.value !== 'string' ||
      typeof c.label !== 'string' ||
      !Array.isArray(c.thematiques) ||
      !c.thematiques.every((t: unknown) => typeof t === 'string')
    ) {
      throw new Error(`Catégories de thématiques, entrée ${i} : { value, label, thematiques } attendu.`);
    }
    return { value: c.value, label: c.label, thematiques: c.thematiques as string[] };
  });
  const parValeur = new Map(liste.map((c) => [c.value, c]));
  const parThematique = new Map(liste.flatMap((c) => c.thematiques.map((t) => [t, c] as const)));
  return {
    liste,
    trouver: (valeur) => parValeur.get(valeur),
    categorieDe: (thematique) => {
      const connue = parThematique.get(thematique);
      if (connue !== undefined) return connue;
      // Une thématique ajoutée par une version correctif garde la forme `<categorie>--…`.
      const prefixe = thematique.split('--')[0];
      return prefixe === undefined || prefixe === thematique ? undefined : parValeur.get(prefixe);
    },
  };
}
