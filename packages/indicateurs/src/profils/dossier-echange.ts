/**
 * Écriture d'un dossier au format d'échange parcours RSA (spec parcours-rsa-v1 § 1, v1.1 pour les colonnes du
 * volet 3). Chaque importeur (flux CAF, profil de correspondance, RDV-Insertion) écrit sa part d'événements dans
 * `sources/evenements-<origine>.csv` ; `evenements.csv` est ensuite réassemblé à partir de toutes les parts, de sorte
 * qu'un import n'efface jamais les événements d'un autre (INT-DONNEES-7). UTF-8, séparateur « ; ».
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const COLONNES_SITUATIONS_ECHANGE = [
  'id_personne',
  'mois',
  'droit_versable',
  'soumis_droits_devoirs',
  'etat_droit',
] as const;

/** Colonnes v1 (spec § 1) puis colonnes ajoutées par la v1.1 (docs/donnees-reelles.md). */
export const COLONNES_EVENEMENTS_V1 = [
  'id_personne',
  'type',
  'date',
  'organisme',
  'parcours',
  'dispositif',
  'statut',
  'conseiller',
  'motif',
] as const;
export const COLONNES_EVENEMENTS_V11_EN_PLUS = [
  'freins',
  'duree_heures',
  'modalite',
  'type_contrat',
  'duree_mois',
] as const;
export const COLONNES_EVENEMENTS_ECHANGE = [...COLONNES_EVENEMENTS_V1, ...COLONNES_EVENEMENTS_V11_EN_PLUS];

/** Une ligne à écrire : ses propriétés portent les noms des colonnes. */
export type LigneEchange = object;

/**
 * Champ CSV : guillemets si séparateur ou guillemet (RFC 4180). Les fins de ligne d'un texte libre (`motif`)
 * deviennent des espaces : une ligne du fichier = un enregistrement, ce qui permet de réassembler les parts ligne
 * à ligne.
 */
export function champCsv(v: unknown): string {
  if (v === null || v === undefined) return '';
  const t = (
    typeof v === 'boolean' ? (v ? 'oui' : 'non') : typeof v === 'string' ? v : JSON.stringify(v)
  ).replace(/[\r\n]+/g, ' ');
  return /[;"]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** Écrit un CSV (en-tête puis lignes) ; fichier temporaire renommé à la fin : jamais de fichier à moitié écrit. */
export async function ecrireCsv(
  chemin: string,
  colonnes: readonly string[],
  lignes: Iterable<LigneEchange>,
): Promise<number> {
  const temporaire = `${chemin}.partiel`;
  const flux = createWriteStream(temporaire);
  let n = 0;
  let tampon: string[] = [`${colonnes.join(';')}\n`];
  const vider = async (): Promise<void> => {
    if (!flux.write(tampon.join(''))) await once(flux, 'drain');
    tampon = [];
  };
  for (const l of lignes) {
    const r = l as Readonly<Record<string, unknown>>;
    tampon.push(`${colonnes.map((c) => champCsv(r[c])).join(';')}\n`);
    n++;
    if (tampon.length >= 4096) await vider();
  }
  await vider();
  flux.end();
  await once(flux, 'close');
  await rename(temporaire, chemin);
  return n;
}

export const DOSSIER_SOURCES = 'sources';

/** Écrit la part d'événements d'une origine (`caf`, `rdv-insertion`, nom du profil…). */
export async function ecrirePartEvenements(
  dossier: string,
  origine: string,
  lignes: Iterable<LigneEchange>,
): Promise<{ chemin: string; lignes: number }> {
  const nom = origine.replace(/[^A-Za-z0-9_-]+/g, '-').toLowerCase();
  await mkdir(join(dossier, DOSSIER_SOURCES), { recursive: true });
  const chemin = join(dossier, DOSSIER_SOURCES, `evenements-${nom}.csv`);
  return { chemin, lignes: await ecrireCsv(chemin, COLONNES_EVENEMENTS_ECHANGE, lignes) };
}

/**
 * Réassemble `evenements.csv` à partir de `sources/evenements-*.csv` (ordre alphabétique des parts). Les colonnes
 * v1.1 ne sont écrites que si une part en remplit une : un dossier sans données du volet 3 reste un fichier v1 pur.
 */
export async function assemblerEvenements(dossier: string): Promise<{ parts: string[]; lignes: number }> {
  const rep = join(dossier, DOSSIER_SOURCES);
  let parts: string[] = [];
  try {
    parts = (await readdir(rep)).filter((f) => /^evenements-.*\.csv$/.test(f)).sort();
  } catch {
    parts = [];
  }
  const lignesDe = async function* (f: string): AsyncGenerator<string> {
    const rl = createInterface({ input: createReadStream(join(rep, f), 'utf8'), crlfDelay: Infinity });
    let entete = true;
    for await (const l of rl) {
      if (entete) {
        entete = false;
        continue;
      }
      if (l !== '') yield l;
    }
  };
  // Première passe : une colonne v1.1 est-elle remplie quelque part ? (les parts sont écrites par ecrireCsv)
  const nV1 = COLONNES_EVENEMENTS_V1.length;
  let v11 = false;
  for (const f of parts) {
    for await (const l of lignesDe(f)) {
      if (
        decouper(l)
          .slice(nV1)
          .some((c) => c !== '')
      ) {
        v11 = true;
        break;
      }
    }
    if (v11) break;
  }
  const colonnes = v11 ? COLONNES_EVENEMENTS_ECHANGE : [...COLONNES_EVENEMENTS_V1];
  const temporaire = join(dossier, 'evenements.csv.partiel');
  const flux = createWriteStream(temporaire);
  flux.write(`${colonnes.join(';')}\n`);
  let n = 0;
  for (const f of parts) {
    for await (const l of lignesDe(f)) {
      const champs = v11 ? l : decouper(l).slice(0, nV1).map(champCsv).join(';');
      if (!flux.write(`${champs}\n`)) await once(flux, 'drain');
      n++;
    }
  }
  flux.end();
  await once(flux, 'close');
  await rename(temporaire, join(dossier, 'evenements.csv'));
  return { parts, lignes: n };
}

/** Découpe une ligne écrite par `champCsv` (séparateur « ; », guillemets doublés). */
export function decouper(ligne: string): string[] {
  const res: string[] = [];
  let i = 0;
  let courant = '';
  let entre = false;
  while (i < ligne.length) {
    const c = ligne[i] ?? '';
    if (entre) {
      if (c === '"' && ligne[i + 1] === '"') {
        courant += '"';
        i++;
      } else if (c === '"') entre = false;
      else courant += c;
    } else if (c === '"') entre = true;
    else if (c === ';') {
      res.push(courant);
      courant = '';
    } else courant += c;
    i++;
  }
  res.push(courant);
  return res;
}
