/**
 * Référence à un texte officiel de `shared/sources/` : « 001 · annexe 10 », « 003 · III.2 ».
 * 000 : instruction du 12 février 2020 (CALPAE 2020) ; 001 : instruction du 31 janvier 2023 (CALPAE 2023) ;
 * 003 : instruction du 27 décembre 2023 (France Travail 2024) ; 004 : référentiel garantie d'activité (2019).
 */
export type Source = string;
