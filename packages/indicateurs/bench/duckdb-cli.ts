/**
 * Calcul DuckDB en processus séparé, pour que le banc mesure sa mémoire comme celle de la CLI :
 * `tsx packages/indicateurs/bench/duckdb-cli.ts <dossier> <annee>` écrit le résultat JSON sur la sortie standard.
 */
import { calculerAvecDuckdb } from './duckdb-indicateurs.ts';

const [dossier, annee] = process.argv.slice(2);
if (dossier === undefined || annee === undefined || !/^\d{4}$/.test(annee)) {
  process.stderr.write('Usage : tsx packages/indicateurs/bench/duckdb-cli.ts <dossier> <annee>\n');
  process.exitCode = 2;
} else {
  const resultat = await calculerAvecDuckdb(dossier, Number(annee));
  process.stdout.write(`${JSON.stringify(resultat)}\n`);
}
