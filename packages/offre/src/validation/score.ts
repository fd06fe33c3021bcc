/**
 * Score de qualité d'un service data·inclusion : moyenne des critères applicables (un critère non applicable rend
 * `null` et ne compte pas), chaque critère arrondi à 2 décimales, la moyenne aussi ; dans [0, 1].
 * Source : derived · score_qualite_service (score_qualite.py, data·inclusion v1.0.8). DORA ne montre que les
 * services d'au moins 0,8 (SEUIL_SCORE_DORA).
 */
import type { Service, Structure } from '../modele.ts';
import { joursEntre } from './dates.ts';

export const SEUIL_SCORE_DORA = 0.8;

/** Durées de pendulum (`duration(months=6)`, `duration(years=2)`), qui comptent 30 jours par mois et 365 par an. */
export const SIX_MOIS_JOURS = 180;
export const DEUX_ANS_JOURS = 730;

/** Sources dont la date de mise à jour n'est pas notée (derived · date_maj_recente). */
export const SOURCES_SANS_CRITERE_DATE: readonly string[] = ['agefiph', 'france-travail'];

export type NomCritere =
  | 'adresse_bien_definie'
  | 'modes_mobilisation_bien_definis'
  | 'au_moins_un_public'
  | 'au_moins_une_thematique'
  | 'au_moins_un_moyen_de_contact'
  | 'courriel_bien_defini'
  | 'date_maj_recente'
  | 'frais_bien_definis'
  | 'description_bien_definie'
  | 'telephone_bien_defini';

export interface ScoreQualite {
  readonly score: number;
  /** Valeur de chaque critère, `null` si non applicable (pour expliquer le score à l'utilisateur). */
  readonly criteres: Readonly<Record<NomCritere, number | null>>;
}

const renseigne = (v: string | null | undefined): boolean => typeof v === 'string' && v !== '';
const nonVide = (v: readonly string[] | null | undefined): boolean => Array.isArray(v) && v.length > 0;
const contient = (v: readonly string[] | null | undefined, x: string): boolean =>
  Array.isArray(v) && v.includes(x);

/**
 * Arrondi à 2 décimales comme `round(x, 2)` de Python : sur la valeur binaire exacte, égalité parfaite → pair.
 * Une égalité parfaite (k + 0,5 centièmes) n'est représentable en binaire que pour x = m/8, m impair (0,125,
 * 0,375…) ; ailleurs `toFixed`, qui travaille sur la valeur exacte, donne le plus proche sans ambiguïté.
 */
export function arrondi2(x: number): number {
  const huitiemes = x * 8; // exact : multiplication par une puissance de 2
  if (Number.isInteger(huitiemes) && Math.abs(huitiemes) % 2 === 1) {
    const bas = Math.floor(x * 100); // x * 100 = 12,5 × m, exact
    return (bas % 2 === 0 ? bas : bas + 1) / 100;
  }
  return Number(x.toFixed(2));
}

/** Les 10 critères, dans l'ordre du fichier dérivé. */
export function criteresQualite(s: Service, aujourdhui: string): Record<NomCritere, number | null> {
  // Le score est aussi calculé sur un jeu invalide (compte rendu de `jalon offre valider`) : une description
  // absente ou d'un autre type compte pour 0 caractère au lieu de faire planter la commande (fuzzing, issue 9).
  const description: unknown = s.description;
  const longueur = typeof description === 'string' ? [...description].length : 0; // points de code, comme `len` en Python
  const age = joursEntre(s.date_maj, aujourdhui);
  const modes = nonVide(s.modes_mobilisation);
  const par = nonVide(s.mobilisable_par);
  return {
    adresse_bien_definie:
      contient(s.modes_accueil, 'en-presentiel') || contient(s.modes_mobilisation, 'se-presenter')
        ? renseigne(s.adresse)
          ? 1
          : 0
        : null,
    modes_mobilisation_bien_definis: modes && par ? 1 : modes || par ? 0.5 : 0,
    au_moins_un_public: nonVide(s.publics) ? 1 : 0,
    au_moins_une_thematique: nonVide(s.thematiques) ? 1 : 0,
    au_moins_un_moyen_de_contact:
      renseigne(s.courriel) || renseigne(s.lien_mobilisation) || renseigne(s.telephone) ? 1 : 0,
    courriel_bien_defini: contient(s.modes_mobilisation, 'envoyer-un-courriel')
      ? renseigne(s.courriel)
        ? 1
        : 0
      : null,
    // INT-OFFRE-3 : âge en jours entiers ; ≤ 180 j → 1, puis décroissance linéaire jusqu'à 0 à 730 j.
    date_maj_recente: SOURCES_SANS_CRITERE_DATE.includes(s.source)
      ? null
      : age <= SIX_MOIS_JOURS
        ? 1
        : age < DEUX_ANS_JOURS
          ? (DEUX_ANS_JOURS - age) / (DEUX_ANS_JOURS - SIX_MOIS_JOURS)
          : 0,
    frais_bien_definis:
      s.frais === 'gratuit' ? 1 : s.frais === 'payant' ? (renseigne(s.frais_precisions) ? 1 : 0.5) : 0,
    description_bien_definie: longueur < 50 ? 0 : longueur < 200 ? 0.5 : longueur < 2000 ? 1 : 0.5,
    telephone_bien_defini: contient(s.modes_mobilisation, 'telephoner')
      ? renseigne(s.telephone)
        ? 1
        : 0
      : null,
  };
}

export function scoreQualite(s: Service, aujourdhui: string): ScoreQualite {
  const criteres = criteresQualite(s, aujourdhui);
  const applicables = Object.values(criteres)
    .filter((v): v is number => v !== null)
    .map(arrondi2);
  const somme = applicables.reduce((a, b) => a + b, 0);
  return { score: arrondi2(somme / applicables.length), criteres };
}

/** Score d'une structure : moyenne des scores de ses services, 0 sans service (derived · _note). */
export function scoreStructure(
  structure: Structure,
  services: readonly Service[],
  aujourdhui: string,
): number {
  const siens = services.filter((s) => s.structure_id === structure.id);
  if (siens.length === 0) return 0;
  return arrondi2(siens.reduce((a, s) => a + scoreQualite(s, aujourdhui).score, 0) / siens.length);
}
