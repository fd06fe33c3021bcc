import { z } from 'zod';
import { versionSchema } from './commun.ts';

/**
 * Nature d'une valeur de la matrice (001 · annexe 7, annexe A « tableau des engagements du socle ») :
 * `situation_t0` (situation au 31 décembre 2018), `resultat` (résultat atteint de l'année), `objectif`
 * (résultat attendu / objectif fixé).
 */
export const NATURES_VALEUR = ['situation_t0', 'resultat', 'objectif'] as const;
export type NatureValeur = (typeof NATURES_VALEUR)[number];

export const provenanceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('saisie') }),
  z.object({
    type: z.literal('calcul'),
    /** Version du moteur d'indicateurs qui a produit la valeur. */
    moteur_version: z.string(),
    /** Empreinte SHA-256 des données d'entrée (ou du résultat importé, INT-PLATEFORME-6). */
    empreinte: z.string(),
    /** Date du calcul par le moteur (`provenance.calcule_le` du résultat), `null` si inconnue. */
    calcule_le: z.string().nullable(),
    importe_le: z.string(),
  }),
]);
export type Provenance = z.infer<typeof provenanceSchema>;

export const valeurIndicateurSchema = z.object({
  indicateur: z.string(),
  annee: z.int(),
  nature: z.enum(NATURES_VALEUR),
  valeur: z.number().nullable(),
  commentaire: z.string(),
  provenance: provenanceSchema,
  modifiee_par: z.string().nullable(),
  modifiee_le: z.string(),
});
export type ValeurIndicateur = z.infer<typeof valeurIndicateurSchema>;

export const ligneMatriceSchema = z.object({
  code: z.string(),
  libelle: z.string(),
  rubrique: z.string(),
  mesure: z.string().nullable(),
  obligatoire: z.boolean(),
  calculable: z.boolean(),
  source: z.string(),
});

/** Matrice d'indicateurs du cadre de la convention : lignes du référentiel, colonnes = années, valeurs saisies. */
export const matriceIndicateursSchema = z.object({
  convention_id: z.int(),
  version: z.int(),
  cadre: z.string(),
  /** 2018 (T0), puis les années jusqu'à l'exercice. */
  annees: z.array(z.int()),
  indicateurs: z.array(ligneMatriceSchema),
  valeurs: z.array(valeurIndicateurSchema),
});
export type MatriceIndicateurs = z.infer<typeof matriceIndicateursSchema>;

export const valeursModificationSchema = z.object({
  version: versionSchema,
  valeurs: z
    .array(
      z.object({
        indicateur: z.string().min(1),
        annee: z.int().min(2018).max(2100),
        nature: z.enum(NATURES_VALEUR),
        valeur: z.number().finite().nullable(),
        commentaire: z.string().optional(),
      }),
    )
    .min(1, { error: 'au moins une valeur attendue' }),
});
export type ValeursModification = z.infer<typeof valeursModificationSchema>;

/**
 * Provenance écrite par `jalon indicateurs calculer` (packages/cli/src/indicateurs/calculer.ts) :
 * `{ moteur: "jalon-indicateurs <version>", empreinte: "sha256:<64 hex>", calcule_le: "<ISO 8601>" }` —
 * version du moteur, empreinte des octets des extractions lues, date du calcul (INT-PLATEFORME-6).
 */
export const provenanceCalculSchema = z.looseObject({
  moteur: z.string().min(1, { error: 'version du moteur vide' }),
  empreinte: z.string().regex(/^sha256:[0-9a-f]{64}$/, {
    error: 'empreinte attendue : « sha256: » suivi de 64 chiffres hexadécimaux',
  }),
  calcule_le: z.iso.datetime({ offset: true, error: 'date du calcul attendue en ISO 8601' }).optional(),
});

/**
 * Résultat de `jalon indicateurs calculer` (format JSON de la commande, issue « Moteur d'indicateurs » § 3) :
 * `{ annee, cadre, indicateurs: { code: nombre | null }, lignes_ecartees, anomalies, provenance }`. `provenance`
 * est reprise telle quelle ; les anciens champs `moteur` (`{ version }`) et `empreinte` restent acceptés.
 */
export const resultatCalculSchema = z.looseObject({
  annee: z.int(),
  cadre: z.string().optional(),
  indicateurs: z.record(z.string(), z.number().nullable()),
  lignes_ecartees: z.int().min(0).optional(),
  anomalies: z.array(z.unknown()).optional(),
  provenance: provenanceCalculSchema.optional(),
  moteur: z.looseObject({ version: z.string() }).optional(),
  empreinte: z.string().optional(),
});
export type ResultatCalcul = z.infer<typeof resultatCalculSchema>;

export const importIndicateursSchema = z.object({
  version: versionSchema,
  resultat: resultatCalculSchema,
});
