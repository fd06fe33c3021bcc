import { resolve } from 'node:path';
import type { ConfigOidc } from './cas/oidc.ts';
import { REGLAGES_SECURITE, type Limite, type ReglagesSecurite } from './http/securite-reglages.ts';

const MIO = 1024 * 1024;

/** Configuration lue de l'environnement (docs/plateforme.md). */
export interface Config {
  readonly port: number;
  readonly hote: string;
  /** `DATABASE_URL` : un vrai PostgreSQL ; sinon PGlite dans `dossierDonnees`. */
  readonly databaseUrl: string | undefined;
  readonly dossierDonnees: string;
  /** Démonstration : par défaut avec PGlite, jamais avec DATABASE_URL sauf `JALON_DEMO=1`. */
  readonly demo: boolean;
  readonly cookieSecure: boolean | 'auto';
  readonly dossierWeb: string;
  readonly niveauJournal: string;
  /** Durcissement : sessions, limites de débit et de taille (docs/securite.md). */
  readonly securite: ReglagesSecurite;
  /** Connexion ProConnect (OIDC) : configurée si `JALON_OIDC_EMETTEUR` l'est. */
  readonly oidc: ConfigOidc | undefined;
}

export class ConfigInvalide extends Error {}

export function lireConfig(env: NodeJS.ProcessEnv, racine: string): Config {
  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigInvalide(`PORT invalide : « ${env.PORT} » (entier de 0 à 65535 attendu).`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  const demoEnv = env.JALON_DEMO?.trim();
  if (demoEnv !== undefined && demoEnv !== '' && demoEnv !== '0' && demoEnv !== '1') {
    throw new ConfigInvalide(`JALON_DEMO invalide : « ${demoEnv} » (0 ou 1 attendu).`);
  }
  const cookie = env.JALON_COOKIE_SECURE?.trim();
  return {
    port,
    hote: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    dossierDonnees: resolve(racine, env.JALON_DONNEES?.trim() || '.jalon/donnees'),
    demo: databaseUrl === undefined ? demoEnv !== '0' : demoEnv === '1',
    cookieSecure: cookie === '1' ? true : cookie === '0' ? false : 'auto',
    dossierWeb: resolve(racine, env.JALON_WEB?.trim() || 'packages/web/dist'),
    niveauJournal: env.JALON_JOURNAL?.trim() || 'info',
    securite: lireSecurite(env),
    oidc: lireOidc(env),
  };
}

/** Entier strictement positif lu de l'environnement, ou la valeur par défaut. */
function entier(env: NodeJS.ProcessEnv, nom: string, defaut: number): number {
  const brut = env[nom]?.trim();
  if (brut === undefined || brut === '') return defaut;
  const n = Number(brut);
  if (!Number.isFinite(n) || n <= 0) {
    throw new ConfigInvalide(`${nom} invalide : « ${brut} » (nombre strictement positif attendu).`);
  }
  return n;
}

function lireSecurite(env: NodeJS.ProcessEnv): ReglagesSecurite {
  const d = REGLAGES_SECURITE;
  const limite = (nom: string, l: Limite): Limite => ({
    points: Math.floor(entier(env, nom, l.points)),
    dureeS: l.dureeS,
  });
  const proxy = env.JALON_PROXY_DE_CONFIANCE?.trim();
  if (proxy !== undefined && proxy !== '' && proxy !== '0' && proxy !== '1') {
    throw new ConfigInvalide(`JALON_PROXY_DE_CONFIANCE invalide : « ${proxy} » (0 ou 1 attendu).`);
  }
  return {
    session: {
      inactiviteMs: entier(env, 'JALON_SESSION_INACTIVITE_MIN', d.session.inactiviteMs / 60_000) * 60_000,
      dureeMaxMs: entier(env, 'JALON_SESSION_DUREE_MAX_H', d.session.dureeMaxMs / 3_600_000) * 3_600_000,
    },
    limites: {
      connexionParIp: limite('JALON_LIMITE_CONNEXION_IP', d.limites.connexionParIp),
      connexionParCompte: limite('JALON_LIMITE_CONNEXION_COMPTE', d.limites.connexionParCompte),
      importParIp: limite('JALON_LIMITE_IMPORT_IP', d.limites.importParIp),
      importParCompte: limite('JALON_LIMITE_IMPORT_COMPTE', d.limites.importParCompte),
    },
    tailles: {
      corps: Math.floor(entier(env, 'JALON_TAILLE_MAX_CORPS_MO', d.tailles.corps / MIO) * MIO),
      televersement: Math.floor(
        // Seule lecture de cette variable : la route des données (réception en flux) et l'intergiciel des tailles
        // prennent tous deux `tailles.televersement`.
        entier(env, 'JALON_TELEVERSEMENT_MAX_MO', d.tailles.televersement / MIO) * MIO,
      ),
    },
    proxyDeConfiance: proxy === '1',
  };
}

function lireOidc(env: NodeJS.ProcessEnv): ConfigOidc | undefined {
  const emetteur = env.JALON_OIDC_EMETTEUR?.trim();
  if (emetteur === undefined || emetteur === '') return undefined;
  const exiger = (nom: string): string => {
    const v = env[nom]?.trim();
    if (v === undefined || v === '') {
      throw new ConfigInvalide(`${nom} manquante : obligatoire quand JALON_OIDC_EMETTEUR est définie.`);
    }
    return v;
  };
  const url = (nom: string, valeur: string): string => {
    try {
      return new URL(valeur).toString();
    } catch {
      throw new ConfigInvalide(`${nom} invalide : « ${valeur} » (adresse http(s) attendue).`);
    }
  };
  const authentification = env.JALON_OIDC_AUTHENTIFICATION?.trim() || 'client_secret_post';
  if (authentification !== 'client_secret_post' && authentification !== 'client_secret_basic') {
    throw new ConfigInvalide(
      `JALON_OIDC_AUTHENTIFICATION invalide : « ${authentification} » (client_secret_post ou client_secret_basic).`,
    );
  }
  return {
    emetteur: url('JALON_OIDC_EMETTEUR', emetteur),
    clientId: exiger('JALON_OIDC_CLIENT_ID'),
    clientSecret: exiger('JALON_OIDC_CLIENT_SECRET'),
    urlPublique: url('JALON_URL_PUBLIQUE', exiger('JALON_URL_PUBLIQUE')),
    portees: env.JALON_OIDC_PORTEES?.trim() || 'openid email given_name usual_name',
    acr: env.JALON_OIDC_ACR?.trim() || undefined,
    authentification,
    algUserinfo: env.JALON_OIDC_ALG_USERINFO?.trim() || undefined,
  };
}
