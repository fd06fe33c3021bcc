// Schémas zod de l'API HTTP de Jalon, partagés entre le serveur et l'interface (DESIGN.md, « les schémas sont
// écrits une fois et partagés »). Pur : aucune E/S.
export * from './commun.ts';
export * from './acces.ts';
export * from './collectivites.ts';
export * from './conventions.ts';
export * from './indicateurs.ts';
export * from './historique.ts';
export * from './france-travail.ts';
export * from './documents.ts';
export * from './pilotage-cycle.ts';
export * from './offre.ts';
export * from './identites.ts';
export * from './pilotage-tableaux.ts';
export * from './enveloppes-outre-mer.ts';
export * from './donnees.ts';
