import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { aUnBloquant, analyserConvention, formaterErreurFormat } from '@jalon/domaine';
import { rapportTexte } from '../finances/rapport-texte.ts';
import { lireArguments } from '../arguments.ts';
import { SORTIE, type Io } from '../io.ts';

export const AIDE_FINANCES = `Usage : jalon finances controler <convention.json> [--format json|texte]

Lit un document jalon.convention/1, calcule les totaux (par action, par mesure, sous-totaux, total de
contrôle) et passe les contrôles financiers du cadre (spec convention-v1).

Options :
  --format json|texte   json (par défaut) : { "totaux": …, "controles": […] } ; texte : rapport lisible
  --aide                affiche cette aide

Code de sortie : 0 sans contrôle bloquant, 1 avec au moins un contrôle bloquant, 2 si le fichier est
introuvable, illisible ou hors format.
`;

const FORMATS = ['json', 'texte'] as const;
type Format = (typeof FORMATS)[number];

function erreurUsage(io: Io, message: string): number {
  io.stderr.write(`${message}\n\n${AIDE_FINANCES}`);
  return SORTIE.ENTREE_ILLISIBLE;
}

async function lireFichier(
  chemin: string,
): Promise<{ ok: true; texte: string } | { ok: false; raison: string }> {
  try {
    // Une marque d'ordre d'octets (BOM) en tête n'empêche pas la lecture.
    return { ok: true, texte: (await readFile(chemin, 'utf8')).replace(/^\uFEFF/, '') };
  } catch (erreur) {
    const code = (erreur as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, raison: 'fichier introuvable' };
    if (code === 'EISDIR') return { ok: false, raison: 'c’est un dossier, pas un fichier' };
    if (code === 'EACCES') return { ok: false, raison: 'lecture non autorisée' };
    return {
      ok: false,
      raison: `lecture impossible (${erreur instanceof Error ? erreur.message : String(erreur)})`,
    };
  }
}

/** `jalon finances controler <convention.json> [--format json|texte]` (spec convention-v1 § 5). */
export async function commandeFinances(args: string[], io: Io): Promise<number> {
  const lus = lireArguments(args, {
    format: { type: 'string' },
  });
  if (!lus.ok) return erreurUsage(io, lus.message);
  if (lus.aide) {
    io.stdout.write(AIDE_FINANCES);
    return SORTIE.OK;
  }
  const [sousCommande, fichier, ...reste] = lus.positionnels;
  if (sousCommande === undefined) return erreurUsage(io, 'Sous-commande manquante : « controler ».');
  if (sousCommande !== 'controler') return erreurUsage(io, `Sous-commande inconnue « ${sousCommande} ».`);
  if (fichier === undefined) return erreurUsage(io, 'Fichier de convention manquant.');
  if (reste.length > 0) return erreurUsage(io, `Argument(s) en trop : ${reste.join(' ')}.`);
  const format = typeof lus.valeurs.format === 'string' ? lus.valeurs.format : 'json';
  if (!FORMATS.includes(format as Format)) {
    return erreurUsage(io, `Format « ${format} » inconnu : json ou texte.`);
  }

  const lecture = await lireFichier(resolve(io.cwd, fichier));
  if (!lecture.ok) {
    io.stderr.write(`${fichier} : ${lecture.raison}.\n`);
    return SORTIE.ENTREE_ILLISIBLE;
  }
  const analyse = analyserConvention(lecture.texte);
  if (!analyse.ok) {
    io.stderr.write(
      `Convention illisible ou hors format jalon.convention/1 (${analyse.erreurs.length} erreur(s)) :\n` +
        analyse.erreurs.map((erreur) => `${fichier} : ${formaterErreurFormat(erreur)}\n`).join(''),
    );
    return SORTIE.ENTREE_ILLISIBLE;
  }
  io.stdout.write(
    format === 'texte'
      ? rapportTexte(analyse.convention, analyse.rapport)
      : `${JSON.stringify(analyse.rapport, null, 2)}\n`,
  );
  return aUnBloquant(analyse.rapport.controles) ? SORTIE.ECHEC_METIER : SORTIE.OK;
}
