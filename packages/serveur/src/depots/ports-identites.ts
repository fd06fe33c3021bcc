import type { EntreeHistorique, Role } from '@jalon/schemas';

/** Identité OIDC (ProConnect) associée à un compte Jalon (docs/securite.md, INT-SECURITE-1 et 2). */
export interface IdentiteEnregistree {
  readonly id: number;
  readonly sub: string | null;
  readonly email: string;
  readonly utilisateurId: number;
  readonly nom: string;
  readonly role: Role;
  readonly collectiviteId: string | null;
  readonly departement: string | null;
  readonly region: string | null;
  readonly creePar: string;
  readonly creeLe: string;
  readonly derniereConnexion: string | null;
}

/** Rôle et territoire d'un compte, tels que la table `utilisateur` les contraint. */
export interface RoleTerritoire {
  readonly role: Role;
  readonly collectiviteId: string | null;
  readonly departement: string | null;
  readonly region: string | null;
}

export interface NouvelleIdentite extends RoleTerritoire {
  readonly sub: string | null;
  readonly email: string;
  readonly nom: string;
  readonly creePar: string;
}

/** Connexion OIDC en cours : à usage unique, liée au navigateur par l'empreinte d'un cookie. */
export interface AttenteOidc {
  readonly empreinte: string;
  readonly etat: string;
  readonly nonce: string;
  readonly verificateur: string;
  readonly retour: string;
  readonly expireLe: string;
}

export interface DepotIdentites {
  lister(): Promise<IdentiteEnregistree[]>;
  trouver(id: number): Promise<IdentiteEnregistree | undefined>;
  parSub(sub: string): Promise<IdentiteEnregistree | undefined>;
  /** Par e-mail (sans casse). */
  parEmail(email: string): Promise<IdentiteEnregistree | undefined>;
  /**
   * Crée l'identité et son compte (identifiant = e-mail en minuscules, sans mot de passe local) ; un compte
   * désactivé de même identifiant est repris. Rend l'identifiant de l'identité.
   */
  creer(identite: NouvelleIdentite): Promise<number>;
  modifier(id: number, champs: RoleTerritoire & { readonly nom: string }): Promise<void>;
  /** Retire l'identité et désactive son compte (l'audit garde son nom). */
  supprimer(id: number): Promise<void>;
  /** Première connexion d'une identité associée par e-mail : son `sub` est retenu. Dernière connexion datée. */
  connecte(id: number, sub: string, quand: string): Promise<void>;

  /** Journal d'audit des associations d'identités (entité `identite`), du plus récent au plus ancien. */
  historique(): Promise<EntreeHistorique[]>;

  attendre(attente: AttenteOidc): Promise<void>;
  /** Lit ET supprime (usage unique) la connexion en cours de ce navigateur. */
  consommerAttente(empreinte: string): Promise<AttenteOidc | undefined>;
  purgerAttentes(maintenant: Date): Promise<number>;
}
