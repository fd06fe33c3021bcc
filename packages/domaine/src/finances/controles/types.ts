import type { ConventionFinanciere } from '../../convention/modele.ts';
import type { CodeControle, Gravite } from '../catalogue-controles.ts';

/** Ce qu'un contrôle constate : les actions concernées (numéros) et le message qui dit quoi corriger. */
export interface Constat {
  readonly actions: readonly string[];
  readonly message: string;
}

/** Un contrôle : lit la convention, rend ses constats dans l'ordre des actions. */
export type Verification = (convention: ConventionFinanciere) => readonly Constat[];

/** Résultat d'un contrôle, forme de sortie (spec convention-v1 § 5). */
export interface ResultatControle {
  readonly code: CodeControle;
  readonly gravite: Gravite;
  readonly actions: readonly string[];
  readonly message: string;
  readonly source: string;
}
