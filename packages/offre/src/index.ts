/** Offre d'insertion au schéma data·inclusion v1 (issue 8) : cœur pur. La coquille fichiers est dans `./fichiers`. */
export * from './modele.ts';
export * from './referentiels/index.ts';
export * from './territoires.ts';
export * from './validation/constat.ts';
export * from './validation/schemas.ts';
export * from './validation/regles.ts';
export * from './validation/score.ts';
export * from './validation/jeu.ts';
export * from './echange/ids.ts';
export * from './echange/colonnes.ts';
export * from './echange/tabulaire.ts';
export * from './echange/normaliser.ts';
export * from './echange/export.ts';
export * from './manques/freins.ts';
export * from './manques/analyse.ts';
export * from './manques/tableau.ts';
export * from './liens/liens.ts';
