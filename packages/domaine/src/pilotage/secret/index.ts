export * from './secret-statistique.ts';
