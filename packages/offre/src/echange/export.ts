/**
 * Contenus d'export (purs) : JSON et CSV au format des exports data·inclusion, un fichier par modèle
 * (`structures.*`, `services.*`). JSON : tableau d'objets, tous les champs du schéma (`null` si absents) ; CSV :
 * UTF-8 sans BOM, virgule, en-tête = noms des champs, listes séparées par des virgules (INT-OFFRE-4).
 */
import Papa from 'papaparse';
import type { JeuOffre, Modele } from '../modele.ts';
import { COLONNES } from './colonnes.ts';
import { objetPourExport } from './normaliser.ts';
import { ecrireLigne } from './tabulaire.ts';

export const NOMS_FICHIERS: Readonly<Record<Modele, string>> = {
  structure: 'structures',
  service: 'services',
};

const objetsDu = (jeu: JeuOffre, modele: Modele): readonly Record<string, unknown>[] =>
  (modele === 'structure' ? jeu.structures : jeu.services) as unknown as readonly Record<string, unknown>[];

export function exporterJson(jeu: JeuOffre, modele: Modele): string {
  return `${JSON.stringify(
    objetsDu(jeu, modele).map((o) => objetPourExport(modele, o)),
    null,
    2,
  )}\n`;
}

export function exporterCsv(jeu: JeuOffre, modele: Modele): string {
  const entete = COLONNES[modele].map((c) => c.nom);
  const lignes = objetsDu(jeu, modele).map((o) => ecrireLigne(modele, o));
  return `${Papa.unparse({ fields: entete, data: lignes }, { newline: '\r\n' })}\r\n`;
}
