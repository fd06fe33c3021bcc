/**
 * Tableau des manques, à rendre tel quel par l'interface ou la ligne de commande, et en CSV.
 * Une ligne par catégorie de thématiques, puis une par frein, puis les offres intensives.
 */
import Papa from 'papaparse';
import type { AnalyseManques } from './analyse.ts';

export interface Tableau {
  readonly colonnes: readonly string[];
  readonly lignes: readonly (readonly string[])[];
}

const oui = (b: boolean): string => (b ? 'oui' : 'non');

/** Minutes entières → « 37 h 30 ». */
export function heures(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

export function tableauManques(a: AnalyseManques): Tableau {
  const colonnes = [
    'section',
    'code',
    'libellé',
    'services',
    'dont tout le département',
    'frein',
    'manque',
    'détail',
  ];
  const lignes: string[][] = [];
  for (const c of a.parCategorie) {
    lignes.push([
      'catégorie',
      c.categorie,
      c.libelle,
      String(c.services),
      String(c.servicesToutLeDepartement),
      c.frein ?? '',
      oui(c.manque),
      '',
    ]);
  }
  for (const f of a.freins) {
    lignes.push([
      'frein',
      f.frein,
      f.libelle,
      String(f.services),
      String(f.servicesToutLeDepartement),
      f.frein,
      oui(f.manque),
      f.zonesCouvertes.length > 0 ? `zones couvertes : ${f.zonesCouvertes.join(' ')}` : '',
    ]);
  }
  for (const o of a.intensif.avecVolume) {
    const hebdo = Math.round(o.volume_horaire_hebdomadaire * 60);
    lignes.push([
      'offre intensive',
      o.id,
      o.nom,
      '1',
      '',
      '',
      '',
      `${heures(hebdo)} par semaine${o.nombre_semaines === null ? '' : ` × ${o.nombre_semaines} semaine(s) = ${heures(o.minutesTotales ?? 0)}`}${o.atteintSeuil ? ` (≥ ${a.intensif.seuilHeuresHebdomadaires} h)` : ` (< ${a.intensif.seuilHeuresHebdomadaires} h)`}`,
    ]);
  }
  for (const n of a.nonRattaches) lignes.push(['non rattaché', n.id, '', '', '', '', '', n.raison]);
  return { colonnes, lignes };
}

/**
 * Le tableau des manques est un rapport à ouvrir dans un tableur (jamais relu par Jalon) : les textes qui
 * commencent par un signe de formule (= + - @, tabulation, retour chariot) sont préfixés d'une apostrophe par
 * papaparse (`escapeFormulae`, OWASP « CSV injection », docs/securite.md).
 */
export function tableauEnCsv(t: Tableau): string {
  return `${Papa.unparse(
    { fields: [...t.colonnes], data: t.lignes.map((l) => [...l]) },
    { newline: '\r\n', escapeFormulae: true },
  )}\r\n`;
}
