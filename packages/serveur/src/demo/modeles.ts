import type { CodeCadre } from '@jalon/referentiels';
import type { NatureDepense } from '@jalon/domaine';

/**
 * Données de DÉMONSTRATION, FICTIVES (issue « Plateforme » § 7) : aucun montant, aucune action ni aucune valeur
 * d'indicateur ne vient d'une vraie convention. Ordres de grandeur plausibles seulement.
 */
export const AVERTISSEMENT_FICTIF = 'Donnée fictive de démonstration (Jalon).';

export interface DepartementDemo {
  readonly code: '37' | '44' | '59';
  readonly region: string;
  /** Enveloppe État annuelle CALPAE, en euros entiers (fictive). */
  readonly enveloppe: number;
}

export const DEPARTEMENTS_DEMO: readonly DepartementDemo[] = [
  { code: '37', region: '24', enveloppe: 1_600_000 },
  { code: '44', region: '52', enveloppe: 3_400_000 },
  { code: '59', region: '32', enveloppe: 8_200_000 },
];

/** L'état de chaque convention dans le cycle de vie est choisi par `etatDemo` (cycle.ts). */
export interface ExerciceDemo {
  readonly exercice: number;
  readonly cadre: CodeCadre;
  /** Exercice clos : l'exécution est saisie. */
  readonly clos: boolean;
}

export const EXERCICES_DEMO: readonly ExerciceDemo[] = [
  { exercice: 2019, cadre: 'calpae-2020', clos: true },
  { exercice: 2020, cadre: 'calpae-2020', clos: true },
  { exercice: 2021, cadre: 'calpae-2020', clos: true },
  { exercice: 2022, cadre: 'calpae-2022', clos: true },
  { exercice: 2023, cadre: 'calpae-2023', clos: false },
  { exercice: 2024, cadre: 'france-travail-2024', clos: false },
];

export interface ActionDemo {
  readonly numero: string;
  readonly mesure: string;
  readonly intitule: string;
  readonly theme: string;
  /** Part de l'enveloppe État affectée à l'action. */
  readonly partEtat: number;
  /** Crédits CD = ratioCd × crédits État (parité : ≥ 1, sauf mobilité exemptée — 001 · annexe 4). */
  readonly ratioCd: number;
  /** Part des crédits CD en valorisation de dépenses existantes (≤ 50 %, justifiée — 001 · annexe 4). */
  readonly partValorisation?: number;
  readonly volet?: 1 | 2 | 3;
  readonly natureDepense?: NatureDepense;
  readonly description: string;
  readonly partenaires: string;
}

export const ACTIONS_CALPAE: readonly ActionDemo[] = [
  {
    numero: '1.1',
    mesure: 'insertion_orientation',
    intitule: 'Plateforme d’orientation des nouveaux entrants',
    theme: 'Insertion des allocataires du RSA – Orienter et accompagner les allocataires du RSA',
    partEtat: 0.22,
    ratioCd: 1.1,
    description: 'Accueil, diagnostic et orientation en moins d’un mois de chaque nouvel entrant (fictif).',
    partenaires: 'CAF, France Travail, CCAS',
  },
  {
    numero: '1.2',
    mesure: 'garantie_activite',
    intitule: 'Garantie d’activité départementale',
    theme: 'Insertion des allocataires du RSA – Garantie d’activité',
    partEtat: 0.2,
    ratioCd: 1.2,
    partValorisation: 0.3,
    description: 'Accompagnement renforcé vers l’emploi par des référents dédiés (fictif).',
    partenaires: 'Structures de l’insertion par l’activité économique',
  },
  {
    numero: '1.3',
    mesure: 'mobilite',
    intitule: 'Plateforme mobilité insertion',
    theme: 'Insertion – Levée des freins à l’emploi : mobilité',
    partEtat: 0.08,
    ratioCd: 0.5,
    description: 'Diagnostics mobilité, location solidaire de véhicules, aide au permis (fictif).',
    partenaires: 'Association de mobilité solidaire',
  },
  {
    numero: '2.1',
    mesure: 'formation_travailleurs_sociaux',
    intitule: 'Plan de formation des travailleurs sociaux',
    theme: 'Accès aux droits – Formation des travailleurs sociaux',
    partEtat: 0.05,
    ratioCd: 1,
    description: 'Formations « aller vers » et participation des personnes (fictif).',
    partenaires: 'CNFPT',
  },
  {
    numero: '2.2',
    mesure: 'premier_accueil_social',
    intitule: 'Premier accueil social inconditionnel de proximité',
    theme: 'Accès aux droits – Premier accueil social inconditionnel',
    partEtat: 0.1,
    ratioCd: 1,
    description: 'Maillage de lieux d’accueil à moins de 30 minutes (fictif).',
    partenaires: 'CCAS, maisons France services',
  },
  {
    numero: '2.3',
    mesure: 'referents_parcours',
    intitule: 'Référents de parcours',
    theme: 'Accès aux droits – Référent de parcours',
    partEtat: 0.08,
    ratioCd: 1,
    description: 'Déploiement de la démarche du référent de parcours (fictif).',
    partenaires: 'Associations d’action sociale',
  },
  {
    numero: '3.1',
    mesure: 'sorties_ase',
    intitule: 'Prévention des sorties sèches de l’ASE',
    theme: 'Enfants et jeunes – Sorties de l’aide sociale à l’enfance',
    partEtat: 0.15,
    ratioCd: 1,
    description: 'Contrats jeunes majeurs et accompagnement vers l’autonomie (fictif).',
    partenaires: 'Missions locales, bailleurs sociaux',
  },
  {
    numero: '4.1',
    mesure: 'initiatives_departementales',
    intitule: 'Épiceries solidaires itinérantes',
    theme: 'Engagement à l’initiative du département',
    partEtat: 0.07,
    ratioCd: 1.3,
    description: 'Aide alimentaire en zone rurale (fictif).',
    partenaires: 'Banque alimentaire, associations caritatives',
  },
];

export const ACTIONS_FRANCE_TRAVAIL: readonly ActionDemo[] = [
  {
    numero: 'V1.1',
    mesure: 'chefferie_projet',
    intitule: 'Chefferie de projet France Travail',
    theme: 'Volet 1 – Préparer la mise en place de la réforme',
    partEtat: 0.12,
    ratioCd: 0.5,
    volet: 1,
    natureDepense: 'etp_ingenierie',
    description: 'Un chef de projet dédié à la réforme (fictif).',
    partenaires: 'France Travail, CAF',
  },
  {
    numero: 'V2.1',
    mesure: 'intensification_accompagnement',
    intitule: 'Accompagnement intensif des allocataires du RSA',
    theme: 'Volet 2 – Étoffer l’offre de solutions locales',
    partEtat: 0.35,
    ratioCd: 1.1,
    volet: 2,
    natureDepense: 'etp_accompagnement',
    description: 'Référents supplémentaires, 15 heures d’activité hebdomadaire (fictif).',
    partenaires: 'Structures du PDI',
  },
  {
    numero: 'V2.2',
    mesure: 'remobilisation',
    intitule: 'Ateliers de remobilisation',
    theme: 'Volet 2 – Remobilisation / entrée de parcours',
    partEtat: 0.2,
    ratioCd: 1,
    volet: 2,
    natureDepense: 'prestation_accompagnement',
    description: 'Ateliers collectifs de remobilisation (fictif).',
    partenaires: 'Associations d’insertion',
  },
  {
    numero: 'V2.3',
    mesure: 'freins_mobilite',
    intitule: 'Levée des freins : mobilité',
    theme: 'Volet 2 – Levée des freins socio-professionnels',
    partEtat: 0.13,
    ratioCd: 1,
    volet: 2,
    natureDepense: 'subvention_solution_locale',
    description: 'Garage solidaire et transport à la demande (fictif).',
    partenaires: 'Plateforme mobilité',
  },
];
