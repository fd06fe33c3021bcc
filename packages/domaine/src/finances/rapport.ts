import { lireConvention } from '../convention/lecture.ts';
import type { ErreurFormat } from '../convention/erreurs-format.ts';
import type { ConventionFinanciere } from '../convention/modele.ts';
import { normaliserConvention } from '../convention/normalisation.ts';
import { COLONNES_EXECUTION } from '../convention/schema.ts';
import { enEuros } from '../montant.ts';
import { controlerConvention } from './controler.ts';
import type { ResultatControle } from './controles/types.ts';
import { COLONNES_LIGNE_PREVISIONNEL, type Ligne } from './lignes.ts';
import { calculerTotaux } from './totaux.ts';

/** Une ligne en euros, forme de sortie (spec convention-v1 § 5). */
export interface LigneEuros {
  readonly previsionnel: Readonly<Record<(typeof COLONNES_LIGNE_PREVISIONNEL)[number], number>>;
  readonly execution: Readonly<Record<(typeof COLONNES_EXECUTION)[number], number>>;
}
type Vide = Readonly<Record<string, never>>;

export interface TotauxSortie {
  readonly actions: Readonly<Record<string, LigneEuros>>;
  readonly mesures: Readonly<Record<string, LigneEuros>>;
  /** CALPAE ; `{}` pour France Travail. */
  readonly socle: LigneEuros | Vide;
  readonly initiatives: LigneEuros | Vide;
  /** France Travail : "1", "2", "3" ; `{}` pour CALPAE. */
  readonly volets: Readonly<Record<string, LigneEuros>>;
  readonly general: LigneEuros;
  readonly controle: LigneEuros & { readonly ecart: boolean };
}

export interface RapportFinancier {
  readonly totaux: TotauxSortie;
  readonly controles: readonly ResultatControle[];
}

function enLigneEuros(ligne: Ligne): LigneEuros {
  return {
    previsionnel: Object.fromEntries(
      COLONNES_LIGNE_PREVISIONNEL.map((colonne) => [colonne, enEuros(ligne.previsionnel[colonne])]),
    ) as LigneEuros['previsionnel'],
    execution: Object.fromEntries(
      COLONNES_EXECUTION.map((colonne) => [colonne, enEuros(ligne.execution[colonne])]),
    ) as LigneEuros['execution'],
  };
}

const enRecord = (lignes: ReadonlyMap<string, Ligne> | undefined): Record<string, LigneEuros> =>
  Object.fromEntries([...(lignes ?? [])].map(([cle, ligne]) => [cle, enLigneEuros(ligne)]));

/** Totaux et contrôles d'une convention déjà normalisée. */
export function rapportFinancier(convention: ConventionFinanciere): RapportFinancier {
  const totaux = calculerTotaux(convention);
  return {
    totaux: {
      actions: enRecord(totaux.actions),
      mesures: enRecord(totaux.mesures),
      socle: totaux.socle === undefined ? {} : enLigneEuros(totaux.socle),
      initiatives: totaux.initiatives === undefined ? {} : enLigneEuros(totaux.initiatives),
      volets: enRecord(totaux.volets),
      general: enLigneEuros(totaux.general),
      controle: { ...enLigneEuros(totaux.controle.ligne), ecart: totaux.controle.ecart },
    },
    controles: controlerConvention(convention),
  };
}

export type AnalyseConvention =
  | { readonly ok: true; readonly convention: ConventionFinanciere; readonly rapport: RapportFinancier }
  | { readonly ok: false; readonly erreurs: readonly ErreurFormat[] };

/** Texte d'un document `jalon.convention/1` → totaux et contrôles, ou erreurs de format. */
export function analyserConvention(texte: string): AnalyseConvention {
  const lecture = lireConvention(texte);
  if (!lecture.ok) return lecture;
  const convention = normaliserConvention(lecture.document);
  return { ok: true, convention, rapport: rapportFinancier(convention) };
}
