import { createHash, randomBytes } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { Logger } from 'pino';
import {
  LIBELLES_ROLES_PILOTAGE,
  dansLeTerritoire,
  formaterJour,
  genererICalendar,
  type EcheanceConvention,
} from '@jalon/domaine';
import type { BilanEnvoi, BoiteEnvoi, JetonCalendrier } from '@jalon/schemas';
import { perimetreDe } from '../acces/politique.ts';
import type { CompteEnregistre, Persistance } from '../depots/ports.ts';
import { acteurPilotage } from './cycle.ts';
import { echeancesClassees, echeancesDuPerimetre, territoireDe } from './echeances.ts';
import { interdit } from './erreurs.ts';
import type { Acteur } from './mutation.ts';

/**
 * Rappels d'échéance par courriel et flux iCalendar (issue 6 § 2). Envoi par SMTP (nodemailer) si
 * `JALON_SMTP_URL` est fixée ; en démonstration sans SMTP, les courriels vont dans la boîte d'envoi visible
 * (table `courriel`, page « Boîte d'envoi »). Idempotent : un courriel par échéance, palier (proche / retard) et
 * destinataire, réservé par une clé unique AVANT l'envoi (deux passages simultanés n'envoient qu'une fois).
 */

export interface MessageCourriel {
  readonly a: string;
  readonly sujet: string;
  readonly texte: string;
}

export interface TransportCourriel {
  readonly nature: 'smtp' | 'boite';
  envoyer(message: MessageCourriel): Promise<void>;
}

export interface ConfigRappels {
  readonly transport: TransportCourriel | undefined;
  /** Domaine des adresses des comptes dont l'identifiant n'est pas une adresse (comptes de démonstration). */
  readonly domaine: string;
  /** Intervalle de la tâche périodique, en minutes ; 0 : pas de tâche. */
  readonly intervalleMinutes: number;
  /** Adresse publique du serveur, pour les liens des courriels et l'URL du flux iCalendar. */
  readonly urlPublique: string;
}

export function transportSmtp(url: string, expediteur: string): TransportCourriel {
  const transport = createTransport(url);
  return {
    nature: 'smtp',
    envoyer: async (m) => {
      await transport.sendMail({ from: expediteur, to: m.a, subject: m.sujet, text: m.texte });
    },
  };
}

/** La boîte d'envoi de démonstration : le courriel enregistré EST l'envoi. */
export const transportBoite: TransportCourriel = { nature: 'boite', envoyer: async () => {} };

/** Lit `JALON_SMTP_URL`, `JALON_SMTP_EXPEDITEUR`, `JALON_RAPPELS_DOMAINE`, `JALON_RAPPELS_INTERVALLE_MINUTES`, `JALON_URL_PUBLIQUE`. */
export function configRappels(env: NodeJS.ProcessEnv, demo: boolean): ConfigRappels {
  const url = env.JALON_SMTP_URL?.trim();
  const expediteur = env.JALON_SMTP_EXPEDITEUR?.trim() || 'Jalon <ne-pas-repondre@jalon.invalid>';
  const intervalle = Number(env.JALON_RAPPELS_INTERVALLE_MINUTES ?? '60');
  if (!Number.isFinite(intervalle) || intervalle < 0) {
    throw new RangeError(
      `JALON_RAPPELS_INTERVALLE_MINUTES : nombre de minutes positif attendu, reçu « ${env.JALON_RAPPELS_INTERVALLE_MINUTES ?? ''} »`,
    );
  }
  return {
    transport:
      url !== undefined && url !== '' ? transportSmtp(url, expediteur) : demo ? transportBoite : undefined,
    domaine: env.JALON_RAPPELS_DOMAINE?.trim() || 'jalon.invalid',
    intervalleMinutes: intervalle,
    urlPublique: (env.JALON_URL_PUBLIQUE?.trim() || 'http://localhost:3000').replace(/\/$/, ''),
  };
}

/** Adresse d'un compte : son identifiant s'il en est une, sinon `identifiant@domaine` (INT-PILOTAGE-CYCLE-4). */
export const adresseDe = (compte: Pick<CompteEnregistre, 'identifiant'>, domaine: string): string =>
  compte.identifiant.includes('@') ? compte.identifiant : `${compte.identifiant}@${domaine}`;

type Palier = 'proche' | 'retard';

function message(
  e: EcheanceConvention,
  palier: Palier,
  urlPublique: string,
): { sujet: string; texte: string } {
  const quoi = `${e.libelle} — ${e.collectivite.nom}, convention ${String(e.exercice)}`;
  const sujet =
    palier === 'retard' ? `[Jalon] Échéance dépassée : ${quoi}` : `[Jalon] Échéance proche : ${quoi}`;
  const texte = [
    palier === 'retard'
      ? `L'échéance « ${e.libelle} » était fixée au ${formaterJour(e.echeance)} et n'est pas marquée comme faite.`
      : `L'échéance « ${e.libelle} » arrive le ${formaterJour(e.echeance)}.`,
    '',
    `Collectivité : ${e.collectivite.nom}`,
    `Convention : ${e.cadre}, exercice ${String(e.exercice)} (régime ${e.regime})`,
    `À faire par : ${e.responsables.map((r) => LIBELLES_ROLES_PILOTAGE[r]).join(', ')}`,
    `Source : ${e.source}`,
    '',
    `Ouvrir la convention : ${urlPublique}/conventions/${e.conventionId}`,
    '',
    'Courriel automatique de Jalon : un seul rappel par échéance et par palier.',
  ].join('\n');
  return { sujet, texte };
}

/** Un passage d'envoi : les échéances proches ou dépassées, à chaque compte responsable du territoire. */
export async function envoyerRappels(
  persistance: Persistance,
  config: Pick<ConfigRappels, 'transport' | 'domaine' | 'urlPublique'>,
  maintenant: Date,
  journal?: Logger,
): Promise<BilanEnvoi> {
  const bilan = { examinees: 0, envoyes: 0, deja_envoyes: 0, erreurs: 0 };
  const transport = config.transport;
  if (transport === undefined) return bilan;
  const { depots } = persistance;
  const echeances = (await echeancesClassees(depots, maintenant)).filter(
    (e) => e.statut === 'en_retard' || e.statut === 'proche',
  );
  const comptes = (await depots.utilisateurs.lister()).filter((c) => c.actif);
  for (const e of echeances) {
    bilan.examinees++;
    const palier: Palier = e.statut === 'en_retard' ? 'retard' : 'proche';
    const destinataires = comptes.filter((compte) => {
      const acteur = acteurPilotage(compte);
      return (
        acteur !== undefined &&
        e.responsables.includes(acteur.role) &&
        dansLeTerritoire(acteur.territoire, e.collectivite)
      );
    });
    for (const compte of destinataires) {
      const { sujet, texte } = message(e, palier, config.urlPublique);
      const a = adresseDe(compte, config.domaine);
      const id = await depots.rappels.reserver({
        cle: `${e.conventionId}:${e.code}:${palier}:${String(compte.id)}`,
        conventionId: Number(e.conventionId),
        destinataire: a,
        sujet,
        corps: texte,
        transport: transport.nature,
      });
      if (id === undefined) {
        bilan.deja_envoyes++;
        continue;
      }
      try {
        await transport.envoyer({ a, sujet, texte });
        await depots.rappels.marquerEnvoye(id, maintenant);
        bilan.envoyes++;
      } catch (erreur) {
        // La clé est rendue : le prochain passage réessaiera (pas de rappel perdu, pas de doublon envoyé).
        await depots.rappels.liberer(id);
        bilan.erreurs++;
        journal?.warn({ destinataire: a, erreur: String(erreur) }, 'rappel non envoyé');
      }
    }
  }
  return bilan;
}

/** La tâche périodique du serveur ; rend la fonction qui l'arrête. */
export function demarrerRappelsPeriodiques(
  persistance: Persistance,
  config: ConfigRappels,
  horloge: () => Date,
  journal?: Logger,
): () => void {
  if (config.transport === undefined || config.intervalleMinutes === 0) {
    journal?.info('rappels par courriel désactivés (ni JALON_SMTP_URL ni démonstration, ou intervalle 0)');
    return () => {};
  }
  let enCours = false;
  const passage = async () => {
    if (enCours) return;
    enCours = true;
    try {
      const bilan = await envoyerRappels(persistance, config, horloge(), journal);
      journal?.info(bilan, 'rappels d’échéance');
    } catch (erreur) {
      journal?.error({ erreur: String(erreur) }, 'rappels d’échéance : échec du passage');
    } finally {
      enCours = false;
    }
  };
  const premier = setTimeout(() => void passage(), 5_000);
  const minuterie = setInterval(() => void passage(), config.intervalleMinutes * 60_000);
  premier.unref();
  minuterie.unref();
  return () => {
    clearTimeout(premier);
    clearInterval(minuterie);
  };
}

/** `POST /api/rappels/envoi` : un passage à la demande (administration centrale). */
export async function envoyerRappelsDemande(
  persistance: Persistance,
  acteur: Acteur,
  config: ConfigRappels,
  maintenant: Date,
): Promise<BilanEnvoi> {
  if (acteur.compte.role !== 'national')
    throw interdit('déclencher l’envoi des rappels (administration centrale)');
  return envoyerRappels(persistance, config, maintenant);
}

/** Boîte d'envoi : l'administration centrale voit tout ; les autres comptes, les courriels qui leur sont adressés. */
export async function boiteEnvoi(
  persistance: Persistance,
  acteur: Acteur,
  domaine: string,
): Promise<BoiteEnvoi> {
  const courriels = await persistance.depots.rappels.lister(500);
  const moi = adresseDe(acteur.compte, domaine);
  return {
    courriels: courriels
      .filter((c) => acteur.compte.role === 'national' || c.destinataire === moi)
      .map((c) => ({
        id: c.id,
        destinataire: c.destinataire,
        sujet: c.sujet,
        corps: c.corps,
        transport: c.transport,
        cree_le: c.creeLe,
        envoye_le: c.envoyeLe,
        erreur: c.erreur,
      })),
  };
}

// --- Flux iCalendar par compte ----------------------------------------------------------------------------

const empreinte = (jeton: string): string => createHash('sha256').update(jeton).digest('hex');

export const cheminFlux = (jeton: string): string => `/calendrier/${jeton}.ics`;

export async function lireJetonCalendrier(
  persistance: Persistance,
  acteur: Acteur,
): Promise<JetonCalendrier> {
  const actif = await persistance.depots.calendriers.actif(acteur.compte.id);
  return { actif: actif !== undefined, cree_le: actif?.creeLe ?? null, url: null };
}

/** Nouveau jeton secret (256 bits) ; l'ancien est révoqué. L'URL n'est rendue qu'ici. */
export async function creerJetonCalendrier(
  persistance: Persistance,
  acteur: Acteur,
  urlPublique: string,
): Promise<JetonCalendrier> {
  if (territoireDe(acteur.compte) === undefined)
    throw interdit('s’abonner au calendrier (compte sans territoire)');
  const jeton = randomBytes(32).toString('base64url');
  await persistance.transaction((depots) => depots.calendriers.creer(acteur.compte.id, empreinte(jeton)));
  const actif = await persistance.depots.calendriers.actif(acteur.compte.id);
  return { actif: true, cree_le: actif?.creeLe ?? null, url: `${urlPublique}${cheminFlux(jeton)}` };
}

export async function revoquerJetonCalendrier(
  persistance: Persistance,
  acteur: Acteur,
): Promise<JetonCalendrier> {
  await persistance.depots.calendriers.revoquer(acteur.compte.id, new Date());
  return { actif: false, cree_le: null, url: null };
}

/** Le flux d'un jeton actif (sans session) : les échéances à faire du territoire du compte ; `undefined` sinon. */
export async function fluxCalendrier(
  persistance: Persistance,
  jeton: string,
  maintenant: Date,
): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(jeton)) return undefined;
  const { depots } = persistance;
  const utilisateurId = await depots.calendriers.compte(empreinte(jeton));
  if (utilisateurId === undefined) return undefined;
  const compte = await depots.utilisateurs.parId(utilisateurId);
  if (compte === undefined || !compte.actif) return undefined;
  const perimetre = perimetreDe(compte);
  const territoire = territoireDe(compte);
  if (perimetre === undefined || territoire === undefined) return undefined;
  const { echeances } = await echeancesDuPerimetre(depots, perimetre);
  const miennes = echeances.filter((e) => e.aFaire && dansLeTerritoire(territoire, e.collectivite));
  return genererICalendar(miennes, {
    nom: `Jalon — échéances (${compte.identifiant})`,
    genereLe: maintenant,
  });
}
