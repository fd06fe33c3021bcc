import type { Cellule } from '../secret/secret-statistique.ts';
import { texteCellule } from '../secret/secret-statistique.ts';

export type ValeurCsv = string | number | null | undefined | Cellule;

export interface OptionsCsv {
  /** `;` par défaut (tableurs en français). */
  readonly separateur?: ';' | ',';
  /** Séparateur décimal des nombres : `,` par défaut. */
  readonly decimale?: ',' | '.';
}

/**
 * Neutralise une cellule texte qu'un tableur prendrait pour une formule (= + - @, tabulation, retour chariot en
 * tête : recommandation OWASP « CSV injection ») en la préfixant d'une apostrophe. Les nombres restent des
 * nombres : « -5 » écrit depuis un `number` n'est pas touché.
 */
export function neutraliserFormule(texte: string): string {
  return /^[=+\-@\t\r]/.test(texte) ? `'${texte}` : texte;
}

/**
 * Lignes CSV (RFC 4180 : champs entre guillemets quand ils contiennent le séparateur, un guillemet ou une fin de
 * ligne ; guillemets doublés ; lignes terminées par CRLF). Écrit ici : quelques lignes pures, alors que les
 * bibliothèques CSV (papaparse, fast-csv) ne sont pas des dépendances du domaine.
 */
export function genererCsv(
  entetes: readonly string[],
  lignes: readonly (readonly ValeurCsv[])[],
  options: OptionsCsv = {},
): string {
  const separateur = options.separateur ?? ';';
  const decimale = options.decimale ?? ',';
  const champ = (valeur: ValeurCsv): string => {
    let texte: string;
    if (valeur === null || valeur === undefined) texte = '';
    else if (typeof valeur === 'number') {
      if (!Number.isFinite(valeur)) throw new RangeError(`CSV : nombre fini attendu, reçu ${String(valeur)}`);
      texte = String(valeur).replace('.', decimale);
    } else if (typeof valeur === 'string') texte = neutraliserFormule(valeur);
    else
      texte = valeur.type === 'valeur' ? String(valeur.valeur).replace('.', decimale) : texteCellule(valeur);
    return texte.includes(separateur) || /["\r\n]/.test(texte) ? `"${texte.replace(/"/g, '""')}"` : texte;
  };
  for (const [i, ligne] of lignes.entries()) {
    if (ligne.length !== entetes.length) {
      throw new RangeError(
        `CSV : la ligne ${String(i + 1)} a ${String(ligne.length)} colonnes, l'en-tête en a ${String(entetes.length)}`,
      );
    }
  }
  return [entetes, ...lignes].map((ligne) => ligne.map(champ).join(separateur)).join('\r\n') + '\r\n';
}
