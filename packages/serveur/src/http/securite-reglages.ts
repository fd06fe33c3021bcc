import { REGLAGES_SESSION, type ReglagesSession } from '../cas/session.ts';

/** Une limite de débit : au plus `points` requêtes par fenêtre de `dureeS` secondes. */
export interface Limite {
  readonly points: number;
  readonly dureeS: number;
}

/**
 * Réglages de durcissement (docs/securite.md), lus de l'environnement par `config.ts` ; les valeurs par défaut
 * ci-dessous valent pour un serveur sans configuration.
 */
export interface ReglagesSecurite {
  readonly session: ReglagesSession;
  readonly limites: {
    /** Connexion (mot de passe ou début de connexion ProConnect), par adresse IP, toutes tentatives. */
    readonly connexionParIp: Limite;
    /** Connexion par mot de passe, par identifiant, échecs seulement. */
    readonly connexionParCompte: Limite;
    /** Imports et téléversements, par adresse IP et par compte. */
    readonly importParIp: Limite;
    readonly importParCompte: Limite;
  };
  /** Taille maximale d'un corps de requête (octets) ; plus grande pour les imports et téléversements. */
  readonly tailles: { readonly corps: number; readonly televersement: number };
  /** Derrière un répartiteur de confiance : l'adresse du client est la dernière de `X-Forwarded-For`. */
  readonly proxyDeConfiance: boolean;
}

const MIO = 1024 * 1024;

export const REGLAGES_SECURITE: ReglagesSecurite = {
  session: REGLAGES_SESSION,
  limites: {
    // Une préfecture ou un conseil départemental sort souvent par une seule adresse (NAT) : la limite par IP est
    // large, celle par identifiant (échecs) serrée (INT-SECURITE-6).
    connexionParIp: { points: 200, dureeS: 15 * 60 },
    connexionParCompte: { points: 10, dureeS: 15 * 60 },
    importParIp: { points: 60, dureeS: 60 },
    importParCompte: { points: 30, dureeS: 60 },
  },
  // Téléversement : même plafond par défaut que la réception des données (`JALON_TELEVERSEMENT_MAX_MO`, 200 Mo).
  tailles: { corps: 10 * MIO, televersement: 200 * MIO },
  proxyDeConfiance: false,
};
