import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { ZodError } from 'zod';
import type { AppJalon, Dependances, EnvJalon } from './contexte.ts';
import { gestionnaireErreurs, reponseValidation } from './erreurs.ts';
import { routesCollectivites } from './routes/collectivites.ts';
import { routesConventions } from './routes/conventions.ts';
import { routesFiches } from './routes/fiches.ts';
import { routesFranceTravail } from './routes/france-travail.ts';
import { routesIndicateurs } from './routes/indicateurs.ts';
import { routesSession } from './routes/session.ts';
import { routesSysteme } from './routes/systeme.ts';
import { securite } from './securite.ts';
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

  app.use('*', secureHeaders());
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
  app.use('/api/*', securite(deps));

  routesSysteme(app);
  routesSession(app, deps);
  routesCollectivites(app, deps);
  routesConventions(app, deps);
  routesFiches(app, deps);
  routesIndicateurs(app, deps);
  routesFranceTravail(app, deps);

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
