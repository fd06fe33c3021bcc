/** Pourquoi une transition est refusée ; `message` est la phrase montrée à l'utilisateur, en français. */
export type MotifRefus =
  'transition_inconnue' | 'etat' | 'role' | 'territoire' | 'motif' | 'prerequis' | 'date' | 'deja_fait';

export interface Refus {
  readonly motif: MotifRefus;
  readonly message: string;
  /** Règle qui fonde le refus, quand il y en a une. */
  readonly source?: string;
}
