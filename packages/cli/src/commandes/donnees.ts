/**
 * `jalon donnees` : des données réelles d'un département au format d'échange (issue 7) — flux CAF/MSA VRSB0801,
 * exports convertis par un profil de correspondance (dont RDV-Insertion), indicateurs du volet 3 (format v1.1).
 * Documentation : docs/donnees-reelles.md, docs/indicateurs-volet3.md.
 */
import { readFile, readdir, stat, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { calculerIndicateurs, formaterErreurLigne, ErreurLecture, lireCle } from '@jalon/indicateurs';
import { ErreurFluxCaf, importerFluxCaf } from '@jalon/indicateurs/caf';
import {
  convertirExport,
  ErreurProfil,
  lireDonneesV11,
  PROFILS_INTEGRES,
  validerProfil,
  type Profil,
} from '@jalon/indicateurs/profils';
import { calculerVolet3, CODES_VOLET3, expliquerVolet3, type CodeVolet3 } from '@jalon/indicateurs/volet3';
import { SORTIE, type Io } from '../io.ts';

export const AIDE_DONNEES = `Usage :
  jalon donnees caf --entree <flux.xml|dossier> [--entree …] --sortie <dossier> --cle <fichier-clé>
      Importe des flux CAF/MSA « bénéficiaires » VRSB0801 (mensuels M, quotidiens I), validés contre le XSD,
      appliqués dans l'ordre chronologique à l'historique gardé dans <dossier>/caf/ ; écrit
      situations_mensuelles.csv et les événements ouverture_droit / reception_notification. Personnes
      pseudonymisées (HMAC des 13 premiers caractères du NIR) : ni NIR, ni nom, ni adresse n'est écrit.
  jalon donnees convertir --profil <profil.json|rdv-insertion> --entree <export.csv|.xlsx>
                          (--sortie <dossier> | --apercu [n]) [--cle <fichier-clé>]
      Convertit un export par un profil de correspondance (jalon.profil/1). --apercu : n premières lignes
      produites (10 par défaut) et toutes les lignes rejetées avec leur raison, sans rien écrire.
  jalon donnees profil rdv-insertion
      Affiche le profil intégré (à copier et adapter).
  jalon donnees volet3 --donnees <dossier|archive.zip> --annee <AAAA> [--expliquer <code>] [--lignes-valides]
      Indicateurs v1 et du volet 3 France Travail (format v1.1), en JSON.
  Codes de sortie : 0 réussi, 1 lignes invalides ou rejetées (sans --lignes-valides), 2 entrée illisible.
  Documentation : docs/donnees-reelles.md, docs/indicateurs-volet3.md
`;

class ErreurOptionDonnees extends Error {}

function erreur(io: Io, message: string): number {
  io.stderr.write(`${message}\n`);
  return SORTIE.ENTREE_ILLISIBLE;
}

async function chargerCle(io: Io, chemin: string | undefined): Promise<Buffer | null> {
  if (chemin === undefined) return null;
  let texte: string;
  try {
    texte = await readFile(resolve(io.cwd, chemin), 'utf8');
  } catch {
    throw new ErreurOptionDonnees(
      `Fichier-clé « ${chemin} » illisible. Créez-en un avec « jalon pseudonymiser --generer-cle <fichier> ».`,
    );
  }
  const cle = lireCle(texte);
  if (cle === null)
    throw new ErreurOptionDonnees(
      `Fichier-clé « ${chemin} » invalide : 64 caractères hexadécimaux attendus.`,
    );
  return cle;
}

async function fichiersXml(io: Io, entrees: readonly string[]): Promise<string[]> {
  const res: string[] = [];
  for (const e of entrees) {
    const chemin = resolve(io.cwd, e);
    let info;
    try {
      info = await stat(chemin);
    } catch {
      throw new ErreurOptionDonnees(`Entrée « ${e} » introuvable.`);
    }
    if (info.isDirectory()) {
      const xml = (await readdir(chemin)).filter((f) => f.toLowerCase().endsWith('.xml')).sort();
      if (xml.length === 0) throw new ErreurOptionDonnees(`Aucun fichier .xml dans « ${e} ».`);
      res.push(...xml.map((f) => join(chemin, f)));
    } else res.push(chemin);
  }
  return res;
}

async function caf(args: string[], io: Io): Promise<number> {
  const { values: v } = parseArgs({
    args,
    options: {
      entree: { type: 'string', multiple: true },
      sortie: { type: 'string' },
      cle: { type: 'string' },
    },
  });
  if (v.entree === undefined || v.sortie === undefined || v.cle === undefined)
    throw new ErreurOptionDonnees('Options « --entree », « --sortie » et « --cle » obligatoires.');
  const cle = await chargerCle(io, v.cle);
  const fichiers = await fichiersXml(io, v.entree);
  const sortie = resolve(io.cwd, v.sortie);
  await mkdir(sortie, { recursive: true });
  const r = await importerFluxCaf({ fichiers, dossierSortie: sortie, cle: cle ?? Buffer.alloc(0) });
  for (const f of r.fluxAppliques)
    io.stderr.write(
      `${f.fichier} : flux ${f.typeFlux} du ${f.dateReference}, ${f.dossiers} dossier(s) appliqué(s).\n`,
    );
  for (const f of r.fluxIgnores) io.stderr.write(`${f.fichier} : ignoré (${f.raison}).\n`);
  for (const a of r.avertissements) io.stderr.write(`Avertissement : ${a}\n`);
  io.stderr.write(
    `${r.personnes} personne(s) dans l'historique ; ${r.situations} situation(s) mensuelle(s) et ${r.evenements} événement(s) CAF écrits dans ${v.sortie}.\n`,
  );
  return SORTIE.OK;
}

async function chargerProfil(io: Io, nom: string): Promise<Profil> {
  const integre = PROFILS_INTEGRES[nom];
  if (integre !== undefined) return integre;
  let texte: string;
  try {
    texte = await readFile(resolve(io.cwd, nom), 'utf8');
  } catch {
    throw new ErreurOptionDonnees(
      `Profil « ${nom} » introuvable (fichier JSON, ou profil intégré : ${Object.keys(PROFILS_INTEGRES).join(', ')}).`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(texte);
  } catch (e) {
    throw new ErreurProfil(`${nom} : JSON invalide (${e instanceof Error ? e.message : String(e)}).`);
  }
  return validerProfil(json, nom);
}

async function convertir(args: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      profil: { type: 'string' },
      entree: { type: 'string' },
      sortie: { type: 'string' },
      cle: { type: 'string' },
      apercu: { type: 'boolean' },
    },
  });
  if (v.profil === undefined || v.entree === undefined)
    throw new ErreurOptionDonnees('Options « --profil » et « --entree » obligatoires.');
  if ((v.sortie === undefined) === (v.apercu !== true))
    throw new ErreurOptionDonnees('Donnez soit « --sortie <dossier> », soit « --apercu [n] ».');
  const n = positionals[0] === undefined ? 10 : Number(positionals[0]);
  if (!Number.isInteger(n) || n < 0)
    throw new ErreurOptionDonnees(`« --apercu ${positionals[0] ?? ''} » : nombre de lignes attendu.`);
  const profil = await chargerProfil(io, v.profil);
  const cle = await chargerCle(io, v.cle);
  const sortie = v.sortie === undefined ? undefined : resolve(io.cwd, v.sortie);
  if (sortie !== undefined) await mkdir(sortie, { recursive: true });
  const r = await convertirExport({
    profil,
    entree: resolve(io.cwd, v.entree),
    cle,
    apercu: v.apercu === true ? n : 0,
    ...(sortie === undefined ? {} : { dossierSortie: sortie }),
  });
  if (v.apercu === true) {
    const colonnes = r.colonnes.filter((c) => r.apercu.some((l) => (l[c] ?? '') !== ''));
    io.stdout.write(`Aperçu (${r.apercu.length} première(s) ligne(s) produite(s) sur ${r.produites}) :\n`);
    io.stdout.write(`${colonnes.join(';')}\n`);
    for (const l of r.apercu) io.stdout.write(`${colonnes.map((c) => l[c] ?? '').join(';')}\n`);
  }
  const rejets = r.rejets;
  if (rejets.length > 0) io.stdout.write(`Lignes rejetées (${rejets.length}) :\n`);
  for (const j of rejets)
    io.stdout.write(
      `  ${formaterErreurLigne({ fichier: v.entree, ligne: j.ligne, colonne: j.colonne, raison: j.raison })}\n`,
    );
  io.stderr.write(
    `${r.lues} ligne(s) lue(s), ${r.produites} ligne(s) produite(s), ${rejets.length} rejetée(s)${r.fichierEcrit === null ? ' (aperçu : rien n’est écrit)' : ` → ${r.fichierEcrit}`}.\n`,
  );
  return rejets.length > 0 ? SORTIE.ECHEC_METIER : SORTIE.OK;
}

async function volet3(args: string[], io: Io): Promise<number> {
  const { values: v } = parseArgs({
    args,
    options: {
      donnees: { type: 'string' },
      annee: { type: 'string' },
      expliquer: { type: 'string' },
      'lignes-valides': { type: 'boolean' },
    },
  });
  if (v.donnees === undefined || v.annee === undefined)
    throw new ErreurOptionDonnees('Options « --donnees » et « --annee » obligatoires.');
  const annee = Number(v.annee);
  if (!Number.isInteger(annee) || annee < 2000 || annee > 2100)
    throw new ErreurOptionDonnees(`Année « ${v.annee} » invalide (AAAA attendu).`);
  const code = v.expliquer;
  if (code !== undefined && !(CODES_VOLET3 as readonly string[]).includes(code))
    throw new ErreurOptionDonnees(`Indicateur « ${code} » inconnu (attendu : ${CODES_VOLET3.join(', ')}).`);
  const d = await lireDonneesV11(resolve(io.cwd, v.donnees));
  for (const a of d.avertissements) io.stderr.write(`Avertissement : ${a}\n`);
  for (const e of d.lignesInvalides) io.stderr.write(`Ligne invalide : ${formaterErreurLigne(e)}\n`);
  if (d.nombreLignesInvalides > 0 && v['lignes-valides'] !== true) {
    io.stderr.write(
      `${d.nombreLignesInvalides} ligne(s) invalide(s) : calcul arrêté. Corrigez-les ou relancez avec « --lignes-valides ».\n`,
    );
    return SORTIE.ECHEC_METIER;
  }
  if (code !== undefined) {
    for (const l of expliquerVolet3(d.personnesV11(), { annee }, code as CodeVolet3))
      io.stdout.write(`${JSON.stringify(l)}\n`);
    return SORTIE.OK;
  }
  const v1 = calculerIndicateurs(d.personnes(), { annee, cadre: 'france-travail-2024', fenetre: d.fenetre });
  const r = calculerVolet3(d.personnesV11(), { annee });
  io.stdout.write(
    `${JSON.stringify(
      {
        annee,
        format: 'parcours-rsa/1.1',
        empreinte: d.empreinte,
        lignes_ecartees: d.nombreLignesInvalides,
        indicateurs: v1.indicateurs,
        volet3: r.indicateurs,
        volet3_par_parcours: r.parParcours,
        reprises_emploi_par_contrat: r.reprisesParContrat,
        anomalies: v1.anomalies,
      },
      null,
      2,
    )}\n`,
  );
  return SORTIE.OK;
}

const AIDE = new Set(['--aide', '--help', '-h', 'aide']);

/** `jalon donnees <caf|convertir|profil|volet3>` : voir AIDE_DONNEES. */
export async function commandeDonnees(args: string[], io: Io): Promise<number> {
  const [sous, ...reste] = args;
  if (sous === undefined || AIDE.has(sous) || reste.some((a) => AIDE.has(a))) {
    io.stdout.write(AIDE_DONNEES);
    return sous === undefined ? SORTIE.ENTREE_ILLISIBLE : SORTIE.OK;
  }
  try {
    switch (sous) {
      case 'caf':
        return await caf(reste, io);
      case 'convertir':
        return await convertir(reste, io);
      case 'volet3':
        return await volet3(reste, io);
      case 'profil': {
        const p = PROFILS_INTEGRES[reste[0] ?? ''];
        if (p === undefined)
          return erreur(
            io,
            `Profil intégré « ${reste[0] ?? ''} » inconnu (connus : ${Object.keys(PROFILS_INTEGRES).join(', ')}).`,
          );
        io.stdout.write(`${JSON.stringify(p, null, 2)}\n`);
        return SORTIE.OK;
      }
      default:
        return erreur(
          io,
          `Sous-commande inconnue « ${sous} » (attendu : caf, convertir, profil, volet3).\n\n${AIDE_DONNEES}`,
        );
    }
  } catch (e) {
    if (e instanceof ErreurOptionDonnees) return erreur(io, `${e.message}\nVoir « jalon donnees --aide ».`);
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
      return erreur(io, `Option invalide (${e.message}).\nVoir « jalon donnees --aide ».`);
    if (e instanceof ErreurFluxCaf)
      return erreur(io, `Flux CAF/MSA refusé, rien n'a été écrit : ${e.message}`);
    if (e instanceof ErreurProfil) return erreur(io, `Conversion impossible : ${e.message}`);
    if (e instanceof ErreurLecture) return erreur(io, `Entrée illisible : ${e.message}`);
    throw e;
  }
}
