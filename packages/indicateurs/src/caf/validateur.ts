/**
 * Validation en flux d'un document XML contre le modèle compilé du XSD (`schema-xsd.ts`) : une pile de cadres, un
 * par élément ouvert ; chaque enfant doit être la prochaine particule possible de la séquence du parent, chaque
 * valeur simple doit respecter son type, chaque élément obligatoire doit être présent à la fermeture du parent.
 * La mémoire ne dépend que de la profondeur du document. Toute non-conformité lève `ErreurFluxCaf` avec le chemin
 * de l'élément (« /Racine/InfosFoyerRSA[3]/Personne[1]/… »), la ligne et la colonne.
 */
import type { Declaration, Particule, SchemaXsd } from './schema-xsd.ts';
import { controlerValeur } from './types-simples.ts';

export class ErreurFluxCaf extends Error {
  constructor(
    readonly fichier: string,
    readonly ligne: number | null,
    readonly colonne: number | null,
    readonly chemin: string | null,
    readonly raison: string,
  ) {
    const ou = ligne === null ? '' : `, ligne ${ligne}${colonne === null ? '' : `, colonne ${colonne}`}`;
    super(`${fichier}${ou}${chemin === null ? '' : ` (${chemin})`} : ${raison}`);
    this.name = 'ErreurFluxCaf';
  }
}

/** Ce que le validateur transmet à l'extraction : chemins de noms, sans indices. */
export interface Observateur {
  ouvert(chemin: readonly string[]): void;
  valeur(chemin: readonly string[], valeur: string): void;
  ferme(chemin: readonly string[]): void;
}

interface Cadre {
  readonly declaration: Declaration;
  readonly libelle: string;
  /** Position dans la séquence du parent (complexe) et nombre d'occurrences de la particule courante. */
  position: number;
  occurrences: number;
  texte: string;
}

/** Attributs admis sur la racine (déclaration de schéma), refusés ailleurs : le XSD n'en déclare aucun. */
const ATTRIBUTS_ADMIS = /^(xmlns(:.*)?|xsi:.*)$/;

export class ValidateurFlux {
  private readonly pile: Cadre[] = [];
  private readonly noms: string[] = [];
  private fini = false;
  /** Position courante (mise à jour par le lecteur avant chaque appel). */
  ligne = 1;
  colonne = 1;

  constructor(
    private readonly schema: SchemaXsd,
    private readonly fichier: string,
    private readonly observateur: Observateur,
  ) {}

  private chemin(enPlus?: string): string {
    const parties = this.pile.map((c) => c.libelle);
    if (enPlus !== undefined) parties.push(enPlus);
    return `/${parties.join('/')}`;
  }

  private erreur(raison: string, enPlus?: string): ErreurFluxCaf {
    return new ErreurFluxCaf(this.fichier, this.ligne, this.colonne, this.chemin(enPlus), raison);
  }

  ouvrir(nom: string, attributs: readonly string[]): void {
    const parent = this.pile[this.pile.length - 1];
    let declaration: Declaration;
    let libelle = nom;
    if (parent === undefined) {
      if (this.fini) throw this.erreur(`élément « ${nom} » après la fin de la racine`, nom);
      if (nom !== this.schema.racine.nom)
        throw this.erreur(`racine « ${nom} » au lieu de « ${this.schema.racine.nom} »`, nom);
      declaration = this.schema.racine;
    } else {
      if (parent.declaration.sorte === 'simple')
        throw this.erreur(`élément « ${nom} » dans un champ simple`, nom);
      const p = this.avancer(parent, parent.declaration.sequence, nom);
      declaration = p.declaration;
      if (p.max > 1) libelle = `${nom}[${parent.occurrences}]`;
    }
    const interdits = attributs.filter((a) => parent !== undefined || !ATTRIBUTS_ADMIS.test(a));
    if (interdits.length > 0)
      throw this.erreur(
        `attribut inattendu « ${interdits[0] ?? ''} » (le schéma n'en déclare aucun)`,
        libelle,
      );
    this.pile.push({ declaration, libelle, position: 0, occurrences: 0, texte: '' });
    this.noms.push(nom);
    if (declaration.sorte === 'complexe') this.observateur.ouvert(this.noms);
  }

  /** Trouve la particule `nom` à partir de la position courante, en vérifiant les obligatoires sautés. */
  private avancer(parent: Cadre, sequence: readonly Particule[], nom: string): Particule {
    const suite = sequence.slice(parent.position);
    if (!suite.some((p) => p.nom === nom)) {
      const attendu = suite.find((p, k) => (k === 0 ? parent.occurrences : 0) < p.min);
      const permis = sequence.map((p) => p.nom).join(', ') || 'aucun';
      throw this.erreur(
        `élément « ${nom} » inattendu à cet endroit${attendu === undefined ? '' : ` (attendu : « ${attendu.nom} »)`} ; éléments permis ici, dans l'ordre : ${permis}`,
        nom,
      );
    }
    while (parent.position < sequence.length) {
      const p = sequence[parent.position];
      if (p === undefined) break;
      if (p.nom === nom) {
        if (parent.occurrences >= p.max)
          throw this.erreur(
            `« ${nom} » présent plus de ${p.max} fois (maximum du schéma)`,
            `${nom}[${parent.occurrences + 1}]`,
          );
        parent.occurrences++;
        return p;
      }
      if (parent.occurrences < p.min)
        throw this.erreur(
          `élément obligatoire « ${p.nom} » manquant avant « ${nom} »${p.min > 1 ? ` (${p.min} attendus, ${parent.occurrences} trouvés)` : ''}`,
        );
      parent.position++;
      parent.occurrences = 0;
    }
    const attendus = sequence.map((p) => p.nom);
    throw this.erreur(
      `élément « ${nom} » inattendu à cet endroit (éléments permis ici, dans l'ordre : ${attendus.join(', ') || 'aucun'})`,
      nom,
    );
  }

  texte(t: string): void {
    const haut = this.pile[this.pile.length - 1];
    if (haut === undefined) {
      if (t.trim() !== '') throw this.erreur('texte hors de l’élément racine');
      return;
    }
    if (haut.declaration.sorte === 'simple') {
      haut.texte += t;
      if (haut.texte.length > 4096) throw this.erreur('valeur de plus de 4 096 caractères');
    } else if (t.trim() !== '') {
      throw this.erreur(`texte « ${t.trim().slice(0, 30)} » dans un bloc qui ne contient que des éléments`);
    }
  }

  fermer(): void {
    const haut = this.pile[this.pile.length - 1];
    if (haut === undefined) throw this.erreur('balise fermante sans ouvrante');
    const d = haut.declaration;
    if (d.sorte === 'simple') {
      const raison = controlerValeur(haut.texte, d.type);
      if (raison !== null) throw this.erreur(`valeur « ${haut.texte.slice(0, 40)} » invalide : ${raison}`);
      this.observateur.valeur(this.noms, haut.texte.trim());
    } else {
      for (let k = haut.position; k < d.sequence.length; k++) {
        const p = d.sequence[k];
        const vus = k === haut.position ? haut.occurrences : 0;
        if (p !== undefined && vus < p.min)
          throw this.erreur(
            `élément obligatoire « ${p.nom} » manquant${p.min > 1 ? ` (${p.min} attendus, ${vus} trouvés)` : ''}`,
          );
      }
      this.observateur.ferme(this.noms);
    }
    this.pile.pop();
    this.noms.pop();
    if (this.pile.length === 0) this.fini = true;
  }

  /** Fin du document : la racine doit avoir été fermée. */
  terminer(): void {
    if (!this.fini) throw this.erreur('document incomplet (racine jamais fermée ou absente)');
  }
}
