import { CODES_INDICATEURS, type Anomalie, type Indicateurs } from '@jalon/indicateurs';
import type { CodeCadre } from '@jalon/referentiels';
import { LIBELLES_INDICATEURS } from './libelles.ts';

export interface ResultatCalcul {
  readonly annee: number;
  readonly cadre: CodeCadre;
  readonly indicateurs: Indicateurs;
  readonly lignes_ecartees: number;
  readonly anomalies: readonly Anomalie[];
  readonly provenance: { readonly moteur: string; readonly empreinte: string; readonly calcule_le: string };
}

/** Indicateurs dans l'ordre de la spec, quel que soit l'ordre rendu par le moteur. */
export function indicateursOrdonnes(i: Indicateurs): Indicateurs {
  return Object.fromEntries(CODES_INDICATEURS.map((c) => [c, i[c] ?? null])) as Indicateurs;
}

export function versJson(r: ResultatCalcul): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

export const BOM = '\uFEFF';

/** Champ CSV : entre guillemets s'il contient le séparateur, un guillemet ou un retour à la ligne. */
export function champCsv(v: string): string {
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Nombre pour un tableur français : virgule décimale (2,5), vide pour une valeur absente (INT-LECT-7).
 */
export function nombreFrancais(v: number | null): string {
  return v === null ? '' : String(v).replace('.', ',');
}

/** `indicateur;valeur`, UTF-8 avec BOM, fins de ligne CRLF : s'ouvre tel quel dans Excel (INT-LECT-7). */
export function versCsv(r: ResultatCalcul): string {
  const lignes = [
    'indicateur;valeur',
    ...CODES_INDICATEURS.map((c) => `${c};${nombreFrancais(r.indicateurs[c])}`),
  ];
  return `${BOM}${lignes.join('\r\n')}\r\n`;
}

export async function versXlsx(r: ResultatCalcul, fichier: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const classeur = new ExcelJS.Workbook();
  classeur.creator = r.provenance.moteur;
  const feuille = classeur.addWorksheet('Indicateurs');
  feuille.columns = [
    { header: 'code', key: 'code', width: 48 },
    { header: 'libellé', key: 'libelle', width: 80 },
    { header: 'valeur', key: 'valeur', width: 12 },
  ];
  for (const c of CODES_INDICATEURS)
    feuille.addRow({ code: c, libelle: LIBELLES_INDICATEURS[c], valeur: r.indicateurs[c] });
  feuille.addRow({});
  feuille.addRow({ code: 'annee', libelle: 'Année civile (période P)', valeur: r.annee });
  feuille.addRow({ code: 'cadre', libelle: 'Cadre', valeur: r.cadre });
  feuille.addRow({
    code: 'lignes_ecartees',
    libelle: 'Lignes invalides écartées',
    valeur: r.lignes_ecartees,
  });
  feuille.addRow({
    code: 'empreinte',
    libelle: 'Empreinte des fichiers lus',
    valeur: r.provenance.empreinte,
  });
  feuille.addRow({ code: 'moteur', libelle: 'Moteur', valeur: r.provenance.moteur });
  feuille.addRow({ code: 'calcule_le', libelle: 'Calculé le', valeur: r.provenance.calcule_le });
  feuille.getRow(1).font = { bold: true };
  const anomalies = classeur.addWorksheet('Anomalies');
  anomalies.columns = [
    { header: 'code', key: 'code', width: 32 },
    { header: 'message', key: 'message', width: 80 },
    { header: 'nombre', key: 'nombre', width: 10 },
    { header: 'exemples', key: 'exemples', width: 60 },
  ];
  for (const a of r.anomalies) {
    anomalies.addRow({ code: a.code, message: a.message, nombre: a.nombre, exemples: a.exemples.join(', ') });
  }
  anomalies.getRow(1).font = { bold: true };
  await classeur.xlsx.writeFile(fichier);
}

// Listes d'explication en CSV : une seule écriture, partagée avec la plateforme (mêmes octets que le
// téléchargement de l'onglet « Données »).
export { COLONNES_EXPLICATION, ligneExplicationCsv } from '@jalon/indicateurs/plateforme';
