/**
 * Port du dépôt de l'offre d'insertion (issue 8) : structures et services au format data·inclusion v1 (objets
 * d'échange gardés tels quels), rattachés à une collectivité, et liens fiche action ↔ services financés.
 */
import type { Perimetre } from './ports.ts';

export type ModeleOffre = 'structure' | 'service';

export interface ObjetOffreEnregistre {
  /** Identifiant interne (clé des routes). */
  readonly id: number;
  readonly modele: ModeleOffre;
  readonly collectiviteId: string;
  readonly departement: string | null;
  readonly source: string;
  /** Id publié `<source>--<id local>`. */
  readonly idPublie: string;
  /** Pour un service : id publié de sa structure. */
  readonly structurePublie: string | null;
  /** L'objet data·inclusion (structure ou service). */
  readonly donnees: Record<string, unknown>;
  readonly modifieeLe: string;
}

export interface NouvelObjetOffre {
  readonly modele: ModeleOffre;
  readonly collectiviteId: string;
  readonly departement: string | null;
  readonly donnees: Record<string, unknown>;
}

/** Une fiche action qui finance un service, avec sa convention. */
export interface FinancementEnregistre {
  readonly serviceId: number;
  readonly ficheId: number;
  readonly numero: string;
  readonly intitule: string;
  readonly conventionId: number;
  readonly collectiviteId: string;
  readonly cadre: string;
  readonly exercice: number;
}

export interface DepotOffre {
  /** Objets d'une collectivité, par ordre d'id publié. */
  lister(modele: ModeleOffre, collectiviteId: string): Promise<ObjetOffreEnregistre[]>;
  /** Objets des collectivités d'un périmètre (lecture État). */
  listerPerimetre(modele: ModeleOffre, perimetre: Perimetre): Promise<ObjetOffreEnregistre[]>;
  trouver(modele: ModeleOffre, id: number): Promise<ObjetOffreEnregistre | undefined>;
  trouverParIdPublie(
    modele: ModeleOffre,
    collectiviteId: string,
    idPublie: string,
  ): Promise<ObjetOffreEnregistre | undefined>;
  creer(objet: NouvelObjetOffre): Promise<number>;
  remplacer(modele: ModeleOffre, id: number, donnees: Record<string, unknown>): Promise<void>;
  supprimer(modele: ModeleOffre, id: number): Promise<void>;
  /** Lie (idempotent) ; rend `false` si le lien existait déjà. */
  lier(ficheId: number, serviceId: number): Promise<boolean>;
  /** Délie ; rend `false` s'il n'y avait pas de lien. */
  delier(ficheId: number, serviceId: number): Promise<boolean>;
  /** Financements des services d'une collectivité (toutes conventions). */
  financementsDesServices(serviceIds: readonly number[]): Promise<FinancementEnregistre[]>;
  /** Liens des fiches d'une convention. */
  financementsDeLaConvention(conventionId: number): Promise<FinancementEnregistre[]>;
}
