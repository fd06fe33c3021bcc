import { randomUUID } from 'node:crypto';
import {
  normaliserObjet,
  scoreQualite,
  scoreStructure,
  SEUIL_SCORE_DORA,
  validerObjet,
  type Constat,
  type Modele,
  type Service,
  type Structure,
} from '@jalon/offre';
import type {
  EcritureOffre,
  Financement,
  ObjetDataInclusion,
  OffreCollectivite,
  ServiceOffre,
} from '@jalon/schemas';
import type { Depots, Persistance } from '../depots/ports.ts';
import type { FinancementEnregistre, ObjetOffreEnregistre } from '../depots/ports-offre.ts';
import { ErreurMetier, invalide } from './erreurs.ts';
import type { Acteur } from './mutation.ts';
import { collectiviteLisible, modifierOffre, peutModifierOffre, sourceDe } from './offre-acces.ts';

/** Date du jour AAAA-MM-JJ (UTC) : score, bornes de `date_maj`. */
export const jourDe = (horloge: () => Date): string => horloge().toISOString().slice(0, 10);

const NOMS = { structure: 'la structure', service: 'le service' } as const;

export const objetIntrouvable = (modele: Modele, id: number) =>
  new ErreurMetier(
    'introuvable',
    `${modele === 'structure' ? 'Structure' : 'Service'} ${id} introuvable dans l’offre de cette collectivité.`,
  );

export function versFinancement(f: FinancementEnregistre): Financement {
  return {
    service_id: f.serviceId,
    fiche_id: f.ficheId,
    numero: f.numero,
    intitule: f.intitule,
    convention_id: f.conventionId,
    collectivite_id: f.collectiviteId,
    cadre: f.cadre,
    exercice: f.exercice,
  };
}

/** Refus d'un objet invalide : 422, un message par constat (champ, raison en français). */
export function refusValidation(modele: Modele, erreurs: readonly Constat[]): ErreurMetier {
  return invalide(
    `${NOMS[modele] === 'le service' ? 'Le service' : 'La structure'} n’est pas conforme au schéma ` +
      `data·inclusion : ${erreurs.map((e) => `${e.champ === '' ? 'objet' : `« ${e.champ} »`} : ${e.message}`).join(' ; ')}. Rien n’a été enregistré.`,
    {
      constats: erreurs,
      erreurs: erreurs.map((e) => ({
        chemin: e.chemin.replace(/^\//, '').replaceAll('/', '.'),
        raison: e.message,
      })),
    },
  );
}

/** Lecture de l'offre d'une collectivité : structures, services, score de qualité, avertissements, financements. */
export async function lireOffreCollectivite(
  persistance: Persistance,
  acteur: Acteur,
  collectiviteId: string,
  aujourdhui: string,
): Promise<OffreCollectivite> {
  const { depots } = persistance;
  const collectivite = await collectiviteLisible(depots, acteur, collectiviteId);
  const structures = await depots.offre.lister('structure', collectivite.id);
  const services = await depots.offre.lister('service', collectivite.id);
  const financements = await depots.offre.financementsDesServices(services.map((s) => s.id));
  const servicesDi = services.map((s) => s.donnees as unknown as Service);
  const contexte = { aujourdhui, mode: 'defaut' as const };
  return {
    collectivite,
    modifier: peutModifierOffre(acteur.compte, collectivite),
    source: sourceDe(collectivite),
    aujourdhui,
    seuil_dora: SEUIL_SCORE_DORA,
    structures: structures.map((s) => ({
      ...resume(s),
      score: scoreStructure(s.donnees as unknown as Structure, servicesDi, aujourdhui),
    })),
    services: services.map((s): ServiceOffre => {
      const { score, criteres } = scoreQualite(s.donnees as unknown as Service, aujourdhui);
      return {
        ...resume(s),
        structure_id_publie: s.structurePublie ?? '',
        score,
        criteres,
        avertissements: validerObjet('service', s.donnees, contexte),
        financements: financements.filter((f) => f.serviceId === s.id).map(versFinancement),
      };
    }),
  };
}

const resume = (o: ObjetOffreEnregistre) => ({
  id: o.id,
  id_publie: o.idPublie,
  source: o.source,
  modifiee_le: o.modifieeLe,
  donnees: o.donnees,
});

/**
 * Prépare un objet saisi : source de la collectivité et id local neuf s'ils manquent, `date_maj` = aujourd'hui
 * (la saisie EST la mise à jour), normalisation (`@jalon/offre`), validation au schéma officiel et aux règles
 * hors schéma ; la structure d'un service doit être dans l'offre de la collectivité. Erreur → 422, rien d'écrit.
 */
async function preparer(
  depots: Depots,
  modele: Modele,
  collectiviteId: string,
  source: string,
  brut: ObjetDataInclusion,
  aujourdhui: string,
): Promise<{ objet: Record<string, unknown>; avertissements: Constat[] }> {
  const entree: Record<string, unknown> = { ...brut, date_maj: aujourdhui };
  if (entree.source === undefined || entree.source === null || entree.source === '') entree.source = source;
  if (entree.id === undefined || entree.id === null || entree.id === '') entree.id = randomUUID();
  const { objet, constats: constatsNormalisation } = normaliserObjet(modele, entree);
  const constats: Constat[] = [
    ...constatsNormalisation,
    ...validerObjet(modele, objet, { aujourdhui, mode: 'defaut' }),
  ];
  if (modele === 'service' && typeof objet.structure_id === 'string') {
    const structure = await depots.offre.trouverParIdPublie('structure', collectiviteId, objet.structure_id);
    if (structure === undefined) {
      constats.push({
        code: 'STRUCTURE_INCONNUE',
        severite: 'erreur',
        champ: 'structure_id',
        chemin: '/structure_id',
        message: `aucune structure de l’offre de la collectivité n’a l’identifiant « ${objet.structure_id} »`,
      });
    }
  }
  const erreurs = constats.filter((c) => c.severite === 'erreur');
  if (erreurs.length > 0) throw refusValidation(modele, erreurs);
  return { objet, avertissements: constats.filter((c) => c.severite === 'avertissement') };
}

function ecriture(
  id: number,
  objet: Record<string, unknown>,
  modele: Modele,
  aujourdhui: string,
  avertissements: Constat[],
): EcritureOffre {
  return {
    id,
    id_publie: String(objet.id),
    donnees: objet,
    score: modele === 'service' ? scoreQualite(objet as unknown as Service, aujourdhui).score : null,
    avertissements,
  };
}

export function creerObjetOffre(
  persistance: Persistance,
  acteur: Acteur,
  modele: Modele,
  collectiviteId: string,
  brut: ObjetDataInclusion,
  aujourdhui: string,
): Promise<EcritureOffre> {
  return modifierOffre(persistance, acteur, collectiviteId, {
    action: `creer_${modele}`,
    entite: `offre_${modele}`,
    travail: async (depots, collectivite) => {
      const { objet, avertissements } = await preparer(
        depots,
        modele,
        collectivite.id,
        sourceDe(collectivite),
        brut,
        aujourdhui,
      );
      if ((await depots.offre.trouverParIdPublie(modele, collectivite.id, String(objet.id))) !== undefined) {
        throw invalide(
          `L’identifiant « ${String(objet.id)} » est déjà utilisé dans l’offre de cette collectivité.`,
          {
            erreurs: [{ chemin: 'id', raison: 'identifiant déjà utilisé' }],
          },
        );
      }
      const id = await depots.offre.creer({
        modele,
        collectiviteId: collectivite.id,
        departement: collectivite.departement,
        donnees: objet,
      });
      return {
        entiteId: String(objet.id),
        avant: null,
        apres: objet,
        resultat: ecriture(id, objet, modele, aujourdhui, avertissements),
      };
    },
  });
}

async function objetDeLaCollectivite(depots: Depots, modele: Modele, collectiviteId: string, id: number) {
  const o = await depots.offre.trouver(modele, id);
  if (o === undefined || o.collectiviteId !== collectiviteId) throw objetIntrouvable(modele, id);
  return o;
}

/** Modifie un objet : son `id` et sa `source` ne changent pas (ce sont la clé publiée et les liens). */
export function modifierObjetOffre(
  persistance: Persistance,
  acteur: Acteur,
  modele: Modele,
  collectiviteId: string,
  id: number,
  brut: ObjetDataInclusion,
  aujourdhui: string,
): Promise<EcritureOffre> {
  return modifierOffre(persistance, acteur, collectiviteId, {
    action: `modifier_${modele}`,
    entite: `offre_${modele}`,
    travail: async (depots, collectivite) => {
      const avant = await objetDeLaCollectivite(depots, modele, collectivite.id, id);
      const { objet, avertissements } = await preparer(
        depots,
        modele,
        collectivite.id,
        avant.source,
        { ...brut, source: avant.source, id: avant.idPublie },
        aujourdhui,
      );
      await depots.offre.remplacer(modele, id, objet);
      return {
        entiteId: avant.idPublie,
        avant: avant.donnees,
        apres: objet,
        resultat: ecriture(id, objet, modele, aujourdhui, avertissements),
      };
    },
  });
}

/** Supprime un objet ; une structure qui a encore des services est refusée (ils deviendraient orphelins). */
export function supprimerObjetOffre(
  persistance: Persistance,
  acteur: Acteur,
  modele: Modele,
  collectiviteId: string,
  id: number,
): Promise<void> {
  return modifierOffre(persistance, acteur, collectiviteId, {
    action: `supprimer_${modele}`,
    entite: `offre_${modele}`,
    travail: async (depots, collectivite) => {
      const avant = await objetDeLaCollectivite(depots, modele, collectivite.id, id);
      let financements: Financement[] = [];
      if (modele === 'structure') {
        const services = (await depots.offre.lister('service', collectivite.id)).filter(
          (s) => s.structurePublie === avant.idPublie,
        );
        if (services.length > 0) {
          throw invalide(
            `La structure « ${String(avant.donnees.nom)} » a encore ${services.length} service(s) : supprimez-les ou rattachez-les à une autre structure d’abord.`,
          );
        }
      } else {
        financements = (await depots.offre.financementsDesServices([id])).map(versFinancement);
      }
      await depots.offre.supprimer(modele, id);
      return {
        entiteId: avant.idPublie,
        avant: { ...avant.donnees, ...(modele === 'service' ? { financements } : {}) },
        apres: null,
        resultat: undefined,
      };
    },
  });
}
