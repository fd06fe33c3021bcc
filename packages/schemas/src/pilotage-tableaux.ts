import { z } from 'zod';
import { partOutreMerSchema } from './enveloppes-outre-mer.ts';

/**
 * Note d'analyse du commissaire, enveloppes et tableaux de bord (issue 6 § 4 à 6). Montants en centimes, taux
 * en pourcentage arrondi au dixième (INT-PILOTAGE-12), `null` quand le taux n'existe pas (dénominateur nul).
 */

const ligneConsommation = z.object({
  cle: z.string(),
  libelle: z.string(),
  total: z.int(),
  realise: z.int(),
  taux: z.number().nullable(),
});

export const noteAnalyseSchema = z.object({
  convention_id: z.int(),
  /** Version de la convention : à renvoyer pour enregistrer (409 si périmée). */
  version: z.int(),
  cadre: z.string(),
  exercice: z.int(),
  regime: z.enum(['civil', 'glissant']),
  etat: z.string(),
  collectivite: z.object({ id: z.string(), nom: z.string() }),
  consommation: z.object({
    actions: z.array(
      ligneConsommation.extend({
        code_mesure: z.string(),
        execution_saisie: z.boolean(),
        sans_depense: z.boolean(),
      }),
    ),
    mesures: z.array(ligneConsommation),
    sous_totaux: z.array(ligneConsommation),
    generale: ligneConsommation,
  }),
  indicateurs: z.array(
    z.object({
      code: z.string(),
      libelle: z.string(),
      valeur: z.number().nullable(),
      cible: z.string().nullable(),
      mesure: z.number().nullable(),
      atteint: z.boolean().nullable(),
      taux_atteinte: z.number().nullable(),
      explication: z.string(),
    }),
  ),
  actions_sans_depense: z.array(z.object({ numero: z.string(), intitule: z.string() })),
  actions_sans_execution: z.array(z.string()),
  controles_ouverts: z.array(
    z.object({ code: z.string(), gravite: z.string(), message: z.string(), source: z.string() }),
  ),
  credits_proposes: z
    .object({
      exercice: z.int(),
      duree_mois: z.int(),
      enveloppe: z.int(),
      enveloppe_proratisee: z.int(),
      reports_etat: z.int(),
      nouveaux_credits: z.int(),
      reports_non_absorbes: z.int(),
      actions_sans_depense: z.array(z.string()),
    })
    .nullable(),
  justification: z.string(),
  redaction: z.object({ numero: z.int(), par: z.string(), le: z.string() }).nullable(),
  versions: z.array(z.object({ numero: z.int(), par: z.string(), le: z.string() })),
  /** Le compte peut-il écrire la note (commissaire de la région, convention au rapport déposé) ? */
  peut_rediger: z.boolean(),
});
export type NoteAnalyseApi = z.infer<typeof noteAnalyseSchema>;

export const noteAnalyseModificationSchema = z.object({
  version: z.int().min(1),
  justification: z.string().max(20_000, 'Justification : 20 000 caractères au plus.'),
});
export type NoteAnalyseModification = z.infer<typeof noteAnalyseModificationSchema>;

// --- Tableaux de bord --------------------------------------------------------------------------------------

/** Une cellule diffusée : valeur, ou masquée par le secret statistique (« < 11 »), ou vide. */
export const celluleSchema = z.union([
  z.object({ type: z.literal('valeur'), valeur: z.number() }),
  z.object({ type: z.literal('secret'), affichage: z.string() }),
  z.object({ type: z.literal('vide') }),
]);
export type CelluleApi = z.infer<typeof celluleSchema>;

export const ligneTableauBordSchema = z.object({
  departement: z.string(),
  nom: z.string(),
  collectivite_id: z.string(),
  convention_id: z.int().nullable(),
  etat: z.string().nullable(),
  /** Réalisé / F de la convention de l'année, en %. */
  taux_consommation: z.number().nullable(),
  /** Moyenne des taux d'atteinte des indicateurs à cible (%), masquée si un compte l'est. */
  taux_atteinte: celluleSchema,
  indicateurs: z.record(z.string(), celluleSchema),
  /** Échéance de la note d'analyse dépassée sans note déposée. */
  en_retard: z.boolean(),
});

export const tableauBordSchema = z.object({
  territoire: z.object({ type: z.enum(['region', 'national']), code: z.string(), nom: z.string() }),
  annee: z.int(),
  cadre: z.string(),
  seuil_secret: z.int(),
  indicateurs: z.array(z.object({ code: z.string(), libelle: z.string(), comptage: z.boolean() })),
  departements: z.array(z.string()),
  lignes: z.array(ligneTableauBordSchema),
  series: z.array(
    z.object({
      indicateur: z.string(),
      points: z.array(z.object({ annee: z.int(), valeur: celluleSchema })),
    }),
  ),
});
export type TableauBordApi = z.infer<typeof tableauBordSchema>;
export type LigneTableauBordApi = z.infer<typeof ligneTableauBordSchema>;

// --- Enveloppes ------------------------------------------------------------------------------------------

export const enveloppeSchema = z.object({
  cadre: z.string(),
  exercice: z.int(),
  montant: z.int().nullable(),
  modifiee_par: z.string().nullable(),
  modifiee_le: z.string().nullable(),
  total_notifie: z.int(),
  reliquat: z.int(),
  erreurs: z.array(z.string()),
  notifications: z.array(
    z.object({
      collectivite_id: z.string(),
      nom: z.string(),
      region: z.string().nullable(),
      poids: z.number(),
      montant: z.int(),
      /** DROM (article 73) : part des crédits socle que l'État garde pour ses actions (001 · I.4). */
      outre_mer: z.boolean(),
    }),
  ),
  peut_modifier: z.boolean(),
  /** Le cadre ouvre-t-il la part conservée outre-mer (001 · I.4 : calpae-2023) ? */
  outre_mer_applicable: z.boolean(),
  /** Collectivités de l'article 73 notifiées : part conservée par l'État, part versée (001 · I.4). */
  outre_mer: z.array(partOutreMerSchema),
});
export type EnveloppeApi = z.infer<typeof enveloppeSchema>;

export const enveloppeModificationSchema = z.object({
  montant: z.int().min(0),
  cles: z
    .array(z.object({ collectivite_id: z.string().min(1), poids: z.int().min(0) }))
    .min(1, 'Au moins une collectivité.'),
});
export type EnveloppeModification = z.infer<typeof enveloppeModificationSchema>;

export const simulationDemandeSchema = z.object({
  lignes: z
    .array(z.object({ collectivite_id: z.string().min(1), attribue: z.int().min(0) }))
    .min(1, 'Au moins une collectivité.'),
  /** Projets régionaux que le commissaire finance sur les crédits maintenus en région (001 · annexe 4 § 2). */
  projets: z.array(z.object({ libelle: z.string().min(1), montant: z.int().min(0) })).default([]),
});
export type SimulationDemande = z.infer<typeof simulationDemandeSchema>;

export const simulationSchema = z.object({
  region: z.string(),
  lignes: z.array(
    z.object({
      collectivite_id: z.string(),
      nom: z.string(),
      prenotifie: z.int(),
      attribue: z.int(),
      refaction: z.int(),
      supplement: z.int(),
    }),
  ),
  total_prenotifie: z.int(),
  total_attribue: z.int(),
  total_refactions: z.int(),
  retenue_minimale: z.int(),
  remonte_au_plus: z.int(),
  /** Réallocation dans la région : projets engagés sur le minimum maintenu en région, reste disponible. */
  projets_engages: z.int(),
  reste_a_reallouer: z.int(),
  erreurs: z.array(z.string()),
});
export type SimulationApi = z.infer<typeof simulationSchema>;
