/**
 * `situations_mensuelles.csv` (spec parcours-rsa-v1 § 1) : une ligne par personne et par mois, rangée dans des
 * tableaux typés (indice de personne, mois, drapeaux, numéro de ligne), 11 octets par ligne.
 */
import { ETATS_DROIT, type EtatDroit } from '../moteur/modele.ts';
import { citer, Bornes, LecteurIdentifiant, type ContexteLecture } from './contexte.ts';
import type { Enregistrement } from './csv.ts';
import type { DefinitionColonnes, Entete } from './entete.ts';
import { lireBooleenOctets, lireMoisOctets, motifs, reconnaitre } from './octets.ts';
import { agrandir, nouvelleCapacite } from './tableaux.ts';

export type ColonneSituation =
  'id_personne' | 'mois' | 'droit_versable' | 'soumis_droits_devoirs' | 'etat_droit';

export const COLONNES_SITUATIONS: DefinitionColonnes<ColonneSituation> = {
  obligatoires: ['id_personne', 'mois', 'droit_versable', 'soumis_droits_devoirs'],
  facultatives: ['etat_droit'],
};

/** Drapeaux d'une ligne : bit 0 versable, bit 1 SDD, bits 2-3 état du droit, bit 7 écartée (doublon, conflit). */
export const VERSABLE = 1;
export const SDD = 2;
export const ECARTEE = 0x80;
export const etatDesDrapeaux = (d: number): EtatDroit => ETATS_DROIT[(d >> 2) & 3] ?? 'ouvert';

const ETATS = motifs(ETATS_DROIT);
const SUSPENDU = ETATS_DROIT.indexOf('suspendu');
const OUVERT = ETATS_DROIT.indexOf('ouvert');

export class TableSituations {
  n = 0;
  personne: Int32Array;
  mois: Int16Array;
  drapeaux: Uint8Array;
  ligne: Uint32Array;
  premierMois = Number.POSITIVE_INFINITY;
  dernierMois = Number.NEGATIVE_INFINITY;

  constructor(
    readonly fichier: string,
    capacite: number,
  ) {
    this.personne = new Int32Array(capacite);
    this.mois = new Int16Array(capacite);
    this.drapeaux = new Uint8Array(capacite);
    this.ligne = new Uint32Array(capacite);
  }

  ajouter(personne: number, mois: number, drapeaux: number, ligne: number): void {
    if (this.n === this.personne.length) {
      const c = nouvelleCapacite(this.n);
      this.personne = agrandir(this.personne, c);
      this.mois = agrandir(this.mois, c);
      this.drapeaux = agrandir(this.drapeaux, c);
      this.ligne = agrandir(this.ligne, c);
    }
    const i = this.n++;
    this.personne[i] = personne;
    this.mois[i] = mois;
    this.drapeaux[i] = drapeaux;
    this.ligne[i] = ligne;
    if (mois < this.premierMois) this.premierMois = mois;
    if (mois > this.dernierMois) this.dernierMois = mois;
  }
}

export const RAISON_BOOLEEN = 'booléen non reconnu (attendu oui/non, o/n, 1/0, vrai/faux, true/false)';

/** Analyse chaque enregistrement et range les lignes valides ; les invalides vont au recueil d'erreurs. */
export function analyseurSituations(
  ctx: ContexteLecture,
  entete: Entete<ColonneSituation>,
  table: TableSituations,
): (enr: Enregistrement) => void {
  const { indices, nombreColonnes } = entete;
  const ids = new LecteurIdentifiant(ctx);
  const c = new Bornes();
  const erreur = (ligne: number, colonne: string | null, raison: string): void =>
    ctx.erreurs.ajouter({ fichier: ctx.fichier, ligne, colonne, raison });

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

    c.lire(enr, indices.mois);
    if (c.vide) return erreur(ligne, 'mois', 'valeur obligatoire manquante');
    const mois = lireMoisOctets(c.b, c.debut, c.fin);
    if (mois < 0) {
      return erreur(
        ligne,
        'mois',
        `mois impossible ou mal écrit « ${citer(c, ctx.encodage)} » (attendu AAAA-MM ou MM/AAAA)`,
      );
    }

    c.lire(enr, indices.droit_versable);
    if (c.vide) return erreur(ligne, 'droit_versable', 'valeur obligatoire manquante');
    const versable = lireBooleenOctets(c.b, c.debut, c.fin);
    if (versable < 0)
      return erreur(ligne, 'droit_versable', `« ${citer(c, ctx.encodage)} » : ${RAISON_BOOLEEN}`);

    c.lire(enr, indices.soumis_droits_devoirs);
    if (c.vide) return erreur(ligne, 'soumis_droits_devoirs', 'valeur obligatoire manquante');
    const sdd = lireBooleenOctets(c.b, c.debut, c.fin);
    if (sdd < 0)
      return erreur(ligne, 'soumis_droits_devoirs', `« ${citer(c, ctx.encodage)} » : ${RAISON_BOOLEEN}`);

    // Défaut de `etat_droit` : `ouvert` si versable, sinon `suspendu` (spec § 1).
    let etat = versable === 1 ? OUVERT : SUSPENDU;
    if (indices.etat_droit >= 0) {
      c.lire(enr, indices.etat_droit);
      if (!c.vide) {
        etat = reconnaitre(c.b, c.debut, c.fin, ETATS);
        if (etat < 0) {
          return erreur(
            ligne,
            'etat_droit',
            `valeur inconnue « ${citer(c, ctx.encodage)} » (attendu : ${ETATS_DROIT.join(', ')})`,
          );
        }
      }
    }
    table.ajouter(
      personne,
      mois,
      (versable === 1 ? VERSABLE : 0) | (sdd === 1 ? SDD : 0) | (etat << 2),
      ligne,
    );
  };
}
