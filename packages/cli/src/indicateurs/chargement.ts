import { ErreurLecture, formaterErreurLigne, type DonneesLues } from '@jalon/indicateurs';
// Format v1.1 (docs/donnees-reelles.md) : lecture additive, un fichier v1 donne exactement le même résultat.
import { lireDonneesV11 } from '@jalon/indicateurs/profils';
import { SORTIE, type Io } from '../io.ts';
import type { OptionsCommunes } from './options.ts';
import { barreDeProgression } from './progression.ts';
import { chemin } from './sortie.ts';

/** Nombre de lignes invalides détaillées sur stderr. */
const LIGNES_AFFICHEES = 50;

function signalerLignesInvalides(io: Io, d: DonneesLues): void {
  for (const e of d.lignesInvalides.slice(0, LIGNES_AFFICHEES))
    io.stderr.write(`${formaterErreurLigne(e)}\n`);
  const autres = d.nombreLignesInvalides - Math.min(LIGNES_AFFICHEES, d.lignesInvalides.length);
  if (autres > 0) io.stderr.write(`… et ${autres} autres lignes invalides\n`);
}

/**
 * Lit les données et applique la règle des lignes invalides (spec parcours-rsa-v1 § 1) : par défaut, une seule
 * ligne invalide arrête tout (code 1) ; avec `--ignorer-lignes-invalides`, le calcul porte sur les lignes valides.
 * Renvoie les données, ou le code de sortie à rendre.
 */
export async function charger(io: Io, o: OptionsCommunes): Promise<DonneesLues | number> {
  const barre = barreDeProgression(io);
  let d: DonneesLues;
  try {
    d = await lireDonneesV11(chemin(io, o.donnees), barre.suivre ? { progression: barre.suivre } : {});
  } catch (e) {
    barre.finir();
    if (e instanceof ErreurLecture) {
      io.stderr.write(`Entrée illisible : ${e.message}\n`);
      return SORTIE.ENTREE_ILLISIBLE;
    }
    throw e;
  }
  barre.finir();
  for (const a of d.avertissements) io.stderr.write(`Avertissement : ${a}\n`);
  if (d.nombreLignesInvalides > 0) {
    signalerLignesInvalides(io, d);
    if (!o.ignorerLignesInvalides) {
      io.stderr.write(
        `${d.nombreLignesInvalides} ligne(s) invalide(s) : calcul arrêté. Corrigez-les, ou relancez avec ` +
          `« --ignorer-lignes-invalides » pour calculer sur les seules lignes valides.\n`,
      );
      return SORTIE.ECHEC_METIER;
    }
    io.stderr.write(
      `Avertissement : ${d.nombreLignesInvalides} ligne(s) invalide(s) écartée(s) (--ignorer-lignes-invalides) ; ` +
        `le calcul porte sur les lignes valides.\n`,
    );
  }
  return d;
}
