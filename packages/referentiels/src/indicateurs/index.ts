export * from './types.ts';
export { INDICATEURS_CALPAE_2020 } from './calpae-2020.ts';
export { INDICATEURS_CALPAE_2022, INDICATEURS_CALPAE_2023 } from './calpae-2022-2023.ts';
export { INDICATEURS_FRANCE_TRAVAIL_2024 } from './france-travail-2024.ts';
