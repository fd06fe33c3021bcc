/**
 * Export de l'offre en JSON, CSV (un dossier avec `structures.*` et `services.*`) ou XLSX « valideur » (un
 * classeur). Rien n'est écrit si le jeu ne passe pas la validation (schéma officiel et règles) : l'export
 * open data doit valider (issue 8, « every export validates against the official JSON schemas »). Écriture dans
 * des fichiers temporaires puis renommage : pas de fichier à moitié écrit.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { COLONNE_IGNORE, COLONNES } from '../echange/colonnes.ts';
import { exporterCsv, exporterJson, NOMS_FICHIERS } from '../echange/export.ts';
import { ecrireLigne } from '../echange/tabulaire.ts';
import type { JeuOffre, Modele } from '../modele.ts';
import { validerJeu, type ContexteValidation, type ConstatJeu } from '../validation/jeu.ts';
import { SCHEMAS } from '../validation/schemas.ts';
import type { FormatOffre } from './lecture.ts';
import { FEUILLES } from './lire-xlsx.ts';

export class ExportRefuse extends Error {
  constructor(readonly erreurs: readonly ConstatJeu[]) {
    super(`export refusé : ${erreurs.length} erreur(s) de validation, aucun fichier écrit`);
  }
}

const MODELES: readonly Modele[] = ['structure', 'service'];

/** Libellé d'un champ (titre du schéma) pour la ligne de description du classeur. */
function titreDuChamp(modele: Modele, champ: string): string {
  const p = (SCHEMAS[modele].properties as Record<string, { title?: string }>)[champ];
  return p?.title ?? champ;
}

export async function classeurXlsx(jeu: JeuOffre): Promise<Buffer> {
  const classeur = new ExcelJS.Workbook();
  for (const modele of MODELES) {
    const feuille = classeur.addWorksheet(FEUILLES[modele]);
    const colonnes = COLONNES[modele];
    feuille.addRow([...colonnes.map((c) => c.nom), COLONNE_IGNORE]);
    // Ligne de description, marquée `__ignore__` comme dans le modèle du valideur : relue, elle est sautée.
    feuille.addRow([
      ...colonnes.map(
        (c) =>
          `${titreDuChamp(modele, c.nom)}${c.obligatoire ? ' (obligatoire)' : ''}${c.genre === 'liste' ? ' — valeurs séparées par des virgules' : ''}`,
      ),
      'description',
    ]);
    const objets = (modele === 'structure' ? jeu.structures : jeu.services) as unknown as Record<
      string,
      unknown
    >[];
    // Toutes les cellules en texte : un code commune « 01001 » ou un SIRET ne doit pas devenir un nombre.
    for (const o of objets) feuille.addRow([...ecrireLigne(modele, o), '']);
    feuille.getRow(1).font = { bold: true };
    feuille.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await classeur.xlsx.writeBuffer());
}

async function ecrireAtomique(
  fichiers: readonly { chemin: string; contenu: string | Buffer }[],
): Promise<void> {
  const temporaires = fichiers.map((f) => ({ ...f, tmp: `${f.chemin}.${process.pid}.tmp` }));
  try {
    for (const f of temporaires) {
      await mkdir(dirname(f.chemin), { recursive: true });
      await writeFile(f.tmp, f.contenu);
    }
    for (const f of temporaires) await rename(f.tmp, f.chemin);
  } catch (erreur) {
    await Promise.all(temporaires.map((f) => rm(f.tmp, { force: true })));
    throw erreur;
  }
}

/**
 * Écrit le jeu. `sortie` : un dossier pour json/csv, un fichier .xlsx pour xlsx. Rend les chemins écrits.
 * Lève `ExportRefuse` (rien d'écrit) si la validation trouve une erreur.
 */
export async function ecrireOffre(
  jeu: JeuOffre,
  format: FormatOffre,
  sortie: string,
  contexte: ContexteValidation,
): Promise<string[]> {
  const validation = validerJeu(jeu, contexte);
  const erreurs = validation.constats.filter((c) => c.severite === 'erreur');
  if (erreurs.length > 0) throw new ExportRefuse(erreurs);
  const fichiers =
    format === 'xlsx'
      ? [{ chemin: sortie, contenu: await classeurXlsx(jeu) }]
      : MODELES.map((m) => ({
          chemin: join(sortie, `${NOMS_FICHIERS[m]}.${format}`),
          contenu: format === 'json' ? exporterJson(jeu, m) : exporterCsv(jeu, m),
        }));
  await ecrireAtomique(fichiers);
  return fichiers.map((f) => f.chemin);
}
