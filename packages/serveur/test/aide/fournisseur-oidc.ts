import { createServer as creerServeurHttp, type Server } from 'node:http';
import { portLibre } from './reseau.ts';
import Provider, { type Configuration } from 'oidc-provider';

export { portLibre };

/**
 * Fournisseur OpenID Connect LOCAL pour les tests (paquet `oidc-provider`, implémentation certifiée), lancé sur
 * la boucle locale (127.0.0.1, port libre) : client confidentiel `client_secret_post`, PKCE exigé, e-mail
 * seulement dans userinfo (comme ProConnect), déconnexion à l'initiative du client (`end_session_endpoint`).
 * Connexion par le formulaire de développement du paquet : l'identifiant saisi devient le `sub`.
 */
export interface FournisseurTest {
  readonly emetteur: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** `sub` → e-mail rendu par userinfo. */
  readonly comptes: Map<string, string>;
  arreter(): Promise<void>;
}

export async function demarrerFournisseur(options: {
  /** Adresse publique de Jalon (redirect_uri = `<jalon>/api/oidc/retour`). */
  readonly jalon: string;
}): Promise<FournisseurTest> {
  const port = await portLibre();
  const emetteur = `http://127.0.0.1:${port}`;
  const clientId = 'jalon-test';
  const clientSecret = 'secret-de-test-du-client-jalon-0123456789';
  const comptes = new Map<string, string>();
  const portees = ['openid', 'email', 'given_name', 'usual_name'];
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [new URL('/api/oidc/retour', options.jalon).toString()],
        post_logout_redirect_uris: [new URL('/connexion', options.jalon).toString()],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      given_name: ['given_name'],
      usual_name: ['usual_name'],
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['cle-de-cookies-du-fournisseur-de-test'] },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({
        sub,
        email: comptes.get(sub) ?? `${sub}@inconnu.test`,
        email_verified: true,
        given_name: 'Camille',
        usual_name: 'Agent',
      }),
    }),
    // Consentement implicite (le client est de confiance) : seule la connexion est demandée.
    loadExistingGrant: async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      const client = ctx.oidc.client;
      if (accountId === undefined || client === undefined) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId });
      grant.addOIDCScope(portees.join(' '));
      grant.addOIDCClaims(['email', 'email_verified', 'given_name', 'usual_name']);
      await grant.save();
      return grant;
    },
  };
  const fournisseur = new Provider(emetteur, configuration);
  const serveur: Server = creerServeurHttp(fournisseur.callback());
  await new Promise<void>((ok) => serveur.listen(port, '127.0.0.1', ok));
  return {
    emetteur,
    clientId,
    clientSecret,
    comptes,
    arreter: () => new Promise<void>((ok) => serveur.close(() => ok())),
  };
}

/**
 * Parcourt la connexion chez le fournisseur SANS navigateur (fetch, cookies tenus à la main) : suit les
 * redirections, remplit le formulaire de connexion avec `login` (= sub), et rend l'adresse de retour vers Jalon
 * (`…/api/oidc/retour?code=…&state=…&iss=…`), sans l'appeler.
 */
export async function seConnecterChezLeFournisseur(
  urlAutorisation: string,
  login: string,
  jalon: string,
): Promise<URL> {
  const cookies = new Map<string, string>();
  const entetes = () => ({ cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') });
  const retenir = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [paire = ''] = c.split(';');
      const i = paire.indexOf('=');
      cookies.set(paire.slice(0, i), paire.slice(i + 1));
    }
  };
  let url = new URL(urlAutorisation);
  for (let etape = 0; etape < 10; etape++) {
    if (url.origin === new URL(jalon).origin) return url;
    let r = await fetch(url, { redirect: 'manual', headers: entetes() });
    retenir(r);
    if (r.status === 200 && url.pathname.startsWith('/interaction/')) {
      r = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...entetes(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'x' }).toString(),
      });
      retenir(r);
    }
    const suivante = r.headers.get('location');
    if (suivante === null)
      throw new Error(`fournisseur : ${r.status} sans redirection à ${url.href}\n${await r.text()}`);
    url = new URL(suivante, url);
  }
  throw new Error('fournisseur : trop de redirections');
}
