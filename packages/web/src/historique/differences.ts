/**
 * Ce qui change entre l'« avant » et l'« après » d'une ligne du journal d'audit : une ligne par champ feuille
 * modifié (chemin pointé `previsionnel.cd`), valeurs en texte ; « — » pour absent. Un objet créé ou supprimé
 * montre tous ses champs.
 */
export interface Difference {
  readonly chemin: string;
  readonly avant: string;
  readonly apres: string;
}

const estObjet = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const texte = (v: unknown): string =>
  v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

export function differences(avant: unknown, apres: unknown, prefixe = ''): Difference[] {
  if (estObjet(avant) || estObjet(apres)) {
    const a = estObjet(avant) ? avant : {};
    const b = estObjet(apres) ? apres : {};
    const cles = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return cles.flatMap((cle) => differences(a[cle], b[cle], prefixe === '' ? cle : `${prefixe}.${cle}`));
  }
  if (JSON.stringify(avant) === JSON.stringify(apres)) return [];
  return [{ chemin: prefixe === '' ? '(valeur)' : prefixe, avant: texte(avant), apres: texte(apres) }];
}
