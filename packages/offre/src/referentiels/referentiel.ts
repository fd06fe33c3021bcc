/**
 * Un référentiel data·inclusion (`data/extra/*.json`) : une liste `{ value, label, description }`.
 * Les valeurs sont des données, lues telles quelles : une version correctif du schéma qui ajoute une valeur
 * n'exige que le remplacement du fichier JSON (data/README.md).
 */

export interface EntreeReferentiel {
  readonly value: string;
  readonly label: string;
  readonly description: string | null;
}

export interface Referentiel {
  /** Nom du référentiel (nom du fichier dans `extra/`). */
  readonly nom: string;
  readonly entrees: readonly EntreeReferentiel[];
  readonly valeurs: readonly string[];
  contient(valeur: string): boolean;
  /** Libellé d'une valeur, ou la valeur elle-même si elle est inconnue (jamais de libellé vide). */
  libelle(valeur: string): string;
}

function estEntree(x: unknown): x is EntreeReferentiel {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  return (
    typeof e.value === 'string' &&
    e.value !== '' &&
    typeof e.label === 'string' &&
    (e.description === null || typeof e.description === 'string')
  );
}

/** Construit un référentiel depuis le contenu JSON d'un fichier `extra/*.json` ; refuse un contenu mal formé. */
export function chargerReferentiel(nom: string, contenu: unknown): Referentiel {
  if (!Array.isArray(contenu)) throw new Error(`Référentiel « ${nom} » : une liste est attendue.`);
  const entrees: EntreeReferentiel[] = [];
  const vues = new Set<string>();
  contenu.forEach((x: unknown, i) => {
    if (!estEntree(x)) {
      throw new Error(`Référentiel « ${nom} », entrée ${i} : { value, label, description } attendu.`);
    }
    if (vues.has(x.value)) throw new Error(`Référentiel « ${nom} » : valeur « ${x.value} » en double.`);
    vues.add(x.value);
    entrees.push({ value: x.value, label: x.label, description: x.description });
  });
  const parValeur = new Map(entrees.map((e) => [e.value, e]));
  return {
    nom,
    entrees,
    valeurs: entrees.map((e) => e.value),
    contient: (valeur) => parValeur.has(valeur),
    libelle: (valeur) => parValeur.get(valeur)?.label ?? valeur,
  };
}
