import type { z } from 'zod';
import { CHAMP_MANQUANT } from './schema.ts';

/** Une raison pour laquelle un document est illisible ou hors format (sortie 2 de la commande). */
export interface ErreurFormat {
  /** Chemin JSON du champ fautif (`actions[2].previsionnel.cd`), vide pour le document entier. */
  readonly chemin: string;
  readonly raison: string;
  /** Ligne et colonne (à partir de 1) quand le JSON lui-même est invalide. */
  readonly ligne?: number;
  readonly colonne?: number;
}

/** `['actions', 2, 'previsionnel', 'cd']` → `actions[2].previsionnel.cd`. */
export function formaterChemin(chemin: readonly PropertyKey[]): string {
  let texte = '';
  for (const segment of chemin) {
    if (typeof segment === 'number') texte += `[${segment}]`;
    else texte += texte === '' ? String(segment) : `.${String(segment)}`;
  }
  return texte;
}

const TYPES: Record<string, string> = {
  string: 'texte',
  number: 'nombre',
  int: 'nombre entier',
  boolean: 'booléen (true ou false)',
  object: 'objet',
  array: 'tableau',
  null: 'null',
  undefined: 'rien',
};

function typeRecu(valeur: unknown): string {
  if (valeur === null) return 'null';
  if (Array.isArray(valeur)) return 'tableau';
  if (typeof valeur === 'number' && !Number.isInteger(valeur)) return `nombre non entier (${String(valeur)})`;
  return TYPES[typeof valeur] ?? typeof valeur;
}

const valeurLisible = (valeur: unknown): string =>
  typeof valeur === 'string' ? `« ${valeur} »` : (JSON.stringify(valeur) ?? String(valeur));

/** Traduit un problème relevé par zod en raison française. */
function raisonFrancaise(probleme: z.core.$ZodIssue): string {
  if (
    (probleme.code === 'invalid_type' || probleme.code === 'invalid_value') &&
    probleme.input === undefined
  ) {
    return CHAMP_MANQUANT;
  }
  switch (probleme.code) {
    case 'invalid_type':
      return `${TYPES[probleme.expected] ?? probleme.expected} attendu, reçu ${typeRecu(probleme.input)}`;
    case 'invalid_value':
      return `valeur ${valeurLisible(probleme.input)} non admise (attendu : ${probleme.values
        .map((valeur) => String(valeur))
        .join(', ')})`;
    case 'custom':
      return probleme.message;
    default:
      return `valeur invalide (${probleme.message})`;
  }
}

export function erreursDeZod(erreur: z.ZodError): ErreurFormat[] {
  return erreur.issues.map((probleme) => ({
    chemin: formaterChemin(probleme.path),
    raison: raisonFrancaise(probleme),
  }));
}

/** Texte d'une erreur : « actions[2].previsionnel.cd : champ obligatoire manquant ». */
export function formaterErreurFormat(erreur: ErreurFormat): string {
  const position =
    erreur.ligne !== undefined ? `ligne ${erreur.ligne}, colonne ${erreur.colonne ?? 1}` : undefined;
  const ou = [position, erreur.chemin === '' ? undefined : erreur.chemin].filter((x) => x !== undefined);
  return `${ou.length === 0 ? 'document' : ou.join(', ')} : ${erreur.raison}`;
}
