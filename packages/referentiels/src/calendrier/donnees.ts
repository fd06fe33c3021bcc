import type { Echeance, Regime } from './types.ts';

/**
 * Calendrier de chaque cadre, dans l'ordre chronologique de chaque régime (date limite, ou début de période) :
 * les tests le vérifient, `echeances()` ne trie pas. Chaque échéance appartient au cadre de la convention
 * qu'elle concerne (INT-REFERENTIELS-11). « Avant le X » est lu « au plus tard le X » (INT-REFERENTIELS-12).
 */
const CIVIL: readonly Regime[] = ['civil'];
const GLISSANT: readonly Regime[] = ['glissant'];
const TOUS: readonly Regime[] = ['civil', 'glissant'];

const periodeCivile = (exercice: number, source: string): Echeance => ({
  code: 'periode_exercice',
  libelle: `Période d'exercice de la convention ${exercice}`,
  exercice,
  regimes: CIVIL,
  nature: 'periode',
  debut: `${exercice}-01-01`,
  fin: `${exercice}-12-31`,
  source,
});

/** 000 : conventions 2019-2021 en année civile, avenant 2020 ; rapport d'exécution délibéré chaque année au 31 mars. */
const rapport2020 = (exercice: number): Echeance => ({
  code: 'remise_rapport_execution',
  libelle: `Délibération du département sur le rapport d'exécution ${exercice}`,
  exercice,
  regimes: CIVIL,
  nature: 'date_limite',
  date: `${exercice + 1}-03-31`,
  source: '000 · annexe 5 § 1 (« chaque année au plus tard le 31 mars »)',
});

export const ECHEANCES_CALPAE_2020: readonly Echeance[] = [
  periodeCivile(2019, '001 · préambule (conventions 2019 à 2021) ; 000 · annexe 9'),
  periodeCivile(2020, '001 · préambule ; 000 · annexe 7-1'),
  rapport2020(2019),
  {
    code: 'adoption_convention',
    libelle: "Délibération sur l'avenant 2020 (commission permanente ou assemblée délibérante)",
    exercice: 2020,
    regimes: CIVIL,
    nature: 'date_limite',
    date: '2020-06-30',
    source: '000 · annexe 5 § 2',
  },
  {
    code: 'transmission_dgcs',
    libelle: "Transmission à la DGCS de l'avenant, du tableau financier récapitulatif et des fiches actions",
    exercice: 2020,
    regimes: CIVIL,
    nature: 'date_limite',
    date: '2020-06-30',
    source: '000 · annexe 5 § 2',
  },
  periodeCivile(2021, '001 · préambule'),
  rapport2020(2020),
  rapport2020(2021),
];

/** 001 · annexe 4 § 1 : évaluation des conventions 2022 (année civile, ou glissante du 01/07/2022 au 30/06/2023). */
export const ECHEANCES_CALPAE_2022: readonly Echeance[] = [
  periodeCivile(2022, '001 · annexe 4 § 1'),
  {
    code: 'periode_exercice',
    libelle: "Période d'exercice de la convention 2022 en année glissante",
    exercice: 2022,
    regimes: GLISSANT,
    nature: 'periode',
    debut: '2022-07-01',
    fin: '2023-06-30',
    source: '001 · annexe 4 § 1 (INT-REFERENTIELS-13)',
  },
  {
    code: 'reporting_indicateurs',
    libelle: "Reporting des indicateurs de l'exercice 2022 (01/01/2022 au 31/12/2022)",
    exercice: 2022,
    regimes: TOUS,
    nature: 'periode',
    debut: '2023-03-01',
    fin: '2023-03-20',
    source: '001 · annexe 4 § 1 et synthèse du calendrier ; annexe 6',
  },
  {
    code: 'remise_rapport_execution',
    libelle: "Date limite de remise des rapports annuels d'exécution de la convention 2022",
    exercice: 2022,
    regimes: CIVIL,
    nature: 'date_limite',
    date: '2023-03-31',
    source: '001 · annexe 4 § 1 et synthèse du calendrier',
  },
  {
    code: 'remise_rapport_execution',
    libelle: "Date limite de remise des rapports annuels d'exécution de la convention 2022",
    exercice: 2022,
    regimes: GLISSANT,
    nature: 'date_limite',
    date: '2023-07-01',
    source: '001 · annexe 4 § 1 et synthèse du calendrier (INT-REFERENTIELS-13)',
  },
];

/** 001 · annexe 4 § 2 et « Synthèse du calendrier » ; 001 · III (diagnostics). */
export const ECHEANCES_CALPAE_2023: readonly Echeance[] = [
  {
    code: 'bilan_partage',
    libelle: 'Bilan partagé Etat/Collectivité',
    exercice: 2023,
    regimes: TOUS,
    nature: 'periode',
    debut: '2023-01-01',
    fin: '2023-03-31',
    source: '001 · annexe 4 § 2 et synthèse du calendrier (« 1er trimestre 2023 »)',
  },
  {
    code: 'periode_exercice',
    libelle: "Période d'exercice de la convention 2023",
    exercice: 2023,
    regimes: CIVIL,
    nature: 'periode',
    debut: '2023-01-01',
    fin: '2023-12-31',
    source: '001 · annexe 4, synthèse du calendrier',
  },
  {
    code: 'diagnostic_territorial',
    libelle:
      'Diagnostic territorial des besoins en appui des départements (pactes locaux des solidarités 2024)',
    exercice: 2023,
    regimes: TOUS,
    nature: 'periode',
    debut: '2023-01-01',
    fin: '2023-06-30',
    source: '001 · III ; annexe 4 § 3 (« au cours du 1er semestre 2023 »)',
  },
  {
    code: 'note_analyse_commissaire',
    libelle: "Date limite de remise de l'analyse commissaires",
    exercice: 2023,
    regimes: CIVIL,
    nature: 'date_limite',
    date: '2023-05-05',
    source: '001 · annexe 4 § 2 et synthèse du calendrier',
  },
  {
    code: 'note_analyse_commissaire',
    libelle: "Date limite de remise de l'analyse commissaires",
    exercice: 2023,
    regimes: GLISSANT,
    nature: 'date_limite',
    date: '2023-06-20',
    source: '001 · annexe 4 § 2 et synthèse du calendrier',
  },
  {
    code: 'adoption_convention',
    libelle: "Date-limite d'adoption de la convention 2023",
    exercice: 2023,
    regimes: CIVIL,
    nature: 'date_limite',
    date: '2023-06-30',
    source: '001 · annexe 4 § 2 et synthèse du calendrier',
  },
  {
    code: 'signature_avenant',
    libelle:
      'Signature d’un avenant au lieu d’une nouvelle convention (par exception, conventions de 6 mois)',
    exercice: 2023,
    regimes: GLISSANT,
    nature: 'date_limite',
    date: '2023-06-30',
    source: '001 · annexe 4 § 2 (« impérativement avant le 30 juin 2023 », INT-REFERENTIELS-12)',
  },
  {
    code: 'periode_exercice',
    libelle: "Période d'exercice de la convention 2023",
    exercice: 2023,
    regimes: GLISSANT,
    nature: 'periode',
    debut: '2023-07-01',
    fin: '2023-12-31',
    source: '001 · annexe 4, synthèse du calendrier',
  },
  {
    code: 'adoption_convention',
    libelle: "Date-limite d'adoption de la convention 2023",
    exercice: 2023,
    regimes: GLISSANT,
    nature: 'date_limite',
    date: '2023-09-01',
    source:
      '001 · annexe 4 § 2 et synthèse du calendrier (« d’ici le 1er juillet 2023 et au plus tard le 1er septembre 2023 »)',
  },
  {
    code: 'reporting_indicateurs',
    libelle: "Reporting des indicateurs de l'exercice 2023 (01/01/2023 au 31/12/2023)",
    exercice: 2023,
    regimes: TOUS,
    nature: 'periode',
    debut: '2024-03-01',
    fin: '2024-03-31',
    source: '001 · annexe 4 § 2 (« sur le mois de mars 2024 ») et synthèse du calendrier',
  },
  {
    code: 'remise_rapport_execution',
    libelle: "Date limite de remise du rapport annuel d'exécution de la convention 2023",
    exercice: 2023,
    regimes: CIVIL,
    nature: 'date_limite',
    date: '2024-03-31',
    source: '001 · annexe 4 § 2 (INT-REFERENTIELS-14)',
  },
  {
    code: 'remise_rapport_execution',
    libelle:
      "Date limite de remise de l'annexe au rapport d'exécution 2022 sur l'exécution de juillet à décembre 2023",
    exercice: 2023,
    regimes: GLISSANT,
    nature: 'date_limite',
    date: '2024-03-31',
    source: '001 · annexe 4 § 2 (« simple annexe », INT-REFERENTIELS-14)',
  },
];

/** 003 · III.4 et annexe 7 (art. 2 et 3.2) : convention annuelle du 01/01/2024 au 31/12/2024. */
export const ECHEANCES_FRANCE_TRAVAIL_2024: readonly Echeance[] = [
  {
    code: 'prenotification_credits',
    libelle: 'Pré-notification des crédits disponibles par la DGEFP',
    exercice: 2024,
    regimes: CIVIL,
    nature: 'date_limite',
    date: '2023-12-11',
    source: '003 · III.4.b',
  },
  {
    code: 'periode_exercice',
    libelle: 'Période de la convention 2024',
    exercice: 2024,
    regimes: CIVIL,
    nature: 'periode',
    debut: '2024-01-01',
    fin: '2024-12-31',
    source: '003 · III.4.a ; annexe 7 art. 2',
  },
  {
    code: 'finalisation_convention',
    libelle: 'Finalisation des conventions (fin du mois de janvier 2024)',
    exercice: 2024,
    regimes: CIVIL,
    nature: 'date_limite',
    date: '2024-01-31',
    source: '003 · III.4.c',
  },
  {
    code: 'adoption_convention',
    libelle:
      'Approbation en assemblée délibérante et signature des conventions (1er trimestre 2024 au plus tard)',
    exercice: 2024,
    regimes: CIVIL,
    nature: 'date_limite',
    date: '2024-03-31',
    source: '003 · III.4.c',
  },
  {
    code: 'bilan_final',
    libelle: 'Production du bilan final (au plus tard trois mois après la fin de la convention)',
    exercice: 2024,
    regimes: CIVIL,
    nature: 'date_limite',
    date: '2025-03-31',
    source: '003 · annexe 7 art. 3.2 ; III.3',
  },
];
