/**
 * Listes d'explication d'un calcul (`expliquerIndicateur`) en CSV compressé, une par indicateur : personnes
 * pseudonymisées retenues ou écartées, avec la raison. Mêmes colonnes et même écriture que
 * `jalon indicateurs expliquer --format csv` (docs/indicateurs-cli.md) ; gardées en gzip pour la base.
 */
import { gzipSync } from 'node:zlib';
import { expliquerVolet3, type ParametresVolet3 } from '../volet3/calcul.ts';
import { CODES_VOLET3, type DossierPersonneV11, type LigneExplicationVolet3 } from '../volet3/modele.ts';
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

/**
 * Texte venu des fichiers du département (identifiants, organisme) : préfixé d'une apostrophe s'il commence par
 * un signe de formule (= + - @, tabulation, retour chariot ; OWASP « CSV injection », docs/securite.md). Même règle
 * que `neutraliserFormule` de @jalon/domaine, dont ce paquet ne dépend pas.
 */
export const neutraliserTexte = (v: string): string => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function ligneExplicationCsv(l: LigneExplication): string {
  return COLONNES_EXPLICATION.map((k) => {
    const v = l[k];
    if (typeof v === 'boolean') return v ? 'oui' : 'non';
    if (v === null) return '';
    return champ(typeof v === 'string' ? neutraliserTexte(v) : String(v));
  }).join(';');
}

export interface ListeExplication {
  readonly indicateur: CodeIndicateur | (typeof CODES_VOLET3)[number];
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

/** Colonnes des listes du volet 3 (mêmes champs que `jalon donnees volet3 --expliquer`, en CSV). */
export const COLONNES_EXPLICATION_VOLET3 = [
  'id_personne',
  'indicateur',
  'compte',
  'raison',
  'parcours',
  'date_depart',
  'date_reference',
  'valeur',
  'detail',
] as const satisfies readonly (keyof LigneExplicationVolet3)[];

function ligneVolet3Csv(l: LigneExplicationVolet3): string {
  return COLONNES_EXPLICATION_VOLET3.map((k) => {
    const v = l[k];
    if (typeof v === 'boolean') return v ? 'oui' : 'non';
    if (v === null) return '';
    return champ(typeof v === 'string' ? neutraliserTexte(v) : String(v));
  }).join(';');
}

/** Listes d'explication des indicateurs du volet 3 France Travail (docs/indicateurs-volet3.md). */
export function listesExplicationVolet3(
  personnes: () => Iterable<DossierPersonneV11>,
  parametres: ParametresVolet3,
): ListeExplication[] {
  return CODES_VOLET3.map((indicateur) => {
    const morceaux: string[] = [`${BOM}${COLONNES_EXPLICATION_VOLET3.join(';')}\r\n`];
    let lignes = 0;
    let retenues = 0;
    for (const l of expliquerVolet3(personnes(), parametres, indicateur)) {
      morceaux.push(`${ligneVolet3Csv(l)}\r\n`);
      lignes++;
      if (l.compte) retenues++;
    }
    return { indicateur, lignes, retenues, csvGz: gzipSync(morceaux.join('')) };
  });
}
