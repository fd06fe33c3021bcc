export * from './moteur/index.ts';
export * from './lecture/index.ts';
export * from './pseudonymisation/index.ts';
