import ExcelJS from 'exceljs';
import type { Cellule, Classeur, Feuille, StyleCellule } from '../grille/modele.ts';

/**
 * Écrit un classeur du modèle neutre avec exceljs : formules *et* valeurs en cache, format monétaire en euros,
 * en-têtes figés, largeurs de colonnes, mise en page (A4, paysage, ajusté à la largeur, en-têtes répétés).
 */

/**
 * Format « 1 234,56 € » : le préfixe de langue `[$-40C]` (français) fait afficher l'espace des milliers et la
 * virgule décimale quelle que soit la langue du tableur (vérifié avec LibreOffice).
 */
export const FORMAT_EUROS = '[$-40C]#,##0.00\\ "€"';
const FORMATS: Record<NonNullable<Cellule['format']>, string | undefined> = {
  texte: '@',
  euros: FORMAT_EUROS,
  nombre: '[$-40C]#,##0',
  pourcentage: '[$-40C]0.0\\ "%"',
};

const GRIS = 'FFD9D9D9';
const BLEU = 'FFDCE6F1';
const BORDURE: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function appliquerStyle(case_: ExcelJS.Cell, style: StyleCellule): void {
  const fond = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
  switch (style) {
    case 'titre':
      case_.font = { bold: true, size: 13 };
      return;
    case 'sous-titre':
      case_.font = { bold: true, size: 11 };
      return;
    case 'entete':
      case_.font = { bold: true };
      case_.fill = fond(GRIS);
      case_.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      case_.border = BORDURE;
      return;
    case 'theme':
      case_.alignment = { wrapText: true, vertical: 'top' };
      case_.border = BORDURE;
      return;
    case 'sous-total':
      case_.font = { bold: true };
      case_.border = BORDURE;
      return;
    case 'total':
      case_.font = { bold: true };
      case_.fill = fond(BLEU);
      case_.border = BORDURE;
      return;
    case 'section':
      case_.font = { bold: true, italic: true };
      case_.border = BORDURE;
      return;
    case 'note':
      case_.font = { italic: true };
      return;
    case 'normal':
      case_.alignment = { wrapText: true, vertical: 'top' };
      case_.border = BORDURE;
      return;
  }
}

function ecrireCellule(case_: ExcelJS.Cell, cellule: Cellule): void {
  if (cellule.formule !== undefined) {
    case_.value = { formula: cellule.formule, result: cellule.valeur ?? 0 } as ExcelJS.CellFormulaValue;
  } else if (cellule.complementItalique !== undefined && typeof cellule.valeur === 'string') {
    case_.value = {
      richText: [
        { text: `${cellule.valeur}\n`, font: { bold: true } },
        { text: cellule.complementItalique, font: { italic: true } },
      ],
    };
  } else {
    // Une chaîne est toujours écrite comme texte (jamais comme formule) : voir neutralisation.ts.
    case_.value = cellule.valeur;
  }
  const format =
    cellule.format === 'nombre' && typeof cellule.valeur === 'number' && !Number.isInteger(cellule.valeur)
      ? '[$-40C]#,##0.0#'
      : cellule.format === undefined
        ? undefined
        : FORMATS[cellule.format];
  if (format !== undefined) case_.numFmt = format;
  appliquerStyle(case_, cellule.style ?? 'normal');
}

function ecrireFeuille(classeur: ExcelJS.Workbook, feuille: Feuille): void {
  const onglet = classeur.addWorksheet(feuille.nom, {
    views: [{ state: 'frozen', xSplit: feuille.colonnesFigees, ySplit: feuille.ligneEntete }],
    pageSetup: {
      paperSize: 9,
      orientation: feuille.paysage ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${feuille.ligneEntete}:${feuille.ligneEntete}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${feuille.nom}&RPage &P / &N` },
  });
  onglet.columns = feuille.largeurs.map((width) => ({ width }));
  feuille.lignes.forEach((ligne, l) => {
    ligne.forEach((cellule, c) => {
      if (cellule !== undefined) ecrireCellule(onglet.getCell(l + 1, c + 1), cellule);
    });
  });
  for (const plage of feuille.fusions) onglet.mergeCells(plage);
  ajusterHauteurs(onglet, feuille);
}

/**
 * Hauteur des lignes à texte long : un tableur ne recalcule pas toujours la hauteur d'une ligne à retour
 * automatique en ouvrant le fichier (LibreOffice coupe alors les en-têtes) ; on l'estime donc ici, 1,15 caractère
 * par unité de largeur, 15 points par ligne de texte. Les lignes de titre (cases fusionnées) ne sont pas touchées.
 */
function ajusterHauteurs(onglet: ExcelJS.Worksheet, feuille: Feuille): void {
  feuille.lignes.forEach((ligne, l) => {
    if (l < feuille.ligneEntete - 1) return;
    let lignesTexte = 1;
    ligne.forEach((cellule, c) => {
      if (cellule === undefined || typeof cellule.valeur !== 'string') return;
      const largeur = feuille.largeurs[c] ?? 10;
      const contenu = `${cellule.valeur}${cellule.complementItalique === undefined ? '' : `\n${cellule.complementItalique}`}`;
      const n = contenu
        .split('\n')
        .reduce((total, morceau) => total + Math.max(1, Math.ceil((morceau.length * 1.15) / largeur)), 0);
      lignesTexte = Math.max(lignesTexte, n);
    });
    if (lignesTexte > 1) onglet.getRow(l + 1).height = 15 * lignesTexte;
  });
}

/** Classeur → octets XLSX. `date` fixe les métadonnées (fichiers reproductibles pour les dépôts figés). */
export async function ecrireXlsx(modele: Classeur, date: Date = new Date(0)): Promise<Buffer> {
  const classeur = new ExcelJS.Workbook();
  classeur.creator = 'Jalon';
  classeur.title = modele.titre;
  classeur.created = date;
  classeur.modified = date;
  // Recalcul complet à l'ouverture : le tableur refait les formules, les valeurs en cache servent aux lecteurs sans moteur.
  classeur.calcProperties = { fullCalcOnLoad: true };
  for (const feuille of modele.feuilles) ecrireFeuille(classeur, feuille);
  return Buffer.from(await classeur.xlsx.writeBuffer());
}
