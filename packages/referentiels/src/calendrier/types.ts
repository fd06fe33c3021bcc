import type { Source } from '../source.ts';

/** Régime de conventionnement : année civile, ou année glissante (1er juillet → 30 juin) — 001 · annexe 4. */
export const REGIMES = ['civil', 'glissant'] as const;
export type Regime = (typeof REGIMES)[number];

export const CODES_ECHEANCE = [
  'prenotification_credits',
  'periode_exercice',
  'bilan_partage',
  'diagnostic_territorial',
  'reporting_indicateurs',
  'remise_rapport_execution',
  'note_analyse_commissaire',
  'finalisation_convention',
  'signature_avenant',
  'adoption_convention',
  'transmission_dgcs',
  'bilan_final',
] as const;
export type CodeEcheance = (typeof CODES_ECHEANCE)[number];

interface EcheanceCommune {
  readonly code: CodeEcheance;
  /** Libellé en français, au plus près du texte. */
  readonly libelle: string;
  /** Exercice de la convention auquel l'échéance se rattache. */
  readonly exercice: number;
  /** Régimes concernés. */
  readonly regimes: readonly Regime[];
  readonly source: Source;
}

/** Date limite (« au plus tard le … ») ou période (« entre le … et le … »), dates ISO `AAAA-MM-JJ`. */
export type Echeance = EcheanceCommune &
  (
    | { readonly nature: 'date_limite'; readonly date: string }
    | { readonly nature: 'periode'; readonly debut: string; readonly fin: string }
  );
