import {
  formaterErreurFormat,
  normaliserConvention,
  validerConvention,
  type ConventionDocument,
} from '@jalon/domaine';
import type { ConventionResume } from '@jalon/schemas';
import { peutCreerPour } from '../acces/politique.ts';
import type { ChampsFiche, Depots, Persistance } from '../depots/ports.ts';
import { versDocument } from './document.ts';
import { interdit, invalide } from './erreurs.ts';
import { CHAMPS_FICHE_VIDES } from './fiches.ts';
import { conventionLisible, modifierConvention, type Acteur } from './mutation.ts';
import { gardeValidations } from './validations-fiches.ts';

/** Export au format `jalon.convention/1` (spec convention-v1 § 1). */
export async function exporterConvention(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
): Promise<{ document: ConventionDocument; convention: ConventionResume }> {
  const convention = await conventionLisible(persistance.depots, acteur, id);
  const fiches = await persistance.depots.fiches.lister(id);
  return { document: versDocument(convention, fiches), convention };
}

interface DocumentLu {
  readonly document: ConventionDocument;
  readonly fiches: ChampsFiche[];
  readonly enveloppeEtat: number;
}

/**
 * Lit un document importé : format (zod du domaine, erreurs avec chemin JSON en français), puis montants
 * convertibles en centimes (la base ne garde que des montants valides : un montant négatif ou à plus de deux
 * décimales est refusé à l'import avec son chemin, INT-PLATEFORME-5).
 */
export function lireDocumentImporte(brut: unknown): DocumentLu {
  const lecture = validerConvention(brut);
  if (!lecture.ok) {
    throw invalide(
      `Document jalon.convention/1 invalide : ${lecture.erreurs.map(formaterErreurFormat).join(' ; ')}`,
      { erreurs: lecture.erreurs },
    );
  }
  const normalisee = normaliserConvention(lecture.document);
  if (normalisee.montantsInvalides.length > 0) {
    const erreurs = normalisee.montantsInvalides.map((m) => ({ chemin: m.chemin, raison: m.raison }));
    throw invalide(`Montants illisibles : ${erreurs.map((e) => `${e.chemin} : ${e.raison}`).join(' ; ')}`, {
      erreurs,
    });
  }
  const fiches: ChampsFiche[] = lecture.document.actions.map((action, rang) => {
    const financiere = normalisee.actions[rang];
    if (financiere === undefined) throw new Error('action normalisée manquante');
    const volet = action.volet === 1 || action.volet === 2 || action.volet === 3 ? action.volet : null;
    return {
      ...CHAMPS_FICHE_VIDES,
      numero: action.numero,
      intitule: action.intitule,
      mesure: action.mesure,
      code_chorus: action.code_chorus ?? null,
      volet,
      nature_depense: action.nature_depense ?? null,
      previsionnel: { ...financiere.previsionnel },
      execution: financiere.execution === undefined ? null : { ...financiere.execution },
      realise_exercice_precedent: financiere.realiseExercicePrecedent ?? null,
      justification: action.justification,
      validee_par_commissaire: action.validee_par_commissaire,
    };
  });
  return { document: lecture.document, fiches, enveloppeEtat: normalisee.enveloppeEtat ?? 0 };
}

/**
 * Remplace les fiches d'une convention par celles du document. Les champs descriptifs d'une fiche de même
 * numéro sont gardés (le format d'échange ne les porte pas) : seul ce que le format décrit est remplacé.
 */
async function remplacerFiches(depots: Depots, conventionId: number, fiches: readonly ChampsFiche[]) {
  const existantes = await depots.fiches.lister(conventionId);
  const parNumero = new Map(existantes.map((f) => [f.numero, f]));
  await depots.fiches.remplacerToutes(
    conventionId,
    fiches.map((fiche) => {
      const ancienne = parNumero.get(fiche.numero);
      return ancienne ? garderDescriptifs(ancienne, fiche) : fiche;
    }),
  );
}

/** Champs que le format d'échange ne porte pas : repris de l'ancienne fiche de même numéro. */
function garderDescriptifs(ancienne: ChampsFiche, importee: ChampsFiche): ChampsFiche {
  return {
    ...importee,
    theme: ancienne.theme,
    contexte: ancienne.contexte,
    enjeux_objectifs: ancienne.enjeux_objectifs,
    description: ancienne.description,
    lien_strategie: ancienne.lien_strategie,
    date_mise_en_place: ancienne.date_mise_en_place,
    duree_action: ancienne.duree_action,
    partenaires_cofinanceurs: ancienne.partenaires_cofinanceurs,
    budget_detaille: ancienne.budget_detaille,
    financee_fapi: ancienne.financee_fapi,
    montant_fapi: ancienne.montant_fapi,
    objectifs_progression: ancienne.objectifs_progression,
    calendrier_previsionnel: ancienne.calendrier_previsionnel,
    indicateurs_suivi: ancienne.indicateurs_suivi,
  };
}

export async function importerConvention(
  persistance: Persistance,
  acteur: Acteur,
  brut: unknown,
  version: number | undefined,
): Promise<{ id: number; version: number; cree: boolean }> {
  const lu = lireDocumentImporte(brut);
  const { document } = lu;
  const collectiviteId = `${document.collectivite.type}:${document.collectivite.code}`;
  const collectivite = await persistance.depots.collectivites.trouver(collectiviteId);
  if (collectivite === undefined || !peutCreerPour(acteur.compte, collectivite)) {
    throw interdit(`importer une convention pour la collectivité ${collectiviteId}`);
  }
  const existante = await persistance.depots.conventions.trouverParCle(
    collectiviteId,
    document.cadre,
    document.exercice,
  );
  if (existante !== undefined) {
    if (version === undefined) {
      throw invalide(
        `Une convention ${document.cadre} ${document.exercice} existe déjà pour ${collectivite.nom} : indiquez sa ` +
          'version (paramètre « version ») pour la remplacer.',
        { id: existante.id, version_actuelle: existante.version },
      );
    }
    const { version: nouvelle } = await modifierConvention(persistance, acteur, existante.id, version, {
      action: 'importer',
      entite: 'convention',
      travail: async (depots, convention) => {
        const avant = versDocument(convention, await depots.fiches.lister(existante.id));
        await depots.conventions.modifier(existante.id, {
          regime: document.regime,
          dureeMois: document.duree_mois,
          enveloppeEtat: lu.enveloppeEtat,
        });
        const garde = await gardeValidations(depots, existante.id);
        await remplacerFiches(depots, existante.id, lu.fiches);
        await garde.accorder(acteur, 'importer');
        return { entiteId: String(existante.id), avant, apres: document, resultat: undefined };
      },
    });
    return { id: existante.id, version: nouvelle, cree: false };
  }
  return persistance.transaction(async (depots) => {
    const id = await depots.conventions.creer({
      collectiviteId,
      cadre: document.cadre,
      exercice: document.exercice,
      regime: document.regime,
      dureeMois: document.duree_mois,
      enveloppeEtat: lu.enveloppeEtat,
      statut: 'brouillon',
    });
    await depots.fiches.remplacerToutes(id, lu.fiches);
    await depots.audit.ecrire({
      conventionId: id,
      utilisateurId: acteur.compte.id,
      qui: acteur.compte.identifiant,
      role: acteur.compte.role,
      action: 'importer',
      entite: 'convention',
      entiteId: String(id),
      avant: null,
      apres: document,
    });
    return { id, version: 1, cree: true };
  });
}
