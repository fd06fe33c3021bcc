/**
 * Encodage des fichiers d'échange : UTF-8 (avec ou sans BOM) ou Windows-1252, détecté automatiquement
 * (spec parcours-rsa-v1 § 1). On vérifie la validité UTF-8 au fil de la lecture (`buffer.isUtf8`, natif) : si une
 * séquence invalide apparaît après coup, le fichier est relu depuis le début en Windows-1252 (INT-LECT-1).
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { estAscii } from './octets.ts';

export type Encodage = 'utf-8' | 'windows-1252';

/** Signal interne : le fichier annoncé UTF-8 ne l'est pas ; la lecture reprend en Windows-1252. */
export class RelireEnWindows1252 extends Error {
  constructor() {
    super('séquence UTF-8 invalide : relecture en Windows-1252');
  }
}

export const BOM_UTF8 = Buffer.from([0xef, 0xbb, 0xbf]);

export function commenceParBom(b: Buffer): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/** Nombre d'octets finaux qui commencent une séquence UTF-8 incomplète (0 à 3). */
export function traineIncomplete(b: Uint8Array): number {
  const n = b.length;
  for (let k = 1; k <= Math.min(3, n); k++) {
    const c = b[n - k] ?? 0;
    if (c < 0x80) return 0;
    if (c >= 0xc0) {
      const longueur = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return longueur > k ? k : 0;
    }
  }
  return 0;
}

/** Choix de l'encodage sur le début du fichier (BOM retiré par l'appelant). */
export function detecterEncodage(debut: Buffer, finDuFichier: boolean): Encodage {
  const utile = finDuFichier ? debut : debut.subarray(0, debut.length - traineIncomplete(debut));
  return isUtf8(utile) ? 'utf-8' : 'windows-1252';
}

/** Vérifie la validité UTF-8 morceau par morceau, en reportant une séquence coupée au morceau suivant. */
export class VerificateurUtf8 {
  private reste: Buffer = Buffer.alloc(0);

  /** Faux si le flux n'est pas de l'UTF-8 valide. */
  verifier(morceau: Buffer): boolean {
    const b = this.reste.length > 0 ? Buffer.concat([this.reste, morceau]) : morceau;
    const t = traineIncomplete(b);
    this.reste = Buffer.from(b.subarray(b.length - t));
    return isUtf8(b.subarray(0, b.length - t));
  }

  /** En fin de flux, une séquence restée incomplète est une erreur. */
  terminer(): boolean {
    return this.reste.length === 0;
  }
}

/** Décode [debut, fin) selon l'encodage ; l'ASCII, cas courant, passe par le chemin rapide. */
export function decoder(b: Buffer, debut: number, fin: number, encodage: Encodage): string {
  if (encodage === 'utf-8' || estAscii(b, debut, fin)) return b.toString('utf8', debut, fin);
  return iconv.decode(b.subarray(debut, fin), 'win1252');
}
