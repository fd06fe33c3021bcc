/**
 * `evenements.csv` (spec parcours-rsa-v1 § 1) : un événement daté par ligne, rangé dans des tableaux typés. Les
 * valeurs énumérées sont codées en petits entiers (0 = absent, k + 1 = k-ième valeur de la liste du modèle) ;
 * `conseiller` et `motif` sont internés (0 = absent, k + 1 = k-ième chaîne).
 */
import {
  DISPOSITIFS,
  ORGANISMES,
  PARCOURS,
  STATUTS_RDV,
  TYPES_AVEC_DISPOSITIF_OBLIGATOIRE,
  TYPES_AVEC_ORGANISME_OBLIGATOIRE,
  TYPES_EVENEMENT,
} from '../moteur/modele.ts';
import { citer, Bornes, LecteurIdentifiant, type ContexteLecture } from './contexte.ts';
import type { Enregistrement } from './csv.ts';
import type { DefinitionColonnes, Entete } from './entete.ts';
import { lireDateOctets, motifs, reconnaitre, type Motif } from './octets.ts';
import { agrandir, Interneur, nouvelleCapacite } from './tableaux.ts';

export type ColonneEvenement =
  | 'id_personne'
  | 'type'
  | 'date'
  | 'organisme'
  | 'parcours'
  | 'dispositif'
  | 'statut'
  | 'conseiller'
  | 'motif';

export const COLONNES_EVENEMENTS: DefinitionColonnes<ColonneEvenement> = {
  obligatoires: ['id_personne', 'type', 'date'],
  facultatives: ['organisme', 'parcours', 'dispositif', 'statut', 'conseiller', 'motif'],
};

/** Type d'une ligne écartée après coup (doublon exact). */
export const TYPE_ECARTE = 255;

export class TableEvenements {
  n = 0;
  personne: Int32Array;
  jour: Int32Array;
  type: Uint8Array;
  organisme: Uint8Array;
  parcours: Uint8Array;
  dispositif: Uint8Array;
  statut: Uint8Array;
  conseiller: Int32Array;
  motif: Int32Array;
  ligne: Uint32Array;
  readonly conseillers = new Interneur();
  readonly motifs = new Interneur();

  constructor(
    readonly fichier: string,
    capacite: number,
  ) {
    this.personne = new Int32Array(capacite);
    this.jour = new Int32Array(capacite);
    this.type = new Uint8Array(capacite);
    this.organisme = new Uint8Array(capacite);
    this.parcours = new Uint8Array(capacite);
    this.dispositif = new Uint8Array(capacite);
    this.statut = new Uint8Array(capacite);
    this.conseiller = new Int32Array(capacite);
    this.motif = new Int32Array(capacite);
    this.ligne = new Uint32Array(capacite);
  }

  private agrandir(): void {
    const c = nouvelleCapacite(this.n);
    this.personne = agrandir(this.personne, c);
    this.jour = agrandir(this.jour, c);
    this.type = agrandir(this.type, c);
    this.organisme = agrandir(this.organisme, c);
    this.parcours = agrandir(this.parcours, c);
    this.dispositif = agrandir(this.dispositif, c);
    this.statut = agrandir(this.statut, c);
    this.conseiller = agrandir(this.conseiller, c);
    this.motif = agrandir(this.motif, c);
    this.ligne = agrandir(this.ligne, c);
  }

  ajouter(
    personne: number,
    jour: number,
    type: number,
    codes: { organisme: number; parcours: number; dispositif: number; statut: number },
    conseiller: number,
    motif: number,
    ligne: number,
  ): void {
    if (this.n === this.personne.length) this.agrandir();
    const i = this.n++;
    this.personne[i] = personne;
    this.jour[i] = jour;
    this.type[i] = type;
    this.organisme[i] = codes.organisme;
    this.parcours[i] = codes.parcours;
    this.dispositif[i] = codes.dispositif;
    this.statut[i] = codes.statut;
    this.conseiller[i] = conseiller;
    this.motif[i] = motif;
    this.ligne[i] = ligne;
  }

  /** Même valeurs normalisées (hors personne, déjà égale au regroupement) : doublon exact. */
  identiques(i: number, j: number): boolean {
    return (
      this.jour[i] === this.jour[j] &&
      this.type[i] === this.type[j] &&
      this.organisme[i] === this.organisme[j] &&
      this.parcours[i] === this.parcours[j] &&
      this.dispositif[i] === this.dispositif[j] &&
      this.statut[i] === this.statut[j] &&
      this.conseiller[i] === this.conseiller[j] &&
      this.motif[i] === this.motif[j]
    );
  }
}

const TYPES = motifs(TYPES_EVENEMENT);
const CODE_ORGANISME_OBLIGATOIRE = new Set(
  TYPES_AVEC_ORGANISME_OBLIGATOIRE.map((t) => TYPES_EVENEMENT.indexOf(t)),
);
const CODE_DISPOSITIF_OBLIGATOIRE = new Set(
  TYPES_AVEC_DISPOSITIF_OBLIGATOIRE.map((t) => TYPES_EVENEMENT.indexOf(t)),
);

interface Enumeration {
  readonly colonne: 'organisme' | 'parcours' | 'dispositif' | 'statut';
  readonly valeurs: readonly string[];
  readonly motifs: readonly Motif[];
}
const ENUMERATIONS: readonly Enumeration[] = [
  { colonne: 'organisme', valeurs: ORGANISMES, motifs: motifs(ORGANISMES) },
  { colonne: 'parcours', valeurs: PARCOURS, motifs: motifs(PARCOURS) },
  { colonne: 'dispositif', valeurs: DISPOSITIFS, motifs: motifs(DISPOSITIFS) },
  { colonne: 'statut', valeurs: STATUTS_RDV, motifs: motifs(STATUTS_RDV) },
];

export function analyseurEvenements(
  ctx: ContexteLecture,
  entete: Entete<ColonneEvenement>,
  table: TableEvenements,
): (enr: Enregistrement) => void {
  const { indices, nombreColonnes } = entete;
  const ids = new LecteurIdentifiant(ctx);
  const c = new Bornes();
  const codes = { organisme: 0, parcours: 0, dispositif: 0, statut: 0 };
  const erreur = (ligne: number, colonne: string | null, raison: string): void =>
    ctx.erreurs.ajouter({ fichier: ctx.fichier, ligne, colonne, raison });
  const texteFacultatif = (enr: Enregistrement, k: number, interneur: Interneur): number => {
    if (k < 0) return 0;
    c.lire(enr, k);
    return c.vide ? 0 : interneur.indice(c.texte(ctx.encodage)) + 1;
  };

  return (enr) => {
    const ligne = enr.ligne;
    if (enr.guillemetNonFerme) return erreur(ligne, null, 'guillemet ouvrant jamais fermé');
    if (enr.nombre !== nombreColonnes) {
      return erreur(
        ligne,
        null,
        `${enr.nombre} champ(s) au lieu de ${nombreColonnes} (nombre de colonnes de l'en-tête)`,
      );
    }
    c.lire(enr, indices.id_personne);
    if (c.vide) return erreur(ligne, 'id_personne', 'valeur obligatoire manquante');
    const personne = ids.lire(c, ligne);

    c.lire(enr, indices.type);
    if (c.vide) return erreur(ligne, 'type', 'valeur obligatoire manquante');
    const type = reconnaitre(c.b, c.debut, c.fin, TYPES);
    if (type < 0) return erreur(ligne, 'type', `type d'événement inconnu « ${citer(c, ctx.encodage)} »`);

    c.lire(enr, indices.date);
    if (c.vide) return erreur(ligne, 'date', 'valeur obligatoire manquante');
    const jour = lireDateOctets(c.b, c.debut, c.fin);
    if (Number.isNaN(jour)) {
      return erreur(
        ligne,
        'date',
        `date impossible ou mal écrite « ${citer(c, ctx.encodage)} » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)`,
      );
    }

    for (const e of ENUMERATIONS) {
      codes[e.colonne] = 0;
      const k = indices[e.colonne];
      if (k < 0) continue;
      c.lire(enr, k);
      if (c.vide) continue;
      const v = reconnaitre(c.b, c.debut, c.fin, e.motifs);
      if (v < 0) {
        return erreur(
          ligne,
          e.colonne,
          `valeur inconnue « ${citer(c, ctx.encodage)} » (attendu : ${e.valeurs.join(', ')})`,
        );
      }
      codes[e.colonne] = v + 1;
    }
    const nomType = TYPES_EVENEMENT[type] ?? '';
    if (codes.organisme === 0 && CODE_ORGANISME_OBLIGATOIRE.has(type)) {
      return erreur(ligne, 'organisme', `valeur obligatoire pour un événement « ${nomType} »`);
    }
    if (codes.dispositif === 0 && CODE_DISPOSITIF_OBLIGATOIRE.has(type)) {
      return erreur(ligne, 'dispositif', `valeur obligatoire pour un événement « ${nomType} »`);
    }
    const conseiller = texteFacultatif(enr, indices.conseiller, table.conseillers);
    const motif = texteFacultatif(enr, indices.motif, table.motifs);
    table.ajouter(personne, jour, type, codes, conseiller, motif, ligne);
  };
}
