import type { Indicateur } from '@jalon/referentiels';
import type { ContexteDocument } from '../contexte.ts';
import type { ValeurIndicateur } from '../contenu/schema.ts';
import { ErreurDocument } from '../erreurs.ts';

/**
 * Tableau des indicateurs (001 · annexe 8 ; France Travail : 003 · annexe 4), données communes au classeur XLSX
 * et aux annexes des documents : une ligne par indicateur du catalogue du cadre (et par déclinaison), groupées par
 * rubrique, avec les valeurs et cibles fournies dans le contenu. Les indicateurs propres aux actions (codes hors
 * catalogue) suivent, sous « Autres indicateurs ».
 */
export interface ColonneIndicateurs {
  readonly entete: string;
  /** Clé lue dans `valeurs` (« 2019 », « 2023-T1 ») ou dans `cibles` (`cible: true`). */
  readonly annee: string;
  readonly cible: boolean;
}

export type LigneIndicateurs =
  | { readonly type: 'section'; readonly libelle: string }
  | {
      readonly type: 'indicateur';
      readonly rubrique: string;
      readonly code: string;
      readonly declinaison: string | undefined;
      readonly libelle: string;
      readonly commentaire: string;
      readonly explication: string;
      readonly unite: ValeurIndicateur['unite'];
      readonly valeurs: readonly (number | null)[];
      readonly action: string | undefined;
    };

export interface TableauIndicateurs {
  readonly titre: string;
  readonly colonnesFixes: readonly string[];
  readonly colonnes: readonly ColonneIndicateurs[];
  readonly lignes: readonly LigneIndicateurs[];
}

/** Sections de l'annexe 8 (001) par mesure. */
const SECTIONS_CALPAE: Readonly<Record<string, string>> = {
  insertion_orientation: '1. Insertion',
  garantie_activite: '1. Insertion',
  mobilite: '1. Insertion',
  numerique_insertion: '1. Insertion',
  formation_travailleurs_sociaux: '2. Accès aux droits et rénovation du travail social',
  premier_accueil_social: '2. Accès aux droits et rénovation du travail social',
  referents_parcours: '2. Accès aux droits et rénovation du travail social',
  maraudes_mixtes: '3. Enfants et jeunes',
  prevention_specialisee: '3. Enfants et jeunes',
};

/** En-têtes exacts de 001 · annexe 8 (convention 2023). */
function colonnesCalpae2023(): ColonneIndicateurs[] {
  return [
    { entete: 'Situation au 31 déc. 2018', annee: '2018', cible: false },
    { entete: 'Résultat atteint en 2019', annee: '2019', cible: false },
    {
      entete: 'Résultat atteint en 2020 et situation au 31 déc.. 2020 pour la mesure mobilité',
      annee: '2020',
      cible: false,
    },
    { entete: 'Résultat atteint en 2021', annee: '2021', cible: false },
    { entete: 'Résultat atteint en 2022 (1/01/2022 au 31/12/22)', annee: '2022', cible: false },
    {
      entete: 'Résultat atteint sur le 1er trimestre 2023 (conventions en année glissante)',
      annee: '2023-T1',
      cible: false,
    },
    { entete: 'Résultat attendu en 2023 (objectif fixé)', annee: '2023', cible: true },
  ];
}

/** Autres cadres : situation de départ, résultats atteints jusqu'à l'exercice, objectif de l'exercice. */
function colonnesGeneriques(premiere: number, exercice: number): ColonneIndicateurs[] {
  const colonnes: ColonneIndicateurs[] = [
    { entete: `Situation au 31 déc. ${premiere}`, annee: String(premiere), cible: false },
  ];
  for (let annee = premiere + 1; annee < exercice; annee += 1) {
    colonnes.push({ entete: `Résultat atteint en ${annee}`, annee: String(annee), cible: false });
  }
  colonnes.push({
    entete: `Résultat attendu en ${exercice} (objectif fixé)`,
    annee: String(exercice),
    cible: true,
  });
  return colonnes;
}

export function colonnesIndicateurs(contexte: ContexteDocument): ColonneIndicateurs[] {
  const { cadre, exercice } = contexte.convention;
  const colonnes =
    cadre.code === 'calpae-2023'
      ? colonnesCalpae2023()
      : colonnesGeneriques(cadre.famille === 'calpae' ? 2018 : exercice - 1, exercice);
  // Résultat de l'exercice même, quand il est fourni (rapport d'exécution) : ajouté après l'objectif.
  const annee = String(exercice);
  if (contexte.contenu.indicateurs.some((valeur) => valeur.valeurs[annee] !== undefined)) {
    colonnes.push({ entete: `Résultat atteint en ${annee}`, annee, cible: false });
  }
  return colonnes;
}

const cle = (code: string, declinaison: string | undefined, action: string | undefined): string =>
  `${code}\u0000${declinaison ?? ''}\u0000${action ?? ''}`;

function sectionDe(indicateur: Indicateur): string | undefined {
  if (indicateur.volet !== undefined) return `Volet ${indicateur.volet}`;
  return indicateur.mesure === undefined ? undefined : SECTIONS_CALPAE[indicateur.mesure];
}

/** Unité d'affichage d'un indicateur du catalogue : taux en pourcentage, délais moyens en jours, sinon nombre. */
export const uniteDuCatalogue = (indicateur: Indicateur): ValeurIndicateur['unite'] =>
  indicateur.nature === 'taux'
    ? 'pourcentage'
    : indicateur.nature === 'moyenne' && indicateur.code.includes('delai')
      ? 'jours'
      : 'nombre';

export function tableauIndicateurs(contexte: ContexteDocument): TableauIndicateurs {
  const { cadre, exercice } = contexte.convention;
  const colonnes = colonnesIndicateurs(contexte);
  const valeurs = new Map<string, ValeurIndicateur>();
  for (const valeur of contexte.contenu.indicateurs) {
    const k = cle(valeur.code, valeur.declinaison, valeur.action);
    if (valeurs.has(k)) {
      throw new ErreurDocument(
        `Indicateur « ${valeur.code} »${valeur.declinaison === undefined ? '' : ` (${valeur.declinaison})`} donné deux fois dans le contenu.`,
      );
    }
    valeurs.set(k, valeur);
  }
  const ligne = (
    rubrique: string,
    code: string,
    libelle: string,
    declinaison: string | undefined,
    action: string | undefined,
    unite: ValeurIndicateur['unite'] = 'nombre',
  ): LigneIndicateurs => {
    const valeur = valeurs.get(cle(code, declinaison, action));
    valeurs.delete(cle(code, declinaison, action));
    return {
      type: 'indicateur',
      rubrique,
      code,
      declinaison,
      libelle,
      commentaire: valeur?.commentaire ?? '',
      explication: valeur?.explication ?? '',
      unite: valeur?.unite ?? unite,
      valeurs: colonnes.map(
        (colonne) => (colonne.cible ? valeur?.cibles[colonne.annee] : valeur?.valeurs[colonne.annee]) ?? null,
      ),
      action,
    };
  };

  const lignes: LigneIndicateurs[] = [];
  let section: string | undefined;
  for (const indicateur of cadre.indicateurs) {
    const suivante = sectionDe(indicateur);
    if (suivante !== undefined && suivante !== section) {
      lignes.push({ type: 'section', libelle: suivante });
      section = suivante;
    }
    const unite = uniteDuCatalogue(indicateur);
    lignes.push(ligne(indicateur.rubrique, indicateur.code, indicateur.libelle, undefined, undefined, unite));
    for (const declinaison of indicateur.declinaisons ?? []) {
      lignes.push(ligne(indicateur.rubrique, indicateur.code, declinaison, declinaison, undefined, unite));
    }
  }
  // Valeurs restantes : indicateurs rattachés à une action ou hors catalogue.
  const restantes = [...valeurs.values()];
  if (restantes.length > 0) lignes.push({ type: 'section', libelle: 'Autres indicateurs (actions)' });
  for (const valeur of restantes) {
    const catalogue = cadre.indicateurs.find((indicateur) => indicateur.code === valeur.code);
    const libelle = valeur.libelle ?? valeur.declinaison ?? catalogue?.libelle;
    if (libelle === undefined) {
      throw new ErreurDocument(
        `Indicateur « ${valeur.code} » inconnu du cadre ${cadre.code} : donnez son « libelle » dans le contenu.`,
      );
    }
    lignes.push(
      ligne(
        valeur.action === undefined ? '' : `Action ${valeur.action}`,
        valeur.code,
        libelle,
        valeur.declinaison,
        valeur.action,
        valeur.unite,
      ),
    );
  }
  return {
    titre:
      cadre.famille === 'calpae'
        ? `ANNEXE 8 - TABLEAU DES INDICATEURS DE LA CONTRACTUALISATION ${exercice}`
        : `Indicateurs de pilotage ${exercice}`,
    colonnesFixes: ['Mesures', 'Indicateurs', 'Commentaires et Eléments de définition'],
    colonnes,
    lignes,
  };
}

/** Valeurs d'un indicateur rattaché à une action (tableaux par action du rapport d'exécution). */
export const indicateursDeLAction = (contexte: ContexteDocument, numero: string): ValeurIndicateur[] =>
  contexte.contenu.indicateurs.filter((valeur) => valeur.action === numero);
