export * from './dates.ts';
export * from './modele.ts';
export * from './calcul.ts';
