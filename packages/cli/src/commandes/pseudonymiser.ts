import { SORTIE, type Io } from '../io.ts';

// Provisoire : remplacé par l'implémentation de la commande « pseudonymiser ».
export async function commandePseudonymiser(_args: string[], io: Io): Promise<number> {
  io.stderr.write('Commande « pseudonymiser » pas encore disponible.\n');
  return SORTIE.ENTREE_ILLISIBLE;
}
