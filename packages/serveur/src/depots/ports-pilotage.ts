import type { Avenant, EntreeJournal, EtatConvention, Partie, Signataire, Trace } from '@jalon/domaine';

/**
 * Ports du pilotage (issue 6 § 1 à 3) : cycle de vie, rappels et calendriers, bilans partagés. Implémentés
 * par `kysely/cycle.ts`, `kysely/rappels.ts`, `kysely/bilans.ts` ; vérifiés par `test/cycle.contract.test.ts`
 * sur PGlite et PostgreSQL.
 */

/** Ce que la base garde du cycle de vie d'une convention (le reste de l'instantané vient des fiches). */
export interface EtatCycleEnregistre {
  readonly dateDeliberation: string | undefined;
  readonly dateSignature: string | undefined;
  readonly signatures: Readonly<Partial<Record<Signataire, Trace>>>;
  /** Validations des fiches par partie, clé : identifiant de la fiche. */
  readonly validations: ReadonlyMap<number, Readonly<Partial<Record<Partie, Trace>>>>;
  readonly avenants: readonly Avenant[];
  readonly journal: readonly EntreeJournal[];
}

/** Ce qu'une transition acceptée écrit : le nouvel état et la ligne du journal du cycle. */
export interface EcritureCycle {
  readonly etat: EtatConvention;
  readonly dateDeliberation: string | undefined;
  readonly dateSignature: string | undefined;
  readonly signatures: Readonly<Partial<Record<Signataire, Trace>>>;
  readonly validations: ReadonlyMap<number, Readonly<Partial<Record<Partie, Trace>>>>;
  readonly avenants: readonly Avenant[];
  readonly entree: EntreeJournal;
}

export interface DepotCycle {
  lire(conventionId: number): Promise<EtatCycleEnregistre>;
  /** Remplace l'état du cycle (convention, validations des fiches, avenants) et ajoute l'entrée au journal. */
  ecrire(conventionId: number, ecriture: EcritureCycle): Promise<void>;
  /** Journaux de plusieurs conventions (échéances d'un territoire), clé : identifiant de la convention. */
  journaux(conventionIds: readonly number[]): Promise<ReadonlyMap<number, readonly EntreeJournal[]>>;
  /** Les validations des fiches d'une convention, une ligne par fiche et par partie. */
  lireValidations(conventionId: number): Promise<ValidationFiche[]>;
  /** Retire toutes les validations de ces fiches (contenu changé, INT-CYCLE-VALIDATIONS-1). */
  retirerValidations(ficheIds: readonly number[]): Promise<void>;
  /** Ajoute des validations ; une validation déjà présente (fiche, partie) est gardée telle quelle. */
  ajouterValidations(validations: readonly ValidationFiche[]): Promise<void>;
}

/** La validation d'une fiche par une partie (table `validation_fiche`). */
export interface ValidationFiche {
  readonly ficheId: number;
  readonly partie: Partie;
  readonly trace: Trace;
}

// --- Rappels et calendriers --------------------------------------------------------------------------

export interface NouveauCourriel {
  /** Clé d'idempotence : un rappel par échéance, palier et destinataire. */
  readonly cle: string;
  readonly conventionId: number | null;
  readonly destinataire: string;
  readonly sujet: string;
  readonly corps: string;
  readonly transport: 'smtp' | 'boite';
}

export interface CourrielEnregistre extends NouveauCourriel {
  readonly id: number;
  readonly creeLe: string;
  readonly envoyeLe: string | null;
  readonly erreur: string | null;
}

export interface DepotRappels {
  /** Réserve la clé : rend l'identifiant, ou `undefined` si un courriel de même clé existe (déjà envoyé). */
  reserver(courriel: NouveauCourriel): Promise<number | undefined>;
  marquerEnvoye(id: number, le: Date): Promise<void>;
  marquerErreur(id: number, erreur: string): Promise<void>;
  /** Rend la clé à nouveau libre (échec d'envoi : le prochain passage réessaiera). */
  liberer(id: number): Promise<void>;
  /** Boîte d'envoi : les plus récents d'abord. */
  lister(limite: number): Promise<CourrielEnregistre[]>;
}

export interface DepotCalendriers {
  /** Enregistre l'empreinte d'un nouveau jeton ; révoque le précédent du compte. */
  creer(utilisateurId: number, empreinte: string): Promise<void>;
  revoquer(utilisateurId: number, le: Date): Promise<number>;
  /** Le compte d'un jeton actif. */
  compte(empreinte: string): Promise<number | undefined>;
  actif(utilisateurId: number): Promise<{ creeLe: string } | undefined>;
}

// --- Bilans partagés ---------------------------------------------------------------------------------

export interface ChampsBilan {
  readonly dateBilan: string;
  readonly participants: string;
  readonly constats: string;
  readonly decisions: string;
  readonly exercice: number | null;
  /** Numéros des fiches actions examinées. */
  readonly actions: readonly string[];
  /** Codes des indicateurs examinés. */
  readonly indicateurs: readonly string[];
}

export interface BilanEnregistre extends ChampsBilan {
  readonly id: number;
  readonly conventionId: number;
  readonly version: number;
  readonly creePar: string;
  readonly creeLe: string;
  readonly modifieLe: string;
}

export interface DepotBilans {
  lister(conventionId: number): Promise<BilanEnregistre[]>;
  trouver(id: number): Promise<BilanEnregistre | undefined>;
  creer(conventionId: number, champs: ChampsBilan, creePar: string): Promise<number>;
  /** Verrouillage optimiste : rend la nouvelle version, ou `undefined` si la version a changé. */
  modifier(id: number, versionAttendue: number, champs: ChampsBilan): Promise<number | undefined>;
  supprimer(id: number): Promise<void>;
}
