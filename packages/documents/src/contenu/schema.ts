import { z } from 'zod';

/**
 * « Contenu » d'un document : les textes que le format `jalon.convention/1` ne porte pas (nom de la collectivité,
 * signataires, champs des fiches actions, bilan et perspectives, valeurs des indicateurs). Tout est facultatif :
 * un champ absent laisse dans le document la mention à compléter du modèle officiel (« [indiquer …] »).
 * Objets stricts : une clé mal orthographiée est signalée au lieu d'être ignorée en silence. Décrit dans
 * docs/documents.md.
 */
const texte = z.string();

/** Champs d'une fiche action (001 · annexe 7, annexes A et B ; 003 · annexe 7, annexe 1) et du rapport (001 · annexe 5). */
export const ficheSchema = z.strictObject({
  /** « Thème de la contractualisation » ; par défaut le thème de la mesure au tableau financier. */
  theme: texte.optional(),
  description: texte.optional(),
  /** France Travail : « Contexte / État du préexistant ». */
  contexte: texte.optional(),
  /** France Travail : « Enjeux identifiés et objectifs visés par l'action ». */
  enjeux: texte.optional(),
  /** Initiatives CALPAE : « Lien avec la stratégie pauvreté ou le Pacte des Solidarités ». */
  lien_strategie: texte.optional(),
  date_mise_en_place: texte.optional(),
  duree: texte.optional(),
  partenaires: texte.optional(),
  /** « Budget détaillé » : détail par poste de dépense, en texte libre. */
  budget_detaille: texte.optional(),
  /** « Action déjà financée au titre du FAPI : oui/non ; si oui, combien ». */
  fapi: texte.optional(),
  /** France Travail : « Calendrier prévisionnel ». */
  calendrier: texte.optional(),
  /** « Objectifs et progression » (texte ; le tableau vient des indicateurs rattachés à l'action). */
  objectifs: texte.optional(),
  /** Rapport d'exécution : commentaire du tableau financier et des crédits consommés (001 · annexe 5, 1.1.1.5). */
  commentaire_budget: texte.optional(),
  /** Rapport d'exécution : « Bilan d'exécution » (1.1.1.7). */
  bilan: texte.optional(),
  /** Rapport d'exécution : « Perspectives futures de mise en œuvre de l'action » (1.1.1.8). */
  perspectives: texte.optional(),
});
export type ContenuFiche = z.output<typeof ficheSchema>;

const valeur = z.number().finite().nullable();
const annee = z
  .string()
  .regex(
    /^\d{4}(-T1)?$/u,
    'année sur quatre chiffres attendue (« 2023 », ou « 2023-T1 » pour le 1er trimestre)',
  );

/** Une ligne de tableau d'indicateurs : valeurs par année, cibles, commentaire et explication de l'écart. */
export const valeurIndicateurSchema = z.strictObject({
  /** Code du catalogue du cadre (`orientes_1_mois`…) ou code libre d'un indicateur propre à une action. */
  code: z.string().min(1),
  /** Déclinaison du catalogue (thématique, tranche d'âge), exactement comme au catalogue. */
  declinaison: texte.optional(),
  /** Numéro de l'action à laquelle l'indicateur se rattache (tableaux par action du rapport d'exécution). */
  action: texte.optional(),
  /** Libellé, obligatoire pour un code hors catalogue. */
  libelle: texte.optional(),
  /** Valeurs atteintes par année (« 2018 » : situation de départ) ; `null` : non renseigné. */
  valeurs: z.record(annee, valeur).default({}),
  /** Résultats attendus (cibles) par année. */
  cibles: z.record(annee, valeur).default({}),
  /** Unité d'affichage : `nombre` (par défaut), `pourcentage`, `jours`. */
  unite: z.enum(['nombre', 'pourcentage', 'jours']).default('nombre'),
  /** « Commentaires et éléments de définition » (001 · annexe 8). */
  commentaire: texte.optional(),
  /** « Explication apportée sur l'atteinte de l'objectif » (001 · annexe 5). */
  explication: texte.optional(),
});
export type ValeurIndicateur = z.output<typeof valeurIndicateurSchema>;

export const contenuSchema = z.strictObject({
  collectivite: z
    .strictObject({
      /** Nom tel qu'il suit « Département de » dans les modèles (« Loire-Atlantique ») ; par défaut le COG. */
      nom: texte.optional(),
      region: texte.optional(),
    })
    .default({}),
  signataires: z
    .strictObject({
      prefet: texte.optional(),
      president: texte.optional(),
      /** France Travail : le préfet de région signe aussi (003 · annexe 7). */
      prefet_region: texte.optional(),
      lieu: texte.optional(),
      date: texte.optional(),
      tribunal_administratif: texte.optional(),
      ordonnateur: texte.optional(),
      comptable: texte.optional(),
    })
    .default({}),
  /** Dates et références citées dans les visas. */
  references: z
    .strictObject({
      date_deliberation: texte.optional(),
      /** « Séance Plénière » ou « Commission permanente ». */
      instance_deliberation: texte.optional(),
      date_convention_initiale: texte.optional(),
      dates_avenants: texte.optional(),
      date_convention_precedente: texte.optional(),
      /** Numéro de l'avenant (000 · annexe 7-1 : « AVENANT n° »). */
      numero_avenant: texte.optional(),
      numero_convention: texte.optional(),
    })
    .default({}),
  /** Coordonnées bancaires de l'article « modalités de versement ». */
  banque: z
    .strictObject({
      denomination: texte.optional(),
      code_etablissement: texte.optional(),
      code_guichet: texte.optional(),
      numero_compte: texte.optional(),
      cle_rib: texte.optional(),
      iban: texte.optional(),
      bic: texte.optional(),
    })
    .default({}),
  /** Rapport d'exécution et bilan final. */
  rapport: z
    .strictObject({
      date: texte.optional(),
      introduction: texte.optional(),
      /** Commentaire par mesure (code de mesure) : « expliquer les résultats … et leur évolution ». */
      mesures: z.record(z.string(), texte).default({}),
      /** Bilan final France Travail : « bilan de mise en œuvre du plan d'actions » (003 · annexe 7 art. 3.2). */
      bilan_mise_en_oeuvre: texte.optional(),
    })
    .default({ mesures: {} }),
  /** Champs des fiches actions, par numéro d'action. */
  fiches: z.record(z.string(), ficheSchema).default({}),
  indicateurs: z.array(valeurIndicateurSchema).default([]),
});
export type Contenu = z.output<typeof contenuSchema>;
export type ContenuEntree = z.input<typeof contenuSchema>;
