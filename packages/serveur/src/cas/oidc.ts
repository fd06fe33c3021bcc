import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { ErreurOidc } from '@jalon/schemas';
import type { CompteEnregistre, Persistance } from '../depots/ports.ts';
import { empreinteJeton, ouvrirSession, type ReglagesSession } from './session.ts';

/**
 * Connexion des agents par OpenID Connect, compatible ProConnect (docs/securite.md) : découverte, code
 * d'autorisation avec PKCE (S256), `state` et `nonce`, identité rapprochée d'une association faite par un
 * administrateur (INT-SECURITE-2), déconnexion chez le fournisseur (`end_session_endpoint`). Le protocole
 * lui-même est entièrement fait par `openid-client` (certifié OpenID) : ici seulement ce que Jalon décide.
 */
export interface ConfigOidc {
  /** Émetteur (`issuer`) : la découverte lit `<émetteur>/.well-known/openid-configuration`. */
  readonly emetteur: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Adresse publique de Jalon : `redirect_uri` = `<urlPublique>/api/oidc/retour`. */
  readonly urlPublique: string;
  readonly portees: string;
  /** `acr_values` demandé (ProConnect : `eidas1`), facultatif. */
  readonly acr: string | undefined;
  readonly authentification: 'client_secret_post' | 'client_secret_basic';
  /** Algorithme de signature des réponses userinfo (ProConnect les signe : `RS256`), facultatif. */
  readonly algUserinfo: string | undefined;
}

/** Durée de vie d'une connexion commencée et pas terminée : 10 minutes. */
export const DUREE_ATTENTE_MS = 10 * 60 * 1000;

export class ErreurConnexionOidc extends Error {
  constructor(
    readonly code: ErreurOidc,
    message: string,
  ) {
    super(message);
    this.name = 'ErreurConnexionOidc';
  }
}

const aleatoire = (): string => randomBytes(32).toString('base64url');

const boucleLocale = (url: URL): boolean =>
  url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/** Retour après connexion : seulement un chemin interne (jamais une autre origine). */
export const retourInterne = (valeur: string | undefined | null): string =>
  valeur !== undefined && valeur !== null && /^\/(?![/\\])/.test(valeur) ? valeur : '/';

export class ConnexionOidc {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(readonly config: ConfigOidc) {}

  get redirectUri(): string {
    return new URL('/api/oidc/retour', this.config.urlPublique).toString();
  }

  /** Découverte, gardée après un succès (un échec sera retenté à la connexion suivante). */
  private decouvrir(): Promise<client.Configuration> {
    if (this.configuration === undefined) {
      const emetteur = new URL(this.config.emetteur);
      const authentification =
        this.config.authentification === 'client_secret_basic'
          ? client.ClientSecretBasic(this.config.clientSecret)
          : client.ClientSecretPost(this.config.clientSecret);
      const metadonnees: Partial<client.ClientMetadata> = {
        client_secret: this.config.clientSecret,
        token_endpoint_auth_method: this.config.authentification,
        ...(this.config.algUserinfo !== undefined
          ? { userinfo_signed_response_alg: this.config.algUserinfo }
          : {}),
      };
      this.configuration = client
        .discovery(emetteur, this.config.clientId, metadonnees, authentification, {
          // http seulement sur la boucle locale (tests, développement) ; https partout ailleurs.
          ...(boucleLocale(emetteur) ? { execute: [client.allowInsecureRequests] } : {}),
          timeout: 10,
        })
        .catch((erreur: unknown) => {
          this.configuration = undefined;
          throw erreur;
        });
    }
    return this.configuration;
  }

  /**
   * Commence une connexion : rend l'adresse du fournisseur et le secret du navigateur (cookie) auquel la
   * connexion en cours est liée (state, nonce, vérificateur PKCE gardés en base sous son empreinte).
   */
  async commencer(
    persistance: Persistance,
    retour: string,
    maintenant: Date,
  ): Promise<{ url: string; navigateur: string }> {
    let configuration: client.Configuration;
    try {
      configuration = await this.decouvrir();
    } catch (erreur) {
      throw new ErreurConnexionOidc('indisponible', `découverte OIDC impossible : ${String(erreur)}`);
    }
    const navigateur = aleatoire();
    const etat = client.randomState();
    const nonce = client.randomNonce();
    const verificateur = client.randomPKCECodeVerifier();
    await persistance.depots.identites.purgerAttentes(maintenant);
    await persistance.depots.identites.attendre({
      empreinte: empreinteJeton(navigateur),
      etat,
      nonce,
      verificateur,
      retour: retourInterne(retour),
      expireLe: new Date(maintenant.getTime() + DUREE_ATTENTE_MS).toISOString(),
    });
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: this.config.portees,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(verificateur),
      code_challenge_method: 'S256',
      state: etat,
      nonce,
      ...(this.config.acr !== undefined ? { acr_values: this.config.acr } : {}),
    });
    return { url: url.toString(), navigateur };
  }

  /**
   * Termine la connexion au retour du fournisseur : la connexion en cours de CE navigateur est consommée (usage
   * unique : un retour rejoué est refusé), `openid-client` vérifie `state`, `iss`, le code (PKCE), la signature
   * et le `nonce` du jeton d'identité ; l'identité doit être associée à un compte actif.
   */
  async terminer(
    persistance: Persistance,
    navigateur: string | undefined,
    urlRetour: URL,
    maintenant: Date,
    options: { reglages?: ReglagesSession; ancienne?: string | undefined } = {},
  ): Promise<{ jeton: string; csrf: string; compte: CompteEnregistre; retour: string; email: string }> {
    const attente =
      navigateur === undefined
        ? undefined
        : await persistance.depots.identites.consommerAttente(empreinteJeton(navigateur));
    if (attente === undefined || new Date(attente.expireLe).getTime() <= maintenant.getTime()) {
      throw new ErreurConnexionOidc('etat_invalide', 'aucune connexion en cours pour ce navigateur');
    }
    let configuration: client.Configuration;
    try {
      configuration = await this.decouvrir();
    } catch (erreur) {
      throw new ErreurConnexionOidc('indisponible', `découverte OIDC impossible : ${String(erreur)}`);
    }
    if (urlRetour.searchParams.get('state') !== attente.etat) {
      // openid-client le vérifie aussi ; le dire ici distingue une falsification d'un refus du fournisseur.
      throw new ErreurConnexionOidc('etat_invalide', 'state différent de celui de la connexion en cours');
    }
    let idToken: string | undefined;
    let sub: string;
    let email: string | undefined;
    try {
      const jetons = await client.authorizationCodeGrant(configuration, urlRetour, {
        pkceCodeVerifier: attente.verificateur,
        expectedState: attente.etat,
        expectedNonce: attente.nonce,
        idTokenExpected: true,
      });
      const revendications = jetons.claims();
      if (revendications === undefined) throw new Error('jeton d’identité absent');
      idToken = jetons.id_token;
      sub = revendications.sub;
      email = typeof revendications.email === 'string' ? revendications.email : undefined;
      if (email === undefined) {
        // ProConnect ne met l'e-mail que dans userinfo.
        const infos = await client.fetchUserInfo(configuration, jetons.access_token, sub);
        email = typeof infos.email === 'string' ? infos.email : undefined;
      }
    } catch (erreur) {
      if (erreur instanceof client.AuthorizationResponseError) {
        throw new ErreurConnexionOidc('fournisseur', `${erreur.error} ${erreur.error_description ?? ''}`);
      }
      const message = erreur instanceof Error ? erreur.message : String(erreur);
      throw new ErreurConnexionOidc(
        /nonce|state|signature|claim|jwt|iss/i.test(message) ? 'etat_invalide' : 'fournisseur',
        message,
      );
    }

    return persistance.transaction(async (depots) => {
      let identite = await depots.identites.parSub(sub);
      if (identite === undefined && email !== undefined) {
        const parEmail = await depots.identites.parEmail(email);
        // Associée par e-mail seulement : le premier `sub` présenté est retenu (INT-SECURITE-2).
        if (parEmail !== undefined && parEmail.sub === null) identite = parEmail;
      }
      const compte = identite && (await depots.utilisateurs.parId(identite.utilisateurId));
      if (identite === undefined || compte === undefined || !compte.actif) {
        throw new ErreurConnexionOidc('identite_inconnue', `identité non associée : ${email ?? sub}`);
      }
      await depots.identites.connecte(identite.id, sub, maintenant.toISOString());
      if (identite.sub === null) {
        await depots.audit.ecrire({
          conventionId: null,
          utilisateurId: compte.id,
          qui: compte.identifiant,
          role: compte.role,
          action: 'lier_identite',
          entite: 'identite',
          entiteId: String(identite.id),
          avant: { sub: null },
          apres: { sub },
        });
      }
      const session = await ouvrirSession(depots, compte.id, maintenant, {
        ...options,
        idToken: idToken ?? null,
      });
      return { ...session, compte, retour: attente.retour, email: email ?? sub };
    });
  }

  /** Adresse de fin de session chez le fournisseur (`id_token_hint`, retour vers la page de connexion). */
  async finDeSession(idToken: string): Promise<string | null> {
    try {
      const configuration = await this.decouvrir();
      if (configuration.serverMetadata().end_session_endpoint === undefined) return null;
      return client
        .buildEndSessionUrl(configuration, {
          id_token_hint: idToken,
          state: client.randomState(),
          post_logout_redirect_uri: new URL('/connexion', this.config.urlPublique).toString(),
        })
        .toString();
    } catch {
      return null;
    }
  }
}
