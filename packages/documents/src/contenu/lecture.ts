import { erreursDeZod, formaterErreurFormat, lireJson } from '@jalon/domaine';
import { ErreurDocument } from '../erreurs.ts';
import { contenuSchema, type Contenu } from './schema.ts';

/** Valide un contenu déjà décodé ; lève une `ErreurDocument` qui dit où et pourquoi. */
export function validerContenu(brut: unknown): Contenu {
  const resultat = contenuSchema.safeParse(brut ?? {}, { reportInput: true });
  if (resultat.success) return resultat.data;
  throw new ErreurDocument(
    'Contenu illisible :',
    erreursDeZod(resultat.error).map((erreur) => formaterErreurFormat(erreur)),
  );
}

/** Lit le texte JSON d'un contenu. */
export function lireContenu(texte: string): Contenu {
  const json = lireJson(texte.replace(/^\uFEFF/u, ''));
  if (!json.ok) throw new ErreurDocument('Contenu illisible :', [formaterErreurFormat(json.erreur)]);
  return validerContenu(json.valeur);
}

export const CONTENU_VIDE: Contenu = validerContenu({});
