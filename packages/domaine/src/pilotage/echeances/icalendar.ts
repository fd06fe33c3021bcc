import { LIBELLES_ROLES_PILOTAGE } from '../acteur.ts';
import { ajouterJours, formaterJour } from '../jour.ts';
import type { EcheanceConvention } from './echeancier.ts';

/**
 * Flux iCalendar (RFC 5545) des échéances d'un compte (issue 6 § 2). Construction de texte pure, écrite ici :
 * les bibliothèques (ical-generator…) gèrent fuseaux et E/S dont un flux d'événements « journée entière » n'a
 * pas besoin, et le domaine n'a pas d'autre dépendance que les référentiels.
 */

const encodeur = new TextEncoder();
const octets = (texte: string): number => encodeur.encode(texte).length;

/**
 * RFC 5545 § 3.3.11 : dans une valeur TEXT, « \ » → « \\ », « ; » → « \; », « , » → « \, », fin de ligne → « \n ».
 * Les autres caractères de contrôle (interdits, § 3.3.11 « TSAFE-CHAR ») deviennent une espace (INT-PILOTAGE-11).
 */
export function echapperTexte(texte: string): string {
  return texte
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, ' '); // eslint-disable-line no-control-regex
}

/**
 * RFC 5545 § 3.1 : lignes de 75 octets au plus (hors CRLF) ; la suite commence par une espace. On ne coupe
 * jamais au milieu d'un caractère UTF-8 (ni d'une paire de substitution).
 */
export function plierLigne(ligne: string): string {
  const morceaux: string[] = [];
  let courant = '';
  let taille = 0;
  let limite = 75;
  for (const caractere of ligne) {
    const n = octets(caractere);
    if (taille + n > limite) {
      morceaux.push(courant);
      courant = ' ';
      taille = 1;
      limite = 75;
    }
    courant += caractere;
    taille += n;
  }
  morceaux.push(courant);
  return morceaux.join('\r\n');
}

/** AAAAMMJJ (valeur DATE, § 3.3.4). */
const dateIcs = (jour: string): string => jour.replace(/-/g, '');

/** AAAAMMJJTHHMMSSZ (DATE-TIME UTC, § 3.3.5). */
const horodatageIcs = (instant: Date): string =>
  instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');

export interface OptionsCalendrier {
  /** Nom du calendrier (X-WR-CALNAME). */
  readonly nom: string;
  /** DTSTAMP de chaque événement : l'instant de génération. */
  readonly genereLe: Date;
  /** Domaine des UID (`jalon.local` par défaut). */
  readonly domaine?: string;
}

/** UID stable d'une échéance : la même échéance garde le même UID d'un flux à l'autre (§ 3.8.4.7). */
const uid = (echeance: EcheanceConvention, domaine: string): string =>
  `${encodeURIComponent(echeance.conventionId)}.${echeance.code}.${String(echeance.exercice)}.${dateIcs(echeance.echeance)}@${domaine}`;

function evenement(echeance: EcheanceConvention, options: OptionsCalendrier): string[] {
  const debut = echeance.debut ?? echeance.echeance;
  const responsables = echeance.responsables.map((role) => LIBELLES_ROLES_PILOTAGE[role]).join(', ');
  const description = [
    echeance.debut === undefined
      ? `Date limite : ${formaterJour(echeance.echeance)}.`
      : `Du ${formaterJour(echeance.debut)} au ${formaterJour(echeance.echeance)}.`,
    `Convention ${echeance.cadre} ${String(echeance.exercice)} (${echeance.regime === 'civil' ? 'année civile' : 'année glissante'}).`,
    responsables === '' ? undefined : `À faire par : ${responsables}.`,
    echeance.faitLe === undefined ? undefined : `Fait le ${formaterJour(echeance.faitLe)}.`,
    `Source : ${echeance.source}.`,
  ]
    .filter((ligne) => ligne !== undefined)
    .join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:${uid(echeance, options.domaine ?? 'jalon.local')}`,
    `DTSTAMP:${horodatageIcs(options.genereLe)}`,
    `DTSTART;VALUE=DATE:${dateIcs(debut)}`,
    // DTEND d'un événement « journée » est exclusif (§ 3.6.1) : le lendemain du dernier jour.
    `DTEND;VALUE=DATE:${dateIcs(ajouterJours(echeance.echeance, 1))}`,
    `SUMMARY:${echapperTexte(`${echeance.collectivite.nom} — ${echeance.libelle}`)}`,
    `DESCRIPTION:${echapperTexte(description)}`,
    `CATEGORIES:${echapperTexte(echeance.code)}`,
    'TRANSP:TRANSPARENT',
    ...(echeance.faitLe === undefined ? [] : ['STATUS:CONFIRMED']),
    'END:VEVENT',
  ];
}

/** Le flux complet : lignes pliées, fins de ligne CRLF (§ 3.1), événements dans l'ordre des échéances reçues. */
export function genererICalendar(
  echeances: readonly EcheanceConvention[],
  options: OptionsCalendrier,
): string {
  if (Number.isNaN(options.genereLe.getTime())) throw new RangeError('genereLe : instant invalide');
  const lignes = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Jalon//Pilotage des conventions//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${echapperTexte(options.nom)}`,
    ...echeances.flatMap((echeance) => evenement(echeance, options)),
    'END:VCALENDAR',
  ];
  return lignes.map(plierLigne).join('\r\n') + '\r\n';
}
