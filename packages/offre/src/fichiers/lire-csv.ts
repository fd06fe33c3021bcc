/**
 * Lecture d'un export CSV data·inclusion (un fichier par modèle : structures ou services) avec papaparse.
 * Séparateur : virgule ou point-virgule (Excel en français), choisi sur l'en-tête, où aucun nom de champ ne
 * contient l'un ou l'autre. Le modèle se reconnaît à la colonne `structure_id` (services seuls).
 */
import Papa from 'papaparse';
import type { Modele } from '../modele.ts';
import { colonnesInconnues, lireLigne } from '../echange/tabulaire.ts';
import type { LectureBrute } from './brut.ts';
import { decoderTexte } from './encodage.ts';
import { ErreurIllisible } from './erreurs.ts';

export function modeleDeLEntete(entete: readonly string[]): Modele {
  return entete.includes('structure_id') ? 'service' : 'structure';
}

export function lireCsv(fichier: string, octets: Buffer): LectureBrute {
  const { texte } = decoderTexte(octets);
  const premiereLigne = texte.split(/\r?\n/, 1)[0] ?? '';
  const delimiter =
    (premiereLigne.match(/;/g)?.length ?? 0) > (premiereLigne.match(/,/g)?.length ?? 0) ? ';' : ',';
  const lignes: { cellules: string[]; ligne: number }[] = [];
  const constats: LectureBrute['constats'] = [];
  let curseur = 0;
  let ligneCourante = 1;
  Papa.parse<string[]>(texte, {
    delimiter,
    skipEmptyLines: false,
    step(resultat) {
      // Ligne physique de début de l'enregistrement : on compte les fins de ligne déjà consommées.
      const fin = resultat.meta.cursor;
      lignes.push({ cellules: resultat.data, ligne: ligneCourante });
      ligneCourante +=
        (texte.slice(curseur, fin).match(/\n/g)?.length ?? 0) +
        (texte[fin] === '\n' || texte[fin] === '\r' ? 1 : 0);
      curseur = fin;
      if (texte[curseur] === '\r') curseur++;
      if (texte[curseur] === '\n') curseur++;
      for (const e of resultat.errors) {
        constats.push({
          origine: { fichier, ligne: lignes.at(-1)?.ligne ?? 1 },
          modele: undefined,
          champ: '',
          chemin: '',
          code: 'CSV',
          severite: 'erreur',
          message: `CSV mal formé : ${e.message}`,
        });
      }
    },
  });
  const [entete, ...donnees] = lignes;
  if (entete === undefined || entete.cellules.every((c) => c.trim() === '')) {
    throw new ErreurIllisible(fichier, 'fichier vide : une ligne d’en-tête (noms des champs) est attendue');
  }
  const noms = entete.cellules.map((c) => c.trim());
  if (!noms.includes('id')) {
    throw new ErreurIllisible(
      fichier,
      'en-tête sans colonne « id » : est-ce bien un export data·inclusion ?',
    );
  }
  const modele = modeleDeLEntete(noms);
  for (const inconnue of colonnesInconnues(modele, noms)) {
    constats.push({
      origine: { fichier, ligne: 1 },
      modele,
      champ: inconnue,
      chemin: '',
      code: 'CHAMP_INCONNU',
      severite: 'avertissement',
      message: `colonne « ${inconnue} » hors du schéma data·inclusion v1 : non reprise`,
    });
  }
  const objets: LectureBrute['objets'] = [];
  for (const { cellules, ligne } of donnees) {
    if (cellules.every((c) => c.trim() === '')) continue; // ligne blanche : aucune donnée
    const origine = { fichier, ligne };
    if (cellules.length !== noms.length) {
      constats.push({
        origine,
        modele,
        champ: '',
        chemin: '',
        code: 'CSV',
        severite: 'erreur',
        message: `${cellules.length} cellule(s) pour ${noms.length} colonne(s) d’en-tête`,
      });
    }
    const lue = lireLigne(modele, new Map(noms.map((n, i) => [n, cellules[i] ?? ''])));
    for (const e of lue.erreurs) {
      constats.push({
        origine,
        modele,
        champ: e.colonne,
        chemin: `/${e.colonne}`,
        code: 'CELLULE',
        severite: 'erreur',
        message: e.message,
      });
    }
    objets.push({ modele, brut: lue.objet, origine });
  }
  return { objets, constats };
}
