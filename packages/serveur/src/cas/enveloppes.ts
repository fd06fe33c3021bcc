import { CODES_CADRE, type CodeCadre } from '@jalon/referentiels';
import { bilanNotifications, reallouerEnRegion, repartirEnveloppe, simulerRefactions } from '@jalon/domaine';
import type {
  EnveloppeApi,
  EnveloppeModification,
  PartOutreMerModification,
  SimulationApi,
  SimulationDemande,
} from '@jalon/schemas';
import type { CompteEnregistre, Depots, Persistance } from '../depots/ports.ts';
import { cadreOuvreOutreMer, enregistrerPartOutreMer, partsOutreMer } from './enveloppes-outre-mer.ts';
import { interdit, invalide } from './erreurs.ts';
import type { Acteur } from './mutation.ts';

/**
 * Enveloppes (issue 6 § 5) : l'enveloppe nationale d'un cadre et d'un exercice, répartie par la clé saisie
 * (`repartirEnveloppe`, plus forts restes au centime) en montants notifiés ; simulation des réfactions d'une
 * région et de la part maintenue en région (≥ 80 %, `simulerRefactions`, 001 · annexe 4 § 2) ; les DROM
 * (article 73) sont signalés : l'État y garde une part des crédits socle pour ses actions (001 · I.4), voir
 * `enveloppes-outre-mer.ts`.
 */
const DROM = /^97[1-46]$/;
const ROLES_ETAT = ['ddets', 'commissaire', 'national'];

function verifierCadre(cadre: string): CodeCadre {
  if (!(CODES_CADRE as readonly string[]).includes(cadre)) throw invalide(`Cadre inconnu : « ${cadre} ».`);
  return cadre as CodeCadre;
}

async function versApi(
  depots: Depots,
  compte: CompteEnregistre,
  cadre: CodeCadre,
  exercice: number,
): Promise<EnveloppeApi> {
  const enveloppe = await depots.enveloppes.trouver(cadre, exercice);
  const collectivites = await depots.collectivites.lister({ type: 'tout' });
  const notifications = (enveloppe?.notifications ?? []).map((n) => {
    const c = collectivites.find((x) => x.id === n.collectiviteId);
    return {
      collectivite_id: n.collectiviteId,
      nom: c?.nom ?? n.collectiviteId,
      region: c?.region ?? null,
      poids: n.poids,
      montant: n.montant,
      outre_mer: c?.departement !== undefined && c.departement !== null && DROM.test(c.departement),
    };
  });
  const bilan =
    enveloppe === undefined
      ? undefined
      : bilanNotifications(
          enveloppe.montant,
          enveloppe.notifications.map((n) => ({ code: n.collectiviteId, montant: n.montant })),
        );
  return {
    cadre,
    exercice,
    montant: enveloppe?.montant ?? null,
    modifiee_par: enveloppe?.modifieePar ?? null,
    modifiee_le: enveloppe?.modifieeLe ?? null,
    total_notifie: bilan?.totalNotifie ?? 0,
    reliquat: bilan?.reliquat ?? 0,
    erreurs: [...(bilan?.erreurs ?? [])],
    notifications,
    peut_modifier: compte.actif && compte.role === 'national',
    outre_mer_applicable: cadreOuvreOutreMer(cadre),
    outre_mer: await partsOutreMer(
      depots,
      compte,
      cadre,
      exercice,
      (enveloppe?.notifications ?? []).flatMap((n) => {
        const collectivite = collectivites.find((x) => x.id === n.collectiviteId);
        return collectivite === undefined ? [] : [{ collectivite, montant: n.montant }];
      }),
    ),
  };
}

/** `GET /api/enveloppes/{cadre}/{exercice}` : services de l'État (montants notifiés publiés par les circulaires). */
export async function lireEnveloppe(
  persistance: Persistance,
  acteur: Acteur,
  cadre: string,
  exercice: number,
) {
  if (!acteur.compte.actif || !ROLES_ETAT.includes(acteur.compte.role)) {
    throw interdit('lire les enveloppes (services de l’État)');
  }
  return versApi(persistance.depots, acteur.compte, verifierCadre(cadre), exercice);
}

/** `PUT` : l'administration centrale fixe l'enveloppe et la clé ; répartition, écriture et audit en une transaction. */
export async function definirEnveloppe(
  persistance: Persistance,
  acteur: Acteur,
  cadre: string,
  exercice: number,
  demande: EnveloppeModification,
): Promise<EnveloppeApi> {
  if (!acteur.compte.actif || acteur.compte.role !== 'national') {
    throw interdit('fixer l’enveloppe nationale (administration centrale)');
  }
  const code = verifierCadre(cadre);
  return persistance.transaction(async (depots) => {
    const connues = new Set((await depots.collectivites.lister({ type: 'tout' })).map((c) => c.id));
    const inconnues = demande.cles
      .filter((c) => !connues.has(c.collectivite_id))
      .map((c) => c.collectivite_id);
    if (inconnues.length > 0) throw invalide(`Collectivités inconnues : ${inconnues.join(', ')}.`);
    let notifies;
    try {
      notifies = repartirEnveloppe(
        demande.montant,
        demande.cles.map((c) => ({ code: c.collectivite_id, poids: c.poids })),
      );
    } catch (e) {
      throw invalide(e instanceof Error ? e.message : String(e));
    }
    const avant = await depots.enveloppes.trouver(code, exercice);
    const notifications = notifies.map((n) => ({
      collectiviteId: n.code,
      poids: demande.cles.find((c) => c.collectivite_id === n.code)?.poids ?? 0,
      montant: n.montant,
    }));
    await depots.enveloppes.remplacer({
      cadre: code,
      exercice,
      montant: demande.montant,
      modifieePar: acteur.compte.identifiant,
      notifications,
    });
    await depots.audit.ecrire({
      conventionId: null,
      utilisateurId: acteur.compte.id,
      qui: acteur.compte.identifiant,
      role: acteur.compte.role,
      action: 'definir_enveloppe',
      entite: 'enveloppe',
      entiteId: `${code}/${String(exercice)}`,
      avant: avant === undefined ? null : { montant: avant.montant, notifications: avant.notifications },
      apres: { montant: demande.montant, notifications },
    });
    return versApi(depots, acteur.compte, code, exercice);
  });
}

/**
 * `PUT …/outre-mer/{collectivite}` : l'État (commissaire de la région, national) enregistre la part des crédits
 * qu'il conserve dans une collectivité de l'article 73 (001 · I.4) ; décision et audit en une transaction.
 */
export async function definirPartOutreMer(
  persistance: Persistance,
  acteur: Acteur,
  cadre: string,
  exercice: number,
  collectiviteId: string,
  demande: PartOutreMerModification,
  maintenant: Date,
): Promise<EnveloppeApi> {
  const code = verifierCadre(cadre);
  return persistance.transaction(async (depots) => {
    await enregistrerPartOutreMer(depots, acteur, code, exercice, collectiviteId, demande, maintenant);
    return versApi(depots, acteur.compte, code, exercice);
  });
}

/**
 * `POST …/regions/{code}/simulation` : le commissaire de la région (ou le national) simule les réfactions à
 * partir des montants attribués qu'il propose ; rien n'est écrit. Pré-notifié : le montant notifié (0 sinon).
 */
export async function simulerRegion(
  persistance: Persistance,
  acteur: Acteur,
  cadre: string,
  exercice: number,
  region: string,
  demande: SimulationDemande,
): Promise<SimulationApi> {
  const compte = acteur.compte;
  const permis =
    compte.actif &&
    (compte.role === 'national' || (compte.role === 'commissaire' && compte.region === region));
  if (!permis) throw interdit('simuler les réfactions de cette région (commissaire de la région, national)');
  const code = verifierCadre(cadre);
  const depots = persistance.depots;
  const collectivites = await depots.collectivites.lister({ type: 'region', code: region });
  const horsRegion = demande.lignes.filter((l) => !collectivites.some((c) => c.id === l.collectivite_id));
  if (horsRegion.length > 0) {
    throw invalide(`Hors de la région ${region} : ${horsRegion.map((l) => l.collectivite_id).join(', ')}.`);
  }
  const enveloppe = await depots.enveloppes.trouver(code, exercice);
  const simulation = simulerRefactions(
    region,
    demande.lignes.map((l) => ({
      code: l.collectivite_id,
      prenotifie: enveloppe?.notifications.find((n) => n.collectiviteId === l.collectivite_id)?.montant ?? 0,
      attribue: l.attribue,
    })),
  );
  const reallocation = reallouerEnRegion({
    simulation,
    affectations: demande.projets.map((p) => ({
      libelle: p.libelle,
      montant: p.montant,
      nature: 'projet_regional',
    })),
  });
  return {
    region,
    lignes: simulation.lignes.map((l) => ({
      collectivite_id: l.code,
      nom: collectivites.find((c) => c.id === l.code)?.nom ?? l.code,
      prenotifie: l.prenotifie,
      attribue: l.attribue,
      refaction: l.refaction,
      supplement: l.supplement,
    })),
    total_prenotifie: simulation.totalPrenotifie,
    total_attribue: simulation.totalAttribue,
    total_refactions: simulation.retenue.refactions,
    retenue_minimale: simulation.retenue.minimumMaintenuEnRegion,
    remonte_au_plus: simulation.retenue.maximumHorsRegion,
    projets_engages: reallocation.engageProjets,
    reste_a_reallouer: reallocation.resteProjets,
    erreurs: [...reallocation.erreurs],
  };
}
