import type { BilanCreation, BilanPartage, BilansPartages } from '@jalon/schemas';
import { droitsSur } from '../acces/politique.ts';
import type { Depots, Persistance } from '../depots/ports.ts';
import type { BilanEnregistre, ChampsBilan } from '../depots/ports-pilotage.ts';
import { ErreurMetier, interdit, invalide } from './erreurs.ts';
import { conventionLisible, type Acteur } from './mutation.ts';

/**
 * Bilan partagé (issue 6 § 3 ; 001 · annexe 4 § 2 « bilan partagé » entre l'État et le conseil départemental) :
 * un compte rendu par réunion — date, participants, constats, décisions — lié aux données examinées (exercice,
 * fiches actions, indicateurs). Écrit par les deux parties du territoire : agents et valideur de la collectivité,
 * DDETS, commissaire (INT-PILOTAGE-CYCLE-5). Chaque écriture est auditée dans la même transaction ; chaque bilan
 * porte sa version (409 si périmée).
 */
const REDACTEURS = new Set(['departement_agent', 'departement_valideur', 'ddets', 'commissaire']);

const versApi = (b: BilanEnregistre): BilanPartage => ({
  id: b.id,
  convention_id: b.conventionId,
  date_bilan: b.dateBilan,
  participants: b.participants,
  constats: b.constats,
  decisions: b.decisions,
  exercice: b.exercice,
  actions: [...b.actions],
  indicateurs: [...b.indicateurs],
  version: b.version,
  cree_par: b.creePar,
  cree_le: b.creeLe,
  modifie_le: b.modifieLe,
});

const versChamps = (e: BilanCreation): ChampsBilan => ({
  dateBilan: e.date_bilan,
  participants: e.participants,
  constats: e.constats,
  decisions: e.decisions,
  exercice: e.exercice,
  actions: [...new Set(e.actions)],
  indicateurs: [...new Set(e.indicateurs)],
});

async function peutEcrire(depots: Depots, acteur: Acteur, conventionId: number) {
  const convention = await conventionLisible(depots, acteur, conventionId);
  if (
    !REDACTEURS.has(acteur.compte.role) ||
    !droitsSur(acteur.compte, convention.collectivite, convention.statut).lire
  ) {
    throw interdit('écrire un bilan partagé (collectivité, DDETS ou commissaire du territoire)');
  }
  return convention;
}

/** Les fiches examinées doivent être des fiches de la convention (sinon 422 qui les nomme). */
async function verifierDonnees(depots: Depots, conventionId: number, champs: ChampsBilan) {
  const numeros = new Set((await depots.fiches.lister(conventionId)).map((f) => f.numero));
  const inconnues = champs.actions.filter((n) => !numeros.has(n));
  if (inconnues.length > 0) {
    throw invalide(
      `Bilan partagé : fiches actions inconnues dans cette convention : ${inconnues.join(', ')}.`,
      {
        erreurs: inconnues.map((n) => ({ chemin: 'actions', raison: `fiche ${n} inconnue` })),
      },
    );
  }
}

async function bilanDe(depots: Depots, conventionId: number, bilanId: number): Promise<BilanEnregistre> {
  const bilan = await depots.bilans.trouver(bilanId);
  if (bilan === undefined || bilan.conventionId !== conventionId) {
    throw new ErreurMetier(
      'introuvable',
      `Bilan partagé ${String(bilanId)} introuvable dans cette convention.`,
    );
  }
  return bilan;
}

export async function listerBilans(
  persistance: Persistance,
  acteur: Acteur,
  conventionId: number,
): Promise<BilansPartages> {
  const convention = await conventionLisible(persistance.depots, acteur, conventionId);
  const bilans = await persistance.depots.bilans.lister(conventionId);
  return {
    bilans: bilans.map(versApi),
    modifiable:
      REDACTEURS.has(acteur.compte.role) &&
      droitsSur(acteur.compte, convention.collectivite, convention.statut).lire,
  };
}

export async function creerBilan(
  persistance: Persistance,
  acteur: Acteur,
  conventionId: number,
  entree: BilanCreation,
): Promise<BilanPartage> {
  return persistance.transaction(async (depots) => {
    await peutEcrire(depots, acteur, conventionId);
    const champs = versChamps(entree);
    await verifierDonnees(depots, conventionId, champs);
    const id = await depots.bilans.creer(conventionId, champs, acteur.compte.identifiant);
    const cree = await bilanDe(depots, conventionId, id);
    await depots.audit.ecrire({
      conventionId,
      utilisateurId: acteur.compte.id,
      qui: acteur.compte.identifiant,
      role: acteur.compte.role,
      action: 'creer_bilan_partage',
      entite: 'bilan_partage',
      entiteId: String(id),
      avant: null,
      apres: versApi(cree),
    });
    return versApi(cree);
  });
}

export async function modifierBilan(
  persistance: Persistance,
  acteur: Acteur,
  conventionId: number,
  bilanId: number,
  entree: BilanCreation & { version: number },
): Promise<BilanPartage> {
  return persistance.transaction(async (depots) => {
    await peutEcrire(depots, acteur, conventionId);
    const avant = await bilanDe(depots, conventionId, bilanId);
    const champs = versChamps(entree);
    await verifierDonnees(depots, conventionId, champs);
    const version = await depots.bilans.modifier(bilanId, entree.version, champs);
    if (version === undefined) {
      throw new ErreurMetier(
        'conflit',
        `Le bilan partagé a été modifié entre-temps (votre version ${String(entree.version)}, version actuelle ${String(avant.version)}) : rien n’a été enregistré. Rechargez-le puis refaites votre modification.`,
        { version_envoyee: entree.version, version_actuelle: avant.version },
      );
    }
    const apres = await bilanDe(depots, conventionId, bilanId);
    await depots.audit.ecrire({
      conventionId,
      utilisateurId: acteur.compte.id,
      qui: acteur.compte.identifiant,
      role: acteur.compte.role,
      action: 'modifier_bilan_partage',
      entite: 'bilan_partage',
      entiteId: String(bilanId),
      avant: versApi(avant),
      apres: versApi(apres),
    });
    return versApi(apres);
  });
}

export async function supprimerBilan(
  persistance: Persistance,
  acteur: Acteur,
  conventionId: number,
  bilanId: number,
  version: number,
): Promise<void> {
  await persistance.transaction(async (depots) => {
    await peutEcrire(depots, acteur, conventionId);
    const avant = await bilanDe(depots, conventionId, bilanId);
    if (avant.version !== version) {
      throw new ErreurMetier(
        'conflit',
        `Le bilan partagé a été modifié entre-temps (votre version ${String(version)}, version actuelle ${String(avant.version)}) : rien n’a été supprimé.`,
      );
    }
    await depots.bilans.supprimer(bilanId);
    await depots.audit.ecrire({
      conventionId,
      utilisateurId: acteur.compte.id,
      qui: acteur.compte.identifiant,
      role: acteur.compte.role,
      action: 'supprimer_bilan_partage',
      entite: 'bilan_partage',
      entiteId: String(bilanId),
      avant: versApi(avant),
      apres: null,
    });
  });
}
