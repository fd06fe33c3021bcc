/**
 * Normalisation des types SQL, en un seul endroit (issue « Plateforme » § 2) : `pg` rend `bigint` (int8) et
 * `numeric` en chaînes, PGlite selon ses propres analyseurs. Les deux pilotes reçoivent ici les mêmes
 * analyseurs : int8 → nombre (les montants en centimes restent < 2^53, plafond du domaine INT-FINANCES-4),
 * numeric → nombre, horodatages → chaîne ISO 8601 (UTC).
 */
export const OID = { INT8: 20, NUMERIC: 1700, TIMESTAMPTZ: 1184, TIMESTAMP: 1114, DATE: 1082 } as const;

export function int8VersNombre(texte: string): number {
  const valeur = Number(texte);
  if (!Number.isSafeInteger(valeur)) {
    throw new RangeError(`Entier SQL hors de la plage exacte des nombres JavaScript : ${texte}`);
  }
  return valeur;
}

export const numericVersNombre = (texte: string): number => Number(texte);

/** `2024-03-01 12:00:00.123+00` → `2024-03-01T12:00:00.123Z` (le décalage « +00 » devient « +00:00 »). */
export const horodatageVersIso = (texte: string): string =>
  new Date(texte.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();

/** `2024-03-01` reste `2024-03-01` (pas de fuseau horaire). */
export const dateVersTexte = (texte: string): string => texte;

export const ANALYSEURS: Readonly<Record<number, (texte: string) => unknown>> = {
  [OID.INT8]: int8VersNombre,
  [OID.NUMERIC]: numericVersNombre,
  [OID.TIMESTAMPTZ]: horodatageVersIso,
  [OID.TIMESTAMP]: horodatageVersIso,
  [OID.DATE]: dateVersTexte,
};
