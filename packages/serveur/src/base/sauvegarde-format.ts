import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';

/**
 * Format `jalon.sauvegarde/1` (docs/exploitation.md) : NDJSON compressé gzip, une ligne JSON par ligne de texte.
 *
 *   1. en-tête : format, date, base d'origine, migrations appliquées ;
 *   2. pour chaque table, en ordre de dépendance : `{"table", "colonnes", "cle", "lignes": n}` puis exactement
 *      n lignes, chacune le texte `to_jsonb(ligne)` rendu par PostgreSQL (jamais réinterprété par JavaScript :
 *      bigint, numeric et horodatages restent exacts) ;
 *   3. `{"sequences": {nom: {valeur, appelee}}}` ;
 *   4. fin : nombre de lignes et SHA-256 par table, SHA-256 de tout ce qui précède la ligne de fin.
 *
 * Même format pour PGlite et PostgreSQL : une sauvegarde de l'un se restaure dans l'autre.
 */
export const FORMAT_SAUVEGARDE = 'jalon.sauvegarde/1';

export const enteteSauvegarde = z.object({
  format: z.literal(FORMAT_SAUVEGARDE),
  cree_le: z.string(),
  origine: z.object({ genre: z.enum(['pglite', 'postgres']), version: z.string() }),
  migrations: z.array(z.string()),
});
export type EnteteSauvegarde = z.infer<typeof enteteSauvegarde>;

export const enteteTable = z.object({
  table: z.string().min(1),
  colonnes: z.array(z.object({ nom: z.string().min(1), type: z.string().min(1) })).min(1),
  cle: z.array(z.string()),
  lignes: z.number().int().nonnegative(),
});
export type EnteteTable = z.infer<typeof enteteTable>;

export const ligneSequences = z.object({
  sequences: z.record(z.string(), z.object({ valeur: z.string().regex(/^-?\d+$/), appelee: z.boolean() })),
});

export const ligneFin = z.object({
  fin: z.object({
    tables: z.record(z.string(), z.object({ lignes: z.number().int(), sha256: z.string() })),
    sha256: z.string(),
  }),
});

/** Erreur de lecture d'une sauvegarde (fichier, ligne, raison) ou refus de restauration. */
export class SauvegardeInvalide extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SauvegardeInvalide';
  }
}

/** Écrit des lignes dans un fichier gzip en tenant l'empreinte de ce qui est écrit. */
export class EcrivainSauvegarde {
  private readonly gzip = createGzip();
  private readonly fichier;
  private readonly hash = createHash('sha256');
  private tableHash: ReturnType<typeof createHash> | undefined;

  constructor(chemin: string) {
    this.fichier = createWriteStream(chemin, { flags: 'wx' });
    this.gzip.pipe(this.fichier);
  }

  async ligne(texte: string): Promise<void> {
    const avecFin = `${texte}\n`;
    this.hash.update(avecFin);
    this.tableHash?.update(avecFin);
    if (!this.gzip.write(avecFin)) await once(this.gzip, 'drain');
  }

  commencerTable(): void {
    this.tableHash = createHash('sha256');
  }

  finirTable(): string {
    const empreinte = this.tableHash?.digest('hex') ?? '';
    this.tableHash = undefined;
    return empreinte;
  }

  empreinte(): string {
    return this.hash.copy().digest('hex');
  }

  async fermer(): Promise<void> {
    const fini = once(this.fichier, 'close');
    this.gzip.end();
    await fini;
  }
}

/** Lit toutes les lignes d'un fichier de sauvegarde (gzip). */
export async function lireLignes(chemin: string): Promise<string[]> {
  const flux = createReadStream(chemin).pipe(createGunzip());
  const lignes: string[] = [];
  const lecteur = createInterface({ input: flux, crlfDelay: Infinity });
  try {
    for await (const ligne of lecteur) lignes.push(ligne);
  } catch (erreur) {
    const detail = erreur instanceof Error ? erreur.message : String(erreur);
    throw new SauvegardeInvalide(`Sauvegarde « ${chemin} » illisible (gzip attendu) : ${detail}`);
  }
  return lignes;
}
