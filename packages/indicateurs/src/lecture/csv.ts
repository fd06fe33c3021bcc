/**
 * Découpage CSV en flux, sur des octets (RFC 4180 : champs entre guillemets, `""` pour un guillemet, retours à la
 * ligne dans un champ entre guillemets).
 *
 * Écrit ici plutôt que pris d'une bibliothèque : le banc d'essai compare la lecture de dizaines de millions de
 * lignes à DuckDB, et les analyseurs courants (csv-parse, papaparse) décodent chaque cellule en chaîne. Ici, une
 * ligne sans guillemet est découpée par `indexOf` natif puis par un simple parcours d'octets ; seules les lignes qui
 * contiennent un guillemet passent par l'automate complet. Les champs sont rendus comme des intervalles d'octets.
 */

const GUILLEMET = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Taille maximale d'un enregistrement : au-delà, c'est un guillemet jamais fermé (le reste du fichier y passerait). */
export const TAILLE_MAX_ENREGISTREMENT = 16 * 1024 * 1024;

/** Un enregistrement : ses champs, comme intervalles d'octets dans `tampon` (ou dans `brouillon` s'ils étaient entre guillemets). */
export class Enregistrement {
  /** Numéro de la ligne physique où l'enregistrement commence (en-tête = ligne 1). */
  ligne = 0;
  nombre = 0;
  tampon: Buffer = Buffer.alloc(0);
  brouillon: Buffer = Buffer.alloc(256);
  debuts = new Int32Array(32);
  fins = new Int32Array(32);
  dansBrouillon = new Uint8Array(32);
  /** Vrai si un guillemet ouvert n'a jamais été fermé (fin de fichier atteinte dans le champ). */
  guillemetNonFerme = false;

  /** Octets du champ k. */
  source(k: number): Buffer {
    return this.dansBrouillon[k] === 1 ? this.brouillon : this.tampon;
  }

  ajouter(debut: number, fin: number, dansBrouillon: boolean): void {
    if (this.nombre === this.debuts.length) {
      const n = this.nombre * 2;
      const d = new Int32Array(n);
      d.set(this.debuts);
      this.debuts = d;
      const f = new Int32Array(n);
      f.set(this.fins);
      this.fins = f;
      const g = new Uint8Array(n);
      g.set(this.dansBrouillon);
      this.dansBrouillon = g;
    }
    this.debuts[this.nombre] = debut;
    this.fins[this.nombre] = fin;
    this.dansBrouillon[this.nombre] = dansBrouillon ? 1 : 0;
    this.nombre++;
  }
}

export class ErreurEnregistrementTropLong extends Error {
  constructor(readonly ligne: number) {
    super(`enregistrement de plus de 16 Mo à partir de la ligne ${ligne} : guillemet jamais fermé ?`);
  }
}

/**
 * Découpeur en flux : `pousser` chaque morceau lu, puis `terminer`. Appelle `surEnregistrement` pour chaque
 * enregistrement (l'objet est réutilisé : le consommateur doit en extraire ce qu'il garde avant de rendre la main).
 * Les lignes entièrement blanches (vides ou faites d'espaces) sont sautées : elles ne portent aucune donnée.
 */
export class DecoupeurCsv {
  private reste: Buffer | null = null;
  private ligne = 1;
  private readonly enr = new Enregistrement();
  private brouillonLongueur = 0;

  constructor(
    private readonly separateur: number,
    private readonly surEnregistrement: (e: Enregistrement) => void,
  ) {}

  pousser(morceau: Buffer): void {
    const b = this.reste === null ? morceau : Buffer.concat([this.reste, morceau]);
    const consomme = this.traiter(b, false);
    if (consomme >= b.length) {
      this.reste = null;
    } else {
      if (b.length - consomme > TAILLE_MAX_ENREGISTREMENT) throw new ErreurEnregistrementTropLong(this.ligne);
      this.reste = Buffer.from(b.subarray(consomme));
    }
  }

  terminer(): void {
    if (this.reste !== null) {
      const b = this.reste;
      this.reste = null;
      this.traiter(b, true);
    }
  }

  /** Traite les enregistrements complets de `b` ; renvoie le nombre d'octets consommés. */
  private traiter(b: Buffer, fin: boolean): number {
    const n = b.length;
    const sep = this.separateur;
    const enr = this.enr;
    let pos = 0;
    let guillemet = b.indexOf(GUILLEMET, 0);
    if (guillemet < 0) guillemet = n + 1;
    while (pos < n) {
      let nl = b.indexOf(LF, pos);
      if (nl < 0) {
        if (!fin) break;
        nl = n;
      }
      if (guillemet < pos) {
        guillemet = b.indexOf(GUILLEMET, pos);
        if (guillemet < 0) guillemet = n + 1;
      }
      if (guillemet >= nl) {
        // Chemin rapide : ligne sans guillemet.
        let fl = nl;
        if (fl > pos && b[fl - 1] === CR) fl--;
        let blanche = true;
        for (let i = pos; i < fl; i++) {
          const c = b[i];
          if (c !== 0x20 && c !== 0x09) {
            blanche = false;
            break;
          }
        }
        if (!blanche) {
          enr.tampon = b;
          enr.nombre = 0;
          enr.ligne = this.ligne;
          enr.guillemetNonFerme = false;
          let debut = pos;
          for (let i = pos; i < fl; i++) {
            if (b[i] === sep) {
              enr.ajouter(debut, i, false);
              debut = i + 1;
            }
          }
          enr.ajouter(debut, fl, false);
          this.surEnregistrement(enr);
        }
        this.ligne++;
        pos = nl + 1;
      } else {
        const suite = this.lireAvecGuillemets(b, pos, fin);
        if (suite < 0) break;
        pos = suite;
      }
    }
    return Math.min(pos, n);
  }

  private versBrouillon(c: number): void {
    const enr = this.enr;
    if (this.brouillonLongueur === enr.brouillon.length) {
      const plus = Buffer.alloc(enr.brouillon.length * 2);
      enr.brouillon.copy(plus);
      enr.brouillon = plus;
    }
    enr.brouillon[this.brouillonLongueur++] = c;
  }

  /** Automate complet pour un enregistrement qui contient un guillemet. -1 s'il faut plus de données. */
  private lireAvecGuillemets(b: Buffer, pos: number, fin: boolean): number {
    const n = b.length;
    const sep = this.separateur;
    const enr = this.enr;
    enr.tampon = b;
    enr.nombre = 0;
    enr.ligne = this.ligne;
    enr.guillemetNonFerme = false;
    this.brouillonLongueur = 0;
    let sauts = 0;
    let i = pos;
    for (;;) {
      if (i < n && b[i] === GUILLEMET) {
        // Champ entre guillemets : recopié sans les guillemets dans le brouillon.
        const debut = this.brouillonLongueur;
        i++;
        let ferme = false;
        while (i < n) {
          const c = b[i] ?? 0;
          if (c === GUILLEMET) {
            if (i + 1 >= n && !fin) return -1;
            if (b[i + 1] === GUILLEMET) {
              this.versBrouillon(GUILLEMET);
              i += 2;
              continue;
            }
            i++;
            ferme = true;
            break;
          }
          if (c === LF) sauts++;
          this.versBrouillon(c);
          i++;
        }
        if (!ferme) {
          if (!fin) return -1;
          enr.guillemetNonFerme = true;
        }
        // Tolérance : ce qui suit le guillemet fermant jusqu'au séparateur est gardé tel quel.
        while (i < n && b[i] !== sep && b[i] !== LF) {
          if (!(b[i] === CR && (i + 1 >= n || b[i + 1] === LF))) this.versBrouillon(b[i] ?? 0);
          i++;
        }
        enr.ajouter(debut, this.brouillonLongueur, true);
      } else {
        const debut = i;
        while (i < n && b[i] !== sep && b[i] !== LF) i++;
        let f = i;
        if (i < n && b[i] === LF && f > debut && b[f - 1] === CR) f--;
        else if (i >= n && f > debut && b[f - 1] === CR) f--;
        enr.ajouter(debut, f, false);
      }
      if (i >= n) {
        if (!fin) return -1;
        break;
      }
      if (b[i] === sep) {
        i++;
        continue;
      }
      // Fin de ligne.
      i++;
      break;
    }
    this.surEnregistrement(enr);
    this.ligne += 1 + sauts;
    return i;
  }
}

/**
 * Séparateur de l'en-tête : `;` ou `,`, le plus fréquent hors guillemets (spec § 1). À égalité (une seule colonne),
 * `;`, séparateur des exports français.
 */
export function detecterSeparateur(entete: Uint8Array): number {
  let pointsVirgules = 0;
  let virgules = 0;
  let dansGuillemets = false;
  for (const c of entete) {
    if (c === GUILLEMET) dansGuillemets = !dansGuillemets;
    else if (!dansGuillemets && c === 0x3b) pointsVirgules++;
    else if (!dansGuillemets && c === 0x2c) virgules++;
  }
  return virgules > pointsVirgules ? 0x2c : 0x3b;
}
