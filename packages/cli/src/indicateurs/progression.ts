import type { Io } from '../io.ts';

const MO = 1024 * 1024;

/** Barre de progression sur stderr, seulement dans un terminal (rien dans un fichier ou un tube). */
export function barreDeProgression(io: Io): { suivre?: (lus: number, total: number) => void; finir(): void } {
  if (io.stderr.isTTY !== true) return { finir: () => {} };
  let dernier = -1;
  return {
    suivre: (lus, total) => {
      const pourcent = total > 0 ? Math.min(100, Math.floor((lus * 100) / total)) : 100;
      if (pourcent === dernier) return;
      dernier = pourcent;
      const plein = Math.floor(pourcent / 5);
      io.stderr.write(
        `\rLecture [${'#'.repeat(plein)}${' '.repeat(20 - plein)}] ${String(pourcent).padStart(3)} % ` +
          `(${Math.round(lus / MO)} Mo / ${Math.round(total / MO)} Mo)`,
      );
    },
    finir: () => {
      if (dernier >= 0) io.stderr.write('\n');
    },
  };
}
