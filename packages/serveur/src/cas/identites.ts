import type { Identite, IdentiteEntree, IdentiteModification, Identites } from '@jalon/schemas';
import type { Depots, Persistance } from '../depots/ports.ts';
import type { IdentiteEnregistree, RoleTerritoire } from '../depots/ports-identites.ts';
import { ErreurMetier, interdit, invalide } from './erreurs.ts';
import type { Acteur } from './mutation.ts';

/**
 * Association des identités ProConnect aux comptes Jalon (docs/securite.md). Seule l'administration centrale
 * (rôle `national`) administre les identités (INT-SECURITE-1) ; chaque modification écrit sa ligne d'audit dans
 * la même transaction et supprime les sessions du compte touché (le nouveau rôle vaut dès la reconnexion :
 * rotation à l'élévation, INT-SECURITE-4).
 */
export function exigerAdministrateur(acteur: Acteur): void {
  if (acteur.compte.role !== 'national' || !acteur.compte.actif) {
    throw interdit('administrer les identités ProConnect (administration centrale seulement)');
  }
}

const identiteIntrouvable = (id: number) => new ErreurMetier('introuvable', `Identité ${id} introuvable.`);

export const versIdentite = (i: IdentiteEnregistree): Identite => ({
  id: i.id,
  email: i.email,
  sub: i.sub,
  nom: i.nom,
  role: i.role,
  collectivite_id: i.collectiviteId,
  departement: i.departement,
  region: i.region,
  cree_par: i.creePar,
  cree_le: i.creeLe,
  derniere_connexion: i.derniereConnexion,
});

/** Le territoire exigé par le rôle (mêmes règles que les contraintes de la table `utilisateur`), vérifié en base. */
async function roleTerritoire(depots: Depots, entree: IdentiteModification): Promise<RoleTerritoire> {
  const vide = { collectiviteId: null, departement: null, region: null };
  const exiger = (champ: 'collectivite_id' | 'departement' | 'region', libelle: string): string => {
    const valeur = entree[champ]?.trim();
    if (valeur === undefined || valeur === '') {
      throw invalide(`Le rôle « ${entree.role} » exige ${libelle} (champ ${champ}).`, { chemin: champ });
    }
    return valeur;
  };
  const autres = (gardes: readonly string[]) => {
    for (const champ of ['collectivite_id', 'departement', 'region'] as const) {
      if (!gardes.includes(champ) && (entree[champ] ?? '') !== '') {
        throw invalide(`Le rôle « ${entree.role} » ne prend pas de champ ${champ}.`, { chemin: champ });
      }
    }
  };
  switch (entree.role) {
    case 'departement_agent':
    case 'departement_valideur': {
      autres(['collectivite_id']);
      const id = exiger('collectivite_id', 'une collectivité');
      if ((await depots.collectivites.trouver(id)) === undefined) {
        throw invalide(`Collectivité inconnue : « ${id} ».`, { chemin: 'collectivite_id' });
      }
      return { role: entree.role, ...vide, collectiviteId: id };
    }
    case 'ddets': {
      autres(['departement']);
      const code = exiger('departement', 'un département');
      if ((await depots.collectivites.trouver(`departement:${code}`)) === undefined) {
        throw invalide(`Département inconnu : « ${code} ».`, { chemin: 'departement' });
      }
      return { role: 'ddets', ...vide, departement: code };
    }
    case 'commissaire': {
      autres(['region']);
      const code = exiger('region', 'une région');
      if ((await depots.collectivites.trouver(`region:${code}`)) === undefined) {
        throw invalide(`Région inconnue : « ${code} ».`, { chemin: 'region' });
      }
      return { role: 'commissaire', ...vide, region: code };
    }
    case 'national':
      autres([]);
      return { role: 'national', ...vide };
  }
}

const ligneAudit = (acteur: Acteur, action: string, id: number, avant: unknown, apres: unknown) => ({
  conventionId: null,
  utilisateurId: acteur.compte.id,
  qui: acteur.compte.identifiant,
  role: acteur.compte.role,
  action,
  entite: 'identite',
  entiteId: String(id),
  avant,
  apres,
});

export async function listerIdentites(depots: Depots, acteur: Acteur): Promise<Identites> {
  exigerAdministrateur(acteur);
  const [identites, historique] = await Promise.all([
    depots.identites.lister(),
    depots.identites.historique(),
  ]);
  return { identites: identites.map(versIdentite), historique };
}

export async function associerIdentite(
  persistance: Persistance,
  acteur: Acteur,
  entree: IdentiteEntree,
): Promise<Identite> {
  exigerAdministrateur(acteur);
  return persistance.transaction(async (depots) => {
    const email = entree.email.trim();
    const rt = await roleTerritoire(depots, entree);
    if ((await depots.identites.parEmail(email)) !== undefined) {
      throw new ErreurMetier('conflit', `L’adresse ${email} est déjà associée à un compte.`);
    }
    const sub = entree.sub?.trim() || null;
    if (sub !== null && (await depots.identites.parSub(sub)) !== undefined) {
      throw new ErreurMetier('conflit', `L’identifiant ProConnect « ${sub} » est déjà associé à un compte.`);
    }
    const local = await depots.utilisateurs.parIdentifiant(email.toLowerCase());
    if (local !== undefined && local.actif) {
      throw new ErreurMetier(
        'conflit',
        `Un compte local actif porte déjà l’identifiant ${email.toLowerCase()}.`,
      );
    }
    const id = await depots.identites.creer({
      ...rt,
      email,
      sub,
      nom: entree.nom,
      creePar: acteur.compte.identifiant,
    });
    const cree = await depots.identites.trouver(id);
    if (cree === undefined) throw new Error(`identité ${id} non relue`);
    const apres = versIdentite(cree);
    await depots.audit.ecrire(ligneAudit(acteur, 'associer_identite', id, null, apres));
    return apres;
  });
}

export async function modifierIdentite(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  entree: IdentiteModification,
): Promise<Identite> {
  exigerAdministrateur(acteur);
  return persistance.transaction(async (depots) => {
    const avant = await depots.identites.trouver(id);
    if (avant === undefined) throw identiteIntrouvable(id);
    const rt = await roleTerritoire(depots, entree);
    await depots.identites.modifier(id, { ...rt, nom: entree.nom });
    await depots.sessions.supprimerDuCompte(avant.utilisateurId);
    const apres = await depots.identites.trouver(id);
    if (apres === undefined) throw identiteIntrouvable(id);
    await depots.audit.ecrire(
      ligneAudit(acteur, 'modifier_identite', id, versIdentite(avant), versIdentite(apres)),
    );
    return versIdentite(apres);
  });
}

export async function retirerIdentite(persistance: Persistance, acteur: Acteur, id: number): Promise<void> {
  exigerAdministrateur(acteur);
  await persistance.transaction(async (depots) => {
    const avant = await depots.identites.trouver(id);
    if (avant === undefined) throw identiteIntrouvable(id);
    if (avant.utilisateurId === acteur.compte.id) {
      throw interdit('retirer votre propre identité (demandez à un autre administrateur)');
    }
    await depots.sessions.supprimerDuCompte(avant.utilisateurId);
    await depots.identites.supprimer(id);
    await depots.audit.ecrire(ligneAudit(acteur, 'retirer_identite', id, versIdentite(avant), null));
  });
}
