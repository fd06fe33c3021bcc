import { SORTIE, type Io } from '../io.ts';
import { AIDE_INDICATEURS } from '../indicateurs/aide.ts';
import { calculer } from '../indicateurs/calculer.ts';
import { expliquer } from '../indicateurs/expliquer.ts';
import { ErreurOption, optionsCalculer, optionsExpliquer } from '../indicateurs/options.ts';

const AIDE = new Set(['--aide', '--help', '-h', 'aide']);

/** `jalon indicateurs <calculer|expliquer>` (spec parcours-rsa-v1). */
export async function commandeIndicateurs(args: string[], io: Io): Promise<number> {
  const [sous, ...reste] = args;
  if (sous === undefined || AIDE.has(sous) || reste.some((a) => AIDE.has(a))) {
    io.stdout.write(AIDE_INDICATEURS);
    return sous === undefined ? SORTIE.ENTREE_ILLISIBLE : SORTIE.OK;
  }
  try {
    if (sous === 'calculer') return await calculer(io, optionsCalculer(reste));
    if (sous === 'expliquer') return await expliquer(io, optionsExpliquer(reste));
  } catch (e) {
    if (e instanceof ErreurOption) {
      io.stderr.write(`Option invalide : ${e.message}\nVoir « jalon indicateurs --aide ».\n`);
      return SORTIE.ENTREE_ILLISIBLE;
    }
    throw e;
  }
  io.stderr.write(
    `Sous-commande inconnue « ${sous} » (attendu : calculer, expliquer).\n\n${AIDE_INDICATEURS}`,
  );
  return SORTIE.ENTREE_ILLISIBLE;
}
