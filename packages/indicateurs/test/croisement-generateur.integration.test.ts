import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lireDonnees } from '@jalon/indicateurs';
import { genererJeu, type BilanGeneration } from '../bench/generateur.ts';
import { mulberry32 } from '../bench/prng.ts';

/**
 * Le générateur du banc : reproductible, lisible sans aucune ligne invalide par la lecture du format parcours v1,
 * et porteur des situations que le croisement et le banc doivent rencontrer (brief du banc : stock, arrivées,
 * suspensions de plus de 12 mois, radiations, ≈ 1/3 d'orientations France Travail, rendez-vous annulés…).
 */
const PERSONNES = 3_000;
let dossier = '';
let bilan: BilanGeneration;
let situations: string[] = [];
let evenements: string[][] = [];

beforeAll(async () => {
  dossier = await mkdtemp(join(tmpdir(), 'jalon-generateur-'));
  bilan = await genererJeu({ personnes: PERSONNES, graine: 42, sortie: join(dossier, 'a') });
  situations = (await readFile(bilan.fichierSituations, 'utf8')).trimEnd().split('\n');
  evenements = (await readFile(bilan.fichierEvenements, 'utf8'))
    .trimEnd()
    .split('\n')
    .map((l) => l.split(','));
});
afterAll(async () => {
  await rm(dossier, { recursive: true, force: true });
});

describe('générateur de parcours synthétiques', () => {
  it('mulberry32 donne, pour la graine 1, les tirages d’une seconde implémentation indépendante', () => {
    // Valeurs obtenues par une réécriture Python de l'algorithme (entiers non signés masqués à 32 bits).
    const suivant = mulberry32(1);
    const tirages = [suivant(), suivant(), suivant()].map((x) => Math.round(x * 4_294_967_296));
    expect(tirages).toEqual([2_693_262_067, 11_749_833, 2_265_367_787]);
  });

  it('même graine ⇒ mêmes octets ; autre graine ⇒ autres fichiers', async () => {
    const bis = await genererJeu({ personnes: PERSONNES, graine: 42, sortie: join(dossier, 'b') });
    const autre = await genererJeu({ personnes: PERSONNES, graine: 43, sortie: join(dossier, 'c') });
    const lire = (f: string): Promise<string> => readFile(f, 'utf8');
    expect(await lire(bis.fichierSituations)).toBe(await lire(bilan.fichierSituations));
    expect(await lire(bis.fichierEvenements)).toBe(await lire(bilan.fichierEvenements));
    expect(await lire(autre.fichierSituations)).not.toBe(await lire(bilan.fichierSituations));
  });

  it('la lecture du format parcours v1 accepte toutes les lignes, et compte ce que le générateur annonce', async () => {
    const donnees = await lireDonnees(join(dossier, 'a'));
    expect(donnees.nombreLignesInvalides).toBe(0);
    expect(donnees.nombreLignes).toEqual({
      situations: bilan.lignesSituations,
      evenements: bilan.lignesEvenements,
    });
    expect(situations.length - 1).toBe(bilan.lignesSituations);
    // 2020-07 → 2023-12 (3 ans et demi)
    expect(donnees.fenetre).toEqual({ premierMois: 2020 * 12 + 6, dernierMois: 2023 * 12 + 11 });
  });

  it('contient un stock, des arrivées, des radiations et des suspensions de plus de 12 mois', () => {
    const parPersonne = new Map<string, string[][]>();
    for (const ligne of situations.slice(1)) {
      const champs = ligne.split(',');
      const id = champs[0] ?? '';
      const lignes = parPersonne.get(id);
      if (lignes === undefined) parPersonne.set(id, [champs]);
      else lignes.push(champs);
    }
    const premiersMois = [...parPersonne.values()].map((l) => l[0]?.[1]);
    const stock = premiersMois.filter((m) => m === '2020-07').length / parPersonne.size;
    expect(stock).toBeGreaterThan(0.3); // modèle : 40 %
    expect(stock).toBeLessThan(0.5);
    const etats = situations.slice(1).map((l) => l.split(',')[4]);
    expect(etats.filter((e) => e === 'radie').length).toBeGreaterThan(0);
    expect(etats.filter((e) => e === 'clos').length).toBeGreaterThan(0);
    // Plus longue suite de mois consécutifs « suspendu » par personne.
    const longues = [...parPersonne.values()].filter((lignes) => {
      let suite = 0;
      let max = 0;
      for (const l of lignes) {
        suite = l[4] === 'suspendu' ? suite + 1 : 0;
        max = Math.max(max, suite);
      }
      return max > 12;
    });
    expect(longues.length).toBeGreaterThan(10);
  });

  it('oriente environ un tiers vers France Travail, avec des rendez-vous annulés ou manqués', () => {
    const orientations = evenements.filter((e) => e[1] === 'orientation');
    const partFt = orientations.filter((e) => e[3] === 'france_travail').length / orientations.length;
    expect(partFt).toBeGreaterThan(0.28); // modèle : 33 %
    expect(partFt).toBeLessThan(0.38);
    const statuts = new Set(evenements.filter((e) => e[1] === 'rdv').map((e) => e[6]));
    expect(statuts).toEqual(new Set(['honore', 'absent', 'annule', 'prevu', '']));
    const types = new Set(evenements.slice(1).map((e) => e[1]));
    expect(types.size).toBe(10); // les 10 types d'événements de la spec § 1
    expect(
      evenements.some((e) => e[1] === 'entree_dispositif' && e[5] === 'accompagnement_global' && e[7] !== ''),
    ).toBe(true);
  });
});
