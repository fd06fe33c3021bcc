import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { connexionEntreeSchema, erreurSchema, sessionSchema, type Session } from '@jalon/schemas';
import { connecter, utilisateurPublic } from '../../cas/session.ts';
import { REGLAGES_SECURITE } from '../securite-reglages.ts';
import { NOM_COOKIE, type AppJalon, type Dependances } from '../contexte.ts';
import { corpsJson, json } from './commun.ts';

export function routesSession(app: AppJalon, deps: Dependances) {
  const secure = (url: string, proto: string | undefined) =>
    deps.cookieSecure === 'auto' ? url.startsWith('https:') || proto === 'https' : deps.cookieSecure;

  const infoDemo = (): Pick<Session, 'demo' | 'comptes_demo' | 'mot_de_passe_demo'> =>
    deps.demo === undefined
      ? { demo: false }
      : { demo: true, comptes_demo: [...deps.demo.comptes], mot_de_passe_demo: deps.demo.motDePasse };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/session',
      tags: ['session'],
      summary: 'Compte connecté, jeton CSRF, mode démonstration',
      responses: { 200: json(sessionSchema, 'Session (utilisateur null si non connecté)') },
    }),
    async (c) => {
      const session = c.get('session');
      const utilisateur =
        session === undefined
          ? null
          : await utilisateurPublic(deps.persistance.depots, session.acteur.compte);
      return c.json({ utilisateur, csrf: session?.csrf ?? null, ...infoDemo() } satisfies Session, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/session',
      tags: ['session'],
      summary: 'Connexion (compte local, mot de passe haché argon2id)',
      request: corpsJson(connexionEntreeSchema),
      responses: {
        200: json(sessionSchema, 'Connecté : cookie de session HttpOnly, SameSite=Strict'),
        401: json(erreurSchema, 'Identifiant ou mot de passe incorrect'),
        415: json(erreurSchema, 'Corps JSON attendu'),
        422: json(erreurSchema, 'Entrée invalide'),
      },
    }),
    async (c) => {
      const { identifiant, mot_de_passe } = c.req.valid('json');
      // Rotation : la session déjà présente sur ce navigateur (s'il y en a une) est supprimée, une neuve est créée.
      const resultat = await connecter(deps.persistance, identifiant, mot_de_passe, deps.horloge(), {
        reglages: (deps.securite ?? REGLAGES_SECURITE).session,
        ancienne: c.get('session')?.empreinte,
      });
      if (resultat === undefined) {
        deps.journal?.warn({ identifiant }, 'connexion refusée');
        return c.json({ erreur: 'Identifiant ou mot de passe incorrect.' }, 401);
      }
      setCookie(c, NOM_COOKIE, resultat.jeton, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: secure(c.req.url, c.req.header('x-forwarded-proto')),
        path: '/',
        maxAge: (deps.securite ?? REGLAGES_SECURITE).session.dureeMaxMs / 1000,
      });
      const utilisateur = await utilisateurPublic(deps.persistance.depots, resultat.compte);
      return c.json({ utilisateur, csrf: resultat.csrf, ...infoDemo() } satisfies Session, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/session',
      tags: ['session'],
      summary: 'Déconnexion',
      responses: {
        204: { description: 'Session supprimée' },
        401: json(erreurSchema, 'Non connecté'),
        403: json(erreurSchema, 'Jeton CSRF absent ou invalide'),
      },
    }),
    async (c) => {
      const session = c.get('session');
      if (session !== undefined) await deps.persistance.depots.sessions.supprimer(session.empreinte);
      deleteCookie(c, NOM_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );
}
