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

import { euros } from '../composants/format.ts';

/** Champs monétaires de l'API, en centimes (@jalon/schemas) : affichés en euros. */
const MONTANTS = new Set([
  'etat',
  'report_etat',
  'cd',
  'valorisation_cd',
  'report_cd',
  'autres',
  'realise',
  'a_reporter_etat',
  'a_reporter_cd',
  'enveloppe_etat',
  'montant_fapi',
  'realise_exercice_precedent',
  'cout_unitaire',
]);

const estObjet = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const texte = (v: unknown): string =>
  v === undefined || v === null
    ? '—'
    : typeof v === 'string'
      ? v
      : Array.isArray(v)
        ? v.length === 0
          ? '(liste vide)'
          : v.map(texte).join(', ')
        : typeof v === 'boolean'
          ? v
            ? 'oui'
            : 'non'
          : JSON.stringify(v);

const estListeDObjets = (v: unknown): v is unknown[] => Array.isArray(v) && v.some(estObjet);

export function differences(avant: unknown, apres: unknown, prefixe = ''): Difference[] {
  // Liste d'objets (parcours types, valeurs d'indicateurs…) : élément par élément, numérotés à partir de 1.
  if (estListeDObjets(avant) || estListeDObjets(apres)) {
    const a = Array.isArray(avant) ? avant : [];
    const b = Array.isArray(apres) ? apres : [];
    return Array.from({ length: Math.max(a.length, b.length) }, (_, i) =>
      differences(a[i], b[i], `${prefixe === '' ? '' : prefixe} n° ${i + 1}`.trim()),
    ).flat();
  }
  if (estObjet(avant) || estObjet(apres)) {
    const a = estObjet(avant) ? avant : {};
    const b = estObjet(apres) ? apres : {};
    const cles = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return cles.flatMap((cle) => differences(a[cle], b[cle], prefixe === '' ? cle : `${prefixe}.${cle}`));
  }
  if (JSON.stringify(avant) === JSON.stringify(apres)) return [];
  const feuille = prefixe.split('.').at(-1) ?? '';
  const rendre = (v: unknown): string =>
    MONTANTS.has(feuille) && Number.isInteger(v) ? euros(v as number) : texte(v);
  return [{ chemin: prefixe === '' ? '(valeur)' : prefixe, avant: rendre(avant), apres: rendre(apres) }];
}
