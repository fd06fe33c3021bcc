/**
 * Conversion d'un export par un profil (issue 7 § 2), appelable par la CLI (`jalon donnees convertir`) et par le
 * serveur : lecture CSV/XLSX, application pure du profil, puis écriture dans le dossier d'échange — part
 * d'événements `sources/evenements-<profil>.csv` réassemblée dans `evenements.csv`, ou `situations_mensuelles.csv`.
 * Le mode aperçu n'écrit rien et rend les premières lignes produites et les rejets.
 */
import { basename, join } from 'node:path';
import { pseudonyme } from '../pseudonymisation/pseudonyme.ts';
import { appliquerProfil, type LigneProduite, type Rejet } from './application.ts';
import {
  assemblerEvenements,
  COLONNES_EVENEMENTS_ECHANGE,
  COLONNES_SITUATIONS_ECHANGE,
  ecrireCsv,
  ecrirePartEvenements,
} from './dossier-echange.ts';
import { lireTableau } from './lecture-tableau.ts';
import type { Profil } from './schema.ts';

export interface OptionsConversion {
  readonly profil: Profil;
  readonly entree: string;
  /** Absent en mode aperçu. */
  readonly dossierSortie?: string;
  readonly cle: Buffer | null;
  /** Nombre de lignes produites rendues pour l'aperçu. */
  readonly apercu?: number;
}

export interface RapportConversion {
  readonly lues: number;
  readonly produites: number;
  readonly rejets: readonly Rejet[];
  readonly apercu: readonly LigneProduite[];
  readonly colonnes: readonly string[];
  readonly fichierEcrit: string | null;
}

export async function convertirExport(o: OptionsConversion): Promise<RapportConversion> {
  const nom = basename(o.entree);
  const t = await lireTableau(o.entree, nom, o.profil.entree.feuille);
  const cle = o.cle;
  const r = appliquerProfil(o.profil, t.entete, t.lignes, cle === null ? null : (id) => pseudonyme(cle, id));
  const rejets = [...t.rejets, ...r.rejets].sort((a, b) => a.ligne - b.ligne);
  const colonnes =
    o.profil.cible === 'evenements' ? COLONNES_EVENEMENTS_ECHANGE : [...COLONNES_SITUATIONS_ECHANGE];
  let fichierEcrit: string | null = null;
  if (o.dossierSortie !== undefined) {
    if (o.profil.cible === 'evenements') {
      fichierEcrit = (await ecrirePartEvenements(o.dossierSortie, o.profil.nom, r.lignes)).chemin;
      await assemblerEvenements(o.dossierSortie);
    } else {
      fichierEcrit = join(o.dossierSortie, 'situations_mensuelles.csv');
      await ecrireCsv(fichierEcrit, colonnes, r.lignes);
    }
  }
  return {
    lues: r.lues + t.rejets.length,
    produites: r.lignes.length,
    rejets,
    apercu: r.lignes.slice(0, o.apercu ?? 0),
    colonnes,
    fichierEcrit,
  };
}
