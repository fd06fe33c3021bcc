import { CADRES, type Cadre, type CodeCadre } from '@jalon/referentiels';
import { erreursDeZod, type ErreurFormat } from './erreurs-format.ts';
import { CHAMP_MANQUANT, conventionSchema, type ConventionDocument } from './schema.ts';

export type LectureConvention =
  | { readonly ok: true; readonly document: ConventionDocument }
  | { readonly ok: false; readonly erreurs: readonly ErreurFormat[] };

/** Ligne et colonne (à partir de 1) d'une position dans un texte. */
function ligneColonne(texte: string, position: number): { ligne: number; colonne: number } {
  const avant = texte.slice(0, position);
  const lignes = avant.split('\n');
  return { ligne: lignes.length, colonne: (lignes.at(-1)?.length ?? 0) + 1 };
}

/** `JSON.parse` avec une erreur française qui situe la faute (ligne, colonne) quand le moteur donne la position. */
export function lireJson(texte: string): { ok: true; valeur: unknown } | { ok: false; erreur: ErreurFormat } {
  try {
    return { ok: true, valeur: JSON.parse(texte) as unknown };
  } catch (erreur) {
    const message = erreur instanceof Error ? erreur.message : String(erreur);
    const position = /position (\d+)/.exec(message)?.[1];
    const lieu = position === undefined ? {} : ligneColonne(texte, Number(position));
    // Raison en français (le message du moteur JavaScript est en anglais) ; la position donne ligne et colonne.
    const car = position === undefined ? undefined : texte[Number(position)];
    const raison =
      car !== undefined
        ? `JSON invalide : caractère inattendu « ${car} »`
        : /end of JSON|Unexpected end/iu.test(message) || position !== undefined
          ? 'JSON invalide : le texte s’arrête avant la fin du document (fichier tronqué ?)'
          : 'JSON invalide : syntaxe incorrecte';
    return { ok: false, erreur: { chemin: '', raison, ...lieu } };
  }
}

const estObjet = (valeur: unknown): valeur is Record<string, unknown> =>
  typeof valeur === 'object' && valeur !== null && !Array.isArray(valeur);

/**
 * Vérifications de structure que le schéma seul n'exprime pas : numéros d'action uniques, volet obligatoire
 * (1, 2 ou 3) pour France Travail (spec § 1 ; 003 · annexe 7 art. 4.1). Faites sur le document brut pour être
 * signalées en même temps que les autres fautes de format.
 */
function verifierStructure(brut: unknown): ErreurFormat[] {
  if (!estObjet(brut) || !Array.isArray(brut.actions)) return [];
  const cadre: Cadre | undefined =
    typeof brut.cadre === 'string' && Object.hasOwn(CADRES, brut.cadre)
      ? CADRES[brut.cadre as CodeCadre]
      : undefined;
  const erreurs: ErreurFormat[] = [];
  const vus = new Map<string, number>();
  brut.actions.forEach((action: unknown, index) => {
    if (!estObjet(action)) return;
    const { numero, volet } = action;
    if (typeof numero === 'string') {
      const premier = vus.get(numero);
      if (premier !== undefined) {
        erreurs.push({
          chemin: `actions[${index}].numero`,
          raison: `numéro « ${numero} » en double (déjà porté par actions[${premier}])`,
        });
      } else vus.set(numero, index);
    }
    if (cadre?.famille === 'france_travail' && volet !== 1 && volet !== 2 && volet !== 3) {
      erreurs.push({
        chemin: `actions[${index}].volet`,
        raison:
          volet === undefined
            ? `${CHAMP_MANQUANT} (volet 1, 2 ou 3 pour le cadre ${cadre.code})`
            : `volet 1, 2 ou 3 attendu, reçu ${JSON.stringify(volet)}`,
      });
    }
  });
  return erreurs;
}

/** Valide un document déjà décodé (objet JSON). */
export function validerConvention(brut: unknown): LectureConvention {
  if (!estObjet(brut)) return { ok: false, erreurs: [{ chemin: '', raison: 'objet JSON attendu' }] };
  const resultat = conventionSchema.safeParse(brut, { reportInput: true });
  const erreurs = [...(resultat.success ? [] : erreursDeZod(resultat.error)), ...verifierStructure(brut)];
  if (erreurs.length > 0 || !resultat.success) return { ok: false, erreurs };
  return { ok: true, document: resultat.data };
}

/** Lit le texte d'un document `jalon.convention/1` (spec convention-v1 § 1). */
export function lireConvention(texte: string): LectureConvention {
  const json = lireJson(texte);
  if (!json.ok) return { ok: false, erreurs: [json.erreur] };
  return validerConvention(json.valeur);
}

/** Réécrit un document (indentation de 2 espaces) ; relire le résultat redonne le même document. */
export const serialiserConvention = (document: ConventionDocument): string =>
  `${JSON.stringify(document, null, 2)}\n`;
