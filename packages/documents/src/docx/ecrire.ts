import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { typographier } from '../typographie.ts';
import type { Bloc, CelluleTableau, DocumentTexte, Section } from './modele.ts';

/**
 * Écrit un document du modèle neutre en DOCX avec la bibliothèque docx. Chaque texte passe par `typographier`
 * (espaces insécables françaises). Police Arial (remplacée par Liberation Sans, métriquement identique, là où
 * elle manque) ; A4 ; pied de page « Page n / N ».
 */
const NIVEAUX = [
  HeadingLevel.TITLE,
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
] as const;

const ALIGNEMENTS = {
  gauche: AlignmentType.LEFT,
  centre: AlignmentType.CENTER,
  droite: AlignmentType.RIGHT,
  justifie: AlignmentType.JUSTIFIED,
} as const;

/** Un texte à retours à la ligne devient plusieurs « runs » séparés par des sauts de ligne. */
function runs(texte: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun[] {
  return typographier(texte)
    .split('\n')
    .map((ligne, index) => new TextRun({ text: ligne, ...options, ...(index > 0 ? { break: 1 } : {}) }));
}

const BORDURE = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;

function celluleDocx(cellule: CelluleTableau, largeur: number, taille: number): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        // Une case vide n'a pas de « run » : la bibliothèque docx passe l'essentiel de son temps à les sérialiser.
        children:
          cellule.texte === ''
            ? []
            : runs(cellule.texte, { ...(cellule.gras === true ? { bold: true } : {}), size: taille }),
        alignment: ALIGNEMENTS[cellule.alignement ?? 'gauche'],
      }),
    ],
    width: { size: largeur, type: WidthType.PERCENTAGE },
    ...(cellule.colonnes === undefined ? {} : { columnSpan: cellule.colonnes }),
    ...(cellule.fond === true ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } } : {}),
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
  });
}

function tableau(bloc: Extract<Bloc, { type: 'tableau' }>): Table {
  const nombre = Math.max(
    ...[...bloc.entetes, ...bloc.lignes].map((l) => l.reduce((n, c) => n + (c.colonnes ?? 1), 0)),
    1,
  );
  const relatives = bloc.largeurs ?? Array.from({ length: nombre }, () => 1);
  const total = relatives.reduce((a, b) => a + b, 0);
  const pourcents = relatives.map((l) => (l * 100) / total);
  // Petits caractères pour les tableaux larges (annexes financières et d'indicateurs).
  const taille = nombre > 8 ? 14 : nombre > 5 ? 16 : 18;
  const ligne = (cellules: readonly CelluleTableau[], enTete: boolean): TableRow => {
    let colonne = 0;
    return new TableRow({
      tableHeader: enTete,
      cantSplit: true,
      children: cellules.map((c) => {
        const span = c.colonnes ?? 1;
        const largeur = pourcents.slice(colonne, colonne + span).reduce((a, b) => a + b, 0);
        colonne += span;
        return celluleDocx(c, largeur, taille);
      }),
    });
  };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: BORDURE,
      bottom: BORDURE,
      left: BORDURE,
      right: BORDURE,
      insideHorizontal: BORDURE,
      insideVertical: BORDURE,
    },
    rows: [...bloc.entetes.map((l) => ligne(l, true)), ...bloc.lignes.map((l) => ligne(l, false))],
  });
}

function enfants(bloc: Bloc): (Paragraph | Table)[] {
  switch (bloc.type) {
    case 'titre':
      return [new Paragraph({ heading: NIVEAUX[bloc.niveau], children: runs(bloc.texte) })];
    case 'paragraphe':
      return [
        new Paragraph({
          children: bloc.segments.flatMap((segment) =>
            runs(segment.texte, {
              ...(segment.gras === true ? { bold: true } : {}),
              ...(segment.italique === true ? { italics: true } : {}),
            }),
          ),
          // Un paragraphe à retours à la ligne (liste de montants) n'est pas justifié : les espaces s'étireraient.
          alignment:
            ALIGNEMENTS[
              bloc.alignement ?? (bloc.segments.some((s) => s.texte.includes('\n')) ? 'gauche' : 'justifie')
            ],
          spacing: { after: 120 },
        }),
      ];
    case 'liste':
      return bloc.elements.map((element) => new Paragraph({ children: runs(element), bullet: { level: 0 } }));
    case 'tableau':
      return [tableau(bloc), new Paragraph({ children: [] })];
    case 'saut-de-page':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'signatures':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: {
            top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
            bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
            left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
            right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
            insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
            insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
          },
          rows: [
            new TableRow({
              children: bloc.colonnes.map(
                (lignes) =>
                  new TableCell({
                    width: { size: 100 / bloc.colonnes.length, type: WidthType.PERCENTAGE },
                    children: lignes.map(
                      (texte) => new Paragraph({ children: runs(texte), alignment: AlignmentType.CENTER }),
                    ),
                  }),
              ),
            }),
          ],
        }),
      ];
  }
}

function section(sectionModele: Section): ISectionOptions {
  return {
    properties: {
      page: {
        size: {
          orientation:
            sectionModele.orientation === 'paysage' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          width: 11906,
          height: 16838,
        },
        margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
      },
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [
              new TextRun({
                children: ['Page ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
                size: 16,
              }),
            ],
          }),
        ],
      }),
    },
    children: sectionModele.blocs.flatMap(enfants),
  };
}

/** Document → octets DOCX. */
export async function ecrireDocx(modele: DocumentTexte): Promise<Buffer> {
  const document = new Document({
    creator: 'Jalon',
    title: modele.titre,
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 20 } },
        title: { run: { font: 'Arial', size: 32, bold: true, color: '000091' } },
        heading1: {
          run: { font: 'Arial', size: 26, bold: true, color: '000091' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading2: {
          run: { font: 'Arial', size: 23, bold: true },
          paragraph: { spacing: { before: 200, after: 100 } },
        },
        heading3: {
          run: { font: 'Arial', size: 21, bold: true },
          paragraph: { spacing: { before: 160, after: 80 } },
        },
        heading4: {
          run: { font: 'Arial', size: 20, bold: true, italics: true },
          paragraph: { spacing: { before: 120, after: 60 } },
        },
        heading5: {
          run: { font: 'Arial', size: 20, italics: true },
          paragraph: { spacing: { before: 100, after: 40 } },
        },
      },
    },
    sections: modele.sections.map(section),
  });
  return Packer.toBuffer(document);
}
