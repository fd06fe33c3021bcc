/** Entrée illisible (fichier absent, JSON mal formé, feuille manquante…) : code de sortie 2. */
export class ErreurIllisible extends Error {
  constructor(
    readonly fichier: string,
    readonly raison: string,
  ) {
    super(`${fichier} : ${raison}`);
  }
}

export function raisonLecture(erreur: unknown): string {
  const code = (erreur as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'fichier introuvable';
  if (code === 'EISDIR') return 'c’est un dossier, pas un fichier';
  if (code === 'EACCES') return 'lecture non autorisée';
  return `lecture impossible (${erreur instanceof Error ? erreur.message : String(erreur)})`;
}
