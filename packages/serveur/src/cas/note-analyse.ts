import { noteAnalyse, normaliserConvention, type NoteAnalyse, type LigneConsommation } from '@jalon/domaine';
import type { ConventionResume, NoteAnalyseApi } from '@jalon/schemas';
import type { Depots, Persistance } from '../depots/ports.ts';
import { versDocument } from './document.ts';
import { interdit, versionPerimee } from './erreurs.ts';
import { conventionLisible, type Acteur } from './mutation.ts';

/**
 * Note d'analyse du commissaire (issue 6 § 4 ; 001 · annexe 4 § 2 ; 000 · annexe 5 § 1) : les chiffres sont
 * recalculés par le domaine (`noteAnalyse`) à chaque lecture depuis les données de la convention ; seule la
 * justification est rédigée et gardée (table `note_analyse`, chaque version dans `note_analyse_version`).
 * Le dépôt de la note est la transition `deposer_note_analyse` du cycle de vie (cas/cycle.ts).
 */

/** États où la note s'écrit : le rapport d'exécution est déposé, la note pas encore (INT-PILOTAGE-TABLEAUX-1). */
export const ETATS_REDACTION_NOTE: readonly string[] = ['rapport_depose'];

/** Le commissaire de la région de la collectivité (le périmètre de lecture a déjà vérifié la région). */
export function peutRedigerNote(acteur: Acteur, convention: ConventionResume): boolean {
  const compte = acteur.compte;
  return (
    compte.actif &&
    compte.role === 'commissaire' &&
    compte.region !== null &&
    compte.region === convention.collectivite.region &&
    ETATS_REDACTION_NOTE.includes(convention.statut)
  );
}

/**
 * Valeurs « résultat » des indicateurs de l'exercice analysé, par code : celles de la convention, complétées
 * par celles que la convention suivante porte pour cette année (le résultat d'une année se saisit souvent
 * dans la convention de l'année d'après — INT-PILOTAGE-TABLEAUX-2).
 */
async function valeursIndicateurs(depots: Depots, convention: ConventionResume, suivante?: ConventionResume) {
  const resultats = async (id: number) =>
    (await depots.indicateurs.lister(id)).filter(
      (v) => v.annee === convention.exercice && v.nature === 'resultat' && v.valeur !== null,
    );
  const propres = await resultats(convention.id);
  const complements = suivante === undefined ? [] : await resultats(suivante.id);
  return Object.fromEntries([...complements, ...propres].map((v) => [v.indicateur, v.valeur]));
}

/** La convention de l'exercice suivant de la même collectivité (tout cadre) : son enveloppe et sa durée. */
async function conventionSuivante(depots: Depots, convention: ConventionResume) {
  const suivantes = await depots.conventions.lister(
    { type: 'tout' },
    { collectivite: convention.collectivite.id, exercice: convention.exercice + 1 },
  );
  return suivantes[0];
}

/** Les chiffres du domaine pour une convention (sans la justification). */
export async function chiffresNote(depots: Depots, convention: ConventionResume): Promise<NoteAnalyse> {
  const fiches = await depots.fiches.lister(convention.id);
  const financiere = normaliserConvention(versDocument(convention, fiches));
  const suivante = await conventionSuivante(depots, convention);
  return noteAnalyse({
    convention: financiere,
    indicateurs: await valeursIndicateurs(depots, convention, suivante),
    ...(suivante === undefined
      ? {}
      : { creditsExerciceN: { enveloppe: suivante.enveloppe_etat, dureeMois: suivante.duree_mois } }),
  });
}

const ligne = (l: LigneConsommation) => ({
  cle: l.cle,
  libelle: l.libelle,
  total: l.total,
  realise: l.realise,
  taux: l.taux?.pourcentage ?? null,
});

async function versApi(
  depots: Depots,
  acteur: Acteur,
  convention: ConventionResume,
): Promise<NoteAnalyseApi> {
  const note = await chiffresNote(depots, convention);
  const enregistree = await depots.notes.trouver(convention.id);
  const versions = await depots.notes.versions(convention.id);
  const suivante = await conventionSuivante(depots, convention);
  return {
    convention_id: convention.id,
    version: convention.version,
    cadre: convention.cadre,
    exercice: convention.exercice,
    regime: convention.regime,
    etat: convention.statut,
    collectivite: { id: convention.collectivite.id, nom: convention.collectivite.nom },
    consommation: {
      actions: note.consommation.actions.map((a) => ({
        ...ligne(a),
        code_mesure: a.codeMesure,
        execution_saisie: a.executionSaisie,
        sans_depense: a.sansDepense,
      })),
      mesures: note.consommation.mesures.map(ligne),
      sous_totaux: note.consommation.sousTotaux.map(ligne),
      generale: ligne(note.consommation.generale),
    },
    indicateurs: note.indicateurs.map((i) => ({
      code: i.code,
      libelle: i.libelle,
      valeur: i.valeur,
      cible: i.cible?.texte ?? null,
      mesure: i.mesure,
      atteint: i.atteint,
      taux_atteinte: i.tauxAtteinte?.pourcentage ?? null,
      explication: i.explication,
    })),
    actions_sans_depense: note.actionsSansDepense.map((a) => ({ numero: a.cle, intitule: a.libelle })),
    actions_sans_execution: [...note.actionsSansExecution],
    controles_ouverts: note.controlesOuverts.map((c) => ({
      code: c.code,
      gravite: c.gravite,
      message: c.message,
      source: c.source,
    })),
    credits_proposes:
      note.creditsProposes === undefined || suivante === undefined
        ? null
        : {
            exercice: suivante.exercice,
            duree_mois: suivante.duree_mois,
            enveloppe: suivante.enveloppe_etat,
            enveloppe_proratisee: note.creditsProposes.enveloppeProratisee,
            reports_etat: note.creditsProposes.reportsEtat,
            nouveaux_credits: note.creditsProposes.nouveauxCredits,
            reports_non_absorbes: note.creditsProposes.reportsNonAbsorbes,
            actions_sans_depense: [...note.creditsProposes.actionsSansDepense],
          },
    justification: enregistree?.justification ?? '',
    redaction:
      enregistree === undefined
        ? null
        : { numero: enregistree.numero, par: enregistree.redigeePar, le: enregistree.redigeeLe },
    versions: versions.map((v) => ({ numero: v.numero, par: v.par, le: v.le })),
    peut_rediger: peutRedigerNote(acteur, convention),
  };
}

/** `GET /api/conventions/{id}/note-analyse` : quiconque lit la convention lit sa note. */
export async function lireNote(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
): Promise<NoteAnalyseApi> {
  const convention = await conventionLisible(persistance.depots, acteur, id);
  return versApi(persistance.depots, acteur, convention);
}

/**
 * `PUT /api/conventions/{id}/note-analyse` : le commissaire de la région enregistre une nouvelle version de la
 * justification, dans UNE transaction : droits, version de la convention avancée (409 sinon), note et version,
 * ligne d'audit (avant, après).
 */
export async function enregistrerNote(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  versionAttendue: number,
  justification: string,
): Promise<NoteAnalyseApi> {
  return persistance.transaction(async (depots) => {
    const convention = await conventionLisible(depots, acteur, id);
    // Comme `droitsSur` (politique.ts), l'état de la convention fait partie du droit : refus 403 hors du
    // « rapport déposé », rien n'est écrit.
    if (!peutRedigerNote(acteur, convention)) {
      throw interdit(
        `écrire la note d’analyse (commissaire à la lutte contre la pauvreté de la région, quand le rapport ` +
          `d’exécution est déposé ; état actuel : ${convention.statut})`,
      );
    }
    const version = await depots.conventions.avancerVersion(id, versionAttendue);
    if (version === undefined) throw versionPerimee(versionAttendue, convention.version);
    const avant = await depots.notes.trouver(id);
    const apres = await depots.notes.enregistrer(id, justification, acteur.compte.identifiant);
    await depots.audit.ecrire({
      conventionId: id,
      utilisateurId: acteur.compte.id,
      qui: acteur.compte.identifiant,
      role: acteur.compte.role,
      action: 'rediger_note_analyse',
      entite: 'note_analyse',
      entiteId: String(id),
      avant: avant === undefined ? null : { numero: avant.numero, justification: avant.justification },
      apres: { numero: apres.numero, justification: apres.justification },
    });
    const relue = await conventionLisible(depots, acteur, id);
    return versApi(depots, acteur, relue);
  });
}
