import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { EN_TETE_CSRF } from '@jalon/schemas';
import { sessionDuJeton } from '../cas/session.ts';
import { nonConnecte } from '../cas/erreurs.ts';
import { NOM_COOKIE, type Dependances, type EnvJalon } from './contexte.ts';
import { REGLAGES_SECURITE } from './securite-reglages.ts';

/**
 * Routes ouvertes sans session (tout le reste est refusé par défaut, issue « Plateforme » § 5). Chaque cas
 * d'usage revérifie ensuite rôle ET territoire.
 */
export const ROUTES_PUBLIQUES: readonly { methode: string; chemin: string }[] = [
  { methode: 'GET', chemin: '/api/sante' },
  { methode: 'GET', chemin: '/api/openapi.json' },
  { methode: 'GET', chemin: '/api/session' },
  { methode: 'POST', chemin: '/api/session' },
  // Connexion ProConnect (OIDC) : état, début (redirection vers le fournisseur), retour du fournisseur.
  { methode: 'GET', chemin: '/api/oidc' },
  { methode: 'GET', chemin: '/api/oidc/connexion' },
  { methode: 'GET', chemin: '/api/oidc/retour' },
];

const METHODES_SURES = new Set(['GET', 'HEAD', 'OPTIONS']);

export const estPublique = (methode: string, chemin: string): boolean =>
  ROUTES_PUBLIQUES.some((r) => r.methode === methode && r.chemin === chemin);

/** Lit la session du cookie, puis : connexion exigée (sauf routes publiques), jeton CSRF exigé sur toute modification. */
export function securite(deps: Dependances): MiddlewareHandler<EnvJalon> {
  return async (c, next) => {
    const jeton = getCookie(c, NOM_COOKIE);
    const session =
      jeton === undefined
        ? undefined
        : await sessionDuJeton(
            deps.persistance.depots,
            jeton,
            deps.horloge(),
            (deps.securite ?? REGLAGES_SECURITE).session,
          );
    c.set(
      'session',
      session && {
        acteur: { compte: session.compte },
        csrf: session.csrf,
        empreinte: session.empreinte,
        idToken: session.idToken,
      },
    );
    const methode = c.req.method;
    const chemin = c.req.path;
    if (estPublique(methode, chemin)) {
      // Connexion : pas encore de jeton CSRF ; on exige un corps JSON (un formulaire d'un autre site ne peut
      // pas en envoyer sans requête préalable CORS, refusée) — INT-PLATEFORME-4.
      if (methode === 'POST' && !(c.req.header('content-type') ?? '').includes('application/json')) {
        return c.json({ erreur: 'Connexion : corps JSON attendu (Content-Type: application/json).' }, 415);
      }
      return next();
    }
    if (session === undefined) throw nonConnecte();
    if (!METHODES_SURES.has(methode) && c.req.header(EN_TETE_CSRF) !== session.csrf) {
      return c.json(
        {
          erreur: `Jeton anti-falsification (CSRF) absent ou invalide : renvoyez l’en-tête ${EN_TETE_CSRF} reçu de GET /api/session.`,
        },
        403,
      );
    }
    return next();
  };
}
