import { LONGUEUR_CODE_CHORUS, TYPES_REFERENTIEL_CHORUS } from './types.ts';
import type { ElementChorus, TypeReferentielChorus } from './types.ts';

/** Ligne brute recopiée du texte : type, code, désignation, description, domaine fonctionnel. */
export type LigneChorus = readonly [TypeReferentielChorus, string, string, string, string?];

/**
 * Range les lignes d'un tableau Chorus dans leur hiérarchie : le parent d'une ligne est la dernière ligne
 * rencontrée du niveau immédiatement supérieur, comme on lit le tableau (000 · annexe 8 ; 001 · annexe 10).
 * On n'utilise pas le préfixe du code : les tests vérifient que les deux lectures concordent.
 * Une ligne mal formée (code non numérique, longueur fausse, niveau sans parent) lève une erreur en français.
 */
export function construireElementsChorus(lignes: readonly LigneChorus[], source: string): ElementChorus[] {
  const dernierParNiveau = new Map<TypeReferentielChorus, string>();
  return lignes.map(([type, code, designation, description, domaineFonctionnel], index) => {
    const attendu = LONGUEUR_CODE_CHORUS[type];
    if (!/^\d+$/.test(code) || code.length !== attendu) {
      throw new Error(
        `Référentiel Chorus (${source}), ligne ${index + 1} : le code « ${code} » d'un ${type} doit compter ${attendu} chiffres.`,
      );
    }
    const rang = TYPES_REFERENTIEL_CHORUS.indexOf(type);
    const niveauParent = rang > 0 ? TYPES_REFERENTIEL_CHORUS[rang - 1] : undefined;
    const codeParent = niveauParent === undefined ? undefined : dernierParNiveau.get(niveauParent);
    if (niveauParent !== undefined && codeParent === undefined) {
      throw new Error(
        `Référentiel Chorus (${source}), ligne ${index + 1} : le ${type} ${code} n'est précédé d'aucun ${niveauParent}.`,
      );
    }
    dernierParNiveau.set(type, code);
    // Un nouvel élément invalide les niveaux inférieurs déjà vus (un ACT ne se range pas sous un OB précédent).
    for (const inferieur of TYPES_REFERENTIEL_CHORUS.slice(rang + 1)) dernierParNiveau.delete(inferieur);
    return {
      type,
      code,
      designation,
      description,
      ...(domaineFonctionnel === undefined ? {} : { domaineFonctionnel }),
      ...(codeParent === undefined ? {} : { codeParent }),
      source,
    };
  });
}
