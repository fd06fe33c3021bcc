import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Utilisateur } from '@jalon/schemas';
import type { CompteEnregistre, Depots, Persistance } from '../depots/ports.ts';

/** Durée maximale d'une session : 8 heures (journée de travail), quelle que soit l'activité. */
export const DUREE_SESSION_MS = 8 * 60 * 60 * 1000;

/**
 * Expiration d'une session (docs/securite.md, INT-SECURITE-4) : glissante (`inactiviteMs` sans requête) et
 * absolue (`dureeMaxMs` après la connexion). Réglables par l'environnement (`config.ts`).
 */
export interface ReglagesSession {
  readonly inactiviteMs: number;
  readonly dureeMaxMs: number;
}
export const REGLAGES_SESSION: ReglagesSession = {
  inactiviteMs: 60 * 60 * 1000,
  dureeMaxMs: DUREE_SESSION_MS,
};

/**
 * L'expiration glissante n'est réécrite en base que si elle avance d'au moins ce pas (une écriture par session
 * toutes les quelques minutes, pas une par requête) : la session expire donc entre `inactiviteMs - pas` et
 * `inactiviteMs` après la dernière requête.
 */
const pasProlongation = (r: ReglagesSession): number => Math.min(5 * 60 * 1000, r.inactiviteMs / 4);

/** Ouvre une session (rotation : le jeton et le jeton CSRF sont toujours neufs ; l'ancienne est supprimée). */
export async function ouvrirSession(
  depots: Depots,
  utilisateurId: number,
  maintenant: Date,
  options: { reglages?: ReglagesSession; ancienne?: string | undefined; idToken?: string | null } = {},
): Promise<{ jeton: string; csrf: string }> {
  const reglages = options.reglages ?? REGLAGES_SESSION;
  if (options.ancienne !== undefined) await depots.sessions.supprimer(options.ancienne);
  const jeton = jetonAleatoire();
  const csrf = jetonAleatoire();
  const absolue = maintenant.getTime() + reglages.dureeMaxMs;
  await depots.sessions.creer({
    empreinte: empreinteJeton(jeton),
    utilisateurId,
    jetonCsrf: csrf,
    expireLe: new Date(Math.min(absolue, maintenant.getTime() + reglages.inactiviteMs)).toISOString(),
    expireAbsoluLe: new Date(absolue).toISOString(),
    idToken: options.idToken ?? null,
  });
  return { jeton, csrf };
}

export const empreinteJeton = (jeton: string): string => createHash('sha256').update(jeton).digest('hex');
const jetonAleatoire = (): string => randomBytes(32).toString('base64url');

/** Hachage argon2id (paramètres par défaut de @node-rs/argon2 : m = 19 Mio, t = 2, recommandation OWASP). */
export const hacherMotDePasse = (motDePasse: string): Promise<string> => hash(motDePasse);

/** Hachage de référence pour un identifiant inconnu : même coût de vérification (pas d'oracle temporel). */
let hachageFactice: Promise<string> | undefined;

export async function connecter(
  persistance: Persistance,
  identifiant: string,
  motDePasse: string,
  maintenant: Date,
  options: { reglages?: ReglagesSession; ancienne?: string | undefined } = {},
): Promise<{ jeton: string; csrf: string; compte: CompteEnregistre } | undefined> {
  const compte = await persistance.depots.utilisateurs.parIdentifiant(identifiant);
  // Un compte OIDC n'a pas de mot de passe local (`hashMotDePasse` n'est pas un hachage argon2) : refusé ici
  // au même coût qu'un identifiant inconnu.
  if (compte === undefined || !compte.actif || !compte.hashMotDePasse.startsWith('$argon2')) {
    hachageFactice ??= hash('jalon-factice');
    await verify(await hachageFactice, motDePasse);
    return undefined;
  }
  if (!(await verify(compte.hashMotDePasse, motDePasse))) return undefined;
  const { jeton, csrf } = await ouvrirSession(persistance.depots, compte.id, maintenant, options);
  return { jeton, csrf, compte };
}

export async function sessionDuJeton(
  depots: Depots,
  jeton: string,
  maintenant: Date,
  reglages: ReglagesSession = REGLAGES_SESSION,
): Promise<
  { compte: CompteEnregistre; csrf: string; empreinte: string; idToken: string | null } | undefined
> {
  const empreinte = empreinteJeton(jeton);
  const trouvee = await depots.sessions.trouverAvecCompte(empreinte);
  if (trouvee === undefined) return undefined;
  const { session, compte } = trouvee;
  const t = maintenant.getTime();
  const absolue = new Date(session.expireAbsoluLe ?? session.expireLe).getTime();
  const glissante = new Date(session.expireLe).getTime();
  if (glissante <= t || absolue <= t) {
    await depots.sessions.supprimer(empreinte);
    return undefined;
  }
  if (!compte.actif) return undefined;
  const prolongee = Math.min(absolue, t + reglages.inactiviteMs);
  if (prolongee - glissante >= pasProlongation(reglages)) {
    await depots.sessions.prolonger(empreinte, new Date(prolongee).toISOString());
  }
  return { compte, csrf: session.jetonCsrf, empreinte, idToken: session.idToken ?? null };
}

export async function utilisateurPublic(depots: Depots, compte: CompteEnregistre): Promise<Utilisateur> {
  const territoire = await (async (): Promise<Utilisateur['territoire']> => {
    if (compte.collectiviteId !== null) {
      const c = await depots.collectivites.trouver(compte.collectiviteId);
      return {
        type: 'collectivite',
        collectivite_id: compte.collectiviteId,
        libelle: c?.nom ?? compte.collectiviteId,
      };
    }
    if (compte.departement !== null) {
      const c = await depots.collectivites.trouver(`departement:${compte.departement}`);
      return { type: 'departement', code: compte.departement, libelle: c?.nom ?? compte.departement };
    }
    if (compte.region !== null) {
      const c = await depots.collectivites.trouver(`region:${compte.region}`);
      return { type: 'region', code: compte.region, libelle: c?.nom ?? compte.region };
    }
    return { type: 'national', libelle: 'France entière' };
  })();
  return { id: compte.id, identifiant: compte.identifiant, nom: compte.nom, role: compte.role, territoire };
}
