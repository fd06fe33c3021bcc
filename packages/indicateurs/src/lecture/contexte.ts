/** Ce que partagent les lectures des deux fichiers : personnes internées, erreurs, encodage du fichier en cours. */
import { decoder, type Encodage } from './encodage.ts';
import type { Enregistrement } from './csv.ts';
import { ErreurLecture, type RecueilErreurs } from './erreurs.ts';
import { messageRefusConfidentialite, ressembleAUnNir } from './identifiants.ts';
import { debutSansBlanc, finSansBlanc } from './octets.ts';
import type { Interneur } from './tableaux.ts';

export interface ContexteLecture {
  readonly fichier: string;
  readonly encodage: Encodage;
  readonly personnes: Interneur;
  readonly erreurs: RecueilErreurs;
}

/** Bornes d'un champ, blancs de début et de fin retirés. */
export class Bornes {
  b: Buffer = Buffer.alloc(0);
  debut = 0;
  fin = 0;

  lire(enr: Enregistrement, k: number): this {
    const b = enr.source(k);
    const d = enr.debuts[k] ?? 0;
    const f = enr.fins[k] ?? 0;
    this.b = b;
    this.debut = debutSansBlanc(b, d, f);
    this.fin = finSansBlanc(b, this.debut, f);
    return this;
  }

  get vide(): boolean {
    return this.debut === this.fin;
  }

  texte(encodage: Encodage): string {
    return decoder(this.b, this.debut, this.fin, encodage).trim();
  }
}

/**
 * Identifiant de personne → indice interné. La ligne précédente porte souvent le même identifiant (fichiers triés
 * par personne) : on compare d'abord les octets, sans créer de chaîne.
 */
export class LecteurIdentifiant {
  private dernier = Buffer.alloc(64);
  private dernierLongueur = -1;
  private dernierIndice = -1;

  constructor(private readonly ctx: ContexteLecture) {}

  /** `bornes` non vide. Refuse toute l'entrée si l'identifiant a la forme d'un NIR (INT-LECT-5). */
  lire(bornes: Bornes, ligne: number): number {
    const { b, debut, fin } = bornes;
    const n = fin - debut;
    if (n === this.dernierLongueur) {
      let egal = true;
      for (let i = 0; i < n; i++) {
        if (b[debut + i] !== this.dernier[i]) {
          egal = false;
          break;
        }
      }
      if (egal) return this.dernierIndice;
    }
    const texte = bornes.texte(this.ctx.encodage);
    const avant = this.ctx.personnes.taille;
    const indice = this.ctx.personnes.indice(texte);
    if (this.ctx.personnes.taille > avant && ressembleAUnNir(texte)) {
      throw new ErreurLecture(
        messageRefusConfidentialite(
          `${this.ctx.fichier}, ligne ${ligne} : la valeur de « id_personne » a la forme d'un NIR (numéro de sécurité sociale)`,
        ),
        'confidentialite',
      );
    }
    if (n > this.dernier.length) this.dernier = Buffer.alloc(n * 2);
    b.copy(this.dernier, 0, debut, fin);
    this.dernierLongueur = n;
    this.dernierIndice = indice;
    return indice;
  }
}

/** Cellule citée dans un message d'erreur (tronquée si très longue). */
export function citer(bornes: Bornes, encodage: Encodage): string {
  const t = bornes.texte(encodage);
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
}
