import { SORTIE, type Io } from '../io.ts';

// Provisoire : remplacé par l'implémentation de la commande « indicateurs ».
export async function commandeIndicateurs(_args: string[], io: Io): Promise<number> {
  io.stderr.write('Commande « indicateurs » pas encore disponible.\n');
  return SORTIE.ENTREE_ILLISIBLE;
}
