import type { CollectiviteParticuliere, OuvertureContractualisation } from './types.ts';

/**
 * Collectivités nommées par les textes en plus des départements : 003 · III (NB) range parmi les « collectivités »
 * la collectivité unique de Corse, la Collectivité européenne d'Alsace, les départements-régions d'outre-mer
 * (déjà dans le COG des départements) et la métropole de Lyon. Les textes CALPAE (000 · annexe 6 ; 001 · II)
 * parlent des métropoles et des régions sans en nommer aucune : on ne liste donc pas de métropole ou de région
 * particulière (INT-REFERENTIELS-15). Codes : COG des collectivités ayant les compétences départementales.
 */
export const COLLECTIVITES_PARTICULIERES: readonly CollectiviteParticuliere[] = [
  {
    type: 'metropole',
    code: '69M',
    nom: 'Métropole de Lyon',
    codeRegion: '84',
    competencesDepartementales: true,
    departements: ['69'],
    source: '003 · III (NB « collectivités »)',
  },
  {
    type: 'departement',
    code: '20R',
    nom: 'Collectivité de Corse',
    codeRegion: '94',
    competencesDepartementales: true,
    departements: ['2A', '2B'],
    source: '003 · III (NB « collectivité unique de Corse »)',
  },
  {
    type: 'departement',
    code: '6AE',
    nom: "Collectivité européenne d'Alsace",
    codeRegion: '44',
    competencesDepartementales: true,
    departements: ['67', '68'],
    source: '003 · III (NB « collectivité européenne d’Alsace »)',
  },
];

export function trouverCollectiviteParticuliere(code: string): CollectiviteParticuliere | undefined {
  return COLLECTIVITES_PARTICULIERES.find((collectivite) => collectivite.code === code.trim().toUpperCase());
}

/**
 * 000 · annexe 6 : ouverture aux métropoles (0304 50 19 22 01) et aux régions (0304 50 19 21 01) en 2020. Les
 * départements imputent par mesure (OB 0304501919), d'où l'absence de code propre.
 */
export const OUVERTURES_CALPAE_2020: readonly OuvertureContractualisation[] = [
  { type: 'departement', statut: 'ouverte', source: '000' },
  { type: 'metropole', statut: 'ouverte', codeChorus: '030450192201', source: '000 · annexe 6 A' },
  { type: 'region', statut: 'ouverte', codeChorus: '030450192101', source: '000 · annexe 6 B' },
];

/** 001 · II : conventions métropolitaines et régionales « poursuivies en 2022 ». */
export const OUVERTURES_CALPAE_2022: readonly OuvertureContractualisation[] = [
  { type: 'departement', statut: 'ouverte', source: '001 · I' },
  { type: 'metropole', statut: 'ouverte', codeChorus: '030450192201', source: '001 · II' },
  { type: 'region', statut: 'ouverte', codeChorus: '030450192101', source: '001 · II' },
];

/** 001 · II : métropoles prolongées jusqu'au 31/12/2023 ; régions suspendues, aucun financement en 2023. */
export const OUVERTURES_CALPAE_2023: readonly OuvertureContractualisation[] = [
  { type: 'departement', statut: 'ouverte', source: '001 · I' },
  { type: 'metropole', statut: 'ouverte', codeChorus: '030450192201', source: '001 · II' },
  {
    type: 'region',
    statut: 'suspendue',
    source: '001 · II (« suspendues et aucun financement ne sera octroyé en 2023 »)',
  },
];

/**
 * 003 · III (NB) : départements et collectivités à compétences départementales (`COLLECTIVITES_PARTICULIERES`,
 * dont la métropole de Lyon) ; pas d'ouverture aux autres métropoles ni aux régions.
 */
export const OUVERTURES_FRANCE_TRAVAIL_2024: readonly OuvertureContractualisation[] = [
  { type: 'departement', statut: 'ouverte', source: '003 · III' },
];
