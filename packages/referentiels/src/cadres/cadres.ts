import { MESURES_CALPAE_2020, MESURES_CALPAE_2022, MESURES_CALPAE_2023 } from './mesures-calpae.ts';
import { MESURES_FRANCE_TRAVAIL_2024 } from './mesures-france-travail.ts';
import type { Cadre, CodeCadre, Mesure } from './types.ts';

/** Les cadres annuels. Ajouter une année = ajouter une entrée ici (DESIGN.md, principe 1). */
export const CADRES: Readonly<Record<CodeCadre, Cadre>> = {
  'calpae-2020': {
    code: 'calpae-2020',
    famille: 'calpae',
    libelle: 'CALPAE 2019-2021 et avenants 2020 / 2021',
    exercices: [2019, 2020, 2021],
    mesures: MESURES_CALPAE_2020,
    source: '000',
  },
  'calpae-2022': {
    code: 'calpae-2022',
    famille: 'calpae',
    libelle: 'CALPAE 2022',
    exercices: [2022],
    mesures: MESURES_CALPAE_2022,
    source: '001 · annexes 4, 9-10',
  },
  'calpae-2023': {
    code: 'calpae-2023',
    famille: 'calpae',
    libelle: 'CALPAE 2023 (dernière année de prolongation)',
    exercices: [2023],
    mesures: MESURES_CALPAE_2023,
    source: '001',
  },
  'france-travail-2024': {
    code: 'france-travail-2024',
    famille: 'france_travail',
    libelle: 'Contractualisation insertion-emploi France Travail 2024',
    exercices: [2024],
    mesures: MESURES_FRANCE_TRAVAIL_2024,
    source: '003',
  },
};

export function trouverMesure(cadre: Cadre, code: string): Mesure | undefined {
  return cadre.mesures.find((mesure) => mesure.code === code);
}
