/**
 * CLI du générateur : `tsx packages/indicateurs/bench/generer.ts --personnes N --graine S --sortie DOSSIER`.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { genererJeu } from './generateur.ts';
import { lireEntierPositif } from './options.ts';

const AIDE = `Usage : tsx packages/indicateurs/bench/generer.ts --personnes N [--graine S] --sortie DOSSIER
  --personnes N   nombre de personnes (ex. 150000, 2000000)
  --graine S      graine du générateur pseudo-aléatoire (entier, défaut 1)
  --sortie DIR    dossier où écrire situations_mensuelles.csv et evenements.csv
`;

async function principal(): Promise<number> {
  let valeurs;
  try {
    ({ values: valeurs } = parseArgs({
      options: {
        personnes: { type: 'string' },
        graine: { type: 'string' },
        sortie: { type: 'string' },
        aide: { type: 'boolean' },
      },
    }));
  } catch (erreur) {
    process.stderr.write(`Option invalide : ${(erreur as Error).message}\n${AIDE}`);
    return 2;
  }
  if (valeurs.aide === true) {
    process.stdout.write(AIDE);
    return 0;
  }
  if (valeurs.personnes === undefined || valeurs.sortie === undefined) {
    process.stderr.write(`--personnes et --sortie sont obligatoires.\n${AIDE}`);
    return 2;
  }
  try {
    const debut = performance.now();
    const bilan = await genererJeu({
      personnes: lireEntierPositif(valeurs.personnes, 'personnes', 0),
      graine: lireEntierPositif(valeurs.graine, 'graine', 1),
      sortie: resolve(valeurs.sortie),
    });
    const duree = ((performance.now() - debut) / 1000).toFixed(1);
    process.stdout.write(
      `${bilan.personnes} personnes : ${bilan.lignesSituations} situations mensuelles, ` +
        `${bilan.lignesEvenements} événements, écrits en ${duree} s dans ${resolve(valeurs.sortie)}\n`,
    );
    return 0;
  } catch (erreur) {
    process.stderr.write(`Génération impossible : ${(erreur as Error).message}\n`);
    return 1;
  }
}

process.exitCode = await principal();
