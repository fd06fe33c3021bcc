import type { Mesure } from './types.ts';

/**
 * Mesures CALPAE : code, thème, code Chorus (spec convention-v1 § 1 ; 001 · annexes 9-10 ; 000 · annexe 8).
 * La présence d'une mesure dans chaque cadre est fixée dans `cadres.ts`.
 */
const m = (mesure: Mesure): Mesure => mesure;

export const SORTIES_ASE = m({
  code: 'sorties_ase',
  libelle: "Prévention des sorties sèches de l'aide sociale à l'enfance",
  nature: 'socle',
  codeChorus: '030450191901',
  source: '000 · annexe 8 ; 001 · annexe 10',
});
export const FORMATION_TRAVAILLEURS_SOCIAUX = m({
  code: 'formation_travailleurs_sociaux',
  libelle: 'Plan de formation des travailleurs sociaux',
  nature: 'socle',
  codeChorus: '030450191902',
  source: '000 · annexe 8 ; 001 · annexe 10',
});
export const PREMIER_ACCUEIL_SOCIAL = m({
  code: 'premier_accueil_social',
  libelle: 'Premier accueil social inconditionnel de proximité',
  nature: 'socle',
  codeChorus: '030450191903',
  source: '000 · annexe 8 ; 001 · annexe 10',
});
export const REFERENTS_PARCOURS = m({
  code: 'referents_parcours',
  libelle: 'Référents de parcours',
  nature: 'socle',
  codeChorus: '030450191904',
  source: '000 · annexe 8 ; 001 · annexe 10',
});
export const MARAUDES_MIXTES = m({
  code: 'maraudes_mixtes',
  libelle: 'Maraudes mixtes État / département',
  nature: 'socle',
  codeChorus: '030450191905',
  source: '000 · annexe 8 ; 001 · annexe 10',
});
export const PREVENTION_SPECIALISEE = m({
  code: 'prevention_specialisee',
  libelle: 'Prévention spécialisée',
  nature: 'socle',
  codeChorus: '030450191906',
  source: '000 · annexe 8 ; 001 · annexe 10',
});
export const INSERTION_ORIENTATION = m({
  code: 'insertion_orientation',
  libelle: 'Insertion des allocataires du RSA — orientation et parcours',
  nature: 'socle',
  codeChorus: '030450191907',
  source: '000 · annexe 8 ; 001 · annexes 9-10',
});
export const GARANTIE_ACTIVITE = m({
  code: 'garantie_activite',
  libelle: "Insertion des allocataires du RSA — garantie d'activité",
  nature: 'socle',
  codeChorus: '030450191907',
  source: '000 · annexe 8 ; 001 · annexes 9-10',
});
export const MOBILITE = m({
  code: 'mobilite',
  libelle: "Mobilité des demandeurs d'emploi",
  nature: 'socle',
  codeChorus: '030450191907',
  exempteeParite: true,
  source: '001 · annexe 1 § 3.1 ; annexe 4 ; annexe 10',
});
export const NUMERIQUE_INSERTION = m({
  code: 'numerique_insertion',
  libelle: 'Numérique et partage de données (optionnel, pris sur les crédits insertion)',
  nature: 'socle',
  codeChorus: '030450191907',
  source: '001 · annexe 1 § 4 ; annexe 10',
});
export const PETITE_ENFANCE = m({
  code: 'petite_enfance',
  libelle: 'Formation des professionnels de la petite enfance',
  nature: 'socle',
  codeChorus: '030450191911',
  source: '000 · I ; annexe 3 ; annexe 8',
});
export const INITIATIVES_DEPARTEMENTALES = m({
  code: 'initiatives_departementales',
  libelle: "Engagements à l'initiative du département",
  nature: 'initiative',
  codeChorus: '030450191910',
  source: '000 · annexe 8 ; 001 · annexes 9-10',
});

/** Accès aux droits 2023 : l'un des trois codes 02, 03, 04 (défaut 03) — 001 · annexe 10. */
export const CODES_ACCES_AUX_DROITS_2023 = ['030450191902', '030450191903', '030450191904'] as const;

const accesAuxDroits2023 = (mesure: Mesure): Mesure => ({
  ...mesure,
  codesChorusAdmis: CODES_ACCES_AUX_DROITS_2023,
  source: `${mesure.source} ; 001 · annexe 2 ; annexe 10 (accès aux droits 2023)`,
});

export const MESURES_CALPAE_2020: readonly Mesure[] = [
  SORTIES_ASE,
  FORMATION_TRAVAILLEURS_SOCIAUX,
  PREMIER_ACCUEIL_SOCIAL,
  REFERENTS_PARCOURS,
  MARAUDES_MIXTES,
  PREVENTION_SPECIALISEE,
  INSERTION_ORIENTATION,
  GARANTIE_ACTIVITE,
  MOBILITE,
  PETITE_ENFANCE,
  INITIATIVES_DEPARTEMENTALES,
];

export const MESURES_CALPAE_2022: readonly Mesure[] = [
  SORTIES_ASE,
  FORMATION_TRAVAILLEURS_SOCIAUX,
  PREMIER_ACCUEIL_SOCIAL,
  REFERENTS_PARCOURS,
  MARAUDES_MIXTES,
  PREVENTION_SPECIALISEE,
  INSERTION_ORIENTATION,
  GARANTIE_ACTIVITE,
  MOBILITE,
  NUMERIQUE_INSERTION,
  INITIATIVES_DEPARTEMENTALES,
];

export const MESURES_CALPAE_2023: readonly Mesure[] = [
  accesAuxDroits2023(FORMATION_TRAVAILLEURS_SOCIAUX),
  accesAuxDroits2023(PREMIER_ACCUEIL_SOCIAL),
  accesAuxDroits2023(REFERENTS_PARCOURS),
  MARAUDES_MIXTES,
  PREVENTION_SPECIALISEE,
  INSERTION_ORIENTATION,
  GARANTIE_ACTIVITE,
  MOBILITE,
  NUMERIQUE_INSERTION,
  INITIATIVES_DEPARTEMENTALES,
];
