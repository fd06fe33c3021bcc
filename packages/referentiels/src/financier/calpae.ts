import { formaterCodeChorus, libelleChorus } from '../chorus/chorus.ts';
import type { ReferentielChorus } from '../chorus/types.ts';
import type { Mesure } from '../cadres/types.ts';
import {
  COLONNES_A_F_EXECUTION,
  COLONNES_DESCRIPTIVES,
  COLONNES_EXECUTION,
  COLONNES_PREVISIONNEL,
  INTITULE_EXECUTION,
  INTITULE_PREVISIONNEL,
  LIBELLES_TOTAUX_EXECUTION,
  LIBELLES_TOTAUX_PREVISIONNEL,
  SOUS_TITRE_EXECUTION,
  SOUS_TITRE_PREVISIONNEL,
  THEMES_EXECUTION,
  THEMES_PREVISIONNEL,
  TITRE_EXECUTION,
  TITRE_PREVISIONNEL,
} from './calpae-annexe9.ts';
import type { ModelesFinanciers, TableauFinancierCalpae, ThemeTableau } from './types.ts';

export interface ParametresModelesCalpae {
  readonly mesures: readonly Mesure[];
  /** Référentiel Chorus du texte du cadre, pour libeller les lignes ajoutées. */
  readonly referentiel: ReferentielChorus;
  /** Le texte du cadre donne-t-il ce tableau lui-même (sinon on reprend le modèle de 001 · annexe 9) ? */
  readonly officiels: { readonly previsionnel: boolean; readonly execution: boolean };
}

/**
 * Thèmes d'un tableau pour un cadre : ceux du modèle officiel dont la mesure est au cadre, dans l'ordre du
 * modèle ; puis, juste avant les initiatives, une ligne pour chaque mesure socle du cadre absente du modèle
 * (numérique, sorties de l'ASE, petite enfance) — INT-REFERENTIELS-4. Rien n'est écarté en silence.
 */
function themesDuCadre(
  modele: readonly ThemeTableau[],
  { mesures, referentiel }: ParametresModelesCalpae,
): ThemeTableau[] {
  const codes = new Set(mesures.map((mesure) => mesure.code));
  const retenus = modele.filter((theme) => codes.has(theme.mesure));
  const presents = new Set(retenus.map((theme) => theme.mesure));
  const ajoutes: ThemeTableau[] = mesures
    .filter((mesure) => mesure.nature === 'socle' && !presents.has(mesure.code))
    .map((mesure) => {
      const code = mesure.codeChorus;
      if (code === undefined) {
        throw new Error(
          `La mesure CALPAE « ${mesure.code} » n'a pas de code Chorus : impossible de la placer à l'annexe 9.`,
        );
      }
      const description = libelleChorus(code, referentiel);
      if (description === undefined) {
        throw new Error(
          `Le code Chorus ${code} de la mesure « ${mesure.code} » est absent du référentiel ${referentiel.code}.`,
        );
      }
      return {
        mesure: mesure.code,
        theme: mesure.libelle,
        imputationChorus: `${formaterCodeChorus(code)} - ${description}`,
        codeChorus: code,
        nature: 'socle',
        officiel: false,
        source: `${mesure.source} ; ligne ajoutée au modèle de 001 · annexe 9 (INT-REFERENTIELS-4)`,
      };
    });
  const socle = retenus.filter((theme) => theme.nature === 'socle');
  const initiatives = retenus.filter((theme) => theme.nature === 'initiative');
  return [...socle, ...ajoutes, ...initiatives];
}

const sourceTableau = (officiel: boolean, source: string): string =>
  officiel ? source : `${source} (modèle repris faute de modèle dans le texte du cadre, INT-REFERENTIELS-3)`;

export function modelesFinanciersCalpae(parametres: ParametresModelesCalpae): ModelesFinanciers {
  const previsionnel: TableauFinancierCalpae = {
    nature: 'previsionnel',
    titre: TITRE_PREVISIONNEL,
    sousTitre: SOUS_TITRE_PREVISIONNEL,
    intitule: INTITULE_PREVISIONNEL,
    colonnesDescriptives: COLONNES_DESCRIPTIVES,
    colonnesPrevisionnel: COLONNES_PREVISIONNEL,
    colonnesExecution: [],
    themes: themesDuCadre(THEMES_PREVISIONNEL, parametres),
    libellesTotaux: LIBELLES_TOTAUX_PREVISIONNEL,
    officiel: parametres.officiels.previsionnel,
    source: sourceTableau(parametres.officiels.previsionnel, '001 · annexe 9 (prévisionnel 2023)'),
  };
  const execution: TableauFinancierCalpae = {
    nature: 'execution',
    titre: TITRE_EXECUTION,
    sousTitre: SOUS_TITRE_EXECUTION,
    intitule: INTITULE_EXECUTION,
    colonnesDescriptives: COLONNES_DESCRIPTIVES,
    colonnesPrevisionnel: COLONNES_A_F_EXECUTION,
    colonnesExecution: COLONNES_EXECUTION,
    themes: themesDuCadre(THEMES_EXECUTION, parametres),
    libellesTotaux: LIBELLES_TOTAUX_EXECUTION,
    officiel: parametres.officiels.execution,
    source: sourceTableau(parametres.officiels.execution, '001 · annexe 9 (exécution budgétaire 2022)'),
  };
  return { famille: 'calpae', previsionnel, execution };
}
