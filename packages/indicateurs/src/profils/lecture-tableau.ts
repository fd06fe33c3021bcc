/**
 * Lecture d'un export de logiciel départemental : CSV (mêmes détections d'encodage et de séparateur que la lecture
 * du format d'échange, modules `lecture/` réutilisés) ou classeur XLSX (exceljs, bibliothèque tenue à jour). Rend
 * l'en-tête et les lignes en texte ; une cellule date d'un classeur devient AAAA-MM-JJ.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { Bornes } from '../lecture/contexte.ts';
import { DecoupeurCsv, detecterSeparateur, type Enregistrement } from '../lecture/csv.ts';
import { commenceParBom, detecterEncodage } from '../lecture/encodage.ts';
import type { LigneSource } from './application.ts';
import { ErreurProfil } from './schema.ts';

export interface Tableau {
  readonly entete: readonly string[];
  readonly lignes: readonly LigneSource[];
  /** Problèmes de structure (nombre de champs, guillemets) : lignes rejetées d'office. */
  readonly rejets: readonly { ligne: number; colonne: null; raison: string }[];
}

/** CSV en mémoire (les exports de logiciels départementaux font quelques Mo). */
export function lireCsv(octets: Buffer, nom: string): Tableau {
  const corps = commenceParBom(octets) ? octets.subarray(3) : octets;
  const encodage = detecterEncodage(corps, true);
  const nl = corps.indexOf(0x0a);
  const b = new Bornes();
  let entete: string[] | null = null;
  const lignes: LigneSource[] = [];
  const rejets: { ligne: number; colonne: null; raison: string }[] = [];
  const d = new DecoupeurCsv(
    detecterSeparateur(corps.subarray(0, nl < 0 ? corps.length : nl)),
    (e: Enregistrement) => {
      const valeurs: string[] = [];
      for (let k = 0; k < e.nombre; k++) valeurs.push(b.lire(e, k).texte(encodage));
      if (entete === null) {
        entete = valeurs;
        return;
      }
      if (e.guillemetNonFerme)
        rejets.push({ ligne: e.ligne, colonne: null, raison: 'guillemet ouvrant jamais fermé' });
      else if (valeurs.length !== entete.length)
        rejets.push({
          ligne: e.ligne,
          colonne: null,
          raison: `${valeurs.length} champ(s) au lieu de ${entete.length}`,
        });
      else lignes.push({ numero: e.ligne, valeurs });
    },
  );
  try {
    d.pousser(corps);
    d.terminer();
  } catch (e) {
    throw new ErreurProfil(`${nom} : lecture impossible (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (entete === null) throw new ErreurProfil(`${nom} : fichier vide, la ligne d'en-tête est obligatoire.`);
  return { entete, lignes, rejets };
}

function texteCellule(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return texteCellule(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

export async function lireXlsx(octets: Buffer, nom: string, feuille?: string): Promise<Tableau> {
  const classeur = new ExcelJS.Workbook();
  try {
    await classeur.xlsx.load(octets as unknown as ArrayBuffer);
  } catch (e) {
    throw new ErreurProfil(
      `${nom} : classeur XLSX illisible (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
  const f = feuille === undefined ? classeur.worksheets[0] : classeur.getWorksheet(feuille);
  if (f === undefined)
    throw new ErreurProfil(
      `${nom} : feuille ${feuille === undefined ? '' : `« ${feuille} » `}introuvable (feuilles : ${classeur.worksheets.map((w) => w.name).join(', ')}).`,
    );
  let entete: string[] | null = null;
  const lignes: LigneSource[] = [];
  f.eachRow({ includeEmpty: false }, (row, numero) => {
    const n = entete?.length ?? row.cellCount;
    const valeurs: string[] = [];
    for (let k = 1; k <= n; k++) valeurs.push(texteCellule(row.getCell(k).value).trim());
    if (entete === null) entete = valeurs;
    else if (valeurs.some((v) => v !== '')) lignes.push({ numero, valeurs });
  });
  if (entete === null) throw new ErreurProfil(`${nom} : feuille vide, la ligne d'en-tête est obligatoire.`);
  return { entete, lignes, rejets: [] };
}

/** Lit `chemin` selon son extension (.xlsx, sinon CSV). */
export async function lireTableau(chemin: string, nom: string, feuille?: string): Promise<Tableau> {
  let octets: Buffer;
  try {
    octets = await readFile(chemin);
  } catch (e) {
    throw new ErreurProfil(`${nom} : fichier illisible (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
  return /\.xlsx$/i.test(nom) ? lireXlsx(octets, nom, feuille) : lireCsv(octets, nom);
}
