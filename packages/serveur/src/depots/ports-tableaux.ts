import type { Trace } from '@jalon/domaine';

/**
 * Ports de la note d'analyse et des enveloppes (issue 6 § 4 et 5). Implémentés par `kysely/notes.ts` et
 * `kysely/enveloppes.ts`, vérifiés sur PGlite et PostgreSQL par `test/notes.contract.test.ts`.
 */

export interface NoteEnregistree {
  readonly conventionId: number;
  readonly justification: string;
  /** Numéro de la version courante (1, 2…). */
  readonly numero: number;
  readonly redigeePar: string;
  readonly redigeeLe: string;
}

export interface VersionNote {
  readonly numero: number;
  readonly justification: string;
  readonly par: string;
  readonly le: string;
}

export interface DepotNotes {
  trouver(conventionId: number): Promise<NoteEnregistree | undefined>;
  /** Enregistre une nouvelle version (numéro suivant) et la garde dans l'historique ; rend la note. */
  enregistrer(conventionId: number, justification: string, par: string): Promise<NoteEnregistree>;
  versions(conventionId: number): Promise<VersionNote[]>;
  /** Prérequis `note_analyse_redigee` du cycle de vie : une justification non vide enregistrée. */
  redigee(conventionId: number): Promise<Trace | undefined>;
}

export interface EnveloppeEnregistree {
  readonly cadre: string;
  readonly exercice: number;
  readonly montant: number;
  readonly modifieePar: string;
  readonly modifieeLe: string;
  readonly notifications: readonly {
    readonly collectiviteId: string;
    readonly poids: number;
    readonly montant: number;
  }[];
}

export interface DepotEnveloppes {
  trouver(cadre: string, exercice: number): Promise<EnveloppeEnregistree | undefined>;
  /** Remplace l'enveloppe et toutes ses notifications (tout ou rien, dans la transaction de l'appelant). */
  remplacer(enveloppe: Omit<EnveloppeEnregistree, 'modifieeLe'>): Promise<void>;
}
