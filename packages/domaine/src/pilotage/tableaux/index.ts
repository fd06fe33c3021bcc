export * from './agregation.ts';
export * from './classement.ts';
export * from './series.ts';
export * from './csv.ts';
