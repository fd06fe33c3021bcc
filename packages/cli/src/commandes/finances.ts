import { SORTIE, type Io } from '../io.ts';

// Provisoire : remplacé par l'implémentation de la commande « finances ».
export async function commandeFinances(_args: string[], io: Io): Promise<number> {
  io.stderr.write('Commande « finances » pas encore disponible.\n');
  return SORTIE.ENTREE_ILLISIBLE;
}
