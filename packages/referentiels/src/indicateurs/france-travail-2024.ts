import { indicateurMoteur } from './definitions-insertion.ts';
import type { Indicateur, NatureIndicateur } from './types.ts';

/**
 * Indicateurs de pilotage France Travail 2024 (003 · annexe 4, repris en annexe 4 du modèle de convention).
 * Volet 1 : indicateurs qualitatifs « proposés » plus tard, aucun ici. Volet 2 : deux indicateurs maintenus
 * (§ 2-b), plus ceux de la fiche action (annexe 7, annexe 1). Volet 3 : liste initiale maintenue, restituée par
 * l'opérateur (Pôle emploi / France Travail) à partir des données partagées par le département.
 */
const V2 =
  '2.b - Conserver quelques indicateurs de moyens issus des CALPAE et des enquêtes DREES utiles aux T0';
const FICHE = "Indicateurs de suivi et de pilotage de l'action (fiche action volet 2)";
const RESULTAT = 'Volet 3 — Indicateurs de résultat';
const MOYENS = 'Volet 3 — Indicateurs de moyens';
const S3 = '003 · annexe 4 § 3';
const RESTITUE =
  " Indicateur restitué par l'opérateur sur un tableau de bord ; le département fournit les données (003 · annexe 4 § 3).";

const volet3 = (
  code: string,
  libelle: string,
  rubrique: string,
  nature: NatureIndicateur,
  definition: string,
): Indicateur => ({
  code,
  libelle,
  rubrique,
  definition: `${definition}${RESTITUE}`,
  nature,
  obligatoire: true,
  volet: 3,
  calculable: false,
  source: S3,
});

/** Indicateur du moteur rattaché au volet 2 : pas de mesure CALPAE dans ce cadre, le volet en tient lieu. */
const auVolet2 = ({ mesure: _mesure, ...indicateur }: Indicateur): Indicateur => ({
  ...indicateur,
  volet: 2,
});

const fiche = (code: string, libelle: string, definition: string): Indicateur => ({
  code,
  libelle,
  rubrique: FICHE,
  definition,
  nature: 'flux',
  obligatoire: false,
  volet: 2,
  calculable: false,
  source: '003 · annexe 7, annexe 1 (fiche action volet 2)',
});

export const INDICATEURS_FRANCE_TRAVAIL_2024: readonly Indicateur[] = [
  auVolet2(
    indicateurMoteur('nouveaux_entrants', {
      libelle: 'Nombre de nouveaux entrants (indicateur ancien) (source DREES)',
      rubrique: V2,
      source: '003 · annexe 4 § 2-b et § 4-a',
    }),
  ),
  auVolet2(
    indicateurMoteur('orientes_15_jours', {
      libelle:
        "Nombre de nouveaux entrants orientés en 15 jours et moins / indicateur ajusté (en cas d'impossibilité à paramétrer le délai de 15 jours, le délai d'un mois sera retenu).",
      rubrique: V2,
      source: '003 · annexe 4 § 2-b et § 4-b',
      cible: {
        texte: "Objectif = 100 % d'orientations notifiées en moins de 1 jour.",
        valeur: 100,
        unite: 'pourcentage',
        comparaison: 'egal',
        portee:
          'part des nouveaux entrants orientés en 15 jours et moins (« 1 jour » lu « 15 jours », INT-REFERENTIELS-10)',
        source: '003 · annexe 4 § 4-b',
      },
    }),
  ),
  fiche(
    'nouveaux_entrants_concernes_action',
    "Nombre de nouveaux entrants concernés par l'action en 2024 :",
    "Nouveaux entrants de l'année bénéficiant de l'action financée (le cas échéant, à compléter par le porteur).",
  ),
  fiche(
    'allocataires_concernes_action',
    "Nombre d'allocataires (nouveaux entrants + ARSA avec antériorité dans le dispositif) concernés par l'action en 2024 :",
    "Allocataires, nouveaux ou anciens, bénéficiant de l'action financée dans l'année (le cas échéant).",
  ),
  volet3(
    'taux_retour_emploi_durable',
    "Taux de retour à l'emploi durable (à 6 mois)",
    RESULTAT,
    'taux',
    'Part des personnes accompagnées en emploi durable six mois après.',
  ),
  volet3(
    'taux_retour_emploi',
    "Taux de retour à l'emploi (pour différents types de contrat)",
    RESULTAT,
    'taux',
    'Part des personnes accompagnées ayant repris un emploi, par type de contrat.',
  ),
  volet3(
    'progression_employabilite',
    "Progression dans l'employabilité (immersions, formations, contrats de travail de courte durée, levée de freins périphériques)",
    RESULTAT,
    'flux',
    "Étapes franchies vers l'emploi : immersions, formations, contrats courts, freins levés.",
  ),
  volet3(
    'deploiement_inscrits',
    "Nombre d'inscrits/enregistrés « déploiements France Travail »",
    MOYENS,
    'stock',
    'Allocataires inscrits ou enregistrés dans le déploiement.',
  ),
  volet3(
    'deploiement_nouveaux_entrants',
    'Nombre de nouveaux entrants',
    MOYENS,
    'flux',
    'Dont : entrées dans le déploiement sur la période.',
  ),
  volet3(
    'deploiement_sortants',
    'Nombre de sortants',
    MOYENS,
    'flux',
    'Dont : sorties du déploiement sur la période.',
  ),
  volet3(
    'deploiement_cer_ppae',
    'Nombre de CER/PPAE signés',
    MOYENS,
    'flux',
    "Dont : contrats d'engagements réciproques et PPAE signés.",
  ),
  volet3(
    'delai_ouverture_droit_premier_entretien',
    "Délai entre l'ouverture de droit et le premier entretien",
    MOYENS,
    'delai',
    "Durée entre l'ouverture du droit RSA et le premier entretien.",
  ),
  volet3(
    'repartition_par_parcours',
    "Répartition des bénéficiaires du RSA par parcours d'accompagnement",
    MOYENS,
    'stock',
    'Allocataires par type de parcours (social, socio-professionnel, professionnel).',
  ),
  volet3(
    'delai_diagnostic_premiere_action',
    "Délai entre le premier entretien de diagnostic et la première action d'accompagnement",
    MOYENS,
    'delai',
    "Durée entre le premier entretien de diagnostic et la première action d'accompagnement.",
  ),
  volet3(
    'part_accompagnement_intensif',
    'Pourcentage des bénéficiaires RSA en accompagnement intensif',
    MOYENS,
    'taux',
    'Part des allocataires en accompagnement intensif.',
  ),
  volet3(
    'taux_satisfaction',
    'Taux de satisfaction des personnes accompagnées et des professionnels',
    MOYENS,
    'taux',
    'Satisfaction déclarée des personnes accompagnées et des professionnels.',
  ),
];
