/**
 * Import de l'offre : fichiers JSON, CSV (UTF-8 ou Windows-1252) ou XLSX « valideur », ou dossier qui en contient
 * (`structures.json` + `services.json`, `structures.csv` + `services.csv`…). Rend le jeu normalisé, l'origine
 * de chaque objet et tous les constats (lecture, normalisation, validation), situés dans leur fichier.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { normaliserObjet, type OptionsNormalisation } from '../echange/normaliser.ts';
import type { JeuOffre, Modele, Service, Structure } from '../modele.ts';
import { validerJeu, type ContexteValidation } from '../validation/jeu.ts';
import type { LectureBrute, ObjetLu } from './brut.ts';
import { ErreurIllisible, raisonLecture } from './erreurs.ts';
import { lireCsv } from './lire-csv.ts';
import { lireJson } from './lire-json.ts';
import { lireXlsx } from './lire-xlsx.ts';
import type { ConstatLocalise, Origine } from './localisation.ts';

export type FormatOffre = 'json' | 'csv' | 'xlsx';

export interface LectureOffre {
  readonly jeu: JeuOffre;
  readonly origines: Readonly<Record<Modele, readonly Origine[]>>;
  readonly constats: readonly ConstatLocalise[];
  /** Vrai s'il n'y a aucune erreur (les avertissements n'empêchent pas la publication). */
  readonly valide: boolean;
}

export function formatDuFichier(chemin: string): FormatOffre | undefined {
  const ext = extname(chemin).toLowerCase();
  return ext === '.json' ? 'json' : ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : undefined;
}

async function lireUnFichier(chemin: string, affiche: string): Promise<LectureBrute> {
  const format = formatDuFichier(chemin);
  if (format === undefined)
    throw new ErreurIllisible(affiche, 'extension inconnue : .json, .csv ou .xlsx attendu');
  let octets: Buffer;
  try {
    octets = await readFile(chemin);
  } catch (erreur) {
    throw new ErreurIllisible(affiche, raisonLecture(erreur));
  }
  if (format === 'json') return lireJson(affiche, octets);
  if (format === 'csv') return lireCsv(affiche, octets);
  return lireXlsx(affiche, octets);
}

/** Lit un fichier reçu en mémoire (import par la plateforme) ; `nom` donne le format et situe les fautes. */
export function lireOctets(nom: string, octets: Buffer): Promise<LectureBrute> | LectureBrute {
  const format = formatDuFichier(nom);
  if (format === undefined)
    throw new ErreurIllisible(nom, 'extension inconnue : .json, .csv ou .xlsx attendu');
  if (format === 'json') return lireJson(nom, octets);
  if (format === 'csv') return lireCsv(nom, octets);
  return lireXlsx(nom, octets);
}

/**
 * Lit et valide des fichiers reçus en mémoire, comme `lireOffre` (tout est lu et situé avant toute décision).
 * Lève `ErreurIllisible` si un fichier ne peut pas être lu du tout.
 */
export async function lireOffreEnMemoire(
  fichiers: readonly { nom: string; octets: Buffer }[],
  options: OptionsNormalisation & ContexteValidation,
): Promise<LectureOffre> {
  const objets: ObjetLu[] = [];
  const constats: ConstatLocalise[] = [];
  for (const f of fichiers) {
    const lu = await lireOctets(f.nom, f.octets);
    objets.push(...lu.objets);
    constats.push(...lu.constats);
  }
  return assembler(objets, constats, options);
}

/** Fichiers d'un dossier à lire : ceux dont l'extension est connue, par ordre alphabétique. */
async function fichiersDuDossier(
  chemin: string,
  affiche: string,
): Promise<{ chemin: string; affiche: string }[]> {
  const noms = (await readdir(chemin)).filter((n) => formatDuFichier(n) !== undefined).sort();
  if (noms.length === 0) throw new ErreurIllisible(affiche, 'dossier sans fichier .json, .csv ou .xlsx');
  return noms.map((n) => ({ chemin: join(chemin, n), affiche: join(affiche, n) }));
}

/**
 * Lit et valide. `chemins` : chemins absolus ; `affiches` : les mêmes tels que l'utilisateur les a écrits (pour
 * les messages). Lève `ErreurIllisible` si une entrée ne peut pas être lue du tout.
 */
export async function lireOffre(
  entrees: readonly { chemin: string; affiche?: string }[],
  options: OptionsNormalisation & ContexteValidation,
): Promise<LectureOffre> {
  const fichiers: { chemin: string; affiche: string }[] = [];
  for (const e of entrees) {
    const affiche = e.affiche ?? basename(e.chemin);
    let estDossier: boolean;
    try {
      estDossier = (await stat(e.chemin)).isDirectory();
    } catch (erreur) {
      throw new ErreurIllisible(affiche, raisonLecture(erreur));
    }
    fichiers.push(
      ...(estDossier ? await fichiersDuDossier(e.chemin, affiche) : [{ chemin: e.chemin, affiche }]),
    );
  }
  const objets: ObjetLu[] = [];
  const constats: ConstatLocalise[] = [];
  for (const f of fichiers) {
    const lu = await lireUnFichier(f.chemin, f.affiche);
    objets.push(...lu.objets);
    constats.push(...lu.constats);
  }
  return assembler(objets, constats, options);
}

/** Normalise, assemble le jeu et valide (pur, exporté pour les tests). */
export function assembler(
  objets: readonly ObjetLu[],
  constatsLecture: readonly ConstatLocalise[],
  options: OptionsNormalisation & ContexteValidation,
): LectureOffre {
  const jeu: JeuOffre = { structures: [], services: [] };
  const origines: Record<Modele, Origine[]> = { structure: [], service: [] };
  const constats: ConstatLocalise[] = [...constatsLecture];
  for (const o of objets) {
    const n = normaliserObjet(o.modele, o.brut, options);
    for (const c of n.constats) constats.push({ ...c, origine: o.origine, modele: o.modele });
    if (o.modele === 'structure') jeu.structures.push(n.objet as unknown as Structure);
    else jeu.services.push(n.objet as unknown as Service);
    origines[o.modele].push(o.origine);
  }
  const validation = validerJeu(jeu, options);
  for (const c of validation.constats) constats.push({ ...c, origine: origines[c.modele][c.index] });
  return { jeu, origines, constats, valide: !constats.some((c) => c.severite === 'erreur') };
}
