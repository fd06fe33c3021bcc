import type { ContexteDocument } from '../contexte.ts';
import { para, type Bloc } from '../docx/modele.ts';
import { aCompleter } from './communs.ts';

/** Coordonnées bancaires des articles de versement (001 · annexe 7 art. 3 ; 003 · annexe 7 art. 6). */
export function articleVersements(contexte: ContexteDocument): Bloc[] {
  const b = contexte.contenu.banque;
  const ligne = (libelle: string, valeur: string | undefined): Bloc =>
    para(`${libelle} : ${valeur ?? ''}`, 'gauche');
  return [
    para('Les versements seront effectués à :'),
    ligne('Dénomination sociale', b.denomination),
    ligne('Code établissement', b.code_etablissement),
    ligne('Code guichet', b.code_guichet),
    ligne('Numéro de compte', b.numero_compte),
    ligne('Clé RIB', b.cle_rib),
    ligne('IBAN', b.iban),
    ligne('BIC', b.bic),
  ];
}

/** « Fait à …, le … » puis les signataires côte à côte. */
export function signatures(contexte: ContexteDocument, colonnes: readonly (readonly string[])[]): Bloc[] {
  const s = contexte.contenu.signataires;
  return [
    para(`Fait à ${aCompleter(s.lieu, 'lieu de signature')}, le ${s.date ?? ''}`),
    { type: 'signatures', colonnes },
  ];
}
