import { z } from 'zod';
import { LIBELLES_ROLES, ROLES, type Role } from '@jalon/schemas';
import type { CompteEnregistre, NouveauCompte, Persistance } from '../depots/ports.ts';
import { invalide } from './erreurs.ts';
import { hacherMotDePasse } from './session.ts';

/**
 * Administration des comptes locaux (issue « Plateforme » § 5) : création, liste, (dés)activation, hors de
 * l'API HTTP — c'est l'exploitant qui les fait, par `jalon comptes` (INT-PLATEFORME-9). Chaque écriture est
 * auditée dans la même transaction ; le condensat du mot de passe n'est jamais écrit dans l'audit.
 */

/** Longueur minimale d'un mot de passe local (ANSSI, recommandations relatives à l'authentification, R22). */
export const LONGUEUR_MIN_MOT_DE_PASSE = 12;

export const nouveauCompteSchema = z
  .object({
    identifiant: z
      .string({ message: 'identifiant : obligatoire' })
      .regex(
        /^[a-z0-9][a-z0-9._@-]{2,79}$/,
        'identifiant : 3 à 80 caractères parmi a-z, 0-9, « . _ @ - », en minuscules',
      ),
    nom: z.string({ message: 'nom : obligatoire' }).trim().min(1, 'nom : obligatoire').max(200),
    role: z.enum(ROLES, { message: `rôle : un de ${ROLES.join(', ')}` }),
    collectivite: z.string().optional(),
    departement: z.string().optional(),
    region: z.string().optional(),
    motDePasse: z
      .string()
      .min(LONGUEUR_MIN_MOT_DE_PASSE, `mot de passe : ${LONGUEUR_MIN_MOT_DE_PASSE} caractères au moins`),
  })
  .strict();

/** Le territoire que chaque rôle exige (et lui seul : un agent n'a pas de région, un national n'a rien). */
const TERRITOIRE_DU_ROLE: Readonly<Record<Role, 'collectivite' | 'departement' | 'region' | null>> = {
  departement_agent: 'collectivite',
  departement_valideur: 'collectivite',
  ddets: 'departement',
  commissaire: 'region',
  national: null,
};

export function territoireDe(compte: CompteEnregistre): string {
  return compte.collectiviteId ?? compte.departement ?? compte.region ?? 'France entière';
}

/** Vérifications sans base (forme, rôle × territoire) : la commande les fait avant même d'ouvrir la base. */
export function verifierNouveauCompte(entree: unknown): z.output<typeof nouveauCompteSchema> {
  const lu = nouveauCompteSchema.safeParse(entree);
  if (!lu.success) {
    throw invalide(`Compte refusé : ${lu.error.issues.map((i) => i.message).join(' ; ')}.`);
  }
  const e = lu.data;
  const attendu = TERRITOIRE_DU_ROLE[e.role];
  const donnes = (['collectivite', 'departement', 'region'] as const).filter((k) => e[k] !== undefined);
  const libelle = LIBELLES_ROLES[e.role];
  if (donnes.some((k) => k !== attendu) || (attendu !== null && !donnes.includes(attendu))) {
    throw invalide(
      attendu === null
        ? `Compte refusé : le rôle « ${libelle} » voit tout le territoire national, sans --collectivite, --departement ni --region.`
        : `Compte refusé : le rôle « ${libelle} » exige --${attendu} et lui seul.`,
    );
  }
  return e;
}

export async function creerCompte(
  persistance: Persistance,
  /** Validé ici (zod) : la commande transmet ce qu'elle a lu. */
  entree: unknown,
  auteur: string,
): Promise<CompteEnregistre> {
  const e = verifierNouveauCompte(entree);
  const attendu = TERRITOIRE_DU_ROLE[e.role];
  return persistance.transaction(async (depots) => {
    const collectivites = await depots.collectivites.lister({ type: 'tout' });
    const existe =
      attendu === null ||
      (attendu === 'collectivite' && collectivites.some((c) => c.id === e.collectivite)) ||
      (attendu === 'departement' && collectivites.some((c) => c.departement === e.departement)) ||
      (attendu === 'region' && collectivites.some((c) => c.region === e.region));
    if (!existe) {
      const valeur = attendu === null ? '' : (e[attendu] ?? '');
      throw invalide(
        `Compte refusé : ${attendu} « ${valeur} » inconnu(e) (collectivité : « departement:37 », « metropole:69M »… ; département : « 37 », « 2A » ; région : « 24 »).`,
      );
    }
    if ((await depots.utilisateurs.parIdentifiant(e.identifiant)) !== undefined) {
      throw invalide(`Compte refusé : l’identifiant « ${e.identifiant} » existe déjà.`);
    }
    const nouveau: NouveauCompte = {
      identifiant: e.identifiant,
      nom: e.nom,
      role: e.role,
      hashMotDePasse: await hacherMotDePasse(e.motDePasse),
      collectiviteId: e.collectivite ?? null,
      departement: e.departement ?? null,
      region: e.region ?? null,
    };
    const id = await depots.utilisateurs.creer(nouveau);
    const cree = await depots.utilisateurs.parId(id);
    if (cree === undefined) throw new Error(`compte ${id} introuvable juste après sa création`);
    await depots.audit.ecrire({
      conventionId: null,
      utilisateurId: null,
      qui: auteur,
      role: null,
      action: 'creer_compte',
      entite: 'utilisateur',
      entiteId: String(id),
      avant: null,
      apres: {
        identifiant: cree.identifiant,
        nom: cree.nom,
        role: cree.role,
        territoire: territoireDe(cree),
      },
    });
    return cree;
  });
}

export async function activerCompte(
  persistance: Persistance,
  identifiant: string,
  actif: boolean,
  auteur: string,
): Promise<CompteEnregistre> {
  return persistance.transaction(async (depots) => {
    const compte = await depots.utilisateurs.parIdentifiant(identifiant);
    if (compte === undefined) throw invalide(`Compte « ${identifiant} » inconnu.`);
    if (compte.actif !== actif) {
      await depots.utilisateurs.modifierActif(compte.id, actif);
      await depots.audit.ecrire({
        conventionId: null,
        utilisateurId: null,
        qui: auteur,
        role: null,
        action: actif ? 'activer_compte' : 'desactiver_compte',
        entite: 'utilisateur',
        entiteId: String(compte.id),
        avant: { actif: compte.actif },
        apres: { actif },
      });
    }
    return { ...compte, actif };
  });
}

export const listerComptes = (persistance: Persistance): Promise<CompteEnregistre[]> =>
  persistance.depots.utilisateurs.lister();
