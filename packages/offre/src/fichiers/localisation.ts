/** Où se trouve un objet lu, et comment dire où est une faute (fichier, feuille, ligne, colonne ou cellule). */
import type { Modele } from '../modele.ts';
import type { Severite } from '../validation/constat.ts';

export interface Origine {
  readonly fichier: string;
  /** Feuille d'un classeur XLSX. */
  readonly feuille?: string;
  /** Ligne physique (CSV, XLSX ; en-tête = ligne 1). */
  readonly ligne?: number;
  /** Rang dans un tableau JSON (à partir de 1). */
  readonly element?: number;
  /** Champ → lettre de colonne XLSX (ex. `F`). */
  readonly lettres?: ReadonlyMap<string, string>;
}

export interface ConstatLocalise {
  readonly origine: Origine | undefined;
  readonly modele: Modele | undefined;
  readonly champ: string;
  readonly chemin: string;
  readonly code: string;
  readonly severite: Severite;
  readonly message: string;
}

/** « services.csv, ligne 4, colonne « publics » : … » — une ligne française par constat. */
export function formaterConstat(c: ConstatLocalise): string {
  const o = c.origine;
  const morceaux: string[] = [];
  if (o !== undefined) {
    morceaux.push(o.fichier);
    if (o.feuille !== undefined) morceaux.push(`feuille « ${o.feuille} »`);
    if (o.ligne !== undefined) morceaux.push(`ligne ${o.ligne}`);
    if (o.element !== undefined)
      morceaux.push(`${c.modele === 'service' ? 'service' : 'structure'} n° ${o.element}`);
  }
  if (c.champ !== '') {
    const lettre = o?.lettres?.get(c.champ);
    if (lettre !== undefined && o?.ligne !== undefined)
      morceaux.push(`cellule ${lettre}${o.ligne} (${c.champ})`);
    else if (o?.element !== undefined) morceaux.push(`champ « ${c.chemin || c.champ} »`);
    else morceaux.push(`colonne « ${c.champ} »`);
  }
  const niveau = c.severite === 'erreur' ? 'erreur' : 'avertissement';
  return `${morceaux.join(', ')} : ${niveau} ${c.code} — ${c.message}`;
}
