import type { Hono } from 'hono';
import { EN_TETE_CSRF } from '@jalon/schemas';

/** Client HTTP de test : garde le cookie de session et renvoie le jeton CSRF, via `app.request` (sans réseau). */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(private readonly app: Pick<Hono, 'request'>) {}

  async requete(
    methode: string,
    chemin: string,
    corps?: unknown,
    options: { csrf?: boolean; entetes?: Record<string, string> } = {},
  ): Promise<{ statut: number; corps: unknown; entetes: Headers }> {
    const entetes: Record<string, string> = { ...options.entetes };
    if (this.cookie) entetes.cookie = this.cookie;
    // Un FormData (téléversement multipart) part tel quel : fetch pose lui-même son content-type.
    const formulaire = corps instanceof FormData;
    if (corps !== undefined && !formulaire) entetes['content-type'] = 'application/json';
    if (options.csrf !== false && this.csrf && methode !== 'GET') entetes[EN_TETE_CSRF] = this.csrf;
    const reponse = await this.app.request(chemin, {
      method: methode,
      headers: entetes,
      ...(corps instanceof FormData
        ? { body: corps }
        : corps !== undefined
          ? { body: typeof corps === 'string' ? corps : JSON.stringify(corps) }
          : {}),
    });
    const cookie = reponse.headers.get('set-cookie');
    if (cookie) this.cookie = cookie.split(';')[0];
    const texte = await reponse.text();
    let lu: unknown = texte;
    try {
      lu = texte === '' ? null : JSON.parse(texte);
    } catch {
      // corps non JSON (HTML de l'application web)
    }
    return { statut: reponse.status, corps: lu, entetes: reponse.headers };
  }

  get = (chemin: string) => this.requete('GET', chemin);

  async connecter(identifiant: string, motDePasse = 'demo-jalon') {
    const r = await this.requete('POST', '/api/session', { identifiant, mot_de_passe: motDePasse });
    if (r.statut === 200) this.csrf = (r.corps as { csrf: string }).csrf;
    return r;
  }
}

/** Accès typé rapide aux corps JSON dans les tests. */
export const corps = <T>(r: { corps: unknown }): T => r.corps as T;
