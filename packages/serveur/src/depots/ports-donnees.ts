import type { ImportDonnees, ProfilEnregistre } from '@jalon/schemas';

/**
 * Port des données réelles (docs/donnees-reelles.md § 4) : profils de correspondance par collectivité,
 * téléversements et leurs listes d'explication, historique CAF/MSA pseudonymisé par collectivité.
 */
export interface NouveauProfil {
  readonly collectiviteId: string;
  readonly nom: string;
  readonly profil: Readonly<Record<string, unknown>>;
  readonly modifiePar: string;
}

export type NouvelImport = Omit<ImportDonnees, 'id' | 'quand' | 'explications'>;

export interface NouvelleExplication {
  readonly indicateur: string;
  readonly lignes: number;
  readonly retenues: number;
  readonly csvGz: Uint8Array;
}

export interface ObservationCafEnregistree {
  readonly personne: string;
  /** AAAA-MM */
  readonly mois: string;
  readonly observation: unknown;
}

export interface FluxCafEnregistre {
  readonly cle: string;
  readonly flux: unknown;
}

export interface DepotDonnees {
  listerProfils(collectiviteId: string): Promise<ProfilEnregistre[]>;
  trouverProfil(id: number): Promise<ProfilEnregistre | undefined>;
  creerProfil(profil: NouveauProfil): Promise<number>;
  /** Verrouillage optimiste : `false` si la version a changé (rien n'est écrit). */
  modifierProfil(
    id: number,
    versionAttendue: number,
    champs: Omit<NouveauProfil, 'collectiviteId'>,
  ): Promise<boolean>;
  supprimerProfil(id: number, versionAttendue: number): Promise<boolean>;

  enregistrerImport(
    entree: NouvelImport,
    explications: readonly NouvelleExplication[],
  ): Promise<ImportDonnees>;
  listerImports(conventionId: number): Promise<ImportDonnees[]>;
  trouverImport(id: number): Promise<ImportDonnees | undefined>;
  explication(importId: number, indicateur: string): Promise<Uint8Array | undefined>;

  lireHistoriqueCaf(
    collectiviteId: string,
  ): Promise<{ observations: ObservationCafEnregistree[]; flux: FluxCafEnregistre[] }>;
  /** Remplace tout l'historique de la collectivité (dans la transaction de l'import). */
  remplacerHistoriqueCaf(
    collectiviteId: string,
    observations: Iterable<ObservationCafEnregistree>,
    flux: readonly FluxCafEnregistre[],
  ): Promise<void>;
  compterHistoriqueCaf(collectiviteId: string): Promise<{ observations: number; flux: number }>;
}
