/** Lecture d'une option entière des scripts du banc (« 150000 », « 150_000 » ou « 150 000 » acceptés). */
export function lireEntierPositif(texte: string | undefined, nom: string, defaut: number): number {
  if (texte === undefined) return defaut;
  const n = Number(texte.replace(/[_ ]/g, ''));
  if (texte.trim() === '' || !Number.isSafeInteger(n) || n < 0) {
    throw new Error(`--${nom} : entier positif attendu, reçu « ${texte} »`);
  }
  return n;
}
