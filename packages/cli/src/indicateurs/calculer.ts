import { calculerIndicateurs } from '@jalon/indicateurs';
import { SORTIE, type Io } from '../io.ts';
import { charger } from './chargement.ts';
import { indicateursOrdonnes, versCsv, versJson, versXlsx, type ResultatCalcul } from './formats.ts';
import type { OptionsCalculer } from './options.ts';
import { chemin, ouvrirSortie } from './sortie.ts';
import { versionMoteur } from './version.ts';

/** `jalon indicateurs calculer` : lecture, calcul, écriture json / csv / xlsx. */
export async function calculer(io: Io, o: OptionsCalculer): Promise<number> {
  const d = await charger(io, o);
  if (typeof d === 'number') return d;
  const moteur = calculerIndicateurs(d.personnes(), { annee: o.annee, cadre: o.cadre, fenetre: d.fenetre });
  const resultat: ResultatCalcul = {
    annee: o.annee,
    cadre: o.cadre,
    indicateurs: indicateursOrdonnes(moteur.indicateurs),
    lignes_ecartees: d.nombreLignesInvalides,
    anomalies: [...moteur.anomalies, ...d.anomaliesLecture],
    provenance: { moteur: versionMoteur(), empreinte: d.empreinte, calcule_le: new Date().toISOString() },
  };
  if (o.format === 'xlsx') {
    await versXlsx(resultat, chemin(io, o.sortie ?? 'indicateurs.xlsx'));
  } else {
    const sortie = ouvrirSortie(io, o.sortie);
    await sortie.ecrire(o.format === 'csv' ? versCsv(resultat) : versJson(resultat));
    await sortie.fermer();
  }
  if (o.sortie !== undefined) io.stderr.write(`Résultat écrit dans ${o.sortie}\n`);
  return SORTIE.OK;
}
