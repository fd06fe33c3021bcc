export type { Source } from './source.ts';
export * from './cadres/types.ts';
export * from './cadres/cadres.ts';
export { CODES_ACCES_AUX_DROITS_2023 } from './cadres/mesures-calpae.ts';
export * from './chorus/index.ts';
export * from './financier/index.ts';
export * from './indicateurs/index.ts';
export * from './calendrier/index.ts';
export * from './territoires/index.ts';
