import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CODES_INDICATEURS,
  calculerIndicateurs,
  lireDonnees,
  type DossierPersonne,
  type Evenement,
  type Indicateurs,
  type ParametresCalcul,
} from '@jalon/indicateurs';
import { jourDe } from '../bench/calendrier.ts';
import { genererJeu } from '../bench/generateur.ts';
import { CODES_DUCKDB, calculerAvecDuckdb, type IndicateursDuckdb } from '../bench/duckdb-indicateurs.ts';
import { ANNEE_CROISEMENT, jeuArb } from '../bench/arbitraires-croisement.ts';
import { ecrirePetitJeu, type PersonneJeu, type SituationJeu } from '../bench/petit-jeu.ts';

/**
 * Croisement de deux méthodes indépendantes (shared/specs/parcours-rsa-v1.md § 2, règles R1–R8 du moteur) : le
 * moteur TypeScript et la requête DuckDB du banc (`bench/duckdb-indicateurs.ts`) doivent donner les mêmes
 * indicateurs sur de petits jeux aléatoires choisis pour piéger les bords (événements le même jour, suspensions de
 * 12 et 13 mois exactement, absences, fin_suivi, réorientations, T0 en début/fin de mois ou un 31).
 */
const ANNEE = ANNEE_CROISEMENT;
/** 30 tirages en CI ; `CROISEMENT_TIRAGES=500` pour une recherche plus longue. */
const TIRAGES = Number(process.env['CROISEMENT_TIRAGES'] ?? 30);
const EXEMPLE_MINI = join(import.meta.dirname, '../../../../shared/specs/exemples/parcours-mini');

let dossierTemporaire = '';
let compteur = 0;
beforeAll(async () => {
  dossierTemporaire = await mkdtemp(join(tmpdir(), 'jalon-croisement-'));
});
afterAll(async () => {
  await rm(dossierTemporaire, { recursive: true, force: true });
});

// ——— Le moteur, nourri directement de dossiers ———

function versDossier(p: PersonneJeu): DossierPersonne {
  return {
    id: p.id,
    situations: p.situations.map((s) => ({
      mois: s.mois,
      droitVersable: s.versable,
      soumisDroitsDevoirs: s.sdd,
      // parcours v1 § 1 : défaut « ouvert » si versable, sinon « suspendu ».
      etatDroit: s.etat ?? (s.versable ? 'ouvert' : 'suspendu'),
    })),
    // Tri stable par jour : à jour égal, l'ordre du fichier (contrat de DossierPersonne).
    evenements: [...p.evenements].sort((a, b) => a.jour - b.jour).map((e) => e as Evenement),
  };
}

function moteur(personnes: readonly PersonneJeu[]): Indicateurs {
  const mois = personnes.flatMap((p) => p.situations.map((s) => s.mois));
  const parametres: ParametresCalcul = {
    annee: ANNEE,
    cadre: 'calpae-2023',
    fenetre: mois.length === 0 ? null : { premierMois: Math.min(...mois), dernierMois: Math.max(...mois) },
  };
  return calculerIndicateurs(personnes.map(versDossier), parametres).indicateurs;
}

/** Le jeu écrit en CSV, puis lu par DuckDB et par la lecture du moteur (`lireDonnees`) sur les mêmes fichiers. */
async function parLesFichiers(
  personnes: readonly PersonneJeu[],
): Promise<{ duckdb: IndicateursDuckdb; lecture: Indicateurs }> {
  const dossier = join(dossierTemporaire, String(++compteur));
  await ecrirePetitJeu(dossier, personnes);
  const duckdb = (await calculerAvecDuckdb(dossier, ANNEE)).indicateurs;
  const donnees = await lireDonnees(dossier);
  if (donnees.nombreLignesInvalides > 0) {
    throw new Error(`jeu invalide pour la lecture : ${JSON.stringify(donnees.lignesInvalides)}`);
  }
  const lecture = calculerIndicateurs(donnees.personnes(), {
    annee: ANNEE,
    cadre: 'calpae-2023',
    fenetre: donnees.fenetre,
  }).indicateurs;
  return { duckdb, lecture };
}

async function duckdb(personnes: readonly PersonneJeu[]): Promise<IndicateursDuckdb> {
  return (await parLesFichiers(personnes)).duckdb;
}

const communs = (i: Partial<Record<string, number | null>>): Record<string, number | null> =>
  Object.fromEntries(CODES_DUCKDB.map((code) => [code, i[code] ?? null]));

describe('croisement moteur TypeScript ↔ DuckDB', () => {
  it('DuckDB retrouve les valeurs calculées à la main de parcours-mini (2022)', async () => {
    const attendu = JSON.parse(await readFile(join(EXEMPLE_MINI, 'attendu-2022.json'), 'utf8')) as {
      indicateurs: Record<string, number | null>;
    };
    const { indicateurs } = await calculerAvecDuckdb(EXEMPLE_MINI, 2022);
    expect(indicateurs).toEqual(communs(attendu.indicateurs));
  });

  it('DuckDB applique la règle de fin de mois et les seuils de 12/13 mois (cas construits à la main)', async () => {
    // T0 le 31/01/2023 : « 1 mois » = avant le 28/02/2023 (fin de mois bornée) — orientée le 27/02 (oui) et le
    // 28/02 (non). Orientée 14 jours après T0 (oui en 15 jours) et 15 jours après (non).
    const entrant = (id: string, orientation: number, t0 = jourDe(2023, 1, 31)): PersonneJeu => ({
      id,
      situations: [{ mois: 2023 * 12, versable: true, sdd: true, etat: 'ouvert' }],
      evenements: [
        { type: 'reception_notification', jour: t0 },
        { type: 'orientation', jour: orientation, organisme: 'departement' },
      ],
    });
    // Orientés en 2021 puis 12 (E) ou 13 (F) mois consécutifs suspendus : seul le suivi de F est clos (R2 c).
    // Présents de 2021-11 à 2023-01, suspendus de `debut` à 2022-12 ; orientés le 30/11/2021.
    const suspendu = (id: string, debut: number): PersonneJeu => ({
      id,
      situations: Array.from({ length: 2023 * 12 - (2021 * 12 + 10) + 1 }, (_, i): SituationJeu => {
        const mois = 2021 * 12 + 10 + i;
        return mois >= debut && mois <= 2022 * 12 + 11
          ? { mois, versable: false, sdd: false, etat: 'suspendu' }
          : { mois, versable: true, sdd: true, etat: 'ouvert' };
      }),
      evenements: [{ type: 'orientation', jour: jourDe(2021, 11, 30), organisme: 'departement' }],
    });
    const jeu = [
      suspendu('E', 2022 * 12), // 2022-01 → 2022-12 : 12 mois
      suspendu('F', 2021 * 12 + 11), // 2021-12 → 2022-12 : 13 mois
      entrant('A', jourDe(2023, 2, 27)),
      entrant('B', jourDe(2023, 2, 28)),
      entrant('C', jourDe(2023, 1, 1) + 14, jourDe(2023, 1, 1)),
      entrant('D', jourDe(2023, 1, 1) + 15, jourDe(2023, 1, 1)),
    ];
    const r = await duckdb(jeu);
    expect(r.nouveaux_entrants).toBe(5); // A, B, C, D et F (E : suivi en cours)
    expect(r.orientes_1_mois).toBe(3); // A, C, D (B hors délai)
    expect(r.orientes_15_jours).toBe(1); // C seulement (A, B : 27 et 28 jours ; D : 15 jours)
  });

  it('le moteur (par la lecture des fichiers, et sur dossiers construits) et DuckDB concordent (propriété)', async () => {
    await fc.assert(
      fc.asyncProperty(jeuArb(25), async (personnes) => {
        const { duckdb: attendu, lecture } = await parLesFichiers(personnes);
        // Lecture + moteur : la chaîne complète de la CLI.
        expect(communs(lecture)).toEqual(communs(attendu));
        // Moteur seul (sans la lecture) : en cas d'écart, dit lequel des deux maillons diverge.
        expect(communs(moteur(personnes))).toEqual(communs(attendu));
      }),
      { numRuns: TIRAGES },
    );
    // Large délai : en cas d'écart, fast-check réduit le contre-exemple (une requête DuckDB par essai).
  }, 600_000);

  it('`npx jalon indicateurs calculer` (sous-processus) et DuckDB concordent sur un jeu du générateur', async () => {
    const dossier = join(dossierTemporaire, 'generateur-800');
    const bilan = await genererJeu({ personnes: 800, graine: 11, sortie: dossier });
    expect(bilan.lignesSituations).toBeGreaterThan(10_000);
    const racine = join(import.meta.dirname, '../../..');
    const { stdout } = await promisify(execFile)(
      'npx',
      ['jalon', 'indicateurs', 'calculer', '--donnees', dossier, '--annee', String(ANNEE)],
      { cwd: racine, maxBuffer: 16 * 1024 * 1024 },
    );
    const cli = JSON.parse(stdout) as { indicateurs: Record<string, number | null>; lignes_ecartees: number };
    const attendu = await calculerAvecDuckdb(dossier, ANNEE);
    expect(cli.lignes_ecartees).toBe(0);
    expect(attendu.indicateurs.nouveaux_entrants).toBeGreaterThan(50); // le jeu n'est pas vide
    expect(communs(cli.indicateurs)).toEqual(communs(attendu.indicateurs));
  });

  it('les deux méthodes couvrent les mêmes codes', () => {
    expect([...CODES_DUCKDB]).toEqual([...CODES_INDICATEURS]);
  });
});
