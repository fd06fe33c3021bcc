/**
 * Lecture d'un export JSON data·inclusion : un tableau d'objets (un fichier par modèle, comme `structures.json`
 * et `services.json`), ou un objet `{ "structures": […], "services": […] }` (un jeu en un fichier). Pour un
 * tableau, le modèle se déduit du nom du fichier (« structure » / « service »), sinon de la présence de
 * `structure_id` dans tous les éléments.
 */
import { basename } from 'node:path';
import type { Modele } from '../modele.ts';
import type { LectureBrute, ObjetLu } from './brut.ts';
import { ErreurIllisible } from './erreurs.ts';

function modeleDuTableau(fichier: string, elements: readonly unknown[]): Modele {
  const nom = basename(fichier).toLowerCase();
  if (nom.includes('service')) return 'service';
  if (nom.includes('structure')) return 'structure';
  const tousServices =
    elements.length > 0 && elements.every((e) => typeof e === 'object' && e !== null && 'structure_id' in e);
  return tousServices ? 'service' : 'structure';
}

function objetsDe(fichier: string, modele: Modele, elements: readonly unknown[]): ObjetLu[] {
  return elements.map((e, i) => ({
    modele,
    // Un élément qui n'est pas un objet est gardé tel quel : la normalisation le signale (jamais sauté).
    brut: (typeof e === 'object' && e !== null && !Array.isArray(e) ? e : { __pas_un_objet__: e }) as Record<
      string,
      unknown
    >,
    origine: { fichier, element: i + 1 },
  }));
}

export function lireJson(fichier: string, octets: Buffer): LectureBrute {
  let contenu: unknown;
  const texte = octets.toString('utf8').replace(/^\uFEFF/, '');
  try {
    contenu = JSON.parse(texte);
  } catch (erreur) {
    // Message du moteur en anglais : on le remplace par une raison française située (ligne, colonne).
    const position = /position (\d+)/u.exec(erreur instanceof Error ? erreur.message : '')?.[1];
    const lignes = position === undefined ? undefined : texte.slice(0, Number(position)).split('\n');
    const lieu =
      lignes === undefined ? '' : ` à la ligne ${lignes.length}, colonne ${(lignes.at(-1)?.length ?? 0) + 1}`;
    throw new ErreurIllisible(fichier, `JSON mal formé${lieu} (syntaxe incorrecte ou fichier tronqué)`);
  }
  if (Array.isArray(contenu))
    return { objets: objetsDe(fichier, modeleDuTableau(fichier, contenu), contenu), constats: [] };
  if (typeof contenu === 'object' && contenu !== null) {
    const { structures, services } = contenu as { structures?: unknown; services?: unknown };
    if (Array.isArray(structures) || Array.isArray(services)) {
      return {
        objets: [
          ...objetsDe(fichier, 'structure', Array.isArray(structures) ? structures : []),
          ...objetsDe(fichier, 'service', Array.isArray(services) ? services : []),
        ],
        constats: [],
      };
    }
  }
  throw new ErreurIllisible(
    fichier,
    'un tableau d’objets, ou un objet { "structures": […], "services": […] }, est attendu',
  );
}
