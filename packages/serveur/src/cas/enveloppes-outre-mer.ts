import {
  CADRES_RETENUE_OUTRE_MER,
  formaterEuros,
  jourAParis,
  partConserveeOutreMer,
  proposerCreditsSocle,
} from '@jalon/domaine';
import type { CodeCadre } from '@jalon/referentiels';
import type { Collectivite, PartOutreMerApi, PartOutreMerModification } from '@jalon/schemas';
import type { CompteEnregistre, Depots } from '../depots/ports.ts';
import type { PartOutreMerEnregistree } from '../depots/ports-enveloppes-outre-mer.ts';
import { collectivitePilotee } from './cycle.ts';
import { versDocument } from './document.ts';
import { analyseFinanciere } from './finances.ts';
import { ErreurMetier, interdit, invalide } from './erreurs.ts';
import type { Acteur } from './mutation.ts';

/**
 * Part des crédits conservée par l'État dans une collectivité régie par l'article 73 de la Constitution
 * (001 · I.4 ; annexe 4 § 2 ; issue 6 § 5). Le domaine (`partConserveeOutreMer`, INT-PILOTAGE-16) juge la
 * décision ; ici : droits (commissaire de la région, national), lecture de la notification, écriture et audit
 * dans la transaction de l'appelant.
 */

export const cadreOuvreOutreMer = (cadre: CodeCadre): boolean => CADRES_RETENUE_OUTRE_MER.includes(cadre);

/** Décide pour cette collectivité : le national, ou le commissaire de sa région (001 · I.4 : « l'État »). */
export function peutDeciderOutreMer(compte: CompteEnregistre, collectivite: Collectivite): boolean {
  if (!compte.actif) return false;
  if (compte.role === 'national') return true;
  return compte.role === 'commissaire' && compte.region !== null && compte.region === collectivite.region;
}

/** Une notification vue depuis l'enveloppe : le montant notifié courant d'une collectivité. */
interface Notifiee {
  readonly collectivite: Collectivite;
  readonly montant: number;
}

/** Ce que la décision enregistrée donne aujourd'hui : montants, et ce qui est à revoir (INT-ENVELOPPES-OM-3). */
export function partVersApi(
  compte: CompteEnregistre,
  notifiee: Notifiee,
  part: PartOutreMerEnregistree | undefined,
  propositionCreditsSocle: number | null = null,
): PartOutreMerApi {
  const { collectivite, montant } = notifiee;
  const base = {
    collectivite_id: collectivite.id,
    nom: collectivite.nom,
    region: collectivite.region,
    montant_notifie: montant,
    peut_modifier: peutDeciderOutreMer(compte, collectivite),
    proposition_credits_socle: propositionCreditsSocle,
  };
  if (part === undefined) return { ...base, decision: null, verse: montant, a_revoir: [] };
  const creditsInitiatives = part.montantNotifie - part.creditsSocle;
  const totalConserve = part.conserveSocle + part.conserveInitiatives;
  const aRevoir: string[] = [];
  if (part.montantNotifie !== montant) {
    aRevoir.push(
      `Le montant notifié a changé depuis la décision (${formaterEuros(part.montantNotifie)} → ${formaterEuros(montant)}) : la part conservée est à revoir.`,
    );
  }
  return {
    ...base,
    decision: {
      montant_notifie: part.montantNotifie,
      credits_socle: part.creditsSocle,
      credits_initiatives: creditsInitiatives,
      conserve_socle: part.conserveSocle,
      conserve_initiatives: part.conserveInitiatives,
      verse_socle: part.creditsSocle - part.conserveSocle,
      verse_initiatives: creditsInitiatives - part.conserveInitiatives,
      total_conserve: totalConserve,
      total_verse: part.montantNotifie - totalConserve,
      concertation_le: part.concertationLe,
      motif: part.motif,
      modifiee_par: part.modifieePar,
      modifiee_le: part.modifieeLe,
    },
    // Jamais négatif : si la notification a baissé sous la part conservée, rien n'est versé (et c'est à revoir).
    verse: Math.max(0, montant - totalConserve),
    a_revoir: aRevoir,
  };
}

/** Les collectivités de l'article 73 notifiées, avec leur décision (liste vide si le cadre n'ouvre pas la faculté). */
export async function partsOutreMer(
  depots: Depots,
  compte: CompteEnregistre,
  cadre: CodeCadre,
  exercice: number,
  notifiees: readonly Notifiee[],
): Promise<PartOutreMerApi[]> {
  if (!cadreOuvreOutreMer(cadre)) return [];
  const drom = notifiees.filter((n) => collectivitePilotee(n.collectivite).zone === 'drom');
  if (drom.length === 0) return [];
  const parts = await depots.enveloppesOutreMer.lister(cadre, exercice);
  const resultat: PartOutreMerApi[] = [];
  for (const n of drom) {
    const proposition = await propositionDeLaConvention(depots, cadre, exercice, n);
    resultat.push(
      partVersApi(
        compte,
        n,
        parts.find((p) => p.collectiviteId === n.collectivite.id),
        proposition ?? null,
      ),
    );
  }
  return resultat;
}

/**
 * Crédits socles proposés d'après la convention de la collectivité (cadre, exercice) : crédits État prévus aux
 * engagements socles et aux initiatives (totaux du domaine, annexe 9), appliqués au montant notifié
 * (`proposerCreditsSocle`, INT-ENVELOPPES-OM-6).
 */
async function propositionDeLaConvention(
  depots: Depots,
  cadre: CodeCadre,
  exercice: number,
  notifiee: Notifiee,
): Promise<number | undefined> {
  const convention = await depots.conventions.trouverParCle(notifiee.collectivite.id, cadre, exercice);
  if (convention === undefined) return undefined;
  const { totaux } = analyseFinanciere(versDocument(convention, await depots.fiches.lister(convention.id)));
  return proposerCreditsSocle(
    notifiee.montant,
    totaux.socle?.previsionnel.etat ?? 0,
    totaux.initiatives?.previsionnel.etat ?? 0,
  );
}

/**
 * `PUT /api/enveloppes/{cadre}/{exercice}/outre-mer/{collectivite}` : l'État enregistre la part qu'il conserve.
 * Droits d'abord (403 hors de la région), puis la collectivité et sa notification, puis le domaine (422 motivé).
 * Écriture et audit (avant, après) dans la transaction `depots`.
 */
export async function enregistrerPartOutreMer(
  depots: Depots,
  acteur: Acteur,
  cadre: CodeCadre,
  exercice: number,
  collectiviteId: string,
  demande: PartOutreMerModification,
  maintenant: Date,
): Promise<void> {
  const compte = acteur.compte;
  if (!compte.actif || (compte.role !== 'national' && compte.role !== 'commissaire')) {
    throw interdit('fixer la part des crédits conservée par l’État (commissaire de la région, national)');
  }
  const collectivite = await depots.collectivites.trouver(collectiviteId);
  if (collectivite === undefined) {
    if (compte.role !== 'national') throw interdit('décider pour une collectivité hors de votre région');
    throw new ErreurMetier('introuvable', `Collectivité inconnue : « ${collectiviteId} ».`);
  }
  if (!peutDeciderOutreMer(compte, collectivite)) {
    throw interdit(`décider pour ${collectivite.nom}, hors de votre région`);
  }
  const enveloppe = await depots.enveloppes.trouver(cadre, exercice);
  const notification = enveloppe?.notifications.find((n) => n.collectiviteId === collectiviteId);
  if (notification === undefined) {
    throw invalide(
      `${collectivite.nom} n’a pas de montant notifié pour ${cadre} ${String(exercice)} : fixez d’abord l’enveloppe.`,
    );
  }
  const erreurs: string[] = [];
  if (demande.credits_socle > notification.montant) {
    erreurs.push(
      `Crédits socles (${formaterEuros(demande.credits_socle)}) supérieurs au montant notifié (${formaterEuros(notification.montant)}).`,
    );
  }
  if (demande.concertation_le !== null && demande.concertation_le > jourAParis(maintenant)) {
    erreurs.push(
      `La concertation du ${demande.concertation_le} n’a pas encore eu lieu : elle doit précéder la décision (001 · I.4).`,
    );
  }
  const jugement = partConserveeOutreMer({
    cadre,
    collectivite: collectivitePilotee(collectivite),
    creditsSocle: Math.min(demande.credits_socle, notification.montant),
    creditsInitiatives: Math.max(0, notification.montant - demande.credits_socle),
    conserveSocle: demande.conserve_socle,
    conserveInitiatives: demande.conserve_initiatives,
    ...(demande.concertation_le === null ? {} : { concertationLe: demande.concertation_le }),
  });
  if (!jugement.ok) erreurs.push(...jugement.erreurs);
  if (erreurs.length > 0) throw invalide(erreurs.join(' '), { erreurs });
  const avant = await depots.enveloppesOutreMer.trouver(cadre, exercice, collectiviteId);
  const apres = await depots.enveloppesOutreMer.enregistrer({
    cadre,
    exercice,
    collectiviteId,
    montantNotifie: notification.montant,
    creditsSocle: demande.credits_socle,
    conserveSocle: demande.conserve_socle,
    conserveInitiatives: demande.conserve_initiatives,
    concertationLe: demande.concertation_le ?? '',
    motif: demande.motif,
    modifieePar: compte.identifiant,
  });
  const trace = (p: PartOutreMerEnregistree) => ({
    montant_notifie: p.montantNotifie,
    credits_socle: p.creditsSocle,
    conserve_socle: p.conserveSocle,
    conserve_initiatives: p.conserveInitiatives,
    concertation_le: p.concertationLe,
    motif: p.motif,
  });
  await depots.audit.ecrire({
    conventionId: null,
    utilisateurId: compte.id,
    qui: compte.identifiant,
    role: compte.role,
    action: 'definir_part_outre_mer',
    entite: 'enveloppe_outre_mer',
    entiteId: `${cadre}/${String(exercice)}/${collectiviteId}`,
    avant: avant === undefined ? null : trace(avant),
    apres: trace(apres),
  });
}
