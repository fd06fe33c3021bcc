import type { ResultatControle } from '@jalon/domaine';
import type { IdColonne } from './colonnes.ts';

type CodeControle = ResultatControle['code'];

/**
 * Colonnes où chaque contrôle de la spec (convention-v1 § 3) se montre, sur les lignes des actions qu'il
 * désigne. Une liste vide : le contrôle porte sur l'action entière (mesure, imputation, nature de dépense),
 * il se montre sur l'intitulé. Les contrôles de convention (parité globale, enveloppe…) se montrent aussi
 * sous les totaux.
 */
export const COLONNES_DU_CONTROLE: Readonly<Record<CodeControle, readonly IdColonne[]>> = {
  MONTANT_INVALIDE: [],
  MESURE_INCONNUE: [],
  IMPUTATION_CHORUS: [],
  VALORISATION_SUPERIEURE_CD: ['previsionnel.valorisation_cd', 'previsionnel.cd'],
  PARITE_ACTION: ['previsionnel.etat', 'previsionnel.cd'],
  PARITE_CONVENTION: ['previsionnel.etat', 'previsionnel.cd'],
  VALORISATION_PLAFOND: ['previsionnel.valorisation_cd', 'previsionnel.cd'],
  VALORISATION_JUSTIFIEE: ['previsionnel.valorisation_cd'],
  ENVELOPPE_DEPASSEE: ['previsionnel.etat'],
  ACTION_SANS_DEPENSE: ['previsionnel.etat'],
  NUMERIQUE_PLAFOND: ['previsionnel.etat'],
  FONGIBILITE_ASYMETRIQUE: ['execution.realise'],
  REPORT_AU_DELA_CONVENTION: ['execution.a_reporter_etat', 'execution.a_reporter_cd'],
  COFINANCEMENT_VOLET2: ['previsionnel.cd'],
  FONGIBILITE_VOLETS: ['execution.realise'],
  DEPENSE_INELIGIBLE: [],
};

/** Contrôles qui jugent la convention entière (et pas seulement les actions citées). */
export const CONTROLES_DE_CONVENTION: ReadonlySet<CodeControle> = new Set<CodeControle>([
  'PARITE_CONVENTION',
  'ENVELOPPE_DEPASSEE',
  'NUMERIQUE_PLAFOND',
  'FONGIBILITE_ASYMETRIQUE',
  'COFINANCEMENT_VOLET2',
  'FONGIBILITE_VOLETS',
]);

/** Identifiant HTML stable d'un contrôle affiché (cible d'`aria-describedby`). */
export const idControle = (index: number): string => `controle-${index}`;

export interface ControleIndexe {
  readonly index: number;
  readonly controle: ResultatControle;
}

/** Contrôles qui concernent une cellule (action, colonne) ; `undefined` : la cellule d'intitulé. */
export function controlesDeCellule(
  controles: readonly ResultatControle[],
  numero: string,
  colonne: IdColonne | undefined,
): ControleIndexe[] {
  return controles
    .map((controle, index) => ({ index, controle }))
    .filter(({ controle }) => {
      if (!controle.actions.includes(numero)) return false;
      const colonnes = COLONNES_DU_CONTROLE[controle.code];
      return colonne === undefined ? colonnes.length === 0 : colonnes.includes(colonne);
    });
}
