import Papa from 'papaparse';

/**
 * Un bloc copié depuis un tableur (Excel, LibreOffice) arrive dans le presse-papiers en texte : lignes
 * séparées par des fins de ligne, cellules par des tabulations, une cellule contenant une tabulation ou une fin
 * de ligne entre guillemets. Papa Parse lit ce format (CSV à délimiteur tabulation) ; on retire seulement la
 * dernière ligne vide que les tableurs ajoutent.
 */
export function lireBlocColle(texte: string): string[][] {
  const resultat = Papa.parse<string[]>(texte, { delimiter: '\t', skipEmptyLines: false });
  const lignes = resultat.data.map((ligne) => ligne.map((cellule) => cellule));
  while (lignes.length > 0 && (lignes.at(-1) ?? []).every((cellule) => cellule.trim() === '')) lignes.pop();
  return lignes;
}
