import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { Io } from '../io.ts';

/** Destination d'un résultat : un fichier (`--sortie`) ou la sortie standard, écrite par morceaux. */
export interface Sortie {
  ecrire(texte: string): Promise<void>;
  fermer(): Promise<void>;
}

export function chemin(io: Io, fichier: string): string {
  return resolve(io.cwd, fichier);
}

export function ouvrirSortie(io: Io, fichier: string | undefined): Sortie {
  if (fichier === undefined) {
    return { ecrire: async (t) => void io.stdout.write(t), fermer: async () => {} };
  }
  const flux: WriteStream = createWriteStream(chemin(io, fichier));
  const erreur = new Promise<never>((_, reject) => flux.once('error', reject));
  erreur.catch(() => {});
  return {
    ecrire: async (t) => {
      if (!flux.write(t)) await Promise.race([once(flux, 'drain'), erreur]);
    },
    fermer: async () => {
      flux.end();
      await Promise.race([once(flux, 'finish'), erreur]);
    },
  };
}
