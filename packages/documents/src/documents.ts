import { preparerContexte, type ContexteDocument } from './contexte.ts';
import { CONTENU_VIDE, validerContenu } from './contenu/lecture.ts';
import type { DocumentTexte } from './docx/modele.ts';
import { ecrireDocx } from './docx/ecrire.ts';
import { ErreurDocument } from './erreurs.ts';
import { classeurIndicateurs, classeurTableauFinancier } from './grille/classeurs.ts';
import type { Classeur } from './grille/modele.ts';
import { convertirUnPdf } from './pdf/convertir.ts';
import { avenant2020 } from './textes/avenant-2020.ts';
import { bilanFinal } from './textes/bilan-final.ts';
import { conventionCalpae2023 } from './textes/convention-calpae-2023.ts';
import { conventionFranceTravail2024 } from './textes/convention-france-travail-2024.ts';
import { ficheAction } from './textes/fiche-action.ts';
import { rapportExecution } from './textes/rapport-execution.ts';
import { ecrireXlsx } from './xlsx/ecrire.ts';

/** Les documents que Jalon produit (issue 5), et leurs formats. */
export const TYPES_DOCUMENT = [
  'convention',
  'avenant',
  'fiche-action',
  'rapport-execution',
  'bilan-final',
  'tableau-financier',
  'tableau-indicateurs',
] as const;
export type TypeDocument = (typeof TYPES_DOCUMENT)[number];
export const FORMATS_DOCUMENT = ['docx', 'pdf', 'xlsx'] as const;
export type FormatDocument = (typeof FORMATS_DOCUMENT)[number];

/** Tableurs : XLSX (ou PDF) ; textes : DOCX (ou PDF). */
export const estTableur = (type: TypeDocument): boolean =>
  type === 'tableau-financier' || type === 'tableau-indicateurs';
export const formatParDefaut = (type: TypeDocument): FormatDocument => (estTableur(type) ? 'xlsx' : 'docx');

/** Modèle d'un document texte (pur : aucune E/S). `action` : numéro, pour une fiche action. */
export function documentTexte(
  type: TypeDocument,
  contexte: ContexteDocument,
  action?: string,
): DocumentTexte {
  switch (type) {
    case 'convention':
      return contexte.convention.cadre.famille === 'france_travail'
        ? conventionFranceTravail2024(contexte)
        : conventionCalpae2023(contexte);
    case 'avenant':
      return avenant2020(contexte);
    case 'fiche-action':
      if (action === undefined)
        throw new ErreurDocument('Fiche action : le numéro de l’action est obligatoire (--action).');
      return ficheAction(contexte, action);
    case 'rapport-execution':
      return rapportExecution(contexte);
    case 'bilan-final':
      return bilanFinal(contexte);
    case 'tableau-financier':
    case 'tableau-indicateurs':
      throw new ErreurDocument(`« ${type} » est un tableur : utilisez classeurDocument.`);
  }
}

/** Modèle d'un classeur (pur). */
export function classeurDocument(type: TypeDocument, contexte: ContexteDocument): Classeur {
  if (type === 'tableau-financier') return classeurTableauFinancier(contexte);
  if (type === 'tableau-indicateurs') return classeurIndicateurs(contexte);
  throw new ErreurDocument(`« ${type} » n'est pas un tableur : utilisez documentTexte.`);
}

export interface DemandeDocument {
  readonly type: TypeDocument;
  readonly format?: FormatDocument;
  /** Document `jalon.convention/1` décodé. */
  readonly convention: unknown;
  /** Contenu décodé (voir `contenuSchema`), facultatif. */
  readonly contenu?: unknown;
  readonly action?: string;
}

export interface DocumentProduit {
  readonly octets: Buffer;
  readonly format: FormatDocument;
  /** Type MIME, pour un téléchargement. */
  readonly typeMime: string;
}

const MIME: Record<FormatDocument, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Produit un document (DOCX, XLSX, ou PDF par LibreOffice). Lève une `ErreurDocument` au message français. */
export async function genererDocument(demande: DemandeDocument): Promise<DocumentProduit> {
  const format = demande.format ?? formatParDefaut(demande.type);
  const tableur = estTableur(demande.type);
  if (format === 'xlsx' && !tableur)
    throw new ErreurDocument(`Le document « ${demande.type} » se produit en docx ou pdf, pas en xlsx.`);
  if (format === 'docx' && tableur)
    throw new ErreurDocument(`Le tableau « ${demande.type} » se produit en xlsx ou pdf, pas en docx.`);
  const contenu = demande.contenu === undefined ? CONTENU_VIDE : validerContenu(demande.contenu);
  const contexte = preparerContexte(demande.convention, contenu);
  const octets = tableur
    ? await ecrireXlsx(classeurDocument(demande.type, contexte))
    : await ecrireDocx(documentTexte(demande.type, contexte, demande.action));
  if (format !== 'pdf') return { octets, format, typeMime: MIME[format] };
  const pdf = await convertirUnPdf({ nom: `${demande.type}.${tableur ? 'xlsx' : 'docx'}`, octets });
  return { octets: pdf, format, typeMime: MIME.pdf };
}
