/**
 * Pseudonymisation des identifiants par HMAC-SHA256 avec une clé gardée par le département (DESIGN.md, principe 6 ;
 * spec parcours-rsa-v1 : « les identifiants sont pseudonymisés par le département avant tout envoi »).
 * Même identifiant + même clé → même pseudonyme ; autre clé → autre pseudonyme ; sans la clé, impossible de
 * remonter au NIR ni de recalculer le pseudonyme d'un NIR connu (INT-LECT-6).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { ressembleAUnNir } from '../lecture/identifiants.ts';

/** Longueur du pseudonyme : 32 caractères hexadécimaux = 128 bits, sans collision en pratique (INT-LECT-6). */
export const LONGUEUR_PSEUDONYME = 32;

/** Une clé : 32 octets aléatoires, écrits en hexadécimal (64 caractères). */
export function genererCle(): string {
  return randomBytes(32).toString('hex');
}

/** Lit le contenu d'un fichier-clé ; `null` s'il n'a pas la forme attendue. */
export function lireCle(texte: string): Buffer | null {
  const t = texte.trim();
  return /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : null;
}

/**
 * Forme canonique d'un identifiant : espaces retirés, majuscules ; un NIR garde ses 13 premiers caractères (la clé
 * de contrôle, redondante, est retirée : « 1 84 12 75 123 456 78 » et « 1841275123456 » donnent le même pseudonyme).
 */
export function normaliserIdentifiant(valeur: string): string {
  const v = valeur.replace(/\s+/g, '').toUpperCase();
  return ressembleAUnNir(v) ? v.slice(0, 13) : v;
}

export function pseudonyme(cle: Buffer, valeur: string): string {
  return createHmac('sha256', cle)
    .update(normaliserIdentifiant(valeur), 'utf8')
    .digest('hex')
    .slice(0, LONGUEUR_PSEUDONYME);
}
