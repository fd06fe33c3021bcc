import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cellule, Feuille } from '../src/grille/modele.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const lireFixture = (nom: string): unknown =>
  JSON.parse(readFileSync(join(FIXTURES, nom), 'utf8')) as unknown;

/** Case d'une feuille par adresse A1. */
export function caseEn(feuille: Feuille, adresseA1: string): Cellule | undefined {
  const [, lettres = '', ligne = '0'] = /^([A-Z]+)(\d+)$/u.exec(adresseA1) ?? [];
  const colonne = [...lettres].reduce((n, lettre) => n * 26 + lettre.charCodeAt(0) - 64, 0) - 1;
  return feuille.lignes[Number(ligne) - 1]?.[colonne];
}

/**
 * Évaluateur minimal et indépendant des formules produites (`SUM(E6:E7,E9)`, `E7+E9`, `0`), en centimes entiers :
 * seconde méthode pour vérifier que chaque valeur en cache égale sa formule.
 */
export function evaluer(feuille: Feuille, formule: string): number {
  const valeurCase = (adresseA1: string): number => {
    const cellule = caseEn(feuille, adresseA1);
    if (cellule === undefined || cellule.valeur === null) return 0;
    if (cellule.formule !== undefined) return evaluer(feuille, cellule.formule);
    if (typeof cellule.valeur !== 'number') throw new Error(`${adresseA1} n'est pas un nombre`);
    return Math.round(cellule.valeur * 100);
  };
  const terme = (texte: string): number => {
    const plage = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/u.exec(texte);
    if (plage !== null) {
      const [, colonne = '', debut = '0', , fin = '0'] = plage;
      let total = 0;
      for (let l = Number(debut); l <= Number(fin); l += 1) total += valeurCase(`${colonne}${l}`);
      return total;
    }
    if (/^[A-Z]+\d+$/u.test(texte)) return valeurCase(texte);
    if (/^\d+$/u.test(texte)) return Number(texte) * 100;
    throw new Error(`terme inattendu : ${texte}`);
  };
  const somme = /^SUM\((.*)\)$/u.exec(formule);
  if (somme !== null) return (somme[1] ?? '').split(',').reduce((total, t) => total + terme(t), 0);
  return formule.split('+').reduce((total, t) => total + terme(t), 0);
}
