/**
 * Qui agit, et sur quel territoire (issue 6 ; rôles de la plateforme, INT-PLATEFORME-1). Les codes de rôle sont
 * ceux de `@jalon/schemas` (`ROLES`), recopiés ici : le domaine ne dépend que des référentiels (DESIGN.md).
 */
export const ROLES_PILOTAGE = [
  'departement_agent',
  'departement_valideur',
  'ddets',
  'commissaire',
  'national',
] as const;
export type RolePilotage = (typeof ROLES_PILOTAGE)[number];

export const LIBELLES_ROLES_PILOTAGE: Readonly<Record<RolePilotage, string>> = {
  departement_agent: 'agent de la collectivité',
  departement_valideur: 'valideur de la collectivité',
  ddets: 'DDETS (État au département)',
  commissaire: 'commissaire à la lutte contre la pauvreté (région)',
  national: 'administration centrale',
};

/** Territoire d'un compte : une collectivité, un département (DDETS), une région (commissaire) ou la France. */
export type TerritoireActeur =
  | { readonly type: 'collectivite'; readonly code: string }
  | { readonly type: 'departement'; readonly code: string }
  | { readonly type: 'region'; readonly code: string }
  | { readonly type: 'national' };

export interface Acteur {
  readonly id: string;
  readonly role: RolePilotage;
  readonly territoire: TerritoireActeur;
}

/** La collectivité cocontractante d'une convention, telle que le pilotage en a besoin. */
export interface CollectivitePilotee {
  /** Code de la collectivité : code COG du département (`44`), ou code particulier (`69M`, `20R`, `6AE`). */
  readonly code: string;
  readonly nom: string;
  /** Départements du COG couverts (un seul d'ordinaire ; `2A`, `2B` pour la Collectivité de Corse). */
  readonly departements: readonly string[];
  /** Code COG de la région. */
  readonly region: string;
  /** `drom` : collectivité régie par l'article 73 de la Constitution (001 · I.4). */
  readonly zone: 'metro' | 'drom';
}

/** Le type de territoire que chaque rôle doit avoir (INT-PLATEFORME-1). */
const TERRITOIRE_DU_ROLE: Readonly<Record<RolePilotage, TerritoireActeur['type']>> = {
  departement_agent: 'collectivite',
  departement_valideur: 'collectivite',
  ddets: 'departement',
  commissaire: 'region',
  national: 'national',
};

export const territoireCoherent = (acteur: Acteur): boolean =>
  TERRITOIRE_DU_ROLE[acteur.role] === acteur.territoire.type;

/** La collectivité est-elle dans le territoire ? (une collectivité multi-départements relève de chaque DDETS). */
export function dansLeTerritoire(territoire: TerritoireActeur, collectivite: CollectivitePilotee): boolean {
  switch (territoire.type) {
    case 'national':
      return true;
    case 'collectivite':
      return territoire.code === collectivite.code;
    case 'departement':
      return collectivite.departements.includes(territoire.code);
    case 'region':
      return territoire.code === collectivite.region;
  }
}

export function decrireTerritoire(territoire: TerritoireActeur): string {
  switch (territoire.type) {
    case 'national':
      return 'national';
    case 'collectivite':
      return `collectivité ${territoire.code}`;
    case 'departement':
      return `département ${territoire.code}`;
    case 'region':
      return `région ${territoire.code}`;
  }
}
