import { CIBLES, indicateurMoteur } from './definitions-insertion.ts';
import type { Indicateur, NatureIndicateur } from './types.ts';

/**
 * Matrice des indicateurs 2018 → 2021 (000 · annexe 9 « Suivi de la mise en œuvre de la contractualisation »),
 * colonnes : situation au 31 déc. 2018, objectifs 2019, 2020, 2021. Les libellés sont ceux de la matrice.
 * La rubrique 5 (petite enfance) n'y a aucune ligne d'indicateur (INT-REFERENTIELS-7).
 */
const S = '000 · annexe 9';

const autre = (
  code: string,
  libelle: string,
  rubrique: string,
  mesure: string,
  nature: NatureIndicateur,
  definition: string,
  declinaisons?: readonly string[],
): Indicateur => ({
  code,
  libelle,
  rubrique,
  definition,
  nature,
  obligatoire: true,
  mesure,
  calculable: false,
  ...(declinaisons === undefined ? {} : { declinaisons }),
  source: `${S} § ${(rubrique.split(' ')[0] ?? '').replace(/\.$/u, '')}`,
});

const ASE = "1.1. Prévention sortie sèche de l'ASE";
const MARAUDES = '1.2. Maraudes mixtes État/CD pour les enfants à la rue';
const ACCUEIL = '2.1. Premier accueil social inconditionnel de proximité';
const REFERENT = '2.2. Référent de parcours';
const ORIENTER = '3.1.1. Instruire et orienter rapidement vers un organisme accompagnateur';
const DEMARRER = "3.1.2. Démarrer rapidement un parcours d'accompagnement";
const RENCONTRER =
  "3.1.3. Rencontrer l'intégralité des allocataires pour initier leur parcours d'accompagnement";
const GA = "3.2.1. Garantie d'activité départementale";
const AG = '3.2.2. Accompagnement global porté par Pôle emploi';
/** Les six thématiques prioritaires du plan de formation des travailleurs sociaux (000 · I ; annexe 2). */
export const THEMATIQUES_FORMATION_2020 = [
  'participation des personnes accompagnées',
  'travail social et numérique',
  'développement social et travail social collectif',
  'travail social et territoires',
  'aller vers',
  'insertion socio-professionnelle',
] as const;

export const INDICATEURS_CALPAE_2020: readonly Indicateur[] = [
  autre(
    'ase_jeunes_devenus_majeurs',
    "Nombre de jeunes devenus majeurs dans l'année",
    `${ASE} — 1.1.1`,
    'sorties_ase',
    'flux',
    "Jeunes confiés à l'ASE devenus majeurs dans l'année.",
  ),
  autre(
    'ase_jeunes_pris_en_charge',
    'Nombres de jeunes pris en charge dans le cadre du référentiel',
    `${ASE} — 1.1.1`,
    'sorties_ase',
    'flux',
    'Jeunes pris en charge selon le référentiel depuis la dernière remontée.',
  ),
  autre(
    'ase_jeunes_personne_lien',
    'Nombre de jeunes ayant pu choisir leur personne lien au moment de la contractualisation',
    `${ASE} — 1.1.1`,
    'sorties_ase',
    'flux',
    "Jeunes de 18 ans dans l'année (MNA compris) ayant choisi une personne lien entérinée par l'ASE.",
  ),
  autre(
    'ase_jeunes_logement_stable',
    'Nombre de jeunes avec un-logement stable',
    `${ASE} — 1.1.1`,
    'sorties_ase',
    'flux',
    "Jeunes de 18 ans dans l'année (MNA compris) logés hors hébergement d'urgence à la fin de l'accueil ASE.",
  ),
  autre(
    'ase_jeunes_ressources',
    'Nombre de jeunes ayant accès à des ressources financières',
    `${ASE} — 1.1.2`,
    'sorties_ase',
    'flux',
    "Jeunes de 18 ans dans l'année (MNA compris) disposant de ressources (salaire, bourse, RSA majoré…), aides ponctuelles exclues.",
  ),
  autre(
    'ase_jeunes_parcours',
    'Nombre de jeunes dans un parcours professionnel et/ou scolaire',
    `${ASE} — 1.1.3`,
    'sorties_ase',
    'flux',
    "Jeunes de 18 ans dans l'année (MNA compris) sous contrat, en formation ou en parcours d'insertion professionnelle.",
  ),
  autre(
    'maraudes_familles_rencontrees',
    'Nombre de familles rencontrées par la maraude',
    MARAUDES,
    'maraudes_mixtes',
    'flux',
    'Familles rencontrées par la maraude, rapportées au nombre total de familles en bidonville (données DIHAL).',
  ),
  autre(
    'maraudes_mises_a_l_abri',
    "Nombre d'adultes et nombre de mineurs mis à l'abri.",
    MARAUDES,
    'maraudes_mixtes',
    'flux',
    "Adultes et mineurs orientés vers une structure d'hébergement d'urgence.",
  ),
  autre(
    'maraudes_ouvertures_droits',
    'Ouverture de droits pour les enfants et les familles',
    MARAUDES,
    'maraudes_mixtes',
    'flux',
    'Droits ouverts (domiciliation, scolarisation, assurance maladie) parmi les familles rencontrées.',
  ),
  autre(
    'maraudes_mesures_protection',
    "Nombre d'enfants faisant l'objet d'une mesure de protection de l'enfance",
    MARAUDES,
    'maraudes_mixtes',
    'flux',
    'Enfants sous mesure de protection, mesures éducatives et placements distingués.',
  ),
  autre(
    'pasi_taux_couverture',
    'Taux de couverture de premier accueil social inconditionnel par département accessible à moins de 30 minutes',
    `${ACCUEIL} — 2.1.1`,
    'premier_accueil_social',
    'taux',
    "Part du territoire à moins de 30 minutes d'un lieu de premier accueil social inconditionnel au sens du référentiel.",
  ),
  autre(
    'pasi_structures_susceptibles',
    "Nombre de structures ou lieux susceptibles de s'engager dans la démarche de premier accueil inconditionnel.",
    `${ACCUEIL} — 2.1.2`,
    'premier_accueil_social',
    'stock',
    'Lieux pouvant entrer dans la démarche (maisons départementales, MSAP, CCAS, centres sociaux…).',
  ),
  autre(
    'pasi_structures_engagees',
    'Nombre de structures réellement engagées dans la démarche de premier accueil inconditionnel',
    `${ACCUEIL} — 2.1.2`,
    'premier_accueil_social',
    'stock',
    'Structures engagées dans la démarche à la date de remontée.',
  ),
  autre(
    'pasi_personnes_accueillies',
    'Nombre de personnes accueillies par les structures engagées dans la démarche de premier accueil inconditionnel',
    `${ACCUEIL} — 2.1.2`,
    'premier_accueil_social',
    'flux',
    'Personnes reçues par ces structures sur la période.',
  ),
  autre(
    'referents_intervenants_formes',
    "Nombre d'intervenants sociaux formés ou sensibilisés à la démarche du référent de parcours",
    REFERENT,
    'referents_parcours',
    'flux',
    'Intervenants sociaux formés ou sensibilisés à la démarche du référent de parcours.',
  ),
  autre(
    'referents_personnes_accompagnees',
    'Nombre total de personnes accompagnées par un référent de parcours',
    REFERENT,
    'referents_parcours',
    'stock',
    "Personnes bénéficiant d'un référent de parcours.",
  ),
  indicateurMoteur('nouveaux_entrants', {
    libelle: 'Nombre de nouveaux entrants',
    rubrique: ORIENTER,
    source: `${S} § 3.1.1`,
  }),
  indicateurMoteur('orientes_1_mois', {
    libelle: 'Nombre de nouveaux entrants orientés en 1 mois et moins',
    rubrique: ORIENTER,
    source: `${S} § 3.1.1`,
    cible: {
      texte:
        "la totalité des allocataires du RSA ait démarré un parcours d'accompagnement vers l'emploi dans le mois suivant leur ouverture de droits au RSA",
      valeur: 100,
      unite: 'pourcentage',
      comparaison: 'egal',
      portee: 'part des nouveaux entrants orientés en un mois et moins, au terme des trois années',
      source: '000 · annexe 1 ; annexe 9 § 3.1.1',
    },
  }),
  indicateurMoteur('premiers_rdv', {
    libelle: "Nombre total de 1er rendez-vous d'accompagnement fixé",
    rubrique: DEMARRER,
    source: `${S} § 3.1.2`,
  }),
  indicateurMoteur('premiers_rdv_2_semaines', {
    libelle: 'Nombre de 1er rendez-vous fixés dans le délai de 2 semaines',
    rubrique: DEMARRER,
    source: `${S} § 3.1.2`,
  }),
  indicateurMoteur('premiers_cer', {
    libelle: "Nombre total de 1er contrat d'engagement",
    rubrique: RENCONTRER,
    source: `${S} § 3.1.3`,
  }),
  indicateurMoteur('premiers_cer_2_mois', {
    libelle: "Nombre de 1er contrat d'engagement dans les 2 mois",
    rubrique: RENCONTRER,
    source: `${S} § 3.1.3`,
    precision: 'La matrice 2020 écrit « à partir de la notification d’orientation ».',
  }),
  autre(
    'ga_orientes_dont_ag',
    "Nombre de bénéficiaires du RSA orientés vers la garantie d'activité dont l'accompagnement global",
    GA,
    'garantie_activite',
    'flux',
    "Allocataires orientés entre deux remontées vers la garantie d'activité, accompagnement global compris (somme de deux populations que le moteur compte séparément : ga_orientes, ag_orientes).",
  ),
  autre(
    'ga_en_cours_dont_ag',
    "Nombre de bénéficiaires en cours d'accompagnement par la garantie d'activité (dont accompagnement global + dont garantie d'activité départementale)",
    GA,
    'garantie_activite',
    'stock',
    "Allocataires en cours d'accompagnement par la garantie d'activité, détaillés entre accompagnement global et garantie d'activité départementale.",
    ['accompagnement global', "garantie d'activité départementale"],
  ),
  indicateurMoteur('ag_par_conseiller', {
    libelle: "Nombre de personnes accompagnées par conseiller dédié à l'accompagnement global",
    rubrique: AG,
    source: `${S} § 3.2.2`,
    cible: CIBLES.agParConseiller(
      "Rappel de l'objectif : 70 personnes par binôme",
      `${S} § 3.2.2 ; 000 · annexe 1 bis`,
      'egal',
    ),
  }),
  indicateurMoteur('ag_delai_moyen_jours', {
    libelle: "Délai moyen du démarrage de l'accompagnement global (reporting assuré par pôle emploi)",
    rubrique: AG,
    source: `${S} § 3.2.2`,
    cible: CIBLES.agDelai("L'objectif à atteindre est de moins de 3 semaines.", `${S} § 3.2.2`),
  }),
  autre(
    'fts_formations_cnfpt',
    'Nombre de formations par thématique',
    '4.1.1. Formations figurant sur le catalogue CNFPT',
    'formation_travailleurs_sociaux',
    'flux',
    'Formations du catalogue CNFPT suivies depuis la dernière remontée, par thématique du plan de formation.',
    THEMATIQUES_FORMATION_2020,
  ),
  autre(
    'fts_formations_financement_specifique',
    'Nombre de formations par thématique',
    "4.1.2. Formations faisant l'objet d'un financement spécifique",
    'formation_travailleurs_sociaux',
    'flux',
    'Formations financées spécifiquement depuis la dernière remontée, par thématique du plan de formation.',
    THEMATIQUES_FORMATION_2020,
  ),
];
