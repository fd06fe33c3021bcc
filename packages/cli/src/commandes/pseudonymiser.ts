import { readFile, readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ErreurLecture, genererCle, lireCle, pseudonymiserFichier } from '@jalon/indicateurs';
import { SORTIE, type Io } from '../io.ts';

const AIDE = `Usage :
  jalon pseudonymiser --generer-cle <fichier-clé>
      Crée une clé secrète (32 octets aléatoires, en hexadécimal, fichier en mode 0600).
  jalon pseudonymiser --entree <fichier.csv|dossier> --sortie <dossier> --cle <fichier-clé> [--colonne-id <nom>]
      Remplace la colonne d'identifiant (par défaut id_personne, sinon nir / nss…) par id_personne =
      HMAC-SHA256(clé, identifiant normalisé), 32 caractères hexadécimaux ; retire les colonnes d'identification
      directe (nom, prénom, date de naissance, adresse, téléphone, courriel…). Sortie UTF-8, séparateur « ; ».
  La clé reste au département : sans elle, personne ne peut relier un pseudonyme à une personne.
  Documentation : docs/indicateurs-cli.md
`;

function erreur(io: Io, message: string): number {
  io.stderr.write(`${message}\n`);
  return SORTIE.ENTREE_ILLISIBLE;
}

async function genererFichierCle(io: Io, fichier: string): Promise<number> {
  try {
    // `wx` : ne jamais écraser une clé existante (les pseudonymes déjà produits en dépendent).
    await writeFile(resolve(io.cwd, fichier), `${genererCle()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      return erreur(io, `Le fichier « ${fichier} » existe déjà : une clé n’est jamais écrasée.`);
    return erreur(io, `Impossible d’écrire la clé dans « ${fichier} » (${code ?? String(e)}).`);
  }
  io.stderr.write(
    `Clé écrite dans ${fichier} (lisible par vous seul). Conservez-la au département, hors du dossier d’envoi : ` +
      `la même clé redonne les mêmes pseudonymes d’une année sur l’autre.\n`,
  );
  return SORTIE.OK;
}

/** `jalon pseudonymiser` : voir AIDE. */
export async function commandePseudonymiser(args: string[], io: Io): Promise<number> {
  let v;
  try {
    v = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        entree: { type: 'string' },
        sortie: { type: 'string' },
        cle: { type: 'string' },
        'colonne-id': { type: 'string' },
        'generer-cle': { type: 'string' },
        aide: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    return erreur(io, `Option invalide (${e instanceof Error ? e.message : String(e)}).\n\n${AIDE}`);
  }
  if (v.aide === true || v.help === true) {
    io.stdout.write(AIDE);
    return SORTIE.OK;
  }
  if (v['generer-cle'] !== undefined) return genererFichierCle(io, v['generer-cle']);
  if (v.entree === undefined || v.sortie === undefined || v.cle === undefined) {
    return erreur(io, `Options « --entree », « --sortie » et « --cle » obligatoires.\n\n${AIDE}`);
  }
  let cle: Buffer | null;
  try {
    cle = lireCle(await readFile(resolve(io.cwd, v.cle), 'utf8'));
  } catch {
    return erreur(
      io,
      `Fichier-clé « ${v.cle} » illisible. Créez-en un avec « jalon pseudonymiser --generer-cle <fichier> ».`,
    );
  }
  if (cle === null)
    return erreur(io, `Fichier-clé « ${v.cle} » invalide : 64 caractères hexadécimaux attendus.`);

  // « --colonne-id nir » ou « --colonne-id nir=id_personne ».
  const colonneId = v['colonne-id']?.split('=')[0]?.trim() || undefined;
  const entree = resolve(io.cwd, v.entree);
  const sortie = resolve(io.cwd, v.sortie);
  let fichiers: string[];
  try {
    const info = await stat(entree);
    if (info.isDirectory()) {
      fichiers = (await readdir(entree))
        .filter((f) => f.toLowerCase().endsWith('.csv'))
        .map((f) => join(entree, f));
      if (resolve(entree) === sortie)
        return erreur(io, 'Le dossier de sortie doit différer du dossier d’entrée.');
    } else {
      fichiers = [entree];
    }
  } catch {
    return erreur(io, `Entrée « ${v.entree} » introuvable.`);
  }
  if (fichiers.length === 0) return erreur(io, `Aucun fichier .csv dans « ${v.entree} ».`);
  await mkdir(sortie, { recursive: true });
  for (const f of fichiers) {
    const nom = basename(f);
    const cible = join(sortie, nom);
    if (cible === f) return erreur(io, `« ${nom} » serait écrasé : choisissez un autre dossier de sortie.`);
    try {
      const r = await pseudonymiserFichier(f, cible, nom, cle, colonneId);
      for (const a of r.avertissements.slice(0, 50)) io.stderr.write(`Avertissement : ${a}\n`);
      if (r.avertissements.length > 50)
        io.stderr.write(`… et ${r.avertissements.length - 50} autres avertissements\n`);
      if (r.colonnesRetirees.length > 0) {
        io.stderr.write(
          `Avertissement : ${nom} : colonnes d’identification directe retirées : ${r.colonnesRetirees.map((c) => `« ${c} »`).join(', ')}.\n`,
        );
      }
      io.stderr.write(
        `${nom} : ${r.lignes} ligne(s), colonne « ${r.colonneId} » pseudonymisée en id_personne (lu en ${r.encodage}) → ${cible}\n`,
      );
    } catch (e) {
      if (e instanceof ErreurLecture) return erreur(io, `Entrée illisible : ${e.message}`);
      throw e;
    }
  }
  return SORTIE.OK;
}
