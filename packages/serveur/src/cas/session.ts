import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Utilisateur } from '@jalon/schemas';
import type { CompteEnregistre, Depots, Persistance } from '../depots/ports.ts';

/** Durée d'une session : 8 heures (journée de travail). */
export const DUREE_SESSION_MS = 8 * 60 * 60 * 1000;

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
): Promise<{ jeton: string; csrf: string; compte: CompteEnregistre } | undefined> {
  const compte = await persistance.depots.utilisateurs.parIdentifiant(identifiant);
  if (compte === undefined || !compte.actif) {
    hachageFactice ??= hash('jalon-factice');
    await verify(await hachageFactice, motDePasse);
    return undefined;
  }
  if (!(await verify(compte.hashMotDePasse, motDePasse))) return undefined;
  const jeton = jetonAleatoire();
  const csrf = jetonAleatoire();
  await persistance.depots.sessions.creer({
    empreinte: empreinteJeton(jeton),
    utilisateurId: compte.id,
    jetonCsrf: csrf,
    expireLe: new Date(maintenant.getTime() + DUREE_SESSION_MS).toISOString(),
  });
  return { jeton, csrf, compte };
}

export async function sessionDuJeton(
  depots: Depots,
  jeton: string,
  maintenant: Date,
): Promise<{ compte: CompteEnregistre; csrf: string; empreinte: string } | undefined> {
  const empreinte = empreinteJeton(jeton);
  const trouvee = await depots.sessions.trouverAvecCompte(empreinte);
  if (trouvee === undefined) return undefined;
  const { session, compte } = trouvee;
  if (new Date(session.expireLe).getTime() <= maintenant.getTime()) {
    await depots.sessions.supprimer(empreinte);
    return undefined;
  }
  if (!compte.actif) return undefined;
  return { compte, csrf: session.jetonCsrf, empreinte };
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
