import type ExcelJS from 'exceljs';

/** Contenu d'une case lue par exceljs, ramené à quelques cas simples. */
export type ContenuCase =
  | { readonly type: 'vide' }
  | { readonly type: 'nombre'; readonly valeur: number; readonly formule: boolean }
  | { readonly type: 'texte'; readonly valeur: string; readonly formule: boolean }
  | { readonly type: 'autre'; readonly description: string };

export function lireCase(case_: ExcelJS.Cell): ContenuCase {
  const valeur = case_.value;
  if (valeur === null || valeur === undefined) return { type: 'vide' };
  if (typeof valeur === 'number') return { type: 'nombre', valeur, formule: false };
  if (typeof valeur === 'string')
    return valeur.trim() === '' ? { type: 'vide' } : { type: 'texte', valeur, formule: false };
  if (typeof valeur === 'boolean')
    return { type: 'autre', description: `la valeur logique ${String(valeur)}` };
  if (valeur instanceof Date) return { type: 'autre', description: 'une date' };
  if ('richText' in valeur) {
    const texte = valeur.richText.map((morceau) => morceau.text).join('');
    return texte.trim() === '' ? { type: 'vide' } : { type: 'texte', valeur: texte, formule: false };
  }
  if ('error' in valeur) return { type: 'autre', description: `l'erreur ${valeur.error}` };
  if ('formula' in valeur || 'sharedFormula' in valeur) {
    const resultat = (valeur as { result?: unknown }).result;
    if (typeof resultat === 'number') return { type: 'nombre', valeur: resultat, formule: true };
    if (typeof resultat === 'string') return { type: 'texte', valeur: resultat, formule: true };
    if (resultat === undefined || resultat === null)
      return { type: 'autre', description: 'une formule sans valeur calculée' };
    return { type: 'autre', description: 'une formule au résultat non numérique' };
  }
  if ('text' in valeur) return { type: 'texte', valeur: String(valeur.text), formule: false };
  return { type: 'autre', description: 'une valeur inattendue' };
}

/** Texte d'une case pour comparer un en-tête (espaces et retours à la ligne ramenés à une espace). */
export function texteCase(case_: ExcelJS.Cell): string {
  const contenu = lireCase(case_);
  const brut =
    contenu.type === 'texte' ? contenu.valeur : contenu.type === 'nombre' ? String(contenu.valeur) : '';
  return normaliserEspaces(brut);
}

export const normaliserEspaces = (texte: string): string => texte.replace(/\s+/gu, ' ').trim();
