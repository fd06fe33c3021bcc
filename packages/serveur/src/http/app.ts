import { OpenAPIHono } from '@hono/zod-openapi';
import { ZodError } from 'zod';
import type { AppJalon, Dependances, EnvJalon } from './contexte.ts';
import { gestionnaireErreurs, reponseValidation } from './erreurs.ts';
import { routesCollectivites } from './routes/collectivites.ts';
import { routesConventions } from './routes/conventions.ts';
import { routesDonnees } from './routes/donnees.ts';
import { routesCycle } from './routes/cycle.ts';
import { routesEcheances } from './routes/echeances.ts';
import { routesBilans } from './routes/bilans.ts';
import { routesFiches } from './routes/fiches.ts';
import { routesDocuments } from './routes/documents.ts';
import { routesFranceTravail } from './routes/france-travail.ts';
import { routesIndicateurs } from './routes/indicateurs.ts';
import { routesOffre } from './routes/offre.ts';
import { routesNotes } from './routes/notes.ts';
import { routesTableauxBord } from './routes/tableaux-bord.ts';
import { routesEnveloppes } from './routes/enveloppes.ts';
import { routesSession } from './routes/session.ts';
import { routesSysteme } from './routes/systeme.ts';
import { securite } from './securite.ts';
import { REGLAGES_SECURITE } from './securite-reglages.ts';
import { entetesSecurite } from './entetes.ts';
import { Limiteurs, limiterConnexions, limiterImports, limiterTailles } from './limites.ts';
import { routesIdentites } from './routes/identites.ts';
import { routesOidc } from './routes/oidc.ts';
import { servirApplicationWeb } from './statique.ts';

const LIEUX: Record<string, string> = { json: 'corps', query: 'paramètres', param: 'chemin' };

/** L'application HTTP de Jalon (Hono + OpenAPI 3.1), sans écoute réseau : testable par `app.request`. */
export function creerApplication(deps: Dependances): AppJalon {
  const app: AppJalon = new OpenAPIHono<EnvJalon>({
    defaultHook: (resultat, c) => {
      if (!resultat.success && resultat.error instanceof ZodError) {
        return reponseValidation(c, resultat.error, LIEUX[resultat.target] ?? resultat.target);
      }
      return undefined;
    },
  });

  const reglages = deps.securite ?? REGLAGES_SECURITE;
  // Limites de débit : seulement quand des réglages sont donnés — toujours par le serveur (`principal.ts`, via
  // `lireConfig`) ; une application assemblée sans réglages (tests, outils) n'a que les limites de taille.
  const limiteurs = deps.securite === undefined ? undefined : new Limiteurs(deps.securite);
  app.use('*', entetesSecurite());
  if (deps.journal !== undefined) {
    const journal = deps.journal;
    app.use('/api/*', async (c, next) => {
      const debut = performance.now();
      await next();
      journal.info(
        {
          methode: c.req.method,
          chemin: c.req.path,
          statut: c.res.status,
          ms: Math.round(performance.now() - debut),
        },
        'requête',
      );
    });
  }
  app.use('/api/*', limiterTailles(reglages));
  if (limiteurs !== undefined) app.use('/api/*', limiterConnexions(limiteurs));
  app.use('/api/*', securite(deps));
  if (limiteurs !== undefined) app.use('/api/*', limiterImports(limiteurs));

  routesSysteme(app);
  routesSession(app, deps);
  routesOidc(app, deps);
  routesIdentites(app, deps);
  routesCollectivites(app, deps);
  routesConventions(app, deps);
  routesCycle(app, deps);
  routesEcheances(app, deps);
  routesBilans(app, deps);
  routesFiches(app, deps);
  routesIndicateurs(app, deps);
  routesDonnees(app, deps);
  routesFranceTravail(app, deps);
  routesOffre(app, deps);
  routesDocuments(app, deps);
  routesNotes(app, deps);
  routesTableauxBord(app, deps);
  routesEnveloppes(app, deps);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'API Jalon',
      version: '0.1.0',
      description:
        'Conventions, fiches actions, tableau financier et indicateurs. Montants en centimes entiers ; ' +
        'toute modification exige l’en-tête X-CSRF-Token et la version de la convention (409 si périmée).',
    },
  });

  servirApplicationWeb(app, deps.dossierWeb);
  app.notFound((c) => c.json({ erreur: `Adresse inconnue : ${c.req.method} ${c.req.path}` }, 404));
  app.onError(gestionnaireErreurs(deps));
  return app;
}
