import type { Source } from '../source.ts';

/** Niveaux du référentiel d'activité Chorus du programme 0304 (000 · annexe 8 ; 001 · annexe 10). */
export const TYPES_REFERENTIEL_CHORUS = ['OS', 'OP', 'OB', 'ACT'] as const;
/** OS : opération stratégique ; OP : opération programmée ; OB : opération budgétaire ; ACT : activité. */
export type TypeReferentielChorus = (typeof TYPES_REFERENTIEL_CHORUS)[number];

/** Longueur du code de chaque niveau : OS 6 chiffres, OP 8, OB 10, ACT 12 (000 · annexe 8). */
export const LONGUEUR_CODE_CHORUS: Readonly<Record<TypeReferentielChorus, number>> = {
  OS: 6,
  OP: 8,
  OB: 10,
  ACT: 12,
};

/** Une ligne du tableau « Liste des référentiels d'activité », telle qu'écrite dans le texte. */
export interface ElementChorus {
  readonly type: TypeReferentielChorus;
  /** Code sans espace : `030450191907`. */
  readonly code: string;
  /** Colonne « Désignation » (libellé court Chorus, abréviations comprises). */
  readonly designation: string;
  /** Colonne « Description » (libellé long). */
  readonly description: string;
  /** Colonne « Domaine fonctionnel associé » (ACT seulement), ex. `0304-19-01`. */
  readonly domaineFonctionnel?: string;
  /** Code de l'élément sous lequel la ligne est rangée dans le tableau (absent pour l'OS). */
  readonly codeParent?: string;
  readonly source: Source;
}

export const CODES_REFERENTIEL_CHORUS = ['chorus-000', 'chorus-001'] as const;
export type CodeReferentielChorus = (typeof CODES_REFERENTIEL_CHORUS)[number];

export interface ReferentielChorus {
  readonly code: CodeReferentielChorus;
  readonly libelle: string;
  /** « Programme 0304 - Inclusion sociale et protection des personnes ». */
  readonly programme: string;
  readonly elements: readonly ElementChorus[];
  readonly source: Source;
}
