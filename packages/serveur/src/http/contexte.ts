import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Role } from '@jalon/schemas';
import type { Acteur } from '../cas/mutation.ts';
import type { Persistance } from '../depots/ports.ts';
import type { ConnexionOidc } from '../cas/oidc.ts';
import type { ReglagesSecurite } from './securite-reglages.ts';

/** Session lue depuis le cookie (middleware `securite.ts`). */
export interface SessionHttp {
  readonly acteur: Acteur;
  readonly csrf: string;
  readonly empreinte: string;
  /** Jeton d'identité d'une session ProConnect (déconnexion chez le fournisseur). */
  readonly idToken?: string | null;
}

export interface EnvJalon {
  Variables: { session: SessionHttp | undefined };
}

export type AppJalon = OpenAPIHono<EnvJalon>;

/** Informations du mode démonstration (bandeau « Démonstration », comptes listés). */
export interface InfoDemo {
  readonly motDePasse: string;
  readonly comptes: readonly { identifiant: string; role: Role; territoire: string }[];
}

export interface Dependances {
  readonly persistance: Persistance;
  readonly demo: InfoDemo | undefined;
  readonly horloge: () => Date;
  /** `true` : cookie `Secure` toujours ; `'auto'` : seulement derrière https (X-Forwarded-Proto). */
  readonly cookieSecure: boolean | 'auto';
  readonly journal: Logger | undefined;
  /** Dossier de l'application web construite (`packages/web/dist`), servie avec repli SPA s'il existe. */
  readonly dossierWeb: string | undefined;
  /** Durcissement (sessions, limites de débit et de taille) ; défauts : `REGLAGES_SECURITE`. */
  readonly securite?: ReglagesSecurite;
  /** Connexion ProConnect (OIDC), si configurée (`JALON_OIDC_*`). */
  readonly oidc?: ConnexionOidc | undefined;
}

export const NOM_COOKIE = 'jalon_session';
