/** Sorties de la commande, injectées pour que chaque commande soit testable en mémoire. */
export interface Io {
  readonly stdout: { write(texte: string): unknown };
  readonly stderr: { write(texte: string): unknown; readonly isTTY?: boolean };
  /** Dossier courant, pour résoudre les chemins relatifs. */
  readonly cwd: string;
}

export const ioProcessus = (): Io => ({ stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });

/** Codes de sortie communs (spec convention-v1 § 5 ; parcours-rsa-v1 / issue indicateurs). */
export const SORTIE = { OK: 0, ECHEC_METIER: 1, ENTREE_ILLISIBLE: 2 } as const;
