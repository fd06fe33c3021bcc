import { join } from 'node:path';
import type { Config } from '../config.ts';
import { ouvrirPglite, ouvrirPostgres, type Base } from './ouvrir.ts';
import { verrouillerDossier } from './verrou.ts';

/**
 * Ouvre la base que désigne la configuration, comme le serveur (`principal.ts`) : PostgreSQL si `DATABASE_URL`,
 * sinon le dossier PGlite, verrouillé (refus clair si un serveur Jalon le tient : deux processus sur un même
 * dossier perdraient des écritures). Ferme la base et libère le verrou à la fin du travail, même en erreur.
 */
export async function avecBase<T>(
  config: Pick<Config, 'databaseUrl' | 'dossierDonnees'>,
  travail: (base: Base) => Promise<T>,
): Promise<T> {
  const verrou = config.databaseUrl === undefined ? verrouillerDossier(config.dossierDonnees) : undefined;
  try {
    const base =
      config.databaseUrl === undefined
        ? await ouvrirPglite(join(config.dossierDonnees, 'pgdata'))
        : await ouvrirPostgres(config.databaseUrl, 2);
    try {
      return await travail(base);
    } finally {
      await base.fermer();
    }
  } finally {
    verrou?.liberer();
  }
}
