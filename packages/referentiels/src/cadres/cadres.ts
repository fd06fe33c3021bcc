import {
  ECHEANCES_CALPAE_2020,
  ECHEANCES_CALPAE_2022,
  ECHEANCES_CALPAE_2023,
  ECHEANCES_FRANCE_TRAVAIL_2024,
} from '../calendrier/donnees.ts';
import { REFERENTIEL_CHORUS_000 } from '../chorus/referentiel-000.ts';
import { REFERENTIEL_CHORUS_001 } from '../chorus/referentiel-001.ts';
import { modelesFinanciersCalpae } from '../financier/calpae.ts';
import { MODELES_FINANCIERS_FRANCE_TRAVAIL } from '../financier/france-travail.ts';
import { INDICATEURS_CALPAE_2020 } from '../indicateurs/calpae-2020.ts';
import { INDICATEURS_CALPAE_2022, INDICATEURS_CALPAE_2023 } from '../indicateurs/calpae-2022-2023.ts';
import { INDICATEURS_FRANCE_TRAVAIL_2024 } from '../indicateurs/france-travail-2024.ts';
import type { DelaiOrientation, Indicateur } from '../indicateurs/types.ts';
import {
  OUVERTURES_CALPAE_2020,
  OUVERTURES_CALPAE_2022,
  OUVERTURES_CALPAE_2023,
  OUVERTURES_FRANCE_TRAVAIL_2024,
} from '../territoires/collectivites.ts';
import { MESURES_CALPAE_2020, MESURES_CALPAE_2022, MESURES_CALPAE_2023 } from './mesures-calpae.ts';
import { MESURES_FRANCE_TRAVAIL_2024 } from './mesures-france-travail.ts';
import type { Cadre, CodeCadre, Mesure } from './types.ts';

/** CALPAE : « Nombre de nouveaux entrants orientés en 1 mois et moins » (000 · annexe 9 ; 001 · annexe 6 § 1.1). */
const ORIENTATION_1_MOIS = (source: string): DelaiOrientation => ({
  indicateur: 'orientes_1_mois',
  delai: { mois: 1 },
  source,
});

/** Les cadres annuels. Ajouter une année = ajouter une entrée ici (DESIGN.md, principe 1 ; README du paquet). */
export const CADRES: Readonly<Record<CodeCadre, Cadre>> = {
  'calpae-2020': {
    code: 'calpae-2020',
    famille: 'calpae',
    libelle: 'CALPAE 2019-2021 et avenants 2020 / 2021',
    exercices: [2019, 2020, 2021],
    mesures: MESURES_CALPAE_2020,
    source: '000',
    referentielChorus: 'chorus-000',
    regimes: ['civil'],
    indicateurs: INDICATEURS_CALPAE_2020,
    delaiOrientation: ORIENTATION_1_MOIS('000 · annexe 9 § 3.1.1'),
    modelesFinanciers: modelesFinanciersCalpae({
      mesures: MESURES_CALPAE_2020,
      referentiel: REFERENTIEL_CHORUS_000,
      officiels: { previsionnel: false, execution: false },
    }),
    echeances: ECHEANCES_CALPAE_2020,
    collectivites: OUVERTURES_CALPAE_2020,
  },
  'calpae-2022': {
    code: 'calpae-2022',
    famille: 'calpae',
    libelle: 'CALPAE 2022',
    exercices: [2022],
    mesures: MESURES_CALPAE_2022,
    source: '001 · annexes 4, 9-10',
    referentielChorus: 'chorus-001',
    regimes: ['civil', 'glissant'],
    indicateurs: INDICATEURS_CALPAE_2022,
    delaiOrientation: ORIENTATION_1_MOIS('001 · annexe 6 § 1.1'),
    modelesFinanciers: modelesFinanciersCalpae({
      mesures: MESURES_CALPAE_2022,
      referentiel: REFERENTIEL_CHORUS_001,
      officiels: { previsionnel: false, execution: true },
    }),
    echeances: ECHEANCES_CALPAE_2022,
    collectivites: OUVERTURES_CALPAE_2022,
  },
  'calpae-2023': {
    code: 'calpae-2023',
    famille: 'calpae',
    libelle: 'CALPAE 2023 (dernière année de prolongation)',
    exercices: [2023],
    mesures: MESURES_CALPAE_2023,
    source: '001',
    referentielChorus: 'chorus-001',
    regimes: ['civil', 'glissant'],
    indicateurs: INDICATEURS_CALPAE_2023,
    delaiOrientation: ORIENTATION_1_MOIS('001 · annexe 8 ; annexe 6 § 1.1'),
    modelesFinanciers: modelesFinanciersCalpae({
      mesures: MESURES_CALPAE_2023,
      referentiel: REFERENTIEL_CHORUS_001,
      officiels: { previsionnel: true, execution: false },
    }),
    echeances: ECHEANCES_CALPAE_2023,
    collectivites: OUVERTURES_CALPAE_2023,
  },
  'france-travail-2024': {
    code: 'france-travail-2024',
    famille: 'france_travail',
    libelle: 'Contractualisation insertion-emploi France Travail 2024',
    exercices: [2024],
    mesures: MESURES_FRANCE_TRAVAIL_2024,
    source: '003',
    referentielChorus: null,
    regimes: ['civil'],
    indicateurs: INDICATEURS_FRANCE_TRAVAIL_2024,
    delaiOrientation: {
      indicateur: 'orientes_15_jours',
      delai: { jours: 15 },
      repli: { indicateur: 'orientes_1_mois', delai: { mois: 1 } },
      source: '003 · annexe 4 § 2-b et § 4-b',
    },
    modelesFinanciers: MODELES_FINANCIERS_FRANCE_TRAVAIL,
    echeances: ECHEANCES_FRANCE_TRAVAIL_2024,
    collectivites: OUVERTURES_FRANCE_TRAVAIL_2024,
  },
};

export function trouverMesure(cadre: Cadre, code: string): Mesure | undefined {
  return cadre.mesures.find((mesure) => mesure.code === code);
}

export function trouverIndicateur(cadre: Cadre, code: string): Indicateur | undefined {
  return cadre.indicateurs.find((indicateur) => indicateur.code === code);
}
