import type { Mesure, Volet } from './types.ts';

/** Types d'action des trois volets France Travail 2024 (003 · annexe 7 et son annexe 2 « plan de financement »). */
const ft = (code: string, libelle: string, volets: readonly Volet[], source: string): Mesure => ({
  code,
  libelle,
  nature: 'socle',
  volets,
  source,
});

export const MESURES_FRANCE_TRAVAIL_2024: readonly Mesure[] = [
  ft('chefferie_projet', 'Chefferie de projet France Travail', [1], '003 · III.2 ; annexe 7 art. 4.1'),
  ft(
    'developpement_si',
    'Développement des systèmes d’information',
    [1, 3],
    '003 · annexe 7 art. 4.2 ; annexe 2',
  ),
  ft('intensification_accompagnement', 'Intensification de l’accompagnement', [2], '003 · annexe 2'),
  ft('remobilisation', 'Remobilisation des personnes éloignées de l’emploi', [2], '003 · annexe 2'),
  ft('freins_mobilite', 'Levée des freins : mobilité', [2], '003 · annexe 2'),
  ft('freins_garde_enfant', 'Levée des freins : garde d’enfant', [2], '003 · annexe 2'),
  ft('freins_sante', 'Levée des freins : santé', [2], '003 · annexe 2'),
  ft('freins_autre', 'Levée des freins : autres freins périphériques', [2], '003 · annexe 2'),
  ft(
    'referencement_offre',
    'Référencement de l’offre d’insertion (data·inclusion)',
    [2],
    '003 · annexe 5 ; annexe 7 art. 3.5',
  ),
  ft('equipes_accompagnement', 'Équipes d’accompagnement rénové', [3], '003 · III.1 volet 3 ; annexe 3'),
  ft('ingenierie_deploiement', 'Ingénierie de déploiement', [3], '003 · annexe 3'),
  ft('solutions_locales', 'Solutions locales d’insertion', [3], '003 · annexe 3'),
];
