import { CIBLES, indicateurMoteur } from './definitions-insertion.ts';
import type { CodeIndicateurMoteur, Indicateur, NatureIndicateur } from './types.ts';

/**
 * Indicateurs CALPAE 2022 et 2023. Définitions : guide des indicateurs 2022-2023 (001 · annexe 6). Libellés :
 * ceux du guide pour 2022, ceux du tableau des indicateurs 2023 (001 · annexe 8) pour 2023 — ils diffèrent par
 * endroits (« 1ers contacts d'engagements réciproques », « réfèrent ») : on garde le texte (INT-REFERENTIELS-6).
 */
type Annee = 2022 | 2023;
type Libelles = readonly [libelle2022: string, libelle2023: string];
const memes = (libelle: string): Libelles => [libelle, libelle];

interface Rubrique {
  readonly guide: string;
  readonly tableau: string;
  readonly paragraphe: string;
}
const R = {
  entree: {
    guide: "1.1. L'accélération dans l'entrée dans le parcours d'insertion des BRSA",
    tableau: "1.1. L'accélération dans l'entrée dans le parcours d'insertion des allocataires du RSA",
    paragraphe: '1.1',
  },
  ga: { guide: "1.2. Garantie d'activité", tableau: "1.2. Garantie d'activité", paragraphe: '1.2' },
  mobilite: {
    guide: "1.3.1. La mobilité à des fins d'insertion professionnelle",
    tableau: "1.3. L'offre de services dans le cadre de l'accès à l'emploi : la levée des freins à l'emploi",
    paragraphe: '1.3.1',
  },
  formation: {
    guide: '2.1. Formation des travailleurs sociaux',
    tableau: '2.1. Formation des travailleurs sociaux',
    paragraphe: '2.1',
  },
  accueil: {
    guide: '2.2. Premier accueil social inconditionnel de proximité - PASIP',
    tableau:
      '2.2. Premier accueil social inconditionnel de proximité Pour les départements poursuivant cette mesure',
    paragraphe: '2.2',
  },
  referents: {
    guide: '2.3. Référents de parcours',
    tableau: '2.3. Réfèrent de parcours Pour les départements',
    paragraphe: '2.3',
  },
  maraudes: {
    guide: '3.1. Maraudes mixtes (pour les départements concernés)',
    tableau:
      '3.1. Maraudes mixtes État/CD pour les enfants à la rue Pour les départements concernés par cette mesure',
    paragraphe: '3.1',
  },
  prevention: {
    guide: '3.2. Prévention spécialisée (pour les départements concernés)',
    tableau: '2.2. Prévention spécialisée Pour les départements concernés par cette mesure',
    paragraphe: '3.2',
  },
} as const satisfies Record<string, Rubrique>;

const source = (annee: Annee, rubrique: Rubrique): string =>
  annee === 2022
    ? `001 · annexe 6 § ${rubrique.paragraphe}`
    : `001 · annexe 8 ; annexe 6 § ${rubrique.paragraphe}`;
const titre = (annee: Annee, rubrique: Rubrique): string =>
  annee === 2022 ? rubrique.guide : rubrique.tableau;

const THEMATIQUES = [
  'Numérique',
  'Participation des personnes',
  'Développement social',
  'Aller vers',
  'Territoires',
  'Insertion socio-professionnelle',
] as const;
const TRANCHES_AGE = [
  'dont nombre de jeunes de 12 - 15 ans',
  'dont nombre de jeunes de 15 - 18 ans',
  'dont nombre de jeunes de 18 - 25 ans',
] as const;

export function indicateursCalpae(annee: Annee): readonly Indicateur[] {
  const choisir = ([l2022, l2023]: Libelles): string => (annee === 2022 ? l2022 : l2023);
  const moteur = (
    code: CodeIndicateurMoteur,
    libelles: Libelles,
    rubrique: Rubrique,
    options: Omit<Parameters<typeof indicateurMoteur>[1], 'libelle' | 'rubrique' | 'source'> = {},
  ): Indicateur =>
    indicateurMoteur(code, {
      libelle: choisir(libelles),
      rubrique: titre(annee, rubrique),
      source: source(annee, rubrique),
      ...options,
    });
  const autre = (
    code: string,
    libelles: Libelles,
    rubrique: Rubrique,
    mesure: string,
    nature: NatureIndicateur,
    definition: string,
    declinaisons?: readonly string[],
  ): Indicateur => ({
    code,
    libelle: choisir(libelles),
    rubrique: titre(annee, rubrique),
    definition,
    nature,
    obligatoire: true,
    mesure,
    calculable: false,
    ...(declinaisons === undefined ? {} : { declinaisons }),
    source: source(annee, rubrique),
  });
  const guide = (paragraphe: string): string => `001 · annexe 6 § ${paragraphe}`;

  return [
    moteur('nouveaux_entrants', memes('Nombre de nouveaux entrants'), R.entree),
    moteur('orientes_1_mois', memes('Nombre de nouveaux entrants orientés en 1 mois et moins'), R.entree, {
      cible: CIBLES.orientation1Mois(guide('1.1')),
    }),
    moteur('premiers_rdv', memes("Nombre total de 1ers rendez-vous d'accompagnement fixés"), R.entree),
    moteur(
      'premiers_rdv_2_semaines',
      memes('Nombre de 1ers rendez-vous à 2 semaines ou moins fixés'),
      R.entree,
      {
        cible: CIBLES.rdv2Semaines(guide('1.1')),
      },
    ),
    moteur(
      'premiers_cer',
      [
        "Nombre total de 1ers contrats d'engagements réciproques",
        "Nombre total de 1ers contacts d'engagements réciproques",
      ],
      R.entree,
    ),
    moteur(
      'premiers_cer_2_mois',
      memes("Nombre de 1ers contrats d'engagements réciproques dans les 2 mois"),
      R.entree,
      {
        cible: CIBLES.cer2Mois(guide('1.1')),
      },
    ),
    moteur(
      'nouveaux_entrants_orientes',
      memes('OPTIONNEL - Nombre de nouveaux entrants dans le RSA orientés'),
      R.entree,
      {
        obligatoire: false,
      },
    ),
    moteur(
      'nouveaux_entrants_orientes_hors_france_travail',
      memes('OPTIONNEL - Nombre de nouveaux entrants dans le RSA orientés uniquement hors Pôle emploi'),
      R.entree,
      { obligatoire: false },
    ),
    moteur(
      'ga_orientes',
      [
        "Nombre de bénéficiaires du RSA orientés vers la garantie d'activité départementale (nouveaux entrants de l'année)",
        "Nombre de bénéficiaires du RSA orientés vers la garantie d'activité départementale (HORS accompagnement global)",
      ],
      R.ga,
    ),
    moteur(
      'ga_en_cours',
      [
        "Nombre de bénéficiaires du RSA en cours d'accompagnement par la garantie départementale",
        "Nombre de bénéficiaires du RSA en cours d'accompagnement par la garantie départementale HORS accompagnement global",
      ],
      R.ga,
    ),
    moteur(
      'ag_orientes',
      memes("Nombre de bénéficiaires du RSA orientés vers l'accompagnement global"),
      R.ga,
      {
        cible: CIBLES.agEntrees(guide('1.2')),
      },
    ),
    moteur(
      'ag_en_cours',
      memes("Nombre de bénéficiaires en cours d'accompagnement par l'accompagnement global"),
      R.ga,
    ),
    moteur(
      'ag_par_conseiller',
      memes("Nombre de personnes accompagnées par conseiller dédié à l'accompagnement global"),
      R.ga,
      {
        cible: CIBLES.agParConseiller('70 personnes par binôme Pôle emploi / département', guide('1.2')),
      },
    ),
    moteur('ag_delai_moyen_jours', memes("Délai moyen du démarrage de l'accompagnement global"), R.ga, {
      cible: CIBLES.agDelai(
        "les départements et Pôle emploi doivent tendre à la réduction du délai d'entrée en accompagnement à moins de 3 semaines dès 2021.",
        guide('1.2'),
      ),
    }),
    autre(
      'mobilite_personnes_accompagnees',
      memes(
        "Nombre de personnes accompagnées par la plateforme de mobilité à des fins d'insertion professionnelle",
      ),
      R.mobilite,
      'mobilite',
      'flux',
      "Personnes accompagnées dans l'année civile par la plateforme de mobilité, à des fins d'insertion professionnelle.",
    ),
    autre(
      'mobilite_mesures_prescrites',
      memes(
        "Nombre de mesures de diagnostics et d'accompagnement à la mobilité prescrites par le conseil départemental",
      ),
      R.mobilite,
      'mobilite',
      'flux',
      "Mesures de diagnostic et d'accompagnement à la mobilité prescrites par le département pendant l'année civile.",
    ),
    autre(
      'fts_personnes_formees_cnfpt',
      [
        'Nombre de personnes formées par des formations figurant sur le catalogue CNFPT, par thématique',
        'Nombres de personnes formées par des formations figurant sur le catalogue CNFPT, par thématique :',
      ],
      R.formation,
      'formation_travailleurs_sociaux',
      'flux',
      "Personnes qui commencent dans l'année civile une formation du catalogue CNFPT, déclinées selon les six thématiques.",
      THEMATIQUES,
    ),
    autre(
      'fts_personnes_formees_financement_specifique',
      [
        "Nombre de personnes formées par des formations faisant l'objet d'un financement spécifique, par thématique",
        "Nombre de personnes formées par des formations faisant l'objet d'un financement spécifique, par thématique :",
      ],
      R.formation,
      'formation_travailleurs_sociaux',
      'flux',
      "Personnes qui commencent dans l'année civile une formation financée spécifiquement, déclinées selon les six thématiques.",
      THEMATIQUES,
    ),
    autre(
      'pasi_taux_couverture',
      memes(
        'Taux de couverture de premier accueil social inconditionnel par département accessible à moins de 30 minutes',
      ),
      R.accueil,
      'premier_accueil_social',
      'taux',
      "Part du territoire à moins de 30 minutes, en transports, d'un lieu de premier accueil social inconditionnel.",
    ),
    autre(
      'pasi_structures_cd_engagees',
      [
        'Nombre de structures du CD engagées dans la démarche de premier accueil inconditionnel.',
        'Nombre de structures CD qui sont engagés dans la démarche de premier accueil inconditionnel',
      ],
      R.accueil,
      'premier_accueil_social',
      'stock',
      'Structures du département engagées dans la démarche au 31 décembre.',
    ),
    autre(
      'pasi_passages',
      memes(
        'Nombre de passages dans les structures de premier accueil social inconditionnel des CD uniquement',
      ),
      R.accueil,
      'premier_accueil_social',
      'flux',
      "Personnes reçues (à défaut, accueils réalisés) dans l'année par les structures du département ; préciser en commentaire ce qui est compté.",
    ),
    autre(
      'referents_intervenants_formes',
      [
        "Nombre d'intervenants sociaux formés ou sensibilisés à la démarche du référent de parcours",
        "Nombre d'intervenants sociaux formés ou sensibilisés à la démarche du réfèrent de parcours",
      ],
      R.referents,
      'referents_parcours',
      'flux',
      "Intervenants sociaux formés ou sensibilisés dans l'année civile à la démarche du référent de parcours.",
    ),
    autre(
      'maraudes_premiers_contacts',
      memes('Nombre de premiers contacts établis'),
      R.maraudes,
      'maraudes_mixtes',
      'flux',
      "Familles rencontrées pour la première fois par l'équipe de maraude mixte dans l'année civile.",
    ),
    autre(
      'maraudes_familles_suivies',
      memes("Nombre de familles et d'enfants suivis"),
      R.maraudes,
      'maraudes_mixtes',
      'flux',
      'Familles rencontrées au moins deux fois, ou orientées vers des partenaires, dans l’année civile.',
    ),
    autre(
      'maraudes_mises_a_l_abri',
      memes("Nombre de mises à l'abri de familles et d'enfants"),
      R.maraudes,
      'maraudes_mixtes',
      'flux',
      "Orientations vers une structure d'hébergement d'urgence effectuées par la maraude mixte dans l'année civile.",
    ),
    autre(
      'maraudes_ouvertures_droits',
      memes("Nombre d'ouvertures de droits pour les enfants et familles"),
      R.maraudes,
      'maraudes_mixtes',
      'flux',
      "Ouvertures de droits (domiciliation, scolarisation, assurance maladie…) dans l'année ; plusieurs droits d'une même famille comptent pour une.",
    ),
    autre(
      'maraudes_mesures_protection',
      memes("Nombre de mesures de protection de l'enfance mises en œuvre"),
      R.maraudes,
      'maraudes_mixtes',
      'flux',
      "Mesures de protection de l'enfance pour les familles suivies par la maraude dans l'année (rangé sous « Prévention spécialisée » dans le tableau 2023, INT-REFERENTIELS-9).",
    ),
    autre(
      'ps_etp',
      memes("Nombre d'ETP dédiés à la prévention spécialisée"),
      R.prevention,
      'prevention_specialisee',
      'stock',
      "ETP supplémentaires dédiés à l'action financée, par rapport à l'année précédant sa mise en place.",
    ),
    autre(
      'ps_nouveaux_territoires',
      [
        'Nombre de nouveaux territoires couverts',
        "Nombre de nouveaux territoires couverts (par rapport à l'année précédente)",
      ],
      R.prevention,
      'prevention_specialisee',
      'flux',
      "Quartiers nouvellement couverts par l'action, qui ne l'étaient pas avant sa mise en œuvre.",
    ),
    autre(
      'ps_jeunes_touches',
      memes('Nombre de jeunes touchés par la nouvelle action de prévention spécialisée :'),
      R.prevention,
      'prevention_specialisee',
      'flux',
      "Jeunes ayant participé à des actions collectives ou suivis individuellement, par tranche d'âge.",
      TRANCHES_AGE,
    ),
    autre(
      'ps_heures_vacances',
      [
        "En cas d'extension de l'activité durant les vacances ou le week-end : nombre d'heures supplémentaires annuelles",
        "En cas de l'extension de l'activité durant les vacances ou le week-end : nombre d'heures supplémentaires annuelles",
      ],
      R.prevention,
      'prevention_specialisee',
      'flux',
      "Heures supplémentaires annuelles du service, par différence avec l'année précédant l'action.",
    ),
    autre(
      'ps_heures_plages',
      memes(
        "En cas d'extension des plages horaires d'intervention : nombre d'heures supplémentaires annuelles",
      ),
      R.prevention,
      'prevention_specialisee',
      'flux',
      "Heures supplémentaires annuelles dues à l'extension des plages horaires, par différence avec l'année précédant l'action.",
    ),
    autre(
      'ps_nouvelles_structures',
      memes('Nombre de nouvelles structures partenaires'),
      R.prevention,
      'prevention_specialisee',
      'flux',
      'Structures devenues partenaires de la prévention spécialisée.',
    ),
  ];
}

export const INDICATEURS_CALPAE_2022: readonly Indicateur[] = indicateursCalpae(2022);
export const INDICATEURS_CALPAE_2023: readonly Indicateur[] = indicateursCalpae(2023);
