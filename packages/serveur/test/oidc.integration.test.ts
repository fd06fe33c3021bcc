import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { EN_TETE_CSRF, type Identite, type Identites, type Session } from '@jalon/schemas';
import { preparerApplication } from '../src/application.ts';
import type { Base } from '../src/base/ouvrir.ts';
import type { AppJalon } from '../src/http/contexte.ts';
import { pgliteTest } from './aide/pglite-rapide.ts';
import { Client, corps } from './aide/client.ts';
import {
  demarrerFournisseur,
  seConnecterChezLeFournisseur,
  type FournisseurTest,
} from './aide/fournisseur-oidc.ts';

/**
 * Connexion ProConnect (OIDC) de bout en bout côté serveur : un VRAI fournisseur OpenID Connect (`oidc-provider`)
 * sur la boucle locale, la vraie application Jalon (PGlite, démonstration) ; le navigateur est simulé par fetch
 * (cookies tenus à la main). Le parcours dans Chromium est dans packages/web/test/oidc.e2e.test.ts.
 */
const JALON = 'http://jalon.test';
let fournisseur: FournisseurTest;
let base: Base;
let app: AppJalon;
let national: Client;

beforeAll(async () => {
  fournisseur = await demarrerFournisseur({ jalon: JALON });
  base = await pgliteTest('demo', async (b) => {
    await preparerApplication(b, { demo: true });
  });
  ({ app } = await preparerApplication(base, {
    demo: true,
    oidc: {
      emetteur: fournisseur.emetteur,
      clientId: fournisseur.clientId,
      clientSecret: fournisseur.clientSecret,
      urlPublique: JALON,
      portees: 'openid email given_name usual_name',
      acr: undefined,
      authentification: 'client_secret_post',
      algUserinfo: undefined,
    },
  }));
  national = new Client(app);
  expect((await national.connecter('national')).statut).toBe(200);
}, 120_000);

afterAll(async () => {
  await fournisseur?.arreter();
  await base?.fermer();
});

/** Un navigateur simulé : ses cookies (jalon_oidc, jalon_session). */
class Navigateur {
  readonly cookies = new Map<string, string>();
  async requete(chemin: string, init: RequestInit = {}): Promise<Response> {
    const entetes = new Headers(init.headers);
    if (this.cookies.size > 0)
      entetes.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const r = await app.request(chemin, { ...init, headers: entetes });
    for (const c of r.headers.getSetCookie()) {
      const [paire = ''] = c.split(';');
      const i = paire.indexOf('=');
      const valeur = paire.slice(i + 1);
      if (valeur === '' || /max-age=0/i.test(c)) this.cookies.delete(paire.slice(0, i));
      else this.cookies.set(paire.slice(0, i), valeur);
    }
    return r;
  }
  /** Commence la connexion ; rend l'adresse du fournisseur. */
  async commencer(retour = '/conventions'): Promise<string> {
    const r = await this.requete(`/api/oidc/connexion?retour=${encodeURIComponent(retour)}`);
    expect(r.status).toBe(302);
    const url = r.headers.get('location') ?? '';
    expect(url.startsWith(fournisseur.emetteur)).toBe(true);
    return url;
  }
  async retour(url: URL): Promise<Response> {
    return this.requete(url.pathname + url.search);
  }
  async session(): Promise<Session> {
    return (await (await this.requete('/api/session')).json()) as Session;
  }
}

async function associer(entree: Record<string, unknown>): Promise<Identite> {
  const r = await national.requete('POST', '/api/identites', entree);
  expect(r.statut, JSON.stringify(r.corps)).toBe(201);
  return corps<Identite>(r);
}

describe('connexion ProConnect (OIDC) contre un fournisseur local', () => {
  it('GET /api/oidc annonce la connexion ProConnect ; l’adresse du fournisseur porte PKCE S256, state et nonce', async () => {
    expect(await (await app.request('/api/oidc')).json()).toEqual({ actif: true });
    const url = new URL(await new Navigateur().commencer());
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')?.length).toBeGreaterThanOrEqual(43);
    expect(url.searchParams.get('state')?.length).toBeGreaterThanOrEqual(22);
    expect(url.searchParams.get('nonce')?.length).toBeGreaterThanOrEqual(22);
    expect(url.searchParams.get('redirect_uri')).toBe(`${JALON}/api/oidc/retour`);
    expect(url.searchParams.get('scope')).toBe('openid email given_name usual_name');
  });

  it('une identité inconnue est refusée (message français côté interface), sans session', async () => {
    const nav = new Navigateur();
    const retour = await seConnecterChezLeFournisseur(await nav.commencer(), 'inconnu-1', JALON);
    const r = await nav.retour(retour);
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('/connexion?erreur=identite_inconnue');
    expect((await nav.session()).utilisateur).toBeNull();
  });

  it('identité associée par e-mail : connexion, sub retenu, audit ; retour rejoué refusé ; mot de passe local refusé', async () => {
    fournisseur.comptes.set('sub-agent-44', 'Camille.Agent@loire-atlantique.test');
    const identite = await associer({
      email: 'camille.agent@loire-atlantique.test',
      nom: 'Camille Agent',
      role: 'departement_agent',
      collectivite_id: 'departement:44',
    });
    expect(identite.sub).toBeNull();

    const nav = new Navigateur();
    const retour = await seConnecterChezLeFournisseur(
      await nav.commencer('/conventions/1'),
      'sub-agent-44',
      JALON,
    );
    const r = await nav.retour(retour);
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('/conventions/1');
    const session = await nav.session();
    expect(session.utilisateur?.identifiant).toBe('camille.agent@loire-atlantique.test');
    expect(session.utilisateur?.role).toBe('departement_agent');
    expect(session.utilisateur?.territoire).toMatchObject({
      type: 'collectivite',
      collectivite_id: 'departement:44',
    });
    // Droits du rôle : la liste des conventions ne montre que la Loire-Atlantique.
    const liste = (await (await nav.requete('/api/conventions')).json()) as {
      conventions: { collectivite: { id: string } }[];
    };
    expect(liste.conventions.length).toBeGreaterThan(0);
    expect(new Set(liste.conventions.map((c) => c.collectivite.id))).toEqual(new Set(['departement:44']));

    const apres = corps<Identites>(await national.get('/api/identites'));
    const lue = apres.identites.find((i) => i.id === identite.id);
    expect(lue?.sub).toBe('sub-agent-44');
    expect(lue?.derniere_connexion).not.toBeNull();
    const actions = apres.historique.filter((h) => h.entite_id === String(identite.id)).map((h) => h.action);
    expect(actions).toEqual(['lier_identite', 'associer_identite']);

    // Le même retour (code, state) rejoué par ce navigateur : la connexion en cours a été consommée.
    const rejoue = new Navigateur();
    for (const [k, v] of nav.cookies) rejoue.cookies.set(k, v);
    rejoue.cookies.delete('jalon_session');
    const r2 = await rejoue.retour(retour);
    expect(r2.headers.get('location')).toBe('/connexion?erreur=etat_invalide');
    expect((await rejoue.session()).utilisateur).toBeNull();

    // Pas de mot de passe local pour un compte ProConnect.
    const local = new Client(app);
    expect((await local.connecter('camille.agent@loire-atlantique.test', '!oidc')).statut).toBe(401);
  });

  it('state falsifié, retour sans le cookie du navigateur, nonce différent : refusés', async () => {
    fournisseur.comptes.set('sub-ddets-37', 'ddets@indre-et-loire.test');
    await associer({
      email: 'ddets@indre-et-loire.test',
      sub: 'sub-ddets-37',
      nom: 'Dominique DDETS',
      role: 'ddets',
      departement: '37',
    });

    // state falsifié
    const nav = new Navigateur();
    const retour = await seConnecterChezLeFournisseur(await nav.commencer(), 'sub-ddets-37', JALON);
    const falsifie = new URL(retour);
    falsifie.searchParams.set('state', 'etat-falsifie-par-un-tiers');
    expect((await nav.retour(falsifie)).headers.get('location')).toBe('/connexion?erreur=etat_invalide');
    expect((await nav.session()).utilisateur).toBeNull();

    // Le retour d'un autre navigateur (pas de cookie jalon_oidc) : refusé (connexion forcée / CSRF de connexion).
    const nav2 = new Navigateur();
    const retour2 = await seConnecterChezLeFournisseur(await nav2.commencer(), 'sub-ddets-37', JALON);
    const etranger = new Navigateur();
    expect((await etranger.retour(retour2)).headers.get('location')).toBe('/connexion?erreur=etat_invalide');
    expect((await etranger.session()).utilisateur).toBeNull();

    // nonce : le jeton d'identité porte le nonce de la demande ; un nonce attendu différent (jeton d'une autre
    // connexion rejoué) est refusé par la vérification du jeton.
    const nav3 = new Navigateur();
    const retour3 = await seConnecterChezLeFournisseur(await nav3.commencer(), 'sub-ddets-37', JALON);
    await sql`update oidc_attente set nonce = 'nonce-d-une-autre-connexion'`.execute(base.db);
    expect((await nav3.retour(retour3)).headers.get('location')).toBe('/connexion?erreur=etat_invalide');
    expect((await nav3.session()).utilisateur).toBeNull();

    // Contrôle positif : le même parcours, sans altération, connecte.
    const nav4 = new Navigateur();
    const retour4 = await seConnecterChezLeFournisseur(await nav4.commencer(), 'sub-ddets-37', JALON);
    expect((await nav4.retour(retour4)).headers.get('location')).toBe('/conventions');
    expect((await nav4.session()).utilisateur?.role).toBe('ddets');
  });

  it('changement de rôle : les sessions du compte sont fermées ; retrait : connexion refusée ; déconnexion chez le fournisseur', async () => {
    fournisseur.comptes.set('sub-valideur-59', 'valideur@nord.test');
    const identite = await associer({
      email: 'valideur@nord.test',
      sub: 'sub-valideur-59',
      nom: 'Valère Valideur',
      role: 'departement_agent',
      collectivite_id: 'departement:59',
    });
    const nav = new Navigateur();
    await nav.retour(await seConnecterChezLeFournisseur(await nav.commencer(), 'sub-valideur-59', JALON));
    expect((await nav.session()).utilisateur?.role).toBe('departement_agent');

    const modif = await national.requete('PUT', `/api/identites/${identite.id}`, {
      nom: 'Valère Valideur',
      role: 'departement_valideur',
      collectivite_id: 'departement:59',
    });
    expect(modif.statut).toBe(200);
    expect((await nav.session()).utilisateur).toBeNull(); // élévation : reconnexion exigée
    await nav.retour(await seConnecterChezLeFournisseur(await nav.commencer(), 'sub-valideur-59', JALON));
    const session = await nav.session();
    expect(session.utilisateur?.role).toBe('departement_valideur');

    // Déconnexion : session supprimée, adresse de fin de session du fournisseur avec id_token_hint.
    const deco = await nav.requete('/api/oidc/deconnexion', {
      method: 'POST',
      headers: { [EN_TETE_CSRF]: session.csrf ?? '' },
    });
    expect(deco.status).toBe(200);
    const { redirection } = (await deco.json()) as { redirection: string };
    const fin = new URL(redirection);
    expect(`${fin.origin}${fin.pathname}`).toBe(`${fournisseur.emetteur}/session/end`);
    expect(fin.searchParams.get('id_token_hint')?.split('.').length).toBe(3);
    expect(fin.searchParams.get('post_logout_redirect_uri')).toBe(`${JALON}/connexion`);
    expect((await nav.session()).utilisateur).toBeNull();

    expect((await national.requete('DELETE', `/api/identites/${identite.id}`)).statut).toBe(204);
    const nav2 = new Navigateur();
    const r = await nav2.retour(
      await seConnecterChezLeFournisseur(await nav2.commencer(), 'sub-valideur-59', JALON),
    );
    expect(r.headers.get('location')).toBe('/connexion?erreur=identite_inconnue');
    const historique = corps<Identites>(await national.get('/api/identites'))
      .historique.filter((h) => h.entite_id === String(identite.id))
      .map((h) => [h.action, h.qui]);
    expect(historique).toEqual([
      ['retirer_identite', 'national'],
      ['modifier_identite', 'national'],
      ['associer_identite', 'national'],
    ]);
  });

  it('administration des identités : administration centrale seulement ; entrées invalides en français', async () => {
    for (const identifiant of ['agent.37', 'valideur.37', 'ddets.37', 'commissaire.24']) {
      const client = new Client(app);
      await client.connecter(identifiant);
      expect((await client.get('/api/identites')).statut, identifiant).toBe(403);
      const r = await client.requete('POST', '/api/identites', {
        email: `${identifiant}@pirate.test`,
        nom: 'Pirate',
        role: 'national',
      });
      expect(r.statut, identifiant).toBe(403);
      expect(corps<{ erreur: string }>(r).erreur).toMatch(/administration centrale/);
    }
    const sansTerritoire = await national.requete('POST', '/api/identites', {
      email: 'x@y.test',
      nom: 'X',
      role: 'ddets',
    });
    expect(sansTerritoire.statut).toBe(422);
    expect(corps<{ erreur: string }>(sansTerritoire).erreur).toBe(
      'Le rôle « ddets » exige un département (champ departement).',
    );
    const inconnu = await national.requete('POST', '/api/identites', {
      email: 'x@y.test',
      nom: 'X',
      role: 'departement_agent',
      collectivite_id: 'departement:999',
    });
    expect(corps<{ erreur: string }>(inconnu).erreur).toBe('Collectivité inconnue : « departement:999 ».');
    const doublon = await national.requete('POST', '/api/identites', {
      email: 'DDETS@indre-et-loire.test',
      nom: 'X',
      role: 'national',
    });
    expect(doublon.statut).toBe(409);
  });
});
