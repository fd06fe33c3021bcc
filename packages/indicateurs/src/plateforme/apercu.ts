/**
 * Aperçu d'un profil de correspondance sur un export (constructeur de profil, docs/donnees-reelles.md § 4) :
 * premières lignes produites et toutes les lignes rejetées, sans rien écrire. Sans la clé du département, les
 * identifiants sont pseudonymisés par une clé jetable : l'aperçu ne montre jamais un identifiant en clair.
 */
import { randomBytes } from 'node:crypto';
import { pseudonyme } from '../pseudonymisation/pseudonyme.ts';
import { appliquerProfil, type LigneProduite, type Rejet } from '../profils/application.ts';
import { COLONNES_EVENEMENTS_ECHANGE, COLONNES_SITUATIONS_ECHANGE } from '../profils/dossier-echange.ts';
import { lireTableau } from '../profils/lecture-tableau.ts';
import type { Profil } from '../profils/schema.ts';

export interface ApercuProfil {
  /** Colonnes de l'export (en-tête lu). */
  readonly colonnesSource: readonly string[];
  /** Colonnes produites (format d'échange). */
  readonly colonnes: readonly string[];
  readonly lues: number;
  readonly produites: number;
  readonly lignes: readonly LigneProduite[];
  readonly rejets: readonly Rejet[];
}

export async function apercuProfil(
  profil: Profil,
  chemin: string,
  nom: string,
  cle: Buffer | null,
  nombre = 20,
): Promise<ApercuProfil> {
  const t = await lireTableau(chemin, nom, profil.entree.feuille);
  const cleApercu = cle ?? randomBytes(32);
  const r = appliquerProfil(profil, t.entete, t.lignes, (id) => pseudonyme(cleApercu, id));
  return {
    colonnesSource: t.entete,
    colonnes: profil.cible === 'evenements' ? COLONNES_EVENEMENTS_ECHANGE : [...COLONNES_SITUATIONS_ECHANGE],
    lues: r.lues + t.rejets.length,
    produites: r.lignes.length,
    lignes: r.lignes.slice(0, nombre),
    rejets: [...t.rejets, ...r.rejets].sort((a, b) => a.ligne - b.ligne).slice(0, 500),
  };
}
