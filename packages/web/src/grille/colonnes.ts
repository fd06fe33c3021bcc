import type { COLONNES_EXECUTION, COLONNES_PREVISIONNEL } from '@jalon/domaine';
import type { FamilleCadre } from '@jalon/referentiels';

export type ClePrevisionnel = (typeof COLONNES_PREVISIONNEL)[number];
export type CleExecution = (typeof COLONNES_EXECUTION)[number];

/** Identifiant d'une colonne de montants : groupe et clé du format `jalon.convention/1` (spec convention-v1 § 1). */
export type IdColonne =
  `previsionnel.${ClePrevisionnel}` | 'previsionnel.total' | `execution.${CleExecution}`;
/** Colonnes saisissables (F est calculée). */
export type IdSaisie = Exclude<IdColonne, 'previsionnel.total'>;

export interface ColonneGrille {
  readonly id: IdColonne;
  readonly groupe: 'previsionnel' | 'execution';
  /** Lettre de l'annexe 9 (001), s'il y en a une. */
  readonly lettre?: string;
  /** En-tête court, affiché. */
  readonly libelle: string;
  /** Intitulé complet du modèle officiel, donné en description de l'en-tête. */
  readonly intitule: string;
  readonly editable: boolean;
  readonly source: string;
}

const n = (texte: string, exercice: number): string =>
  texte
    .replaceAll('{n-1}', String(exercice - 1))
    .replaceAll('{n+1}', String(exercice + 1))
    .replaceAll('{n}', String(exercice));

/**
 * Colonnes de l'annexe 9 de 001 (« tableau financier récapitulatif » prévisionnel A à F, puis exécution).
 * Intitulés repris du modèle ; les en-têtes courts sont de Jalon. (Le module `financier` de @jalon/referentiels
 * portera ces intitulés officiels : à reprendre dès qu'il est exporté.)
 */
function colonnesCalpae(exercice: number): ColonneGrille[] {
  const source = '001 · annexe 9';
  return [
    {
      id: 'previsionnel.etat',
      groupe: 'previsionnel',
      lettre: 'A',
      libelle: 'Crédits État',
      intitule: n('Participation État notifiée pour la convention {n} (nouveaux crédits État {n})', exercice),
      editable: true,
      source,
    },
    {
      id: 'previsionnel.report_etat',
      groupe: 'previsionnel',
      lettre: 'B',
      libelle: 'Reports État',
      intitule: n('Crédits État {n-1} reportés sur {n} (le cas échéant)', exercice),
      editable: true,
      source,
    },
    {
      id: 'previsionnel.cd',
      groupe: 'previsionnel',
      lettre: 'C',
      libelle: 'Crédits CD',
      intitule: n('Crédits CD affectés pour la convention {n}', exercice),
      editable: true,
      source,
    },
    {
      id: 'previsionnel.valorisation_cd',
      groupe: 'previsionnel',
      libelle: 'dont valorisation',
      intitule: 'Dont valorisation CD',
      editable: true,
      source,
    },
    {
      id: 'previsionnel.report_cd',
      groupe: 'previsionnel',
      lettre: 'D',
      libelle: 'Reports CD',
      intitule: n('Crédits CD {n-1} reportés sur {n} (le cas échéant)', exercice),
      editable: true,
      source,
    },
    {
      id: 'previsionnel.autres',
      groupe: 'previsionnel',
      lettre: 'E',
      libelle: 'Autres financeurs',
      intitule: "Participation d'autres financeurs le cas échéant",
      editable: true,
      source,
    },
    {
      id: 'previsionnel.total',
      groupe: 'previsionnel',
      lettre: 'F',
      libelle: 'Budget global',
      intitule: n("Budget global de l'action prévu en {n} (A+B+C+D+E)", exercice),
      editable: false,
      source,
    },
    {
      id: 'execution.realise',
      groupe: 'execution',
      libelle: 'Réalisé',
      intitule: n('Montant total réalisé au 31/12/{n} ou 30/06/{n+1}', exercice),
      editable: true,
      source,
    },
    {
      id: 'execution.valorisation_cd',
      groupe: 'execution',
      libelle: 'dont valorisation',
      intitule: 'Dont valorisation de dépenses du CD',
      editable: true,
      source,
    },
    {
      id: 'execution.a_reporter_etat',
      groupe: 'execution',
      libelle: 'À reporter État',
      intitule: n('Montant à reporter en {n+1} - Part État', exercice),
      editable: true,
      source,
    },
    {
      id: 'execution.a_reporter_cd',
      groupe: 'execution',
      libelle: 'À reporter CD',
      intitule: n('Montant à reporter en {n+1} - Part CD', exercice),
      editable: true,
      source,
    },
  ];
}

/**
 * France Travail 2024 : mêmes clés du format d'échange (spec convention-v1 § 1), libellés du plan de
 * financement et du bilan financier (003 · annexe 7 art. 4 ; annexe 2), lignes regroupées par volet.
 */
function colonnesFranceTravail(exercice: number): ColonneGrille[] {
  const source = '003 · annexe 2 ; annexe 7 art. 4';
  return [
    {
      id: 'previsionnel.etat',
      groupe: 'previsionnel',
      libelle: 'Crédits État',
      intitule: n('Financement État {n} (programme 102)', exercice),
      editable: true,
      source,
    },
    {
      id: 'previsionnel.report_etat',
      groupe: 'previsionnel',
      libelle: 'Reports État',
      intitule: 'Crédits État reportés (le cas échéant)',
      editable: true,
      source,
    },
    {
      id: 'previsionnel.cd',
      groupe: 'previsionnel',
      libelle: 'Part CD',
      intitule: n('Cofinancement du conseil départemental {n}', exercice),
      editable: true,
      source,
    },
    {
      id: 'previsionnel.valorisation_cd',
      groupe: 'previsionnel',
      libelle: 'dont valorisation',
      intitule: 'Dont valorisation de dépenses du CD',
      editable: true,
      source,
    },
    {
      id: 'previsionnel.report_cd',
      groupe: 'previsionnel',
      libelle: 'Reports CD',
      intitule: 'Crédits CD reportés (le cas échéant)',
      editable: true,
      source,
    },
    {
      id: 'previsionnel.autres',
      groupe: 'previsionnel',
      libelle: 'Autres financeurs',
      intitule: 'Participation d’autres financeurs le cas échéant',
      editable: true,
      source,
    },
    {
      id: 'previsionnel.total',
      groupe: 'previsionnel',
      libelle: 'Coût total',
      intitule: 'Coût total de l’action (somme des financements)',
      editable: false,
      source,
    },
    {
      id: 'execution.realise',
      groupe: 'execution',
      libelle: 'Réalisé',
      intitule: n('Dépenses réalisées au titre de {n}', exercice),
      editable: true,
      source,
    },
    {
      id: 'execution.valorisation_cd',
      groupe: 'execution',
      libelle: 'dont valorisation',
      intitule: 'Dont valorisation de dépenses du CD',
      editable: true,
      source,
    },
    {
      id: 'execution.a_reporter_etat',
      groupe: 'execution',
      libelle: 'À reporter État',
      intitule: 'Montant à reporter - part État',
      editable: true,
      source,
    },
    {
      id: 'execution.a_reporter_cd',
      groupe: 'execution',
      libelle: 'À reporter CD',
      intitule: 'Montant à reporter - part CD',
      editable: true,
      source,
    },
  ];
}

export function colonnesDuCadre(famille: FamilleCadre, exercice: number): ColonneGrille[] {
  return famille === 'calpae' ? colonnesCalpae(exercice) : colonnesFranceTravail(exercice);
}

export const estSaisie = (id: IdColonne): id is IdSaisie => id !== 'previsionnel.total';
