/**
 * Banc d'essai du moteur d'indicateurs (script, pas un test) :
 *   npm run bench:indicateurs [-- --personnes 150000 --graine 1 --annee 2023 --regenerer]
 * 1. génère le jeu synthétique (mis en cache dans .bench/<N>-<graine>/ à la racine, ignoré par git) ;
 * 2. lance `npx jalon indicateurs calculer --donnees <dossier> --annee 2023` en sous-processus (temps réel, pic RSS) ;
 * 3. lance la seconde méthode DuckDB en sous-processus, mesurée de la même façon ;
 * 4. vérifie que les deux méthodes concordent, affiche un tableau et écrit .bench/resultats.json.
 */
import { cpus, totalmem } from 'node:os';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CODES_DUCKDB, type ResultatDuckdb } from './duckdb-indicateurs.ts';
import { genererJeu, type BilanGeneration } from './generateur.ts';
import { mesurer, type Mesure } from './mesure.ts';
import { lireEntierPositif } from './options.ts';

const RACINE = join(import.meta.dirname, '../../..');
const DOSSIER_BANC = join(RACINE, '.bench');

interface Generation extends Omit<BilanGeneration, 'fichierSituations' | 'fichierEvenements'> {
  readonly graine: number;
  readonly dureeMs: number;
}

const nombre = (n: number, decimales = 0): string =>
  n.toLocaleString('fr-FR', { minimumFractionDigits: decimales, maximumFractionDigits: decimales });
const secondes = (ms: number): string => `${nombre(ms / 1000, 1)} s`;
const mio = (octets: number): string => `${nombre(octets / 1024 / 1024, 1)} Mio`;

async function preparerJeu(
  personnes: number,
  graine: number,
  regenerer: boolean,
): Promise<[string, Generation]> {
  const dossier = join(DOSSIER_BANC, `${String(personnes)}-${String(graine)}`);
  const temoin = join(dossier, 'generation.json');
  if (!regenerer) {
    try {
      return [dossier, JSON.parse(await readFile(temoin, 'utf8')) as Generation];
    } catch {
      // pas encore généré (ou génération interrompue : le témoin n'est écrit qu'à la fin)
    }
  }
  process.stdout.write(
    `Génération de ${nombre(personnes)} personnes (graine ${String(graine)}) dans ${dossier}…\n`,
  );
  const debut = performance.now();
  const bilan = await genererJeu({ personnes, graine, sortie: dossier });
  const generation: Generation = {
    personnes,
    graine,
    lignesSituations: bilan.lignesSituations,
    lignesEvenements: bilan.lignesEvenements,
    dureeMs: performance.now() - debut,
  };
  await writeFile(temoin, `${JSON.stringify(generation, null, 2)}\n`);
  return [dossier, generation];
}

function lireJson<T>(mesure: Mesure, quoi: string): T {
  if (mesure.codeSortie !== 0) {
    throw new Error(`${quoi} : code de sortie ${String(mesure.codeSortie)}\n${mesure.stderr.slice(0, 2000)}`);
  }
  try {
    return JSON.parse(mesure.stdout) as T;
  } catch {
    throw new Error(`${quoi} : sortie JSON illisible : ${mesure.stdout.slice(0, 500)}`);
  }
}

async function principal(): Promise<number> {
  const { values } = parseArgs({
    options: {
      personnes: { type: 'string' },
      graine: { type: 'string' },
      annee: { type: 'string' },
      regenerer: { type: 'boolean' },
    },
  });
  const personnes = lireEntierPositif(values.personnes, 'personnes', 150_000);
  const graine = lireEntierPositif(values.graine, 'graine', 1);
  const annee = lireEntierPositif(values.annee, 'annee', 2023);
  await mkdir(DOSSIER_BANC, { recursive: true });
  const [dossier, generation] = await preparerJeu(personnes, graine, values.regenerer === true);
  const tailleSituations = (await stat(join(dossier, 'situations_mensuelles.csv'))).size;
  const tailleEvenements = (await stat(join(dossier, 'evenements.csv'))).size;

  // Coût fixe de démarrage (npx, tsx, chargement des modules), à retrancher pour lire le temps de calcul.
  const mesureDemarrage = await mesurer('npx', ['jalon', 'indicateurs', '--aide'], RACINE);
  process.stdout.write('Moteur : npx jalon indicateurs calculer…\n');
  const argsMoteur = ['jalon', 'indicateurs', 'calculer', '--donnees', dossier, '--annee', String(annee)];
  const mesureMoteur = await mesurer('npx', argsMoteur, RACINE);
  const moteur = lireJson<{ indicateurs: Record<string, number | null> }>(mesureMoteur, 'moteur');

  process.stdout.write('DuckDB : seconde méthode SQL…\n');
  const argsDuckdb = ['tsx', join(import.meta.dirname, 'duckdb-cli.ts'), dossier, String(annee)];
  const mesureDuckdb = await mesurer('npx', argsDuckdb, RACINE);
  const duckdb = lireJson<ResultatDuckdb>(mesureDuckdb, 'DuckDB');

  const ecarts = CODES_DUCKDB.filter(
    (code) => (moteur.indicateurs[code] ?? null) !== duckdb.indicateurs[code],
  );
  const rapport = mesureMoteur.dureeMs / mesureDuckdb.dureeMs;

  const lignes = [
    '',
    `Banc du moteur d'indicateurs — ${nombre(personnes)} personnes, graine ${String(graine)}, année ${String(annee)}`,
    `Machine : ${String(cpus().length)} cœurs, ${mio(totalmem())} de mémoire, Node ${process.version}`,
    `Génération : ${secondes(generation.dureeMs)} (mise en cache dans ${dossier})`,
    '',
    `  fichier                     lignes         taille`,
    `  situations_mensuelles.csv   ${nombre(generation.lignesSituations).padStart(12)}   ${mio(tailleSituations).padStart(11)}`,
    `  evenements.csv              ${nombre(generation.lignesEvenements).padStart(12)}   ${mio(tailleEvenements).padStart(11)}`,
    '',
    `  méthode                                   temps réel   pic mémoire (RSS)`,
    `  moteur (npx jalon indicateurs calculer)   ${secondes(mesureMoteur.dureeMs).padStart(10)}   ${mio(mesureMoteur.picMemoireMio * 1024 * 1024).padStart(12)}`,
    `  DuckDB (npx tsx duckdb-cli.ts)            ${secondes(mesureDuckdb.dureeMs).padStart(10)}   ${mio(mesureDuckdb.picMemoireMio * 1024 * 1024).padStart(12)}`,
    `    dont chargement CSV ${secondes(duckdb.dureeChargementMs)}, requête ${secondes(duckdb.dureeRequeteMs)}`,
    `  démarrage à vide (npx jalon indicateurs --aide) : ${secondes(mesureDemarrage.dureeMs)}`,
    `  rapport moteur / DuckDB (temps réel) : ${nombre(rapport, 2)}`,
    `  mémoire mesurée par ${mesureMoteur.methodeMemoire}`,
    '',
    `  indicateur                                        moteur       DuckDB`,
    ...CODES_DUCKDB.map(
      (code) =>
        `  ${code.padEnd(48)}${String(moteur.indicateurs[code] ?? '—').padStart(8)}${String(
          duckdb.indicateurs[code] ?? '—',
        ).padStart(13)}${ecarts.includes(code) ? '   ÉCART' : ''}`,
    ),
    '',
    ecarts.length === 0
      ? `Les deux méthodes concordent sur les ${String(CODES_DUCKDB.length)} indicateurs.`
      : `ÉCART entre les deux méthodes sur : ${ecarts.join(', ')}.`,
    '',
  ];
  process.stdout.write(lignes.join('\n'));

  const fichierResultats = join(DOSSIER_BANC, 'resultats.json');
  let resultats: Record<string, unknown> = {};
  try {
    resultats = JSON.parse(await readFile(fichierResultats, 'utf8')) as Record<string, unknown>;
  } catch {
    // premier passage
  }
  resultats[`${String(personnes)}-${String(graine)}-${String(annee)}`] = {
    date: new Date().toISOString(),
    machine: { coeurs: cpus().length, memoire_octets: totalmem(), node: process.version },
    jeu: {
      ...generation,
      dossier,
      taille_situations_octets: tailleSituations,
      taille_evenements_octets: tailleEvenements,
    },
    moteur: {
      commande: `npx ${argsMoteur.join(' ')}`,
      duree_ms: Math.round(mesureMoteur.dureeMs),
      pic_memoire_mio: Math.round(mesureMoteur.picMemoireMio),
      indicateurs: moteur.indicateurs,
    },
    duckdb: {
      commande: `npx ${argsDuckdb.join(' ')}`,
      duree_ms: Math.round(mesureDuckdb.dureeMs),
      chargement_ms: Math.round(duckdb.dureeChargementMs),
      requete_ms: Math.round(duckdb.dureeRequeteMs),
      pic_memoire_mio: Math.round(mesureDuckdb.picMemoireMio),
      indicateurs: duckdb.indicateurs,
    },
    demarrage_a_vide_ms: Math.round(mesureDemarrage.dureeMs),
    rapport_moteur_sur_duckdb: Math.round(rapport * 100) / 100,
    methode_memoire: mesureMoteur.methodeMemoire,
    concordance: ecarts.length === 0,
    ecarts,
  };
  await writeFile(fichierResultats, `${JSON.stringify(resultats, null, 2)}\n`);
  process.stdout.write(`Résultats écrits dans ${fichierResultats}\n`);
  return ecarts.length === 0 ? 0 : 1;
}

try {
  process.exitCode = await principal();
} catch (erreur) {
  process.stderr.write(`Banc interrompu : ${(erreur as Error).message}\n`);
  process.exitCode = 2;
}
