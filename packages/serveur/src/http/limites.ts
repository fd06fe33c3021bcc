import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { EnvJalon } from './contexte.ts';
import type { Limite, ReglagesSecurite } from './securite-reglages.ts';

/**
 * Limitation de débit (docs/securite.md § Limites) avec `rate-limiter-flexible` (fenêtres fixes en mémoire du
 * processus ; plusieurs processus derrière un répartiteur : une limite par processus, voir docs/securite.md) et
 * limites de taille des corps avec `bodyLimit` de Hono. Réponses 429 en français avec `Retry-After` (secondes),
 * 413 en français.
 */
const limiteur = (l: Limite) => new RateLimiterMemory({ points: l.points, duration: l.dureeS });

export class Limiteurs {
  readonly connexionParIp: RateLimiterMemory;
  readonly connexionParCompte: RateLimiterMemory;
  readonly importParIp: RateLimiterMemory;
  readonly importParCompte: RateLimiterMemory;

  constructor(readonly reglages: ReglagesSecurite) {
    this.connexionParIp = limiteur(reglages.limites.connexionParIp);
    this.connexionParCompte = limiteur(reglages.limites.connexionParCompte);
    this.importParIp = limiteur(reglages.limites.importParIp);
    this.importParCompte = limiteur(reglages.limites.importParCompte);
  }
}

/**
 * Routes d'import et de téléversement : `…/import`, `…/televersement(s)` (présentes et futures), le téléversement
 * des données d'une convention (`POST /api/conventions/{id}/donnees`) et l'aperçu d'un profil
 * (`POST …/profils/apercu`), qui reçoivent des fichiers.
 */
export const estImport = (chemin: string): boolean =>
  /\/(import|televersements?)(\/|$)/.test(chemin) ||
  /^\/api\/conventions\/[^/]+\/donnees$/.test(chemin) ||
  /\/profils\/apercu$/.test(chemin);

/** Adresse du client : la connexion TCP, ou la dernière de `X-Forwarded-For` derrière un répartiteur de confiance. */
export function adresseClient(c: Context, proxyDeConfiance: boolean): string {
  if (proxyDeConfiance) {
    const chaine = c.req.header('x-forwarded-for');
    const derniere = chaine?.split(',').at(-1)?.trim();
    if (derniere) return derniere;
  }
  try {
    return getConnInfo(c).remote.address ?? 'inconnue';
  } catch {
    return 'inconnue'; // requête sans socket (tests par app.request)
  }
}

/** Consomme un point ; rend le délai d'attente en secondes si la limite est dépassée. */
export async function consommer(l: RateLimiterMemory, cle: string): Promise<number | undefined> {
  try {
    await l.consume(cle);
    return undefined;
  } catch (refus) {
    if (refus instanceof RateLimiterRes) return Math.max(1, Math.ceil(refus.msBeforeNext / 1000));
    throw refus;
  }
}

/** Délai restant si la clé a déjà épuisé ses points (sans en consommer). */
async function epuise(l: RateLimiterMemory, cle: string): Promise<number | undefined> {
  const etat = await l.get(cle);
  if (etat === null || etat.consumedPoints < l.points) return undefined;
  return Math.max(1, Math.ceil(etat.msBeforeNext / 1000));
}

/** 429 : `motif` commence la phrase (« Trop de tentatives… »), le délai d'attente la termine. */
export function tropDeRequetes(c: Context, secondes: number, motif: string): Response {
  c.header('Retry-After', String(secondes));
  return c.json(
    {
      erreur: `${motif} en peu de temps : réessayez dans ${secondes} seconde${secondes > 1 ? 's' : ''}.`,
    },
    429,
  );
}

/**
 * Connexion par mot de passe (`POST /api/session`) et début de connexion ProConnect : toutes les tentatives
 * comptent par adresse IP ; par identifiant, seuls les échecs comptent (un succès remet le compteur à zéro),
 * pour ne pas bloquer un compte par ses propres connexions réussies.
 */
export function limiterConnexions(limiteurs: Limiteurs): MiddlewareHandler<EnvJalon> {
  return async (c, next) => {
    const motDePasse = c.req.method === 'POST' && c.req.path === '/api/session';
    const oidc = c.req.method === 'GET' && c.req.path === '/api/oidc/connexion';
    if (!motDePasse && !oidc) return next();
    const ip = adresseClient(c, limiteurs.reglages.proxyDeConfiance);
    const attenteIp = await consommer(limiteurs.connexionParIp, ip);
    if (attenteIp !== undefined) {
      if (oidc) return c.redirect('/connexion?erreur=trop_de_tentatives', 302);
      return tropDeRequetes(c, attenteIp, 'Trop de tentatives de connexion depuis votre adresse');
    }
    if (!motDePasse) return next();
    let identifiant: string | undefined;
    try {
      const corps: unknown = await c.req.json();
      const lu = (corps as { identifiant?: unknown } | null)?.identifiant;
      identifiant = typeof lu === 'string' ? lu.trim().toLowerCase() : undefined;
    } catch {
      identifiant = undefined; // corps illisible : la validation de la route répondra 422
    }
    if (identifiant === undefined) return next();
    const attenteCompte = await epuise(limiteurs.connexionParCompte, identifiant);
    if (attenteCompte !== undefined) {
      return tropDeRequetes(c, attenteCompte, 'Trop d’échecs de connexion pour cet identifiant');
    }
    await next();
    if (c.res.status === 401) await consommer(limiteurs.connexionParCompte, identifiant);
    else if (c.res.status === 200) await limiteurs.connexionParCompte.delete(identifiant);
  };
}

/** Imports et téléversements : par adresse IP et par compte (après la lecture de la session). */
export function limiterImports(limiteurs: Limiteurs): MiddlewareHandler<EnvJalon> {
  return async (c, next) => {
    if (c.req.method === 'GET' || !estImport(c.req.path)) return next();
    const attenteIp = await consommer(
      limiteurs.importParIp,
      adresseClient(c, limiteurs.reglages.proxyDeConfiance),
    );
    if (attenteIp !== undefined) return tropDeRequetes(c, attenteIp, 'Trop d’imports depuis votre adresse');
    const session = c.get('session');
    if (session !== undefined) {
      const attente = await consommer(limiteurs.importParCompte, String(session.acteur.compte.id));
      if (attente !== undefined) return tropDeRequetes(c, attente, 'Trop d’imports pour votre compte');
    }
    return next();
  };
}

const taille = (octets: number): string =>
  octets >= 1024 * 1024
    ? `${(octets / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mio`
    : `${(octets / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Kio`;

/**
 * Taille maximale des corps : un seul intergiciel pour toute l'API, la limite des imports et téléversements
 * étant plus haute (`JALON_TELEVERSEMENT_MAX_MO`) que celle des autres requêtes (`JALON_TAILLE_MAX_CORPS_MO`).
 * `bodyLimit` vérifie `Content-Length` et compte aussi les octets d'un envoi par morceaux.
 */
export function limiterTailles(reglages: ReglagesSecurite): MiddlewareHandler<EnvJalon> {
  const pour = (max: number, marge = 0) =>
    bodyLimit({
      maxSize: max + marge,
      onError: (c) =>
        c.json(
          { erreur: `Requête trop volumineuse : ${taille(max)} au plus pour cette adresse (${c.req.path}).` },
          413,
        ),
    });
  const corps = pour(reglages.tailles.corps);
  // Marge de l'enveloppe multipart (en-têtes des parties, autres champs) : la limite porte sur les fichiers, comme
  // celle de la réception des données (cas/donnees-reception.ts), qui répond elle-même au-delà.
  const televersement = pour(reglages.tailles.televersement, 64 * 1024);
  return (c, next) => (estImport(c.req.path) ? televersement(c, next) : corps(c, next));
}
