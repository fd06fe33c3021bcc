/**
 * Profils de correspondance enregistrés par collectivité (docs/donnees-reelles.md § 4). Lecture : tout compte dont
 * le territoire couvre la collectivité (politique d'accès) ; écriture : ses agents et valideurs. Chaque écriture
 * porte la version du profil (409 si périmée) et écrit sa ligne d'audit dans la même transaction.
 */
import type { Collectivite, ListeProfils, ProfilEnregistre } from '@jalon/schemas';
import { PROFILS_INTEGRES, validerProfil, ErreurProfil, type Profil } from '@jalon/indicateurs/profils';
import { dansLePerimetre, peutCreerPour, perimetreDe } from '../acces/politique.ts';
import type { Depots, Persistance } from '../depots/ports.ts';
import { ErreurMetier, interdit, invalide } from './erreurs.ts';
import type { Acteur } from './mutation.ts';

export const collectiviteIntrouvable = (id: string) =>
  new ErreurMetier('introuvable', `Collectivité « ${id} » introuvable (ou hors de votre territoire).`);

const profilIntrouvable = (id: number) =>
  new ErreurMetier('introuvable', `Profil de correspondance ${id} introuvable pour cette collectivité.`);

/** La collectivité, si l'acteur la voit ; sinon « introuvable » (on ne révèle rien). */
export async function collectiviteLisible(depots: Depots, acteur: Acteur, id: string): Promise<Collectivite> {
  const c = await depots.collectivites.trouver(id);
  if (c === undefined || !dansLePerimetre(perimetreDe(acteur.compte), c)) throw collectiviteIntrouvable(id);
  return c;
}

export async function collectiviteModifiable(
  depots: Depots,
  acteur: Acteur,
  id: string,
): Promise<Collectivite> {
  const c = await collectiviteLisible(depots, acteur, id);
  if (!peutCreerPour(acteur.compte, c))
    throw interdit('modifier les profils de correspondance (agents et valideurs de la collectivité)');
  return c;
}

/** Valide un profil `jalon.profil/1` ; 422 avec la raison en français sinon. */
export function profilValide(brut: unknown): Profil {
  try {
    return validerProfil(brut);
  } catch (e) {
    if (e instanceof ErreurProfil)
      throw invalide(`Profil de correspondance invalide : ${e.message}`, {
        erreurs: [{ chemin: 'profil', raison: e.message }],
      });
    throw e;
  }
}

export async function listerProfils(
  persistance: Persistance,
  acteur: Acteur,
  collectiviteId: string,
): Promise<ListeProfils> {
  const c = await collectiviteLisible(persistance.depots, acteur, collectiviteId);
  return {
    profils: await persistance.depots.donnees.listerProfils(c.id),
    integres: Object.entries(PROFILS_INTEGRES).map(([code, profil]) => ({
      code,
      nom: profil.nom,
      profil: profil as unknown as Record<string, unknown>,
    })),
    droits: { modifier: peutCreerPour(acteur.compte, c) },
  };
}

/** Le profil d'un téléversement : intégré (`rdv-insertion`) ou enregistré pour la collectivité. */
export async function profilPourCollectivite(
  depots: Depots,
  collectiviteId: string,
  reference: string,
): Promise<{ profil: Profil; libelle: string }> {
  const integre = (PROFILS_INTEGRES as Readonly<Record<string, Profil>>)[reference];
  if (integre !== undefined) return { profil: integre, libelle: reference };
  const id = /^\d{1,9}$/.test(reference) ? Number(reference) : Number.NaN;
  const enregistre = Number.isNaN(id) ? undefined : await depots.donnees.trouverProfil(id);
  if (enregistre === undefined || enregistre.collectivite_id !== collectiviteId)
    throw invalide(`Profil « ${reference} » inconnu pour cette collectivité.`, {
      erreurs: [{ chemin: 'profil', raison: 'profil inconnu' }],
    });
  return { profil: profilValide(enregistre.profil), libelle: `${enregistre.id} · ${enregistre.nom}` };
}

export async function creerProfil(
  persistance: Persistance,
  acteur: Acteur,
  collectiviteId: string,
  entree: { nom: string; profil: Record<string, unknown> },
): Promise<ProfilEnregistre> {
  profilValide(entree.profil);
  return persistance.transaction(async (depots) => {
    const c = await collectiviteModifiable(depots, acteur, collectiviteId);
    const id = await depots.donnees.creerProfil({
      collectiviteId: c.id,
      nom: entree.nom,
      profil: entree.profil,
      modifiePar: acteur.compte.identifiant,
    });
    const apres = await depots.donnees.trouverProfil(id);
    await auditer(depots, acteur, 'creer_profil', id, null, apres);
    if (apres === undefined) throw profilIntrouvable(id);
    return apres;
  });
}

export async function modifierProfil(
  persistance: Persistance,
  acteur: Acteur,
  collectiviteId: string,
  id: number,
  entree: { nom: string; profil: Record<string, unknown>; version: number },
): Promise<ProfilEnregistre> {
  profilValide(entree.profil);
  return persistance.transaction(async (depots) => {
    const c = await collectiviteModifiable(depots, acteur, collectiviteId);
    const avant = await depots.donnees.trouverProfil(id);
    if (avant === undefined || avant.collectivite_id !== c.id) throw profilIntrouvable(id);
    const ok = await depots.donnees.modifierProfil(id, entree.version, {
      nom: entree.nom,
      profil: entree.profil,
      modifiePar: acteur.compte.identifiant,
    });
    if (!ok) throw profilPerime(entree.version, avant.version);
    const apres = await depots.donnees.trouverProfil(id);
    await auditer(depots, acteur, 'modifier_profil', id, avant, apres);
    if (apres === undefined) throw profilIntrouvable(id);
    return apres;
  });
}

export async function supprimerProfil(
  persistance: Persistance,
  acteur: Acteur,
  collectiviteId: string,
  id: number,
  version: number,
): Promise<void> {
  await persistance.transaction(async (depots) => {
    const c = await collectiviteModifiable(depots, acteur, collectiviteId);
    const avant = await depots.donnees.trouverProfil(id);
    if (avant === undefined || avant.collectivite_id !== c.id) throw profilIntrouvable(id);
    if (!(await depots.donnees.supprimerProfil(id, version))) throw profilPerime(version, avant.version);
    await auditer(depots, acteur, 'supprimer_profil', id, avant, null);
  });
}

const profilPerime = (envoyee: number, actuelle: number) =>
  new ErreurMetier(
    'conflit',
    `Le profil a été modifié entre-temps (votre version ${envoyee}, version actuelle ${actuelle}) : rien n’a été ` +
      'enregistré. Rechargez puis refaites votre modification.',
    { version_envoyee: envoyee, version_actuelle: actuelle },
  );

async function auditer(
  depots: Depots,
  acteur: Acteur,
  action: string,
  id: number,
  avant: unknown,
  apres: unknown,
): Promise<void> {
  await depots.audit.ecrire({
    conventionId: null,
    utilisateurId: acteur.compte.id,
    qui: acteur.compte.identifiant,
    role: acteur.compte.role,
    action,
    entite: 'profil_correspondance',
    entiteId: String(id),
    avant: avant ?? null,
    apres: apres ?? null,
  });
}
