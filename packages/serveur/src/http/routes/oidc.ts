import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { oidcDeconnexionSchema, oidcEtatSchema } from '@jalon/schemas';
import { ErreurConnexionOidc, retourInterne, DUREE_ATTENTE_MS } from '../../cas/oidc.ts';
import { NOM_COOKIE, type AppJalon, type Dependances, type EnvJalon } from '../contexte.ts';
import { REGLAGES_SECURITE } from '../securite-reglages.ts';
import { ERREURS_LECTURE, json } from './commun.ts';

/** Cookie qui lie une connexion ProConnect en cours au navigateur qui l'a commencée (SameSite=Lax : le retour du
 * fournisseur est une navigation depuis un autre site). */
export const NOM_COOKIE_OIDC = 'jalon_oidc';

/**
 * Connexion ProConnect (OIDC) : `GET /api/oidc` (configurée ?), `GET /api/oidc/connexion` (redirection vers le
 * fournisseur), `GET /api/oidc/retour` (retour du fournisseur : session ouverte puis redirection vers la page
 * demandée, ou vers `/connexion?erreur=<code>`), `POST /api/oidc/deconnexion` (session supprimée ; adresse de fin
 * de session chez le fournisseur pour une session ProConnect).
 */
export function routesOidc(app: AppJalon, deps: Dependances) {
  const reglages = () => deps.securite ?? REGLAGES_SECURITE;
  const secure = (c: Context<EnvJalon>) =>
    deps.cookieSecure === 'auto'
      ? c.req.url.startsWith('https:') || c.req.header('x-forwarded-proto') === 'https'
      : deps.cookieSecure;
  const echec = (c: Context<EnvJalon>, erreur: ErreurConnexionOidc) => {
    deps.journal?.warn({ code: erreur.code, raison: erreur.message }, 'connexion ProConnect refusée');
    return c.redirect(`/connexion?erreur=${erreur.code}`, 302);
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/oidc',
      tags: ['session'],
      summary: 'La connexion ProConnect est-elle configurée ?',
      responses: { 200: json(oidcEtatSchema, 'État de la connexion ProConnect') },
    }),
    (c) => c.json({ actif: deps.oidc !== undefined }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/oidc/connexion',
      tags: ['session'],
      summary: 'Commencer une connexion ProConnect (redirection vers le fournisseur)',
      request: { query: z.object({ retour: z.string().optional() }) },
      responses: {
        302: { description: 'Vers le fournisseur (ou vers /connexion?erreur=… s’il ne répond pas)' },
        404: ERREURS_LECTURE[404],
      },
    }),
    async (c) => {
      if (deps.oidc === undefined) {
        return c.json({ erreur: 'La connexion ProConnect n’est pas configurée sur ce serveur.' }, 404);
      }
      try {
        const { url, navigateur } = await deps.oidc.commencer(
          deps.persistance,
          retourInterne(c.req.valid('query').retour),
          deps.horloge(),
        );
        setCookie(c, NOM_COOKIE_OIDC, navigateur, {
          httpOnly: true,
          sameSite: 'Lax',
          secure: secure(c),
          path: '/api/oidc',
          maxAge: DUREE_ATTENTE_MS / 1000,
        });
        return c.redirect(url, 302);
      } catch (erreur) {
        if (erreur instanceof ErreurConnexionOidc) return echec(c, erreur);
        throw erreur;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/oidc/retour',
      tags: ['session'],
      summary: 'Retour du fournisseur ProConnect (code d’autorisation)',
      request: {
        query: z.object({
          code: z.string().optional(),
          state: z.string().optional(),
          iss: z.string().optional(),
          error: z.string().optional(),
          error_description: z.string().optional(),
        }),
      },
      responses: {
        302: { description: 'Connecté : vers la page demandée ; sinon vers /connexion?erreur=<code>' },
        404: ERREURS_LECTURE[404],
      },
    }),
    async (c) => {
      if (deps.oidc === undefined) {
        return c.json({ erreur: 'La connexion ProConnect n’est pas configurée sur ce serveur.' }, 404);
      }
      const navigateur = getCookie(c, NOM_COOKIE_OIDC);
      deleteCookie(c, NOM_COOKIE_OIDC, { path: '/api/oidc' });
      // L'adresse telle que le fournisseur l'a appelée (redirect_uri publique + paramètres reçus).
      const urlRetour = new URL(deps.oidc.redirectUri);
      urlRetour.search = new URL(c.req.url).search;
      try {
        const resultat = await deps.oidc.terminer(deps.persistance, navigateur, urlRetour, deps.horloge(), {
          reglages: reglages().session,
          ancienne: c.get('session')?.empreinte,
        });
        setCookie(c, NOM_COOKIE, resultat.jeton, {
          httpOnly: true,
          sameSite: 'Strict',
          secure: secure(c),
          path: '/',
          maxAge: reglages().session.dureeMaxMs / 1000,
        });
        deps.journal?.info({ compte: resultat.compte.identifiant }, 'connexion ProConnect');
        return c.redirect(resultat.retour, 302);
      } catch (erreur) {
        if (erreur instanceof ErreurConnexionOidc) return echec(c, erreur);
        throw erreur;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/oidc/deconnexion',
      tags: ['session'],
      summary: 'Déconnexion (et adresse de fin de session ProConnect pour une session ProConnect)',
      responses: {
        200: json(oidcDeconnexionSchema, 'Session supprimée'),
        401: ERREURS_LECTURE[401],
        403: ERREURS_LECTURE[403],
      },
    }),
    async (c) => {
      const session = c.get('session');
      let redirection: string | null = null;
      if (session !== undefined) {
        await deps.persistance.depots.sessions.supprimer(session.empreinte);
        if (session.idToken && deps.oidc !== undefined) {
          redirection = await deps.oidc.finDeSession(session.idToken);
        }
      }
      deleteCookie(c, NOM_COOKIE, { path: '/' });
      return c.json({ redirection }, 200);
    },
  );
}
