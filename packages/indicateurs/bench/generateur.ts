import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { jourDe, lireMois } from './calendrier.ts';
import { simulerPersonne } from './parcours.ts';
import { creerAleatoire } from './prng.ts';

/**
 * Générateur de jeux de données synthétiques au format parcours v1 (shared/specs/parcours-rsa-v1.md § 1) :
 * `situations_mensuelles.csv` et `evenements.csv` (UTF-8, séparateur `,`, en-tête, dates ISO), écrits en flux
 * (par paquets de personnes, en respectant la contre-pression du disque : jamais le fichier entier en mémoire).
 * Reproductible : même graine et même nombre de personnes ⇒ mêmes fichiers, octet pour octet.
 */
export interface OptionsGeneration {
  readonly personnes: number;
  readonly graine: number;
  readonly sortie: string;
  /** Historique mensuel, « AAAA-MM » (défaut 2020-07 → 2023-12 : 3 ans et demi, P = 2023). */
  readonly premierMois?: string;
  readonly dernierMois?: string;
  /** Aucun événement après cette date (défaut 2024-03-31). */
  readonly dateExtraction?: string;
}

export interface BilanGeneration {
  readonly personnes: number;
  readonly lignesSituations: number;
  readonly lignesEvenements: number;
  readonly fichierSituations: string;
  readonly fichierEvenements: string;
}

export const EN_TETE_SITUATIONS = 'id_personne,mois,droit_versable,soumis_droits_devoirs,etat_droit\n';
export const EN_TETE_EVENEMENTS =
  'id_personne,type,date,organisme,parcours,dispositif,statut,conseiller,motif\n';

/** Taille d'un paquet écrit d'un coup (≈ 1 Mo de texte). */
const PERSONNES_PAR_PAQUET = 2_000;

async function ecrire(flux: WriteStream, texte: string): Promise<void> {
  if (!flux.write(texte)) await once(flux, 'drain');
}

async function fermer(flux: WriteStream): Promise<void> {
  flux.end();
  await once(flux, 'finish');
}

function lireDate(texte: string): number {
  const [a, m, j] = texte.split('-').map(Number);
  if (a === undefined || m === undefined || j === undefined) throw new Error(`date illisible « ${texte} »`);
  return jourDe(a, m, j);
}

export function identifiantPersonne(index: number): string {
  return `P${String(index + 1).padStart(8, '0')}`;
}

export async function genererJeu(options: OptionsGeneration): Promise<BilanGeneration> {
  if (!Number.isInteger(options.personnes) || options.personnes < 1) {
    throw new Error(`nombre de personnes invalide : ${String(options.personnes)}`);
  }
  const config = {
    premierMois: lireMois(options.premierMois ?? '2020-07'),
    dernierMois: lireMois(options.dernierMois ?? '2023-12'),
    dateExtraction: lireDate(options.dateExtraction ?? '2024-03-31'),
    nbConseillers: Math.max(5, Math.round(options.personnes / 1_000)),
  };
  await mkdir(options.sortie, { recursive: true });
  const fichierSituations = join(options.sortie, 'situations_mensuelles.csv');
  const fichierEvenements = join(options.sortie, 'evenements.csv');
  const situations = createWriteStream(fichierSituations, { encoding: 'utf8' });
  const evenements = createWriteStream(fichierEvenements, { encoding: 'utf8' });
  const alea = creerAleatoire(options.graine);
  let lignesSituations = 0;
  let lignesEvenements = 0;
  try {
    await ecrire(situations, EN_TETE_SITUATIONS);
    await ecrire(evenements, EN_TETE_EVENEMENTS);
    for (let debut = 0; debut < options.personnes; debut += PERSONNES_PAR_PAQUET) {
      const fin = Math.min(options.personnes, debut + PERSONNES_PAR_PAQUET);
      const paquetSituations: string[] = [];
      const paquetEvenements: string[] = [];
      for (let i = debut; i < fin; i++) {
        const personne = simulerPersonne(alea, identifiantPersonne(i), config);
        paquetSituations.push(personne.situations);
        paquetEvenements.push(personne.evenements);
        lignesSituations += personne.nbSituations;
        lignesEvenements += personne.nbEvenements;
      }
      await ecrire(situations, paquetSituations.join(''));
      await ecrire(evenements, paquetEvenements.join(''));
    }
  } finally {
    await Promise.all([fermer(situations), fermer(evenements)]);
  }
  return {
    personnes: options.personnes,
    lignesSituations,
    lignesEvenements,
    fichierSituations,
    fichierEvenements,
  };
}
