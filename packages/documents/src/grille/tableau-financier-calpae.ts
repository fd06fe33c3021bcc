import { additionner, enEuros, LIGNE_VIDE, type ActionFinanciere, type Ligne } from '@jalon/domaine';
import {
  intitule,
  type CleExecution,
  type ClePrevisionnel,
  type TableauFinancierCalpae,
  type ThemeTableau,
} from '@jalon/referentiels';
import type { ContexteDocument } from '../contexte.ts';
import { ErreurDocument } from '../erreurs.ts';
import { neutraliser } from '../neutralisation.ts';
import {
  adresse,
  euros,
  formule,
  lettreColonne,
  texte,
  type Cellule,
  type Feuille,
  type StyleCellule,
} from './modele.ts';

/**
 * Tableau financier récapitulatif CALPAE au format de 001 · annexe 9 : une feuille « Prévisionnel n » et une
 * feuille « Exécution n ». Colonnes descriptives A-D (thème, imputation Chorus, fiche action, intitulé), puis les
 * colonnes financières dans l'ordre du modèle ; une ligne par action, groupées par thème dans l'ordre officiel ;
 * « Sous total » par thème, sous-total des mesures socle, sous-total des initiatives, « TOTAUX FINANCIERS », puis
 * « Total de contrôle » (somme directe des lignes d'action). Chaque total est une formule avec sa valeur en cache,
 * calculée par le domaine (`calculerTotaux`). La colonne vide qui précède le tableau prévisionnel dans le texte
 * est un artefact de mise en page, non reprise (INT-DOCUMENTS-4).
 */

/** Une colonne financière d'une feuille : d'où vient la valeur et quel en-tête officiel la coiffe. */
export interface ColonneTableau {
  readonly partie: 'previsionnel' | 'execution';
  readonly cle: ClePrevisionnel | CleExecution;
  readonly entete: string;
  /** Colonnes sommées (F = A+B+C+D+E). */
  readonly somme?: readonly ClePrevisionnel[];
}

/** Première ligne de données (à partir de 0) : titre, sous-titre, intitulé, ligne vide, en-têtes. */
export const LIGNE_ENTETE = 4;
export const COLONNE_FICHE = 2;
export const COLONNE_INTITULE = 3;
export const PREMIERE_COLONNE_MONTANT = 4;

export type NatureFeuille = 'previsionnel' | 'execution';

export function colonnesTableau(modele: TableauFinancierCalpae, exercice: number): ColonneTableau[] {
  return [
    ...modele.colonnesPrevisionnel.map((colonne) => ({
      partie: 'previsionnel' as const,
      cle: colonne.cle,
      entete: `${colonne.lettre === undefined ? '' : `${colonne.lettre} `}${intitule(colonne.intitule, exercice)}`,
      ...(colonne.somme === undefined ? {} : { somme: colonne.somme }),
    })),
    ...modele.colonnesExecution.map((colonne) => ({
      partie: 'execution' as const,
      cle: colonne.cle,
      entete: intitule(colonne.intitule, exercice),
    })),
  ];
}

/** Nom de l'onglet (« Prévisionnel 2023 », « Exécution 2023 ») : c'est lui que citent les erreurs de relecture. */
export const nomFeuille = (nature: NatureFeuille, exercice: number): string =>
  `${nature === 'previsionnel' ? 'Prévisionnel' : 'Exécution'} ${exercice}`;

/** Montant d'une colonne pour une ligne de totaux, en euros. */
function montantLigne(ligne: Ligne, colonne: ColonneTableau): number {
  return colonne.partie === 'previsionnel'
    ? enEuros(ligne.previsionnel[colonne.cle as ClePrevisionnel])
    : enEuros(ligne.execution[colonne.cle as CleExecution]);
}

/** Sous-titre du modèle, région et département remplis quand on les connaît. */
function sousTitre(modele: TableauFinancierCalpae, contexte: ContexteDocument): string {
  return modele.sousTitre
    .replace('Région xxx', `Région ${contexte.region ?? 'xxx'}`)
    .replace(
      'Département du xxx',
      contexte.nomCollectivite === undefined
        ? 'Département du xxx'
        : `Département de ${contexte.nomCollectivite}`,
    );
}

interface Groupe {
  readonly theme: ThemeTableau | undefined;
  /** Code de mesure quand aucune ligne du modèle ne l'accueille (mesure inconnue du cadre). */
  readonly mesureHorsCadre?: string;
  readonly actions: readonly ActionFinanciere[];
}

function groupes(modele: TableauFinancierCalpae, contexte: ContexteDocument): Groupe[] {
  const { actions } = contexte.convention;
  const places = new Set(modele.themes.map((theme) => theme.mesure));
  const horsCadre = [...new Set(actions.map((a) => a.codeMesure).filter((code) => !places.has(code)))];
  return [
    ...modele.themes.map((theme) => ({
      theme,
      actions: actions.filter((action) => action.codeMesure === theme.mesure),
    })),
    ...horsCadre.map((code) => ({
      theme: undefined,
      mesureHorsCadre: code,
      actions: actions.filter((action) => action.codeMesure === code),
    })),
  ];
}

/** Somme de plages de lignes (à partir de 0) dans une colonne : `SUM(E6:E7,E10:E10)`. */
function sommePlages(colonne: number, plages: readonly (readonly [number, number])[]): string {
  if (plages.length === 0) return '0';
  const lettre = lettreColonne(colonne);
  return `SUM(${plages.map(([debut, fin]) => `${lettre}${debut + 1}:${lettre}${fin + 1}`).join(',')})`;
}

export function feuilleTableauFinancier(contexte: ContexteDocument, nature: NatureFeuille): Feuille {
  const { convention, totaux } = contexte;
  const modeles = convention.cadre.modelesFinanciers;
  if (modeles.famille !== 'calpae') {
    throw new ErreurDocument(
      `Le tableau financier de l'annexe 9 ne vaut que pour les cadres CALPAE (cadre ${convention.cadre.code} : utilisez le plan de financement).`,
    );
  }
  const modele = modeles[nature];
  const exercice = convention.exercice;
  const colonnes = colonnesTableau(modele, exercice);
  const largeur = PREMIERE_COLONNE_MONTANT + colonnes.length;
  const derniere = lettreColonne(largeur - 1);
  const libelles = modele.libellesTotaux;

  const lignes: (Cellule | undefined)[][] = [
    [texte(modele.titre, 'titre')],
    [texte(sousTitre(modele, contexte), 'sous-titre')],
    [texte(intitule(modele.intitule, exercice), 'sous-titre')],
    [],
    [
      ...modele.colonnesDescriptives.map((entete, index) =>
        index === COLONNE_INTITULE && nature === 'execution'
          ? { ...texte(entete, 'entete'), complementItalique: 'une ligne par action financée' }
          : texte(entete, 'entete'),
      ),
      ...colonnes.map((colonne) => texte(colonne.entete, 'entete')),
    ],
  ];
  const fusions = [`A1:${derniere}1`, `A2:${derniere}2`, `A3:${derniere}3`];
  const colonneDe = (cle: string, partie: ColonneTableau['partie']): number =>
    PREMIERE_COLONNE_MONTANT + colonnes.findIndex((c) => c.cle === cle && c.partie === partie);

  /** Ligne de totaux : libellé en colonne D, une formule par colonne financière. */
  const ligneTotaux = (
    libelle: string,
    ligne: Ligne,
    formuleDe: (colonne: number) => string,
    style: StyleCellule,
  ): (Cellule | undefined)[] => [
    undefined,
    undefined,
    undefined,
    texte(libelle, style),
    ...colonnes.map((colonne, index) =>
      formule(formuleDe(PREMIERE_COLONNE_MONTANT + index), montantLigne(ligne, colonne), style),
    ),
  ];

  const lignesActions: [number, number][] = [];
  const sousTotauxSocle: number[] = [];
  const plagesInitiatives: [number, number][] = [];

  const ecrireGroupe = (groupe: Groupe): void => {
    const debut = lignes.length;
    const actionsOuVide: (ActionFinanciere | undefined)[] =
      groupe.actions.length === 0 ? [undefined] : [...groupe.actions];
    actionsOuVide.forEach((action, rang) => {
      const l = lignes.length;
      const ligneAction = action === undefined ? undefined : totaux.actions.get(action.numero);
      const cellules: (Cellule | undefined)[] = [
        rang === 0
          ? texte(
              groupe.theme?.theme ?? `Mesure inconnue du cadre : ${groupe.mesureHorsCadre ?? ''}`,
              'theme',
            )
          : undefined,
        rang === 0 ? texte(groupe.theme?.imputationChorus ?? '', 'theme') : undefined,
        action === undefined ? undefined : texte(neutraliser(action.numero)),
        action === undefined ? undefined : texte(neutraliser(action.intitule)),
        ...colonnes.map((colonne): Cellule | undefined => {
          if (action === undefined || ligneAction === undefined) return undefined;
          if (colonne.partie === 'execution' && action.execution === undefined) return euros(null);
          const valeur = montantLigne(ligneAction, colonne);
          if (colonne.somme === undefined) return euros(valeur);
          const l1 = l + 1;
          const termes = colonne.somme.map((cle) => `${lettreColonne(colonneDe(cle, 'previsionnel'))}${l1}`);
          return formule(termes.join('+'), valeur, 'normal');
        }),
      ];
      lignes.push(cellules);
    });
    const fin = lignes.length - 1;
    if (fin > debut) fusions.push(`A${debut + 1}:A${fin + 1}`, `B${debut + 1}:B${fin + 1}`);
    lignesActions.push([debut, fin]);
    if (groupe.theme === undefined) return;
    if (groupe.theme.nature === 'initiative') {
      plagesInitiatives.push([debut, fin]);
      return;
    }
    const ligneMesure = totaux.mesures.get(groupe.theme.mesure) ?? LIGNE_VIDE;
    sousTotauxSocle.push(lignes.length);
    lignes.push(
      ligneTotaux(libelles.sousTotal, ligneMesure, (c) => sommePlages(c, [[debut, fin]]), 'sous-total'),
    );
  };

  const groupesTableau = groupes(modele, contexte);
  const socle = groupesTableau.filter((g) => g.theme?.nature === 'socle');
  const initiatives = groupesTableau.filter((g) => g.theme?.nature === 'initiative');
  const horsCadre = groupesTableau.filter((g) => g.theme === undefined);

  socle.forEach(ecrireGroupe);
  const ligneSocle = lignes.length;
  lignes.push(
    ligneTotaux(
      libelles.sousTotalSocle,
      totaux.socle ?? LIGNE_VIDE,
      (c) => (sousTotauxSocle.length === 0 ? '0' : sousTotauxSocle.map((l) => adresse(c, l)).join('+')),
      'total',
    ),
  );
  initiatives.forEach(ecrireGroupe);
  const ligneInitiatives = lignes.length;
  lignes.push(
    ligneTotaux(
      libelles.sousTotalInitiatives,
      totaux.initiatives ?? LIGNE_VIDE,
      (c) => sommePlages(c, plagesInitiatives),
      'total',
    ),
  );
  // Actions dont la mesure est inconnue du cadre : montrées (rien n'est écarté en silence), hors sous-totaux ;
  // le total de contrôle les compte, d'où l'écart signalé par le domaine (INT-FINANCES-7).
  horsCadre.forEach(ecrireGroupe);
  const socleEtInitiatives = additionner([totaux.socle ?? LIGNE_VIDE, totaux.initiatives ?? LIGNE_VIDE]);
  lignes.push(
    ligneTotaux(
      libelles.totaux,
      socleEtInitiatives,
      (c) => `${adresse(c, ligneSocle)}+${adresse(c, ligneInitiatives)}`,
      'total',
    ),
  );
  lignes.push([]);
  lignes.push(
    ligneTotaux(
      libelles.totalControle,
      totaux.controle.ligne,
      (c) => sommePlages(c, lignesActions),
      'sous-total',
    ),
  );

  return {
    nom: nomFeuille(nature, exercice),
    largeurs: [42, 36, 10, 42, ...colonnes.map(() => 17)],
    lignes,
    fusions,
    ligneEntete: LIGNE_ENTETE + 1,
    colonnesFigees: PREMIERE_COLONNE_MONTANT,
    paysage: true,
  };
}
