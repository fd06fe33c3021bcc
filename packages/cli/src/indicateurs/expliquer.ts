import { expliquerIndicateur } from '@jalon/indicateurs';
import { SORTIE, type Io } from '../io.ts';
import { charger } from './chargement.ts';
import { BOM, COLONNES_EXPLICATION, ligneExplicationCsv } from './formats.ts';
import type { OptionsExpliquer } from './options.ts';
import { ouvrirSortie } from './sortie.ts';

/** Taille des paquets écrits d'un coup (les explications peuvent compter des millions de lignes). */
const PAQUET = 2000;

/** `jalon indicateurs expliquer` : les lignes d'explication d'un indicateur, en CSV ou en JSON, écrites en flux. */
export async function expliquer(io: Io, o: OptionsExpliquer): Promise<number> {
  const d = await charger(io, o);
  if (typeof d === 'number') return d;
  const lignes = expliquerIndicateur(
    d.personnes(),
    { annee: o.annee, cadre: o.cadre, fenetre: d.fenetre },
    o.indicateur,
    o.personne,
  );
  const sortie = ouvrirSortie(io, o.sortie);
  let paquet: string[] = [];
  let nombre = 0;
  const vider = async (): Promise<void> => {
    if (paquet.length === 0) return;
    await sortie.ecrire(paquet.join(''));
    paquet = [];
  };
  if (o.format === 'csv') {
    paquet.push(`${BOM}${COLONNES_EXPLICATION.join(';')}\r\n`);
    for (const l of lignes) {
      paquet.push(`${ligneExplicationCsv(l)}\r\n`);
      nombre++;
      if (paquet.length >= PAQUET) await vider();
    }
  } else {
    paquet.push('[');
    for (const l of lignes) {
      paquet.push(`${nombre === 0 ? '' : ','}\n  ${JSON.stringify(l)}`);
      nombre++;
      if (paquet.length >= PAQUET) await vider();
    }
    paquet.push(nombre === 0 ? ']\n' : '\n]\n');
  }
  await vider();
  await sortie.fermer();
  if (o.personne !== undefined && nombre === 0) {
    io.stderr.write(
      `Avertissement : la personne « ${o.personne} » n’est considérée pour aucune ligne de cet indicateur.\n`,
    );
  }
  if (o.sortie !== undefined) io.stderr.write(`${nombre} ligne(s) écrite(s) dans ${o.sortie}\n`);
  return SORTIE.OK;
}
