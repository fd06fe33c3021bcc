export * from './moteur/index.ts';
