// Point d'entrée du serveur Jalon (`npm start`) : lit l'environnement, verrouille le dossier PGlite, migre,
// sème la démonstration, écoute, journalise (pino) et s'arrête proprement en libérant le verrou.
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ouvrirPglite, ouvrirPostgres, type Base } from './base/ouvrir.ts';
import { verrouillerDossier, DossierVerrouille, type Verrou } from './base/verrou.ts';
import { lireConfig, ConfigInvalide } from './config.ts';
import { preparerApplication } from './application.ts';
import { configRappels, demarrerRappelsPeriodiques } from './cas/rappels.ts';

const RACINE = fileURLToPath(new URL('../../../', import.meta.url));

async function principal(): Promise<void> {
  const config = lireConfig(process.env, RACINE);
  const journal = pino({ level: config.niveauJournal, base: { service: 'jalon' } });
  let verrou: Verrou | undefined;
  let base: Base;
  if (config.databaseUrl === undefined) {
    verrou = verrouillerDossier(config.dossierDonnees);
    base = await ouvrirPglite(join(config.dossierDonnees, 'pgdata'));
    journal.info({ dossier: config.dossierDonnees }, 'base PGlite embarquée');
  } else {
    base = await ouvrirPostgres(config.databaseUrl);
    journal.info('base PostgreSQL (DATABASE_URL)');
  }
  const { app, persistance, migrations, demoSemee } = await preparerApplication(base, {
    demo: config.demo,
    cookieSecure: config.cookieSecure,
    journal,
    dossierWeb: config.dossierWeb,
    securite: config.securite,
    oidc: config.oidc,
  });
  if (migrations.length > 0) journal.info({ migrations }, 'migrations appliquées');
  if (config.demo) journal.info({ semee: demoSemee }, 'mode démonstration (données fictives)');
  // Rappels d'échéance (issue 6 § 2) : tâche périodique, SMTP ou boîte d'envoi de démonstration.
  demarrerRappelsPeriodiques(persistance, configRappels(process.env, config.demo), () => new Date(), journal);

  const serveur = serve({ fetch: app.fetch, port: config.port, hostname: config.hote }, (info) => {
    journal.info({ port: info.port }, `Jalon écoute sur http://localhost:${info.port}`);
  });

  let arret = false;
  const arreter = async (signal: string) => {
    if (arret) return;
    arret = true;
    journal.info({ signal }, 'arrêt demandé');
    serveur.close();
    await base.fermer();
    verrou?.liberer();
    journal.info('arrêté');
    process.exit(0);
  };
  process.on('SIGINT', () => void arreter('SIGINT'));
  process.on('SIGTERM', () => void arreter('SIGTERM'));
}

principal().catch((erreur: unknown) => {
  const message =
    erreur instanceof DossierVerrouille || erreur instanceof ConfigInvalide
      ? erreur.message
      : `Démarrage impossible : ${erreur instanceof Error ? erreur.message : String(erreur)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
