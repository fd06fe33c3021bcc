import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  analyserManques,
  CODES_DEPARTEMENTS,
  scoreQualite,
  SEUIL_SCORE_DORA,
  tableauEnCsv,
  tableauManques,
  type Tableau,
} from '@jalon/offre';
import {
  chargerTerritoiresCog,
  ecrireOffre,
  ErreurIllisible,
  ExportRefuse,
  formaterConstat,
  lireOffre,
  type FormatOffre,
  type LectureOffre,
} from '@jalon/offre/fichiers';
import { lireArguments } from '../arguments.ts';
import { SORTIE, type Io } from '../io.ts';

export const AIDE_OFFRE = `Usage :
  jalon offre valider <entrée>… [--source <source>] [--mode defaut|valideur] [--date AAAA-MM-JJ] [--format texte|json]
  jalon offre convertir <entrée>… --vers json|csv|xlsx --sortie <chemin> [--source <source>] [--date AAAA-MM-JJ]
  jalon offre manques <entrée>… --departement <code> [--format texte|csv|json] [--sortie <fichier>] [--date AAAA-MM-JJ]

Offre d'insertion au schéma data·inclusion v1 (001 · annexe 1 § 4 ; 003 · annexe 5).
<entrée> : fichier .json, .csv (UTF-8 ou Windows-1252) ou .xlsx (feuilles « Structures » et « Services »,
mise en page du valideur data·inclusion), ou dossier qui en contient (structures.* et services.*).

  valider     schéma JSON officiel, règles hors schéma, codes du COG ; score de qualité des services
  convertir   exporte en JSON ou CSV (dossier : structures.* et services.*) ou XLSX (fichier) ;
              ids publiés « <source>--<id local> » ; rien n'est écrit si les données sont invalides
  manques     services par catégorie de thématiques et par zone, freins (mobilité, garde d'enfants /
              famille, santé, logement) sans réponse, offres intensives (vers 15 h par semaine)

Options :
  --source <s>          source (producteur) des objets qui n'en ont pas (mise en page valideur)
  --mode valideur       comme le valideur data·inclusion : un nom finissant par « . » est une erreur
  --date AAAA-MM-JJ     date du jour pour date_maj et le score (par défaut : aujourd'hui)
  --aide                affiche cette aide

Code de sortie : 0 données valides, 1 données invalides, 2 entrée illisible ou usage incorrect.
`;

function erreurUsage(io: Io, message: string): number {
  io.stderr.write(`${message}\n\n${AIDE_OFFRE}`);
  return SORTIE.ENTREE_ILLISIBLE;
}

function aujourdhuiLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function rendreTableau(t: Tableau): string {
  const largeurs = t.colonnes.map((c, i) => Math.max(c.length, ...t.lignes.map((l) => (l[i] ?? '').length)));
  const ligne = (cellules: readonly string[]): string =>
    cellules
      .map((c, i) => c.padEnd(largeurs[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [ligne(t.colonnes), ...t.lignes.map(ligne)].join('\n') + '\n';
}

const virgule = (x: number): string => x.toFixed(2).replace('.', ',');

function resumeScores(
  lecture: LectureOffre,
  aujourdhui: string,
): { moyenne: number | null; sousSeuil: number } {
  const scores = lecture.jeu.services.map((s) => scoreQualite(s, aujourdhui).score);
  if (scores.length === 0) return { moyenne: null, sousSeuil: 0 };
  return {
    moyenne: scores.reduce((a, b) => a + b, 0) / scores.length,
    sousSeuil: scores.filter((s) => s < SEUIL_SCORE_DORA).length,
  };
}

/** `jalon offre valider|convertir|manques …` (issue 8). */
export async function commandeOffre(args: string[], io: Io): Promise<number> {
  const lus = lireArguments(args, {
    source: { type: 'string' },
    mode: { type: 'string' },
    date: { type: 'string' },
    format: { type: 'string' },
    vers: { type: 'string' },
    sortie: { type: 'string' },
    departement: { type: 'string' },
  });
  if (!lus.ok) return erreurUsage(io, lus.message);
  if (lus.aide) {
    io.stdout.write(AIDE_OFFRE);
    return SORTIE.OK;
  }
  const valeurs = lus.valeurs;
  const positionnels = lus.positionnels;
  const texte = (nom: string): string | undefined =>
    typeof valeurs[nom] === 'string' ? (valeurs[nom] as string) : undefined;
  const [sousCommande, ...entrees] = positionnels;
  if (sousCommande === undefined)
    return erreurUsage(io, 'Sous-commande manquante : valider, convertir ou manques.');
  if (!['valider', 'convertir', 'manques'].includes(sousCommande)) {
    return erreurUsage(io, `Sous-commande inconnue « ${sousCommande} ».`);
  }
  if (entrees.length === 0) return erreurUsage(io, 'Entrée manquante : un fichier ou un dossier.');
  const mode = texte('mode') ?? 'defaut';
  if (mode !== 'defaut' && mode !== 'valideur')
    return erreurUsage(io, `Mode « ${mode} » inconnu : defaut ou valideur.`);
  const aujourdhui = texte('date') ?? aujourdhuiLocal();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(aujourdhui) || Number.isNaN(Date.parse(aujourdhui))) {
    return erreurUsage(io, `Date « ${aujourdhui} » invalide : AAAA-MM-JJ attendu.`);
  }
  const format = texte('format');
  const formatsPermis =
    sousCommande === 'valider'
      ? ['texte', 'json']
      : sousCommande === 'manques'
        ? ['texte', 'csv', 'json']
        : [];
  if (format !== undefined && !formatsPermis.includes(format)) {
    return erreurUsage(
      io,
      `Format « ${format} » inconnu pour « ${sousCommande} »${formatsPermis.length > 0 ? ` : ${formatsPermis.join(', ')}` : ''}.`,
    );
  }
  const vers = texte('vers');
  const sortie = texte('sortie');
  const departement = texte('departement');
  if (sousCommande === 'convertir') {
    if (vers === undefined || !['json', 'csv', 'xlsx'].includes(vers))
      return erreurUsage(io, 'Option --vers json|csv|xlsx obligatoire.');
    if (sortie === undefined)
      return erreurUsage(io, 'Option --sortie obligatoire (dossier pour json/csv, fichier .xlsx pour xlsx).');
  }
  if (sousCommande === 'manques') {
    if (departement === undefined) return erreurUsage(io, 'Option --departement <code> obligatoire.');
    if (!CODES_DEPARTEMENTS.includes(departement.toUpperCase())) {
      return erreurUsage(io, `Département « ${departement} » inconnu du Code officiel géographique.`);
    }
  }

  const territoires = await chargerTerritoiresCog();
  const contexte = {
    aujourdhui,
    mode: mode as 'defaut' | 'valideur',
    territoires,
    sourceParDefaut: texte('source'),
  };
  let lecture: LectureOffre;
  try {
    lecture = await lireOffre(
      entrees.map((e) => ({ chemin: resolve(io.cwd, e), affiche: e })),
      contexte,
    );
  } catch (erreur) {
    if (erreur instanceof ErreurIllisible) {
      io.stderr.write(`${erreur.fichier} : ${erreur.raison}.\n`);
      return SORTIE.ENTREE_ILLISIBLE;
    }
    throw erreur;
  }
  const erreurs = lecture.constats.filter((c) => c.severite === 'erreur').length;
  const avertissements = lecture.constats.length - erreurs;
  const bilan = `${lecture.jeu.structures.length} structure(s), ${lecture.jeu.services.length} service(s) : ${erreurs} erreur(s), ${avertissements} avertissement(s).\n`;

  if (sousCommande === 'valider') {
    if (format === 'json') {
      io.stdout.write(
        `${JSON.stringify(
          {
            valide: lecture.valide,
            constats: lecture.constats.map((c) => ({
              ...c,
              origine: c.origine === undefined ? null : { ...c.origine, lettres: undefined },
              texte: formaterConstat(c),
            })),
            scores: lecture.jeu.services.map((s) => ({ id: s.id, ...scoreQualite(s, aujourdhui) })),
          },
          null,
          2,
        )}\n`,
      );
    } else {
      for (const c of lecture.constats) io.stdout.write(`${formaterConstat(c)}\n`);
      io.stdout.write(bilan);
      const { moyenne, sousSeuil } = resumeScores(lecture, aujourdhui);
      if (moyenne !== null) {
        io.stdout.write(
          `Score de qualité moyen des services : ${virgule(moyenne)} ; ${sousSeuil} service(s) sous ${virgule(SEUIL_SCORE_DORA)} (seuil d’affichage de DORA).\n`,
        );
      }
    }
    return lecture.valide ? SORTIE.OK : SORTIE.ECHEC_METIER;
  }

  if (!lecture.valide) {
    for (const c of lecture.constats) io.stderr.write(`${formaterConstat(c)}\n`);
    io.stderr.write(
      `${bilan}Données invalides : rien n’est ${sousCommande === 'convertir' ? 'écrit' : 'analysé'}.\n`,
    );
    return SORTIE.ECHEC_METIER;
  }

  if (sousCommande === 'convertir') {
    try {
      const ecrits = await ecrireOffre(
        lecture.jeu,
        vers as FormatOffre,
        resolve(io.cwd, sortie as string),
        contexte,
      );
      for (const c of lecture.constats) io.stderr.write(`${formaterConstat(c)}\n`);
      io.stdout.write(`${bilan}Écrit : ${ecrits.join(', ')}\n`);
      return SORTIE.OK;
    } catch (erreur) {
      if (erreur instanceof ExportRefuse) {
        io.stderr.write(`${erreur.message}\n`);
        return SORTIE.ECHEC_METIER;
      }
      io.stderr.write(
        `${sortie as string} : écriture impossible (${erreur instanceof Error ? erreur.message : String(erreur)}).\n`,
      );
      return SORTIE.ENTREE_ILLISIBLE;
    }
  }

  const analyse = analyserManques(lecture.jeu, (departement as string).toUpperCase(), territoires);
  const tableau = tableauManques(analyse);
  const contenu =
    format === 'json'
      ? `${JSON.stringify(analyse, null, 2)}\n`
      : format === 'csv'
        ? tableauEnCsv(tableau)
        : rendreTableau(tableau);
  if (sortie !== undefined) {
    await writeFile(resolve(io.cwd, sortie), contenu);
    io.stdout.write(`Écrit : ${sortie}\n`);
  } else {
    io.stdout.write(contenu);
  }
  return SORTIE.OK;
}
