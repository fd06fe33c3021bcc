/** Objets lus d'un fichier, avant normalisation : chaque objet garde son origine ; les fautes de cellule aussi. */
import type { Modele } from '../modele.ts';
import type { ConstatLocalise, Origine } from './localisation.ts';

export interface ObjetLu {
  readonly modele: Modele;
  readonly brut: Record<string, unknown>;
  readonly origine: Origine;
}

export interface LectureBrute {
  readonly objets: ObjetLu[];
  readonly constats: ConstatLocalise[];
}
