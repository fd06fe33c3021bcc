export * from './etats.ts';
export * from './definitions.ts';
export * from './modele.ts';
export type { Refus, MotifRefus } from './refus.ts';
export { fichesNonValideesConjointement } from './prerequis.ts';
export type { DemandeTransition } from './evaluer.ts';
export * from './appliquer.ts';
export * from './possibles.ts';
