import type { DepotDocuments } from './ports-documents.ts';
import type {
  Collectivite,
  ConventionResume,
  EntreeHistorique,
  FicheAction,
  NatureValeur,
  ParcoursType,
  Role,
  StatutConvention,
  ValeurIndicateur,
  Volet3,
} from '@jalon/schemas';
import type { CodeCadre } from '@jalon/referentiels';
import type { DepotDonnees } from './ports-donnees.ts';
import type { DepotIdentites } from './ports-identites.ts';
import type { DepotBilans, DepotCalendriers, DepotCycle, DepotRappels } from './ports-pilotage.ts';
import type { DepotOffre } from './ports-offre.ts';
import type { DepotEnveloppes, DepotNotes } from './ports-tableaux.ts';
import type { DepotEnveloppesOutreMer } from './ports-enveloppes-outre-mer.ts';

/**
 * Ports de persistance (dépôts derrière des interfaces, à la manière de gip-inclusion/immersion-facile) :
 * les cas d'usage ne connaissent que ces interfaces ; `kysely/` les implémente pour PostgreSQL et PGlite, et
 * une seule suite de contrat (`test/depots.contract.test.ts`) vérifie les deux. Montants en centimes.
 */

/** Ce qu'un compte peut voir (INT-PLATEFORME-1). */
export type Perimetre =
  | { readonly type: 'tout' }
  | { readonly type: 'collectivite'; readonly id: string }
  | { readonly type: 'departement'; readonly code: string }
  | { readonly type: 'region'; readonly code: string };

export interface DepotCollectivites {
  enregistrer(collectivites: readonly Collectivite[]): Promise<void>;
  lister(perimetre: Perimetre): Promise<Collectivite[]>;
  trouver(id: string): Promise<Collectivite | undefined>;
}

export interface CompteEnregistre {
  readonly id: number;
  readonly identifiant: string;
  readonly nom: string;
  readonly role: Role;
  readonly hashMotDePasse: string;
  readonly collectiviteId: string | null;
  readonly departement: string | null;
  readonly region: string | null;
  readonly actif: boolean;
}
export type NouveauCompte = Omit<CompteEnregistre, 'id' | 'actif'>;

export interface DepotUtilisateurs {
  creer(compte: NouveauCompte): Promise<number>;
  parIdentifiant(identifiant: string): Promise<CompteEnregistre | undefined>;
  parId(id: number): Promise<CompteEnregistre | undefined>;
  compter(): Promise<number>;
  /** Tous les comptes, par identifiant (administration : `jalon comptes lister`). */
  lister(): Promise<CompteEnregistre[]>;
  /** Active ou désactive un compte (un compte désactivé n'a plus de périmètre : il ne voit rien). */
  modifierActif(id: number, actif: boolean): Promise<void>;
}

export interface SessionEnregistree {
  readonly empreinte: string;
  readonly utilisateurId: number;
  readonly jetonCsrf: string;
  /** Expiration glissante (ISO 8601). */
  readonly expireLe: string;
  /** Expiration absolue (ISO 8601), au-delà de laquelle l'activité ne prolonge plus (docs/securite.md). */
  readonly expireAbsoluLe?: string | null;
  /** Jeton d'identité OIDC, pour la déconnexion chez le fournisseur ; absent pour un compte local. */
  readonly idToken?: string | null;
}

export interface DepotSessions {
  creer(session: SessionEnregistree): Promise<void>;
  trouver(empreinte: string): Promise<SessionEnregistree | undefined>;
  /** La session et son compte, en une requête (chemin de chaque requête HTTP). */
  trouverAvecCompte(
    empreinte: string,
  ): Promise<{ session: SessionEnregistree; compte: CompteEnregistre } | undefined>;
  supprimer(empreinte: string): Promise<void>;
  /** Repousse l'expiration glissante d'une session. */
  prolonger(empreinte: string, expireLe: string): Promise<void>;
  /** Supprime toutes les sessions d'un compte (changement de rôle, identité retirée) ; rend leur nombre. */
  supprimerDuCompte(utilisateurId: number): Promise<number>;
  /** Supprime les sessions expirées avant `maintenant` ; rend leur nombre. */
  purger(maintenant: Date): Promise<number>;
}

export interface FiltresConventions {
  readonly collectivite?: string | undefined;
  readonly exercice?: number | undefined;
  readonly cadre?: CodeCadre | undefined;
  readonly statut?: StatutConvention | undefined;
}

export interface NouvelleConvention {
  readonly collectiviteId: string;
  readonly cadre: CodeCadre;
  readonly exercice: number;
  readonly regime: 'civil' | 'glissant';
  readonly dureeMois: 12 | 6;
  readonly enveloppeEtat: number;
  readonly statut: StatutConvention;
}

export type ChampsConvention = Partial<
  Pick<NouvelleConvention, 'regime' | 'dureeMois' | 'enveloppeEtat' | 'statut'>
>;

export interface DepotConventions {
  creer(convention: NouvelleConvention): Promise<number>;
  lister(perimetre: Perimetre, filtres: FiltresConventions): Promise<ConventionResume[]>;
  trouver(id: number): Promise<ConventionResume | undefined>;
  trouverParCle(
    collectiviteId: string,
    cadre: CodeCadre,
    exercice: number,
  ): Promise<ConventionResume | undefined>;
  /**
   * Verrouillage optimiste : passe la version de `versionAttendue` à `versionAttendue + 1` (et verrouille la
   * ligne jusqu'à la fin de la transaction). Rend la nouvelle version, ou `undefined` si la version a changé.
   */
  avancerVersion(id: number, versionAttendue: number): Promise<ConventionResume | undefined>;
  modifier(id: number, champs: ChampsConvention): Promise<void>;
  supprimer(id: number): Promise<void>;
  avenants(
    id: number,
  ): Promise<{ id: number; numero: number; objet: string; date_signature: string | null }[]>;
  ajouterAvenant(
    id: number,
    avenant: { numero: number; objet: string; dateSignature: string | null },
  ): Promise<number>;
}

export type ChampsFiche = Omit<FicheAction, 'id' | 'rang'>;

export interface DepotFiches {
  lister(conventionId: number): Promise<FicheAction[]>;
  trouver(id: number): Promise<(FicheAction & { conventionId: number }) | undefined>;
  /** L'id de la fiche qui porte ce numéro dans la convention (lecture d'une colonne, sans lire les fiches). */
  trouverNumero(conventionId: number, numero: string): Promise<number | undefined>;
  creer(conventionId: number, fiche: ChampsFiche): Promise<number>;
  /** Remplace toutes les fiches de la convention (rangs 0, 1, …, dans l'ordre donné) ; rend les nouveaux id. */
  remplacerToutes(conventionId: number, fiches: readonly ChampsFiche[]): Promise<number[]>;
  modifier(id: number, fiche: ChampsFiche): Promise<void>;
  supprimer(id: number): Promise<void>;
}

export interface NouvelleValeur {
  readonly indicateur: string;
  readonly annee: number;
  readonly nature: NatureValeur;
  readonly valeur: number | null;
  readonly commentaire: string;
  readonly provenance:
    | { readonly type: 'saisie' }
    | {
        readonly type: 'calcul';
        readonly moteurVersion: string;
        readonly empreinte: string;
        /** ISO 8601, `null` si le résultat importé ne la donne pas. */
        readonly calculeLe: string | null;
      };
  readonly modifieePar: string;
}

export interface DepotIndicateurs {
  lister(conventionId: number): Promise<ValeurIndicateur[]>;
  /** Écrit (ou remplace) chaque valeur, clé (indicateur, année, nature). */
  ecrire(conventionId: number, valeurs: readonly NouvelleValeur[]): Promise<void>;
}

export interface DonneesFranceTravail {
  readonly parcoursTypes: readonly (ParcoursType & { id: number })[];
  readonly volet3: Volet3;
  readonly cooperation: readonly { axe: string; retenu: boolean; commentaire: string }[];
}

export interface DepotFranceTravail {
  lire(conventionId: number): Promise<DonneesFranceTravail>;
  remplacerParcoursTypes(conventionId: number, parcours: readonly ParcoursType[]): Promise<void>;
  ecrireVolet3(conventionId: number, volet3: Volet3): Promise<void>;
  ecrireCooperation(
    conventionId: number,
    cooperation: readonly { axe: string; retenu: boolean; commentaire: string }[],
  ): Promise<void>;
}

export interface NouvelleEntreeAudit {
  readonly conventionId: number | null;
  readonly utilisateurId: number | null;
  readonly qui: string;
  readonly role: string | null;
  readonly action: string;
  readonly entite: string;
  readonly entiteId: string;
  readonly avant: unknown;
  readonly apres: unknown;
}

export interface DepotAudit {
  ecrire(entree: NouvelleEntreeAudit): Promise<void>;
  lister(conventionId: number): Promise<EntreeHistorique[]>;
}

export interface Depots {
  readonly donnees: DepotDonnees;
  readonly collectivites: DepotCollectivites;
  readonly utilisateurs: DepotUtilisateurs;
  readonly sessions: DepotSessions;
  readonly conventions: DepotConventions;
  readonly fiches: DepotFiches;
  readonly indicateurs: DepotIndicateurs;
  readonly franceTravail: DepotFranceTravail;
  readonly audit: DepotAudit;
  /** Cycle de vie (issue 6 § 1 ; ports-pilotage.ts). */
  readonly cycle: DepotCycle;
  readonly rappels: DepotRappels;
  readonly calendriers: DepotCalendriers;
  readonly bilans: DepotBilans;
  readonly documents: DepotDocuments;
  readonly identites: DepotIdentites;
  readonly offre: DepotOffre;
  /** Notes d'analyse et enveloppes (issue 6 § 4 et 5, ports-tableaux.ts). */
  readonly notes: DepotNotes;
  readonly enveloppes: DepotEnveloppes;
  /** Part des crédits conservée par l'État outre-mer (001 · I.4 ; ports-enveloppes-outre-mer.ts). */
  readonly enveloppesOutreMer: DepotEnveloppesOutreMer;
}

/** Accès aux dépôts : hors transaction (lectures) ou dans une transaction (toute modification + son audit). */
export interface Persistance {
  readonly depots: Depots;
  transaction<T>(travail: (depots: Depots) => Promise<T>): Promise<T>;
}
