import { REFERENTIEL_CHORUS_000 } from './referentiel-000.ts';
import { REFERENTIEL_CHORUS_001 } from './referentiel-001.ts';
import { LONGUEUR_CODE_CHORUS } from './types.ts';
import type { CodeReferentielChorus, ElementChorus, ReferentielChorus } from './types.ts';

/** Les deux versions du référentiel, chacune sourcée ; elles diffèrent sur deux libellés (INT-REFERENTIELS-1). */
export const REFERENTIELS_CHORUS: Readonly<Record<CodeReferentielChorus, ReferentielChorus>> = {
  'chorus-000': REFERENTIEL_CHORUS_000,
  'chorus-001': REFERENTIEL_CHORUS_001,
};

/** Référentiel utilisé quand l'appelant n'en précise pas : le plus récent (001 · annexe 10). */
export const REFERENTIEL_CHORUS_PAR_DEFAUT: ReferentielChorus = REFERENTIEL_CHORUS_001;

const LONGUEURS_ADMISES = new Set(Object.values(LONGUEUR_CODE_CHORUS));

export type LectureCodeChorus =
  { readonly ok: true; readonly code: string } | { readonly ok: false; readonly erreur: string };

/**
 * Lit un code Chorus tel qu'on le trouve dans les textes ou les tableurs : « 0304 50 19 19 07 »,
 * « 030450 191907 », « 030450191907 ». Les espaces (y compris insécables) sont retirés ; le reste doit être
 * fait de 6, 8, 10 ou 12 chiffres (OS, OP, OB, ACT — 000 · annexe 8).
 */
export function lireCodeChorus(saisie: string): LectureCodeChorus {
  const code = saisie.replace(/\s/gu, '');
  if (code === '') return { ok: false, erreur: 'code Chorus vide' };
  if (!/^\d+$/u.test(code)) {
    return { ok: false, erreur: `code Chorus « ${saisie} » : seuls des chiffres et des espaces sont admis` };
  }
  if (!LONGUEURS_ADMISES.has(code.length)) {
    return {
      ok: false,
      erreur: `code Chorus « ${saisie} » : ${code.length} chiffres, alors qu'un code compte 6 (OS), 8 (OP), 10 (OB) ou 12 (ACT) chiffres`,
    };
  }
  return { ok: true, code };
}

/** Code sans espace, ou `undefined` si la saisie n'est pas un code Chorus bien formé (voir `lireCodeChorus`). */
export function normaliserCodeChorus(saisie: string): string | undefined {
  const lecture = lireCodeChorus(saisie);
  return lecture.ok ? lecture.code : undefined;
}

/**
 * Présentation des tableaux financiers : « 0304 50 19 19 07 » (001 · annexe 9) — programme sur 4 chiffres,
 * puis groupes de 2. Le code est d'abord normalisé ; une saisie invalide est rendue telle quelle.
 */
export function formaterCodeChorus(saisie: string): string {
  const code = normaliserCodeChorus(saisie);
  if (code === undefined) return saisie;
  const groupes = [code.slice(0, 4)];
  for (let i = 4; i < code.length; i += 2) groupes.push(code.slice(i, i + 2));
  return groupes.join(' ');
}

export function trouverElementChorus(
  saisie: string,
  referentiel: ReferentielChorus = REFERENTIEL_CHORUS_PAR_DEFAUT,
): ElementChorus | undefined {
  const code = normaliserCodeChorus(saisie);
  return code === undefined ? undefined : referentiel.elements.find((element) => element.code === code);
}

/** Libellé long (colonne « Description ») d'un code, ou `undefined` s'il est absent du référentiel. */
export function libelleChorus(
  saisie: string,
  referentiel: ReferentielChorus = REFERENTIEL_CHORUS_PAR_DEFAUT,
): string | undefined {
  return trouverElementChorus(saisie, referentiel)?.description;
}

/** L'élément puis ses ancêtres jusqu'à l'OS : [ACT, OB, OP, OS]. Vide si le code est inconnu. */
export function chaineParentsChorus(
  saisie: string,
  referentiel: ReferentielChorus = REFERENTIEL_CHORUS_PAR_DEFAUT,
): readonly ElementChorus[] {
  const chaine: ElementChorus[] = [];
  let courant = trouverElementChorus(saisie, referentiel);
  while (courant !== undefined) {
    chaine.push(courant);
    const parent = courant.codeParent;
    courant =
      parent === undefined ? undefined : referentiel.elements.find((element) => element.code === parent);
  }
  return chaine;
}

/** Vrai si le code désigne une activité (ACT) du référentiel : seules les activités reçoivent des imputations. */
export function estActiviteChorus(
  saisie: string,
  referentiel: ReferentielChorus = REFERENTIEL_CHORUS_PAR_DEFAUT,
): boolean {
  return trouverElementChorus(saisie, referentiel)?.type === 'ACT';
}
