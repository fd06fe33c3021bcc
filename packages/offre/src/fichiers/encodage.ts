/**
 * Texte d'un fichier CSV : UTF-8 (avec ou sans BOM) ou, s'il n'est pas de l'UTF-8 valide, Windows-1252 (export
 * CSV d'Excel en français). Même choix que la lecture des extractions (spec parcours-rsa-v1 § 1, INT-LECT-1).
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type Encodage = 'utf-8' | 'windows-1252';

export function decoderTexte(octets: Buffer): { texte: string; encodage: Encodage } {
  const sansBom =
    octets.length >= 3 && octets[0] === 0xef && octets[1] === 0xbb && octets[2] === 0xbf
      ? octets.subarray(3)
      : octets;
  if (isUtf8(sansBom)) return { texte: sansBom.toString('utf8'), encodage: 'utf-8' };
  return { texte: iconv.decode(octets, 'win1252'), encodage: 'windows-1252' };
}
