/**
 * Où sont les deux fichiers : un dossier ou une archive .zip (spec parcours-rsa-v1 § 1), à la racine ou dans un
 * sous-dossier, noms comparés sans casse. Les entrées d'archive sont lues en flux (`yauzl`), jamais décompressées
 * sur disque ; les noms qui sortent de l'archive et les bombes de décompression sont refusés (INT-LECT-2).
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ErreurLecture } from './erreurs.ts';

export const FICHIER_SITUATIONS = 'situations_mensuelles.csv';
export const FICHIER_EVENEMENTS = 'evenements.csv';

/** Plafonds d'une entrée d'archive : 10 Go décompressés, taux de compression 1000. */
export const TAILLE_MAX_DECOMPRESSEE = 10 * 1024 ** 3;
export const TAUX_MAX_COMPRESSION = 1000;

/**
 * Garde-fous d'une archive (docs/securite.md § Archives) : taille et taux par entrée (ci-dessus), taille totale
 * des entrées lues, nombre d'entrées (une archive à des millions d'entrées épuiserait la mémoire dès la liste).
 * Les tailles annoncées par l'archive peuvent mentir : `yauzl` (validateEntrySizes) arrête le flux dès qu'une
 * entrée dépasse sa taille annoncée.
 */
export interface PlafondsArchive {
  readonly tailleEntree: number;
  readonly tailleTotale: number;
  readonly taux: number;
  readonly entrees: number;
}
export const PLAFONDS_ARCHIVE: PlafondsArchive = {
  tailleEntree: TAILLE_MAX_DECOMPRESSEE,
  tailleTotale: TAILLE_MAX_DECOMPRESSEE,
  taux: TAUX_MAX_COMPRESSION,
  entrees: 10_000,
};

export interface SourceFichier {
  /** Nom affiché dans les messages : chemin relatif au dossier ou à l'archive. */
  readonly nom: string;
  /** Taille en octets (décompressée pour une archive). */
  readonly taille: number;
  /** Ouvre un flux depuis le début (appelable plusieurs fois : relecture en Windows-1252). */
  ouvrir(): Promise<Readable>;
}

export interface Sources {
  readonly situations: SourceFichier;
  readonly evenements: SourceFichier;
  fermer(): void;
}

const TAILLE_MORCEAU = 1024 * 1024;

/** Choisit, parmi des chemins relatifs, celui qui porte le nom attendu, à la racine d'abord, sinon à un niveau. */
function choisir(chemins: readonly string[], attendu: string, origine: string): string {
  const candidats = chemins.filter((c) => {
    const parties = c.split('/').filter((x) => x !== '');
    return (
      parties.length <= 2 &&
      parties[parties.length - 1]?.toLowerCase() === attendu &&
      !c.startsWith('__MACOSX/')
    );
  });
  const racine = candidats.filter((c) => !c.includes('/'));
  const retenus = racine.length > 0 ? racine : candidats;
  if (retenus.length === 0) {
    throw new ErreurLecture(
      `${origine} : fichier « ${attendu} » introuvable (cherché à la racine et dans les sous-dossiers directs, sans tenir compte de la casse).`,
    );
  }
  if (retenus.length > 1) {
    throw new ErreurLecture(
      `${origine} : plusieurs fichiers « ${attendu} » (${retenus.join(', ')}) ; gardez-en un seul.`,
    );
  }
  return retenus[0] ?? attendu;
}

async function sourcesDossier(dossier: string): Promise<Sources> {
  const chemins: string[] = [];
  const entrees = await readdir(dossier, { withFileTypes: true });
  for (const e of entrees) {
    if (e.isFile()) chemins.push(e.name);
    else if (e.isDirectory()) {
      for (const f of await readdir(join(dossier, e.name), { withFileTypes: true })) {
        if (f.isFile()) chemins.push(`${e.name}/${f.name}`);
      }
    }
  }
  const source = async (attendu: string): Promise<SourceFichier> => {
    const nom = choisir(chemins, attendu, dossier);
    const chemin = join(dossier, nom);
    const { size } = await stat(chemin);
    return {
      nom,
      taille: size,
      ouvrir: async () => createReadStream(chemin, { highWaterMark: TAILLE_MORCEAU }),
    };
  };
  return {
    situations: await source(FICHIER_SITUATIONS),
    evenements: await source(FICHIER_EVENEMENTS),
    fermer: () => {},
  };
}

function messageYauzl(archive: string, e: Error): string {
  const m = /^(invalid relative path|absolute path|invalid characters in fileName): (.*)$/.exec(e.message);
  if (m !== null) {
    return (
      `${archive} : archive refusée, l'entrée « ${m[2]} » désigne un chemin hors de l'archive (chemin absolu, « .. » ou ` +
      `barre oblique inverse) : risque d'écriture hors du dossier (« path traversal »).`
    );
  }
  return `${archive} : archive .zip illisible (${e.message}).`;
}

function ouvrirArchive(archive: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(archive, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err !== null && err !== undefined) reject(new ErreurLecture(messageYauzl(archive, err)));
      else resolve(zip);
    });
  });
}

function listerEntrees(archive: string, zip: yauzl.ZipFile, maxEntrees: number): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entrees: yauzl.Entry[] = [];
    if (zip.entryCount > maxEntrees) {
      reject(
        new ErreurLecture(
          `${archive} : archive refusée, ${zip.entryCount} entrées (plafond : ${maxEntrees}) — une archive d'échange n'en contient que quelques-unes.`,
        ),
      );
      return;
    }
    zip.on('entry', (e: yauzl.Entry) => {
      entrees.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entrees));
    zip.on('error', (e: Error) => reject(new ErreurLecture(messageYauzl(archive, e))));
    zip.readEntry();
  });
}

async function sourcesArchive(archive: string, plafonds: PlafondsArchive): Promise<Sources> {
  const zip = await ouvrirArchive(archive);
  try {
    const entrees = await listerEntrees(archive, zip, plafonds.entrees);
    const fichiers = entrees.filter((e) => !e.fileName.endsWith('/'));
    const source = (attendu: string): SourceFichier => {
      const nom = choisir(
        fichiers.map((e) => e.fileName),
        attendu,
        basename(archive),
      );
      const entree = fichiers.find((e) => e.fileName === nom);
      if (entree === undefined) throw new ErreurLecture(`${archive} : entrée « ${nom} » introuvable.`);
      const taux =
        entree.compressedSize === 0
          ? entree.uncompressedSize === 0
            ? 0
            : Infinity
          : entree.uncompressedSize / entree.compressedSize;
      if (entree.uncompressedSize > plafonds.tailleEntree || taux > plafonds.taux) {
        throw new ErreurLecture(
          `${archive} : archive refusée, l'entrée « ${nom} » ferait ${entree.uncompressedSize} octets décompressés ` +
            `pour ${entree.compressedSize} compressés (plafonds : ${plafonds.tailleEntree} octets, taux ${plafonds.taux}) — bombe de décompression probable.`,
        );
      }
      return {
        nom,
        taille: entree.uncompressedSize,
        ouvrir: () =>
          new Promise<Readable>((resolve, reject) => {
            zip.openReadStream(entree, (err, flux) => {
              if (err !== null && err !== undefined) reject(new ErreurLecture(messageYauzl(archive, err)));
              else resolve(flux);
            });
          }),
      };
    };
    const situations = source(FICHIER_SITUATIONS);
    const evenements = source(FICHIER_EVENEMENTS);
    if (situations.taille + evenements.taille > plafonds.tailleTotale) {
      throw new ErreurLecture(
        `${archive} : archive refusée, ${situations.taille + evenements.taille} octets décompressés au total ` +
          `(plafond : ${plafonds.tailleTotale}) — bombe de décompression probable.`,
      );
    }
    return { situations, evenements, fermer: () => zip.close() };
  } catch (e) {
    zip.close();
    throw e;
  }
}

/** Ouvre le dossier ou l'archive ; toute impossibilité est une `ErreurLecture` (entrée illisible). */
export async function ouvrirSources(
  chemin: string,
  plafonds: PlafondsArchive = PLAFONDS_ARCHIVE,
): Promise<Sources> {
  let info;
  try {
    info = await stat(chemin);
  } catch {
    throw new ErreurLecture(`${chemin} : dossier ou archive introuvable.`);
  }
  if (info.isDirectory()) return sourcesDossier(chemin);
  return sourcesArchive(chemin, plafonds);
}
