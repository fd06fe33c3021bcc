import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { lireJson, serialiserConvention, formaterErreurFormat } from '@jalon/domaine';
import {
  ErreurDocument,
  FORMATS_DOCUMENT,
  TYPES_DOCUMENT,
  formatParDefaut,
  genererDocument,
  importerTableauFinancier,
  type FormatDocument,
  type TypeDocument,
} from '@jalon/documents';
import { lireArguments } from '../arguments.ts';
import { SORTIE, type Io } from '../io.ts';

export const AIDE_DOCUMENTS = `Usage :
  jalon documents <type> --convention <fichier.json> [--contenu <fichier.json>] [--format docx|pdf|xlsx]
                  [--action <numéro>] --sortie <fichier>
  jalon documents importer-tableau <fichier.xlsx> --convention <fichier.json> [--sortie <fichier.json>]

Produit les documents officiels d'une convention jalon.convention/1 aux formats des annexes, ou relit un
tableau financier XLSX rempli (voir docs/documents.md).

Types :
  convention           convention CALPAE 2023 (001 · annexe 7) ou France Travail 2024 (003 · annexe 7)
  avenant              avenant-type 2020 (000 · annexe 7-1)
  fiche-action         une fiche action seule (--action <numéro>)
  rapport-execution    rapport d'exécution CALPAE (001 · annexe 5)
  bilan-final          bilan final France Travail (003 · annexe 7 art. 3.2, annexe 3)
  tableau-financier    tableau financier (001 · annexe 9) ou plan de financement et bilan (France Travail)
  tableau-indicateurs  tableau des indicateurs (001 · annexe 8 ; 003 · annexe 4)

Options :
  --convention <f>   document jalon.convention/1 (obligatoire)
  --contenu <f>      textes que le format ne porte pas : noms, signataires, fiches, bilans, indicateurs
  --format <f>       docx (textes, par défaut), xlsx (tableaux, par défaut) ou pdf (par LibreOffice)
  --action <n>       numéro de l'action (fiche-action)
  --sortie <f>       fichier produit (obligatoire pour un document ; importer-tableau : sortie standard sinon)
  --aide             affiche cette aide

Code de sortie : 0 si le fichier est produit ; 2 si une entrée est introuvable, illisible ou hors format,
ou si le tableau relu comporte une erreur (rien n'est alors écrit).
`;

type Lecture = { ok: true; valeur: unknown } | { ok: false; message: string };

async function lireOctets(
  chemin: string,
  nom: string,
): Promise<{ ok: true; octets: Buffer } | { ok: false; message: string }> {
  try {
    return { ok: true, octets: await readFile(chemin) };
  } catch (erreur) {
    const code = (erreur as NodeJS.ErrnoException).code;
    const raison =
      code === 'ENOENT'
        ? 'fichier introuvable'
        : code === 'EISDIR'
          ? 'c’est un dossier, pas un fichier'
          : code === 'EACCES'
            ? 'lecture non autorisée'
            : `lecture impossible (${erreur instanceof Error ? erreur.message : String(erreur)})`;
    return { ok: false, message: `${nom} : ${raison}.` };
  }
}

async function lireJsonFichier(chemin: string, nom: string): Promise<Lecture> {
  const lu = await lireOctets(chemin, nom);
  if (!lu.ok) return lu;
  const json = lireJson(lu.octets.toString('utf8').replace(/^\uFEFF/u, ''));
  if (!json.ok) return { ok: false, message: `${nom} : ${formaterErreurFormat(json.erreur)}` };
  return { ok: true, valeur: json.valeur };
}

function erreurUsage(io: Io, message: string): number {
  io.stderr.write(`${message}\n\n${AIDE_DOCUMENTS}`);
  return SORTIE.ENTREE_ILLISIBLE;
}

async function ecrireSortie(io: Io, chemin: string, octets: Uint8Array | string): Promise<number> {
  try {
    await writeFile(resolve(io.cwd, chemin), octets);
    return SORTIE.OK;
  } catch (erreur) {
    io.stderr.write(
      `${chemin} : écriture impossible (${erreur instanceof Error ? erreur.message : String(erreur)}).\n`,
    );
    return SORTIE.ENTREE_ILLISIBLE;
  }
}

/** `jalon documents importer-tableau <fichier.xlsx> --convention <fichier.json> [--sortie <fichier.json>]`. */
async function importerTableau(
  io: Io,
  fichier: string,
  convention: string,
  sortie: string | undefined,
): Promise<number> {
  const classeur = await lireOctets(resolve(io.cwd, fichier), fichier);
  if (!classeur.ok) return (io.stderr.write(`${classeur.message}\n`), SORTIE.ENTREE_ILLISIBLE);
  const brut = await lireJsonFichier(resolve(io.cwd, convention), convention);
  if (!brut.ok) return (io.stderr.write(`${brut.message}\n`), SORTIE.ENTREE_ILLISIBLE);
  const resultat = await importerTableauFinancier(classeur.octets, brut.valeur);
  if (!resultat.ok) {
    io.stderr.write(
      `Tableau financier non relu (${resultat.erreurs.length} erreur(s)) ; rien n'a été écrit :\n${resultat.erreurs.map((e) => `${fichier} : ${e}\n`).join('')}`,
    );
    return SORTIE.ENTREE_ILLISIBLE;
  }
  const texte = serialiserConvention(resultat.document);
  if (sortie === undefined) {
    io.stdout.write(texte);
    return SORTIE.OK;
  }
  const code = await ecrireSortie(io, sortie, texte);
  if (code === SORTIE.OK) io.stderr.write(`Convention mise à jour écrite dans ${sortie}.\n`);
  return code;
}

/** `jalon documents …` (issue 5). */
export async function commandeDocuments(args: string[], io: Io): Promise<number> {
  const lus = lireArguments(args, {
    convention: { type: 'string' },
    contenu: { type: 'string' },
    format: { type: 'string' },
    action: { type: 'string' },
    sortie: { type: 'string' },
  });
  if (!lus.ok) return erreurUsage(io, lus.message);
  if (lus.aide) {
    io.stdout.write(AIDE_DOCUMENTS);
    return SORTIE.OK;
  }
  const valeurs = lus.valeurs;
  const positionnels = lus.positionnels;
  const texte = (cle: string): string | undefined =>
    typeof valeurs[cle] === 'string' ? (valeurs[cle] as string) : undefined;
  const [type, ...reste] = positionnels;
  if (type === undefined) return erreurUsage(io, 'Type de document manquant.');
  const convention = texte('convention');
  if (convention === undefined) return erreurUsage(io, 'Option --convention <fichier.json> obligatoire.');

  if (type === 'importer-tableau') {
    const [fichier, ...trop] = reste;
    if (fichier === undefined) return erreurUsage(io, 'Fichier XLSX à relire manquant.');
    if (trop.length > 0) return erreurUsage(io, `Argument(s) en trop : ${trop.join(' ')}.`);
    return importerTableau(io, fichier, convention, texte('sortie'));
  }
  if (!TYPES_DOCUMENT.includes(type as TypeDocument)) {
    return erreurUsage(
      io,
      `Type de document « ${type} » inconnu : ${TYPES_DOCUMENT.join(', ')} ou importer-tableau.`,
    );
  }
  if (reste.length > 0) return erreurUsage(io, `Argument(s) en trop : ${reste.join(' ')}.`);
  const typeDocument = type as TypeDocument;
  const format = texte('format') ?? formatParDefaut(typeDocument);
  if (!FORMATS_DOCUMENT.includes(format as FormatDocument)) {
    return erreurUsage(io, `Format « ${format} » inconnu : docx, pdf ou xlsx.`);
  }
  const sortie = texte('sortie');
  if (sortie === undefined) return erreurUsage(io, 'Option --sortie <fichier> obligatoire.');
  const action = texte('action');
  if (typeDocument === 'fiche-action' && action === undefined)
    return erreurUsage(io, 'Option --action <numéro> obligatoire pour une fiche action.');

  const brut = await lireJsonFichier(resolve(io.cwd, convention), convention);
  if (!brut.ok) return (io.stderr.write(`${brut.message}\n`), SORTIE.ENTREE_ILLISIBLE);
  const cheminContenu = texte('contenu');
  let contenu: unknown;
  if (cheminContenu !== undefined) {
    const lu = await lireJsonFichier(resolve(io.cwd, cheminContenu), cheminContenu);
    if (!lu.ok) return (io.stderr.write(`${lu.message}\n`), SORTIE.ENTREE_ILLISIBLE);
    contenu = lu.valeur;
  }
  try {
    const produit = await genererDocument({
      type: typeDocument,
      format: format as FormatDocument,
      convention: brut.valeur,
      ...(contenu === undefined ? {} : { contenu }),
      ...(action === undefined ? {} : { action }),
    });
    const code = await ecrireSortie(io, sortie, produit.octets);
    if (code === SORTIE.OK)
      io.stderr.write(`Document « ${typeDocument} » (${produit.format}) écrit dans ${sortie}.\n`);
    return code;
  } catch (erreur) {
    if (erreur instanceof ErreurDocument) {
      io.stderr.write(`${erreur.message}\n`);
      return SORTIE.ENTREE_ILLISIBLE;
    }
    throw erreur;
  }
}
