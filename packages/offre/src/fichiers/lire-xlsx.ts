/**
 * Lecture de la mise en page « valideur » data·inclusion (api/valideur/readers.py) : un classeur avec les
 * feuilles `Structures` et `Services` ; ligne 1 = noms des champs ; une ligne dont la colonne `__ignore__` est
 * remplie (description, exemple) est sautée ; les listes sont séparées par des virgules.
 */
import ExcelJS from 'exceljs';
import type { Modele } from '../modele.ts';
import { COLONNE_IGNORE } from '../echange/colonnes.ts';
import { colonnesInconnues, lireLigne } from '../echange/tabulaire.ts';
import type { LectureBrute } from './brut.ts';
import { ErreurIllisible } from './erreurs.ts';

export const FEUILLES: Readonly<Record<Modele, string>> = { structure: 'Structures', service: 'Services' };

/** Texte d'une cellule, quel que soit son type Excel (date → AAAA-MM-JJ, formule → son résultat). */
export function texteCellule(valeur: ExcelJS.CellValue): string {
  if (valeur === null || valeur === undefined) return '';
  if (valeur instanceof Date) return valeur.toISOString().slice(0, 10);
  if (typeof valeur === 'object') {
    if ('richText' in valeur) return valeur.richText.map((r) => r.text).join('');
    if ('hyperlink' in valeur)
      return typeof valeur.text === 'string' ? valeur.text : texteCellule(valeur.text as ExcelJS.CellValue);
    if ('result' in valeur) return texteCellule(valeur.result as ExcelJS.CellValue);
    if ('error' in valeur) return String(valeur.error);
    return '';
  }
  return String(valeur);
}

function lireFeuille(
  fichier: string,
  feuille: ExcelJS.Worksheet,
  modele: Modele,
  resultat: LectureBrute,
): void {
  const nomFeuille = FEUILLES[modele];
  const entete = new Map<number, string>();
  feuille.getRow(1).eachCell({ includeEmpty: false }, (cellule, col) => {
    entete.set(col, texteCellule(cellule.value).trim());
  });
  const noms = [...entete.values()];
  if (!noms.includes('id')) {
    throw new ErreurIllisible(
      fichier,
      `feuille « ${nomFeuille} » : ligne 1 sans colonne « id » (noms des champs attendus)`,
    );
  }
  for (const inconnue of colonnesInconnues(modele, noms)) {
    resultat.constats.push({
      origine: { fichier, feuille: nomFeuille, ligne: 1 },
      modele,
      champ: inconnue,
      chemin: '',
      code: 'CHAMP_INCONNU',
      severite: 'avertissement',
      message: `colonne « ${inconnue} » hors du schéma data·inclusion v1 : non reprise`,
    });
  }
  const lettres = new Map([...entete].map(([col, nom]) => [nom, feuille.getColumn(col).letter]));
  for (let n = 2; n <= feuille.rowCount; n++) {
    const ligne = feuille.getRow(n);
    const cellules = new Map<string, string>();
    for (const [col, nom] of entete) cellules.set(nom, texteCellule(ligne.getCell(col).value));
    if ((cellules.get(COLONNE_IGNORE) ?? '').trim() !== '') continue; // description ou exemple
    if ([...cellules.values()].every((c) => c.trim() === '')) continue; // ligne vide
    const origine = { fichier, feuille: nomFeuille, ligne: n, lettres };
    const lue = lireLigne(modele, cellules);
    for (const e of lue.erreurs) {
      resultat.constats.push({
        origine,
        modele,
        champ: e.colonne,
        chemin: `/${e.colonne}`,
        code: 'CELLULE',
        severite: 'erreur',
        message: e.message,
      });
    }
    resultat.objets.push({ modele, brut: lue.objet, origine });
  }
}

export async function lireXlsx(fichier: string, octets: Buffer): Promise<LectureBrute> {
  const classeur = new ExcelJS.Workbook();
  try {
    await classeur.xlsx.load(octets as unknown as ArrayBuffer);
  } catch (erreur) {
    throw new ErreurIllisible(
      fichier,
      `classeur XLSX illisible (${erreur instanceof Error ? erreur.message : String(erreur)})`,
    );
  }
  const resultat: LectureBrute = { objets: [], constats: [] };
  for (const modele of ['structure', 'service'] as const) {
    const feuille = classeur.getWorksheet(FEUILLES[modele]);
    if (feuille === undefined) {
      throw new ErreurIllisible(
        fichier,
        `feuille « ${FEUILLES[modele]} » absente (mise en page du valideur data·inclusion)`,
      );
    }
    lireFeuille(fichier, feuille, modele, resultat);
  }
  return resultat;
}
