export * from './taux.ts';
export * from './consommation.ts';
export * from './atteinte.ts';
export * from './note.ts';
