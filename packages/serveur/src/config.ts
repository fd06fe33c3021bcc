import { resolve } from 'node:path';

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
  };
}
