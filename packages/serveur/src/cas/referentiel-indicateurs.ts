import {
  INDICATEURS_CALPAE_2020,
  INDICATEURS_CALPAE_2022,
  INDICATEURS_CALPAE_2023,
  INDICATEURS_FRANCE_TRAVAIL_2024,
  type CodeCadre,
  type Indicateur,
} from '@jalon/referentiels';

/** Indicateurs de chaque cadre, repris de `@jalon/referentiels` (lignes de la matrice). */
export const INDICATEURS_PAR_CADRE: Readonly<Record<CodeCadre, readonly Indicateur[]>> = {
  'calpae-2020': INDICATEURS_CALPAE_2020,
  'calpae-2022': INDICATEURS_CALPAE_2022,
  'calpae-2023': INDICATEURS_CALPAE_2023,
  'france-travail-2024': INDICATEURS_FRANCE_TRAVAIL_2024,
};

/** Situation de référence au 31 décembre 2018 (001 · annexe 7, annexe A : « Situation au 31 déc. 2018 »). */
export const ANNEE_T0 = 2018;

/** Colonnes de la matrice : 2018 (T0) puis chaque année jusqu'à l'exercice (001 · annexe 7, annexe A). */
export const anneesMatrice = (exercice: number): number[] =>
  Array.from({ length: Math.max(exercice - ANNEE_T0 + 1, 1) }, (_, i) => ANNEE_T0 + i);
