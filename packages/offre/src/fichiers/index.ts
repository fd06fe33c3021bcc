/** Coquille fichiers de l'offre (E/S) : import, export, tables du COG. Importer `@jalon/offre/fichiers`. */
export * from './erreurs.ts';
export * from './localisation.ts';
export * from './encodage.ts';
export * from './lecture.ts';
export * from './ecriture.ts';
export * from './lire-xlsx.ts';
export * from './territoires-cog.ts';
