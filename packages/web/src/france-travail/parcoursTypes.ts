import type { ParcoursType } from '@jalon/schemas';
import { lireSaisieMontant, texteEdition } from '../grille/nombres.ts';

/**
 * Tableau des « parcours types » du volet 2 (003 · annexe 4 § 2-a) : pour chaque parcours, le nom, la durée,
 * le contenu de l'offre de services, ses modalités de déploiement, le public cible, le coût unitaire du
 * parcours et le nombre de places financées. Ce module passe du formulaire (textes saisis) à l'API (centimes,
 * entiers) et retour, et dit chaque faute (ligne, colonne, raison) : rien n'est envoyé tant qu'il en reste.
 */
export type LigneParcours = Record<
  'nom' | 'duree' | 'contenu' | 'modalites' | 'public_cible' | 'cout_unitaire' | 'places_financees',
  string
>;

/** Colonnes dans l'ordre de 003 · annexe 4 § 2-a. */
export const COLONNES_PARCOURS: readonly { readonly cle: keyof LigneParcours; readonly libelle: string }[] = [
  { cle: 'nom', libelle: 'Nom' },
  { cle: 'duree', libelle: 'Durée' },
  { cle: 'contenu', libelle: "Contenu de l'offre de services" },
  { cle: 'modalites', libelle: 'Modalités de déploiement' },
  { cle: 'public_cible', libelle: 'Public cible' },
  { cle: 'cout_unitaire', libelle: 'Coût unitaire (€)' },
  { cle: 'places_financees', libelle: 'Places financées' },
];

export const ligneVide = (): LigneParcours => ({
  nom: '',
  duree: '',
  contenu: '',
  modalites: '',
  public_cible: '',
  cout_unitaire: '',
  places_financees: '',
});

export const versLigne = (p: ParcoursType): LigneParcours => ({
  nom: p.nom,
  duree: p.duree,
  contenu: p.contenu,
  modalites: p.modalites,
  public_cible: p.public_cible,
  cout_unitaire: p.cout_unitaire === null ? '' : texteEdition(p.cout_unitaire),
  places_financees: p.places_financees === null ? '' : String(p.places_financees),
});

export interface FauteParcours {
  /** Ligne du tableau, à partir de 1. */
  readonly ligne: number;
  readonly colonne: keyof LigneParcours;
  readonly raison: string;
}

export type LectureParcours =
  | { readonly ok: true; readonly parcours: ParcoursType[] }
  | { readonly ok: false; readonly fautes: FauteParcours[] };

/** Une ligne entièrement vide est une ligne ajoutée puis laissée : elle n'est pas envoyée (et c'est visible). */
const estVide = (l: LigneParcours): boolean => Object.values(l).every((v) => v.trim() === '');

export function lireParcours(lignes: readonly LigneParcours[]): LectureParcours {
  const fautes: FauteParcours[] = [];
  const parcours: ParcoursType[] = [];
  lignes.forEach((l, i) => {
    if (estVide(l)) return;
    const ligne = i + 1;
    if (l.nom.trim() === '')
      fautes.push({ ligne, colonne: 'nom', raison: 'le nom du parcours est obligatoire' });
    let cout: number | null = null;
    if (l.cout_unitaire.trim() !== '') {
      const lu = lireSaisieMontant(l.cout_unitaire);
      if (lu.ok) cout = lu.centimes;
      else fautes.push({ ligne, colonne: 'cout_unitaire', raison: lu.raison });
    }
    let places: number | null = null;
    const textePlaces = l.places_financees.trim().replace(/[\s\u00a0\u202f]/g, '');
    if (textePlaces !== '') {
      if (/^\d+$/.test(textePlaces)) places = Number(textePlaces);
      else
        fautes.push({
          ligne,
          colonne: 'places_financees',
          raison: `« ${l.places_financees.trim()} » n'est pas un nombre entier de places`,
        });
    }
    parcours.push({
      nom: l.nom.trim(),
      duree: l.duree.trim(),
      contenu: l.contenu.trim(),
      modalites: l.modalites.trim(),
      public_cible: l.public_cible.trim(),
      cout_unitaire: cout,
      places_financees: places,
    });
  });
  return fautes.length > 0 ? { ok: false, fautes } : { ok: true, parcours };
}

/** Coût total prévu des parcours (coût unitaire × places), en centimes entiers ; `null` si une donnée manque. */
export function coutTotal(p: Pick<ParcoursType, 'cout_unitaire' | 'places_financees'>): number | null {
  if (p.cout_unitaire === null || p.places_financees === null) return null;
  const total = p.cout_unitaire * p.places_financees;
  // Au-delà de 2^53, le produit de deux entiers n'est plus exact en nombre JavaScript : pas de total faux.
  return Number.isSafeInteger(total) ? total : null;
}

export const libelleColonne = (cle: keyof LigneParcours): string =>
  COLONNES_PARCOURS.find((c) => c.cle === cle)?.libelle ?? cle;
