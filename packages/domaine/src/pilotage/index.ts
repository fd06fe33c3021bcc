// Pilotage par l'État (issue 6) : cycle de vie, échéances, note d'analyse, enveloppes, secret statistique,
// tableaux de bord — fonctions pures, sans E/S (DESIGN.md, principe 3). Voir docs/pilotage.md.
export * from './acteur.ts';
export * from './jour.ts';
export * from './cycle/index.ts';
export * from './echeances/index.ts';
export * from './note-analyse/index.ts';
export * from './enveloppes/index.ts';
export * from './secret/index.ts';
export * from './tableaux/index.ts';
