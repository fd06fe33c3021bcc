/**
 * Modèle neutre d'un document texte (titres, paragraphes, tableaux), construit par des fonctions pures
 * (`textes/`) puis écrit par la bibliothèque docx (`docx/ecrire.ts`). Les instantanés de structure des tests
 * lisent ce modèle (liste des titres), jamais le binaire.
 */
export interface Segment {
  readonly texte: string;
  readonly gras?: boolean;
  readonly italique?: boolean;
}

export interface CelluleTableau {
  readonly texte: string;
  readonly gras?: boolean;
  readonly alignement?: 'gauche' | 'droite' | 'centre';
  /** Fond gris (en-têtes, lignes de totaux). */
  readonly fond?: boolean;
  /** Nombre de colonnes couvertes. */
  readonly colonnes?: number;
}

export type Bloc =
  | { readonly type: 'titre'; readonly niveau: 0 | 1 | 2 | 3 | 4 | 5; readonly texte: string }
  | {
      readonly type: 'paragraphe';
      readonly segments: readonly Segment[];
      readonly alignement?: 'gauche' | 'centre' | 'droite' | 'justifie';
    }
  | { readonly type: 'liste'; readonly elements: readonly string[] }
  | {
      readonly type: 'tableau';
      /** Lignes d'en-tête (répétées à chaque page). */
      readonly entetes: readonly (readonly CelluleTableau[])[];
      readonly lignes: readonly (readonly CelluleTableau[])[];
      /** Largeurs relatives des colonnes. */
      readonly largeurs?: readonly number[];
    }
  | { readonly type: 'saut-de-page' }
  /** Bloc de signatures côte à côte : une colonne par signataire, une ligne de texte par élément. */
  | { readonly type: 'signatures'; readonly colonnes: readonly (readonly string[])[] };

export interface Section {
  readonly orientation: 'portrait' | 'paysage';
  readonly blocs: readonly Bloc[];
}

export interface DocumentTexte {
  readonly titre: string;
  readonly sections: readonly Section[];
}

/** Liste des titres (« ## 1.1. … »), pour les instantanés de structure. */
export function planDocument(document: DocumentTexte): string[] {
  return document.sections.flatMap((section) =>
    section.blocs.flatMap((bloc) =>
      bloc.type === 'titre' ? [`${'#'.repeat(bloc.niveau + 1)} ${bloc.texte}`] : [],
    ),
  );
}

/** Tout le texte d'un document, dans l'ordre (recherche dans les tests sans passer par le binaire). */
export function texteDocument(document: DocumentTexte): string {
  const morceaux: string[] = [];
  for (const section of document.sections) {
    for (const bloc of section.blocs) {
      if (bloc.type === 'titre') morceaux.push(bloc.texte);
      else if (bloc.type === 'paragraphe') morceaux.push(bloc.segments.map((s) => s.texte).join(''));
      else if (bloc.type === 'liste') morceaux.push(...bloc.elements);
      else if (bloc.type === 'tableau')
        for (const ligne of [...bloc.entetes, ...bloc.lignes])
          morceaux.push(ligne.map((c) => c.texte).join(' | '));
      else if (bloc.type === 'signatures') morceaux.push(...bloc.colonnes.flat());
    }
  }
  return morceaux.join('\n');
}

// Fabriques courtes pour les modèles de documents.
export const titre = (niveau: 0 | 1 | 2 | 3 | 4 | 5, texte: string): Bloc => ({
  type: 'titre',
  niveau,
  texte,
});
export const para = (texte: string, alignement?: 'gauche' | 'centre' | 'droite' | 'justifie'): Bloc => ({
  type: 'paragraphe',
  segments: [{ texte }],
  ...(alignement === undefined ? {} : { alignement }),
});
export const paraGras = (texte: string, alignement?: 'gauche' | 'centre' | 'droite' | 'justifie'): Bloc => ({
  type: 'paragraphe',
  segments: [{ texte, gras: true }],
  ...(alignement === undefined ? {} : { alignement }),
});
/** Paragraphe « Libellé : valeur » (libellé en gras). */
export const champ = (libelle: string, valeur: string): Bloc => ({
  type: 'paragraphe',
  segments: [{ texte: `${libelle} : `, gras: true }, { texte: valeur }],
});
export const consigne = (texte: string): Bloc => ({
  type: 'paragraphe',
  segments: [{ texte, italique: true }],
});
export const sautDePage: Bloc = { type: 'saut-de-page' };
export const cellule = (texte: string, options: Omit<CelluleTableau, 'texte'> = {}): CelluleTableau => ({
  texte,
  ...options,
});
export const entete = (texte: string, colonnes?: number): CelluleTableau => ({
  texte,
  gras: true,
  fond: true,
  alignement: 'centre',
  ...(colonnes === undefined ? {} : { colonnes }),
});
