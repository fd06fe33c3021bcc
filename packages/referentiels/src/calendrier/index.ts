export * from './types.ts';
export { echeances, dateDeReference } from './echeances.ts';
