import type { Source } from '../source.ts';

export interface Region {
  /** Code INSEE (COG) : `84`, `01` (Guadeloupe)… */
  readonly code: string;
  readonly nom: string;
  readonly zone: 'metro' | 'drom';
}

export interface Departement {
  /** Code INSEE (COG) : `01`, `2A`, `2B`, `971`… */
  readonly code: string;
  readonly nom: string;
  readonly codeRegion: string;
  readonly zone: 'metro' | 'drom';
}

export type TypeCollectivite = 'departement' | 'metropole' | 'region';

/** Collectivité cocontractante autre qu'un département du COG, nommée par un texte. */
export interface CollectiviteParticuliere {
  readonly type: TypeCollectivite;
  /** Code COG de la collectivité (liste des collectivités ayant les compétences départementales). */
  readonly code: string;
  readonly nom: string;
  readonly codeRegion: string;
  /** Exerce les compétences d'un département sur son territoire (003 · III, NB « collectivités »). */
  readonly competencesDepartementales: boolean;
  /** Départements du COG dont elle exerce les compétences, en tout ou partie. */
  readonly departements: readonly string[];
  readonly source: Source;
}

/** Ouverture, par cadre, de la contractualisation à un type de collectivité. */
export interface OuvertureContractualisation {
  readonly type: TypeCollectivite;
  /** `suspendue` : conventions existantes arrêtées, aucun financement (régions en 2023, 001 · II). */
  readonly statut: 'ouverte' | 'suspendue';
  /** Activité Chorus d'imputation propre à ce type de collectivité, s'il y en a une. */
  readonly codeChorus?: string;
  readonly source: Source;
}
