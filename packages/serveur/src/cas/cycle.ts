import {
  CYCLES_DE_VIE,
  LIBELLES_ROLES_PILOTAGE,
  appliquerTransition,
  controlerConvention,
  normaliserConvention,
  transitionsPossibles,
  trouverTransition,
  type Acteur as ActeurPilotage,
  type CollectivitePilotee,
  type ConventionPilotee,
  type CodeTransition,
  type DemandeTransition,
  type EntreeJournal,
  type Partie,
  type Refus,
  type Trace,
} from '@jalon/domaine';
import type { Collectivite, ConventionResume, DemandeTransitionApi, VueCycleApi } from '@jalon/schemas';
import type { CompteEnregistre, Depots, Persistance } from '../depots/ports.ts';
import { versDocument } from './document.ts';
import { ErreurMetier, versionPerimee } from './erreurs.ts';
import { conventionLisible, type Acteur } from './mutation.ts';

/**
 * Cycle de vie des conventions côté serveur (issue 6 § 1) : la coquille impérative autour de
 * `appliquerTransition` / `transitionsPossibles` du domaine. Les règles (rôles, prérequis, dates) sont les
 * données de `CYCLES_DE_VIE` ; ici : lire l'instantané, appliquer, écrire l'état, le journal du cycle et la
 * ligne d'audit dans UNE transaction, après avoir avancé la version de la convention (sinon 409).
 */

/** Les départements d'outre-mer régis par l'article 73 (001 · I.4) : 971 à 974 et 976. */
const DROM = /^97[1-46]$/;

export function collectivitePilotee(collectivite: Collectivite): CollectivitePilotee {
  const departement = collectivite.departement;
  return {
    code: collectivite.id,
    nom: collectivite.nom,
    departements: departement === null ? [] : [departement],
    region: collectivite.region ?? '',
    zone: departement !== null && DROM.test(departement) ? 'drom' : 'metro',
  };
}

/** Le compte de la plateforme vu par le pilotage ; `undefined` s'il n'a pas de territoire (refus par défaut). */
export function acteurPilotage(compte: CompteEnregistre): ActeurPilotage | undefined {
  if (!compte.actif) return undefined;
  const id = compte.identifiant;
  switch (compte.role) {
    case 'departement_agent':
    case 'departement_valideur':
      return compte.collectiviteId === null
        ? undefined
        : { id, role: compte.role, territoire: { type: 'collectivite', code: compte.collectiviteId } };
    case 'ddets':
      return compte.departement === null
        ? undefined
        : { id, role: 'ddets', territoire: { type: 'departement', code: compte.departement } };
    case 'commissaire':
      return compte.region === null
        ? undefined
        : { id, role: 'commissaire', territoire: { type: 'region', code: compte.region } };
    case 'national':
      return { id, role: 'national', territoire: { type: 'national' } };
    default:
      return undefined;
  }
}

interface Instantane {
  readonly pilotee: ConventionPilotee;
  /** Numéro de fiche → identifiant en base. */
  readonly fichesParNumero: ReadonlyMap<string, number>;
}

/** L'instantané que le domaine lit : état, fiches et validations, contrôles, exécution, note, actes, journal. */
export async function chargerInstantane(depots: Depots, convention: ConventionResume): Promise<Instantane> {
  const fiches = await depots.fiches.lister(convention.id);
  const cycle = await depots.cycle.lire(convention.id);
  const controles = controlerConvention(normaliserConvention(versDocument(convention, fiches)));
  const noteAnalyse = await depots.notes.redigee(convention.id);
  const pilotee: ConventionPilotee = {
    id: String(convention.id),
    cadre: convention.cadre,
    exercice: convention.exercice,
    regime: convention.regime,
    collectivite: collectivitePilotee(convention.collectivite),
    etat: convention.statut,
    fiches: fiches.map((fiche) => ({
      numero: fiche.numero,
      intitule: fiche.intitule,
      validations: cycle.validations.get(fiche.id) ?? {},
    })),
    controles,
    actionsSansExecution: fiches.filter((fiche) => fiche.execution === null).map((fiche) => fiche.numero),
    ...(noteAnalyse === undefined ? {} : { noteAnalyse }),
    ...(cycle.dateDeliberation === undefined ? {} : { dateDeliberation: cycle.dateDeliberation }),
    signatures: cycle.signatures,
    ...(cycle.dateSignature === undefined ? {} : { dateSignature: cycle.dateSignature }),
    avenants: cycle.avenants,
    journal: cycle.journal,
  };
  return { pilotee, fichesParNumero: new Map(fiches.map((fiche) => [fiche.numero, fiche.id])) };
}

const ou = (valeur: string | undefined): string | null => valeur ?? null;

function versVue(
  convention: ConventionResume,
  pilotee: ConventionPilotee,
  acteur: ActeurPilotage | undefined,
  maintenant: Date,
  /** Prérequis jugés par le serveur (rapport figé, INT-CYCLE-VALIDATIONS-4), par transition. */
  manques: Partial<Record<CodeTransition, readonly Refus[]>> = {},
): VueCycleApi {
  const cycle = CYCLES_DE_VIE[pilotee.cadre];
  // Un compte sans territoire voit le parcours ; toutes les transitions lui sont refusées par le domaine.
  const qui: ActeurPilotage = acteur ?? {
    id: '?',
    role: 'national',
    territoire: { type: 'collectivite', code: '' },
  };
  const vue = transitionsPossibles(pilotee, qui, maintenant);
  return {
    convention_id: convention.id,
    version: convention.version,
    etat: vue.etat,
    libelle_etat: vue.libelleEtat,
    parcours: vue.parcours.map((etape) => ({ ...etape, le: ou(etape.le) })),
    prochaine_etape:
      vue.prochaineEtape === undefined
        ? null
        : {
            code: vue.prochaineEtape.code,
            libelle: vue.prochaineEtape.libelle,
            roles: [...vue.prochaineEtape.roles],
            libelles_roles: vue.prochaineEtape.roles.map((role) => LIBELLES_ROLES_PILOTAGE[role]),
            signatures_attendues: [...vue.prochaineEtape.signaturesAttendues],
            prerequis_manquants: [
              ...vue.prochaineEtape.prerequisManquants,
              ...(manques[vue.prochaineEtape.code] ?? []),
            ].map(versRefus),
          },
    transitions: vue.transitions.map((t) => {
      const definition = trouverTransition(cycle, t.code);
      const manque = manques[t.code] ?? [];
      return {
        code: t.code,
        libelle: t.libelle,
        roles: [...t.roles],
        possible: t.possible && manque.length === 0,
        refus: [...t.refus, ...manque].map(versRefus),
        source: t.source,
        date: definition?.date ?? null,
        motif: definition?.motif === true,
        fiches: definition?.mode === 'validation_fiches',
        principale: definition?.principale === true,
      };
    }),
    date_deliberation: ou(pilotee.dateDeliberation),
    date_signature: ou(pilotee.dateSignature),
    signatures: cycle.signataires.map((s) => ({
      signataire: s.signataire,
      libelle: s.libelle,
      le: ou(pilotee.signatures[s.signataire]?.le),
    })),
    fiches: pilotee.fiches.map((f) => ({
      numero: f.numero,
      intitule: f.intitule,
      collectivite: ou(f.validations.collectivite?.le),
      etat: ou(f.validations.etat?.le),
    })),
    avenants: pilotee.avenants.map((a) => ({
      numero: a.numero,
      objet: a.objet,
      etat: a.etat,
      date_deliberation: ou(a.dateDeliberation),
      date_signature: ou(a.dateSignature),
    })),
    journal: pilotee.journal.map((e) => ({
      ...e,
      avenant: e.avenant ?? null,
      details: ou(e.details),
    })),
  };
}

const versRefus = (refus: Refus) => ({
  motif: refus.motif,
  message: refus.message,
  ...(refus.source === undefined ? {} : { source: refus.source }),
});

/** `GET /api/conventions/{id}/transitions` : parcours, prochaine étape, transitions jugées pour ce compte. */
export async function lireCycle(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  maintenant: Date,
): Promise<VueCycleApi> {
  const convention = await conventionLisible(persistance.depots, acteur, id);
  const { pilotee } = await chargerInstantane(persistance.depots, convention);
  const manques = await manquesServeur(persistance.depots, id, pilotee, false);
  return versVue(convention, pilotee, acteurPilotage(acteur.compte), maintenant, manques);
}

/**
 * « Déposer le rapport d'exécution » dépose un rapport : un dépôt figé (issue 5 § 4) fait depuis le début de
 * l'exécution doit exister, sauf quand la transition est appliquée par le dépôt lui-même (`depotFige`).
 * INT-CYCLE-VALIDATIONS-4.
 */
async function manquesServeur(
  depots: Depots,
  id: number,
  pilotee: ConventionPilotee,
  depotFige: boolean,
): Promise<Partial<Record<CodeTransition, readonly Refus[]>>> {
  if (depotFige || pilotee.etat !== 'en_execution') return {};
  const debut = pilotee.journal.findLast((e) => e.transition === 'demarrer_execution')?.horodatage;
  const depuis = debut === undefined ? 0 : Date.parse(debut);
  const figes = await depots.documents.listerDepots(id);
  if (figes.some((d) => Date.parse(d.deposeLe) >= depuis)) return {};
  return {
    deposer_rapport: [
      {
        motif: 'prerequis',
        message:
          "Aucun rapport figé n'a été déposé depuis le début de l'exécution : déposez-le depuis l'onglet Documents (« Déposer le rapport »), ce qui fait avancer la convention.",
        source: "001 · annexe 4 § 1 (rapport d'exécution) ; 003 · annexe 7 art. 3.2 (bilan final)",
      },
    ],
  };
}

/**
 * Un refus du domaine en erreur HTTP : 403 dès que le rôle ou le territoire manque (le droit prime : un compte
 * sans droit n'apprend rien de plus de l'état), 422 sinon (état, prérequis, date, motif).
 */
function refusEnErreur(libelle: string, refus: readonly Refus[]): ErreurMetier {
  const droits = refus.some((r) => r.motif === 'role' || r.motif === 'territoire');
  const message = `« ${libelle} » refusé : ${refus.map((r) => r.message).join(' ')}`;
  return new ErreurMetier(droits ? 'interdit' : 'invalide', message, { refus: refus.map(versRefus) });
}

function validationsParId(
  pilotee: ConventionPilotee,
  fichesParNumero: ReadonlyMap<string, number>,
): Map<number, Partial<Record<Partie, Trace>>> {
  const resultat = new Map<number, Partial<Record<Partie, Trace>>>();
  for (const fiche of pilotee.fiches) {
    const id = fichesParNumero.get(fiche.numero);
    if (id !== undefined) resultat.set(id, { ...fiche.validations });
  }
  return resultat;
}

/**
 * Applique une ou plusieurs transitions, dans l'ordre, en UNE transaction (tout ou rien) : droits et prérequis
 * jugés par le domaine, version avancée une fois (409 si périmée), journal du cycle et audit par transition.
 */
export async function appliquerTransitions(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  versionAttendue: number,
  demandes: readonly DemandeTransition[],
  maintenant: Date,
): Promise<VueCycleApi> {
  return persistance.transaction((depots) =>
    appliquerTransitionsDans(depots, acteur, id, demandes, maintenant, { versionAttendue }),
  );
}

/**
 * Juge une transition sans rien écrire (hors transaction) : lève le même refus que `appliquerTransitionsDans`.
 * Le dépôt figé l'appelle avant de produire ses fichiers (LibreOffice prend quelques secondes).
 */
export async function jugerTransition(
  depots: Depots,
  acteur: Acteur,
  convention: ConventionResume,
  demande: DemandeTransition,
  maintenant: Date,
  options: Pick<OptionsTransitions, 'depotFige'> = {},
): Promise<void> {
  const qui = acteurPilotage(acteur.compte);
  if (qui === undefined)
    throw new ErreurMetier('interdit', 'Action non autorisée pour votre compte : compte sans territoire.');
  const { pilotee } = await chargerInstantane(depots, convention);
  const manques = (await manquesServeur(depots, convention.id, pilotee, options.depotFige === true))[
    demande.code
  ];
  const resultat = appliquerTransition(pilotee, demande, qui, maintenant);
  if (!resultat.ok || (manques !== undefined && manques.length > 0)) {
    const libelle = trouverTransition(CYCLES_DE_VIE[convention.cadre], demande.code)?.libelle ?? demande.code;
    throw refusEnErreur(libelle, [...(resultat.ok ? [] : resultat.refus), ...(manques ?? [])]);
  }
}

export interface OptionsTransitions {
  /**
   * Version attendue, avancée une fois après le jugement (409 si périmée). Absente : l'appelant a déjà avancé
   * la version dans CETTE transaction (dépôt figé du rapport).
   */
  readonly versionAttendue?: number;
  /** Le rapport vient d'être figé dans cette transaction : la transition `deposer_rapport` n'en cherche pas. */
  readonly depotFige?: boolean;
}

/**
 * Le cœur de `appliquerTransitions`, dans une transaction ouverte par l'appelant (`depots` transactionnels) :
 * le dépôt figé du rapport l'appelle pour faire avancer la convention avec le dépôt, tout ou rien.
 * Un refus lève une `ErreurMetier` (403 droits, 422 sinon) : l'appelant ne doit pas l'attraper, la transaction
 * est annulée.
 */
export async function appliquerTransitionsDans(
  depots: Depots,
  acteur: Acteur,
  id: number,
  demandes: readonly DemandeTransition[],
  maintenant: Date,
  options: OptionsTransitions,
): Promise<VueCycleApi> {
  const convention = await conventionLisible(depots, acteur, id);
  const qui = acteurPilotage(acteur.compte);
  if (qui === undefined)
    throw new ErreurMetier('interdit', 'Action non autorisée pour votre compte : compte sans territoire.');
  const { pilotee: initiale, fichesParNumero } = await chargerInstantane(depots, convention);
  // Les refus sont jugés avant d'avancer la version : un refus n'écrit rien, 409 seulement si recevable.
  let courante = initiale;
  const entrees: { avant: ConventionPilotee; apres: ConventionPilotee; entree: EntreeJournal }[] = [];
  for (const demande of demandes) {
    const manques = (await manquesServeur(depots, id, courante, options.depotFige === true))[demande.code];
    const resultat = appliquerTransition(courante, demande, qui, maintenant);
    if (!resultat.ok || (manques !== undefined && manques.length > 0)) {
      const libelle =
        trouverTransition(CYCLES_DE_VIE[convention.cadre], demande.code)?.libelle ?? demande.code;
      throw refusEnErreur(libelle, [...(resultat.ok ? [] : resultat.refus), ...(manques ?? [])]);
    }
    entrees.push({ avant: courante, apres: resultat.convention, entree: resultat.entree });
    courante = resultat.convention;
  }
  if (options.versionAttendue !== undefined) {
    const version = await depots.conventions.avancerVersion(id, options.versionAttendue);
    if (version === undefined) throw versionPerimee(options.versionAttendue, convention.version);
  }
  for (const { avant, apres, entree } of entrees) {
    await depots.cycle.ecrire(id, {
      etat: apres.etat,
      dateDeliberation: apres.dateDeliberation,
      dateSignature: apres.dateSignature,
      signatures: apres.signatures,
      validations: validationsParId(apres, fichesParNumero),
      avenants: apres.avenants,
      entree,
    });
    await depots.audit.ecrire({
      conventionId: id,
      utilisateurId: acteur.compte.id,
      qui: acteur.compte.identifiant,
      role: acteur.compte.role,
      action: entree.transition,
      entite: entree.objet,
      entiteId: entree.avenant === undefined ? String(id) : `${String(id)}/avenant/${String(entree.avenant)}`,
      avant: resume(avant, entree),
      apres: {
        ...resume(apres, entree),
        date: entree.date,
        ...(entree.details === undefined ? {} : { details: entree.details }),
      },
    });
  }
  const apres = await conventionLisible(depots, acteur, id);
  const finale: ConventionPilotee = { ...courante, etat: apres.statut };
  return versVue(apres, finale, qui, maintenant, await manquesServeur(depots, id, finale, false));
}

/** L'état (de la convention, ou de l'avenant concerné) avant / après, pour la ligne d'audit. */
function resume(pilotee: ConventionPilotee, entree: EntreeJournal): Record<string, unknown> {
  if (entree.objet === 'avenant') {
    const avenant = pilotee.avenants.find((a) => a.numero === entree.avenant);
    return { avenant: entree.avenant, etat: avenant?.etat ?? 'aucun', signatures: avenant?.signatures ?? {} };
  }
  return {
    statut: pilotee.etat,
    date_deliberation: pilotee.dateDeliberation ?? null,
    date_signature: pilotee.dateSignature ?? null,
    signatures: pilotee.signatures,
    fiches_validees: pilotee.fiches
      .filter((f) => f.validations.collectivite !== undefined || f.validations.etat !== undefined)
      .map((f) => ({ numero: f.numero, parties: Object.keys(f.validations) })),
  };
}

/** Les demandes de l'API vers le domaine. */
export const versDemande = (demande: DemandeTransitionApi): DemandeTransition => ({
  code: demande.code,
  ...(demande.date === undefined ? {} : { date: demande.date }),
  ...(demande.motif === undefined ? {} : { motif: demande.motif }),
  ...(demande.fiches === undefined ? {} : { fiches: demande.fiches }),
});
