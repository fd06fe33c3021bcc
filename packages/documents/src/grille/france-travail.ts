import { enEuros, somme, type ActionFinanciere, type Centimes } from '@jalon/domaine';
import { intitule, type LigneModeleFranceTravail, type ModeleVoletFranceTravail } from '@jalon/referentiels';
import type { ContexteDocument } from '../contexte.ts';
import { ErreurDocument } from '../erreurs.ts';
import { neutraliser } from '../neutralisation.ts';
import { montantFr } from '../typographie.ts';
import { euros, formule, lettreColonne, texte, type Cellule, type Feuille } from './modele.ts';

/**
 * France Travail 2024 : « Plan de financement » (003 · annexe 7, son annexe 2) et « Trame de bilan financier »
 * (son annexe 3), une feuille par volet, d'après les modèles des référentiels. Les lignes d'exemple d'un type
 * d'action sont remplacées par les actions de ce type (une ligne chacune) ; sans action, elles restent vides,
 * comme dans le modèle. Plan : montant = budget global F de l'action ; bilan : montant = réalisé. Les lignes de
 * total sont des formules (règles de regroupement : INT-DOCUMENTS-6).
 */
type Nature = 'plan' | 'bilan';

interface LigneProduite {
  readonly type: 'section' | 'ligne' | 'total';
  readonly cellules: (Cellule | undefined)[];
  readonly pourInformation: boolean;
  readonly libelle: string;
  /** Montant de la ligne (centimes), pour les totaux en cache. */
  readonly montant: Centimes;
}

type LigneModele = Extract<LigneModeleFranceTravail, { type: 'ligne' }>;

/** Une action va-t-elle sur cette ligne du modèle ? (Bilan volet 2 : les lignes « Structure XXX » des freins.) */
function accueille(ligne: LigneModele, action: ActionFinanciere): boolean {
  if (ligne.mesure !== undefined) return ligne.mesure === action.codeMesure;
  return ligne.nature === 'Structure XXX' && action.codeMesure.startsWith('freins_');
}

const cleGroupe = (ligne: LigneModele): string | undefined =>
  ligne.mesure ?? (ligne.nature === 'Structure XXX' ? 'freins' : undefined);

function estTotalDuVolet(libelle: string): boolean {
  return libelle.startsWith('TOTAL BESOINS') || libelle.startsWith('TOTAL DEPENSES AU TITRE');
}

function sommeCases(colonne: number, lignes: readonly number[]): string {
  if (lignes.length === 0) return '0';
  const lettre = lettreColonne(colonne);
  const plages: [number, number][] = [];
  for (const l of [...lignes].sort((a, b) => a - b)) {
    const derniere = plages.at(-1);
    if (derniere !== undefined && derniere[1] === l - 1) derniere[1] = l;
    else plages.push([l, l]);
  }
  return `SUM(${plages.map(([a, b]) => (a === b ? `${lettre}${a + 1}` : `${lettre}${a + 1}:${lettre}${b + 1}`)).join(',')})`;
}

function feuilleVolet(contexte: ContexteDocument, modele: ModeleVoletFranceTravail, nature: Nature): Feuille {
  const { exercice } = contexte.convention;
  const actions = contexte.convention.actions.filter((action) => action.volet === modele.volet);
  const colonneMontant = 6;
  const largeur = modele.colonnes.length;
  const derniere = lettreColonne(largeur - 1);

  const entete: (Cellule | undefined)[][] = modele.titres.map((titre) => [
    texte(intitule(titre, exercice), 'titre'),
  ]);
  const fusions = entete.map((_, l) => `A${l + 1}:${nature === 'plan' ? 'F' : derniere}${l + 1}`);
  if (nature === 'plan') {
    // « PLAFOND DEPARTEMENT » : crédits État prévus au volet (somme des A, 003 · annexe 7 art. 4.1).
    const plafond = somme(actions.map((action) => action.previsionnel.etat));
    const ligne = entete[entete.length - 1];
    if (ligne !== undefined) ligne[colonneMontant] = euros(enEuros(plafond), 'total');
    const groupes: (Cellule | undefined)[] = [];
    let c = modele.colonnes.length - modele.groupesColonnes.reduce((n, g) => n + g.colonnes.length, 0);
    for (const groupe of modele.groupesColonnes) {
      groupes[c] = texte(groupe.libelle, 'entete');
      fusions.push(
        `${lettreColonne(c)}${entete.length + 1}:${lettreColonne(c + groupe.colonnes.length - 1)}${entete.length + 1}`,
      );
      c += groupe.colonnes.length;
    }
    entete.push(groupes);
  }
  entete.push(modele.colonnes.map((colonne) => texte(colonne, 'entete')));
  const debut = entete.length;

  const produites: LigneProduite[] = [];
  const groupesTraites = new Set<string>();
  const ligneAction = (
    modeleLigne: LigneModele,
    action: ActionFinanciere,
    premiere: boolean,
  ): LigneProduite => {
    const p = action.previsionnel;
    const montant =
      nature === 'plan'
        ? p.etat + p.report_etat + p.cd + p.report_cd + p.autres
        : (action.execution?.realise ?? 0);
    const designation = neutraliser(`${action.numero} – ${action.intitule}`);
    const cellules: (Cellule | undefined)[] =
      nature === 'plan'
        ? [
            premiere && modeleLigne.nature !== undefined ? texte(modeleLigne.nature) : undefined,
            modeleLigne.objet === undefined ? undefined : texte(modeleLigne.objet),
            texte(designation),
            undefined,
            undefined,
            undefined,
            euros(enEuros(montant)),
            texte(
              `Part État${'\u00a0'}: ${montantFr(p.etat + p.report_etat)} ; part CD${'\u00a0'}: ${montantFr(p.cd + p.report_cd)} ; autres financeurs${'\u00a0'}: ${montantFr(p.autres)}`,
            ),
          ]
        : [
            texte(designation),
            undefined,
            undefined,
            undefined,
            undefined,
            texte(`Fiche action ${neutraliser(action.numero)}`),
            action.execution === undefined ? euros(null) : euros(enEuros(montant)),
          ];
    return { type: 'ligne', cellules, pourInformation: false, libelle: designation, montant };
  };

  for (const ligne of modele.lignes) {
    if (ligne.type === 'section') {
      produites.push({
        type: 'section',
        cellules: [texte(ligne.libelle, 'section')],
        pourInformation: false,
        libelle: ligne.libelle,
        montant: 0,
      });
      continue;
    }
    if (ligne.type === 'total') {
      produites.push({
        type: 'total',
        cellules: [texte(ligne.libelle, 'total')],
        pourInformation: ligne.libelle.startsWith('Pour info'),
        libelle: ligne.libelle,
        montant: 0,
      });
      continue;
    }
    const groupe = cleGroupe(ligne);
    const siennes = actions.filter((action) => accueille(ligne, action));
    if (groupe !== undefined && siennes.length > 0) {
      if (groupesTraites.has(groupe)) continue;
      groupesTraites.add(groupe);
      siennes.forEach((action, rang) => produites.push(ligneAction(ligne, action, rang === 0)));
      continue;
    }
    const cellules: (Cellule | undefined)[] =
      nature === 'plan'
        ? [
            ligne.nature === undefined ? undefined : texte(ligne.nature),
            ligne.objet === undefined ? undefined : texte(ligne.objet),
            ligne.precision === undefined ? undefined : texte(ligne.precision),
          ]
        : [ligne.nature === undefined ? undefined : texte(ligne.nature)];
    produites.push({
      type: 'ligne',
      cellules,
      pourInformation: ligne.pourInformation === true,
      libelle: ligne.nature ?? ligne.objet ?? '',
      montant: 0,
    });
  }
  const placees = new Set(produites.flatMap((ligne) => (ligne.type === 'ligne' ? [ligne.libelle] : [])));
  const oubliees = actions.filter(
    (action) => !placees.has(neutraliser(`${action.numero} – ${action.intitule}`)),
  );
  if (oubliees.length > 0) {
    throw new ErreurDocument(
      `Volet ${modele.volet} : ${oubliees.length} action(s) sans ligne dans le modèle (${oubliees.map((a) => `${a.numero} : ${a.codeMesure}`).join(', ')}).`,
    );
  }

  // Totaux : lignes depuis le total précédent ; deux totaux de suite : les totaux depuis la dernière section ;
  // total du volet : toutes les lignes financées (hors « pour info »).
  const montants: Centimes[] = [];
  const lignesFeuille: (Cellule | undefined)[][] = [...entete];
  let depuisTotal: number[] = [];
  let totauxSection: number[] = [];
  produites.forEach((ligne, index) => {
    const l = debut + index;
    if (ligne.type === 'section') {
      totauxSection = [];
      lignesFeuille.push(ligne.cellules);
      montants.push(0);
      return;
    }
    if (ligne.type === 'ligne') {
      depuisTotal.push(l);
      lignesFeuille.push(ligne.cellules);
      montants.push(ligne.montant);
      return;
    }
    let couvertes: number[];
    if (estTotalDuVolet(ligne.libelle)) {
      couvertes = produites.flatMap((p, i) => (p.type === 'ligne' && !p.pourInformation ? [debut + i] : []));
    } else if (depuisTotal.length > 0) {
      couvertes = depuisTotal;
    } else {
      couvertes = totauxSection;
    }
    const valeur = somme(couvertes.map((c) => montants[c - debut] ?? 0));
    const cellules = [...ligne.cellules];
    cellules[colonneMontant] = formule(sommeCases(colonneMontant, couvertes), enEuros(valeur), 'total');
    lignesFeuille.push(cellules);
    montants.push(valeur);
    if (!estTotalDuVolet(ligne.libelle)) totauxSection.push(l);
    depuisTotal = [];
  });

  return {
    nom: `${nature === 'plan' ? 'Plan de financement' : 'Bilan financier'} volet ${modele.volet}`,
    largeurs: nature === 'plan' ? [30, 34, 34, 16, 16, 16, 18, 34] : [40, 12, 10, 12, 14, 34, 18],
    lignes: lignesFeuille,
    fusions,
    ligneEntete: debut,
    colonnesFigees: 0,
    paysage: true,
  };
}

function modelesFranceTravail(contexte: ContexteDocument) {
  const modeles = contexte.convention.cadre.modelesFinanciers;
  if (modeles.famille !== 'france_travail') {
    throw new ErreurDocument(
      `Plan de financement et bilan financier par volet : cadre France Travail seulement (cadre ${contexte.convention.cadre.code} : utilisez le tableau financier).`,
    );
  }
  return modeles;
}

export const feuillesPlanFinancement = (contexte: ContexteDocument): Feuille[] =>
  modelesFranceTravail(contexte).planFinancement.map((modele) => feuilleVolet(contexte, modele, 'plan'));

export const feuillesBilanFinancier = (contexte: ContexteDocument): Feuille[] =>
  modelesFranceTravail(contexte).bilanFinancier.map((modele) => feuilleVolet(contexte, modele, 'bilan'));
