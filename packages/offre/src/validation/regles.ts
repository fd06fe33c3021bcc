/**
 * Règles que le schéma JSON ne sait pas dire (`data/derived/regles-validation-et-score-qualite.derived.json`,
 * clé `validateurs_hors_json_schema`) : elles n'existent qu'en Python (validateurs pydantic du schéma
 * data·inclusion v1.0.8). Une fonction par règle ; chacune rend ses constats.
 */
import type { Modele } from '../modele.ts';
import type { Constat, Severite } from './constat.ts';

export interface ContexteRegles {
  /** Date du jour AAAA-MM-JJ (injectée : le cœur ne lit pas l'horloge). */
  readonly aujourdhui: string;
  /**
   * `valideur` : comme le valideur data·inclusion (ignore_warnings=False), les avertissements du nom deviennent
   * des erreurs. `defaut` : comme le schéma par défaut.
   */
  readonly mode: 'defaut' | 'valideur';
}

export interface Regle {
  readonly code: string;
  readonly modeles: readonly Modele[];
  readonly source: string;
  verifier(objet: Readonly<Record<string, unknown>>, contexte: ContexteRegles, modele: Modele): Constat[];
}

const constat = (
  code: string,
  severite: Severite,
  champ: string,
  message: string,
  chemin = `/${champ}`,
): Constat => ({
  code,
  severite,
  champ,
  chemin,
  message,
});

/**
 * `nom` ne se termine pas par « . », sauf « etc. ». Avertissement, erreur en mode valideur.
 * Source : derived · validateurs_hors_json_schema[0] (structures.py, services.py, nom_valide).
 */
export const NOM_POINT_FINAL: Regle = {
  code: 'NOM_POINT_FINAL',
  modeles: ['structure', 'service'],
  source: 'data·inclusion v1.0.8 · nom_valide (derived · validateurs_hors_json_schema)',
  verifier(objet, contexte) {
    const nom = objet.nom;
    if (typeof nom !== 'string' || !nom.endsWith('.') || nom.endsWith('etc.')) return [];
    return [
      constat(
        'NOM_POINT_FINAL',
        contexte.mode === 'valideur' ? 'erreur' : 'avertissement',
        'nom',
        `le nom ne doit pas se terminer par un point (sauf « etc. ») : « ${nom} »`,
      ),
    ];
  },
};

/** Borne basse de `date_maj` (derived · validateurs_hors_json_schema[1], date_maj_valide). */
export const DATE_MAJ_MINIMALE = '2000-01-01';

/**
 * 2000-01-01 ≤ date_maj ≤ aujourd'hui. Erreur. Une date mal formée est laissée au schéma (format `date`).
 * Source : derived · validateurs_hors_json_schema[1] (date_maj_valide).
 */
export const DATE_MAJ_HORS_BORNES: Regle = {
  code: 'DATE_MAJ_HORS_BORNES',
  modeles: ['structure', 'service'],
  source: 'data·inclusion v1.0.8 · date_maj_valide (derived · validateurs_hors_json_schema)',
  verifier(objet, contexte) {
    const date = objet.date_maj;
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return [];
    // Les dates AAAA-MM-JJ se comparent comme des chaînes.
    if (date < DATE_MAJ_MINIMALE) {
      return [
        constat(
          'DATE_MAJ_HORS_BORNES',
          'erreur',
          'date_maj',
          `date ${date} antérieure au ${DATE_MAJ_MINIMALE}`,
        ),
      ];
    }
    if (date > contexte.aujourdhui) {
      return [
        constat(
          'DATE_MAJ_HORS_BORNES',
          'erreur',
          'date_maj',
          `date ${date} dans le futur (aujourd’hui : ${contexte.aujourdhui})`,
        ),
      ];
    }
    return [];
  },
};

/**
 * « tous-publics » est seul quand il est présent. Erreur.
 * Source : derived · validateurs_hors_json_schema[2] (services.py tous_publics).
 */
export const TOUS_PUBLICS_NON_EXCLUSIF: Regle = {
  code: 'TOUS_PUBLICS_NON_EXCLUSIF',
  modeles: ['service'],
  source: 'data·inclusion v1.0.8 · tous_publics (derived · validateurs_hors_json_schema)',
  verifier(objet) {
    const publics = objet.publics;
    if (!Array.isArray(publics) || !publics.includes('tous-publics')) return [];
    const autres = new Set(publics.filter((p) => p !== 'tous-publics'));
    if (autres.size === 0) return [];
    return [
      constat(
        'TOUS_PUBLICS_NON_EXCLUSIF',
        'erreur',
        'publics',
        `« tous-publics » doit être la seule valeur (aussi : ${[...autres].map(String).join(', ')})`,
      ),
    ];
  },
};

/** Champs typés « ensemble » dans les modèles Python (derived · validateurs_hors_json_schema[3]). */
export const CHAMPS_ENSEMBLES: Readonly<Record<Modele, readonly string[]>> = {
  structure: ['reseaux_porteurs'],
  service: ['thematiques', 'publics', 'modes_accueil', 'modes_mobilisation', 'mobilisable_par'],
};

/**
 * Doublons dans un champ « ensemble » : le modèle Python les fusionne (le schéma JSON, lui, les refuse par
 * `uniqueItems`). Avertissement ; l'import les fusionne (`fusionnerDoublons`) et le dit. `zone_eligibilite` est
 * une liste : ses doublons ne sont pas concernés.
 * Source : derived · validateurs_hors_json_schema[3].
 */
export const DOUBLONS_FUSIONNES: Regle = {
  code: 'DOUBLONS_FUSIONNES',
  modeles: ['structure', 'service'],
  source: 'data·inclusion v1.0.8 · champs de type set (derived · validateurs_hors_json_schema)',
  verifier(objet, _contexte, modele) {
    return CHAMPS_ENSEMBLES[modele].flatMap((champ) => {
      const v = objet[champ];
      if (!Array.isArray(v)) return [];
      const doublons = [...new Set(v.filter((x, i) => v.indexOf(x) !== i))];
      return doublons.length === 0
        ? []
        : [
            constat(
              'DOUBLONS_FUSIONNES',
              'avertissement',
              champ,
              `valeur(s) en double fusionnée(s) : ${doublons.map(String).join(', ')}`,
            ),
          ];
    });
  },
};

/** Fusionne les doublons des champs « ensemble » (ordre de première apparition). Pur : rend une copie. */
export function fusionnerDoublons<T extends Record<string, unknown>>(objet: T, modele: Modele): T {
  const copie: Record<string, unknown> = { ...objet };
  for (const champ of CHAMPS_ENSEMBLES[modele]) {
    const v = copie[champ];
    if (Array.isArray(v)) copie[champ] = [...new Set(v)];
  }
  return copie as T;
}

export const REGLES: readonly Regle[] = [
  NOM_POINT_FINAL,
  DATE_MAJ_HORS_BORNES,
  TOUS_PUBLICS_NON_EXCLUSIF,
  DOUBLONS_FUSIONNES,
];

export function appliquerRegles(
  modele: Modele,
  objet: Readonly<Record<string, unknown>>,
  contexte: ContexteRegles,
): Constat[] {
  return REGLES.filter((r) => r.modeles.includes(modele)).flatMap((r) => r.verifier(objet, contexte, modele));
}
