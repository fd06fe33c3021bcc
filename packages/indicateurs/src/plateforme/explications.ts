/**
 * Listes d'explication d'un calcul (`expliquerIndicateur`) en CSV compressé, une par indicateur : personnes
 * pseudonymisées retenues ou écartées, avec la raison. Mêmes colonnes et même écriture que
 * `jalon indicateurs expliquer --format csv` (docs/indicateurs-cli.md) ; gardées en gzip pour la base.
 */
import { gzipSync } from 'node:zlib';
import { expliquerIndicateur } from '../moteur/calcul.ts';
import {
  CODES_INDICATEURS,
  type CodeIndicateur,
  type DossierPersonne,
  type LigneExplication,
  type ParametresCalcul,
} from '../moteur/modele.ts';

export const COLONNES_EXPLICATION = [
  'id_personne',
  'indicateur',
  'compte',
  'raison',
  'mois_entree',
  't0',
  'date_orientation',
  'organisme_orientation',
  'date_reference',
  'ecart_jours',
  'detail',
] as const satisfies readonly (keyof LigneExplication)[];

const BOM = '\uFEFF';

const champ = (v: string): string => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function ligneExplicationCsv(l: LigneExplication): string {
  return COLONNES_EXPLICATION.map((k) => {
    const v = l[k];
    if (typeof v === 'boolean') return v ? 'oui' : 'non';
    if (v === null) return '';
    return champ(String(v));
  }).join(';');
}

export interface ListeExplication {
  readonly indicateur: CodeIndicateur;
  readonly lignes: number;
  readonly retenues: number;
  /** CSV (UTF-8 avec BOM, « ; », CRLF) compressé en gzip. */
  readonly csvGz: Buffer;
}

export function listesExplication(
  personnes: () => Iterable<DossierPersonne>,
  parametres: ParametresCalcul,
): ListeExplication[] {
  return CODES_INDICATEURS.map((indicateur) => {
    const morceaux: string[] = [`${BOM}${COLONNES_EXPLICATION.join(';')}\r\n`];
    let lignes = 0;
    let retenues = 0;
    for (const l of expliquerIndicateur(personnes(), parametres, indicateur)) {
      morceaux.push(`${ligneExplicationCsv(l)}\r\n`);
      lignes++;
      if (l.compte) retenues++;
    }
    return { indicateur, lignes, retenues, csvGz: gzipSync(morceaux.join('')) };
  });
}
