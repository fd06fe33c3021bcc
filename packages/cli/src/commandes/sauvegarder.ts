import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { lireArguments } from '../arguments.ts';
import { SORTIE, type Io } from '../io.ts';

export const AIDE_SAUVEGARDER = `Usage :
  jalon sauvegarder --sortie <fichier> [--donnees <dossier>]

Sauvegarde complète de la base Jalon au format jalon.sauvegarde/1 (NDJSON gzip : chaque table en ordre de
dépendance, version des migrations, SHA-256 par table et global). Même format pour PGlite et PostgreSQL : la
sauvegarde de l'un se restaure dans l'autre (jalon restaurer). Le fichier de sortie ne doit pas exister.

Base : PostgreSQL si la variable DATABASE_URL est définie (le serveur peut rester démarré : lecture en une
image cohérente) ; sinon PGlite dans --donnees (défaut : JALON_DONNEES ou .jalon/donnees), serveur ARRÊTÉ
(refus si un serveur Jalon tient le verrou du dossier).

Code de sortie : 0 réussite, 2 usage incorrect ou sauvegarde impossible. Documentation : docs/exploitation.md
`;

export interface CibleBase {
  readonly postgres?: string;
  readonly dossier?: string;
}

/** Base visée : `DATABASE_URL` (PostgreSQL) sinon le dossier PGlite. */
export function cibleBase(io: Io, donnees: string | boolean | undefined): CibleBase {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return { postgres: url };
  const dossier =
    typeof donnees === 'string' ? donnees : process.env.JALON_DONNEES?.trim() || '.jalon/donnees';
  return { dossier: resolve(io.cwd, dossier) };
}

export const decrireCible = (cible: CibleBase): string =>
  cible.postgres !== undefined ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${cible.dossier})`;

export const messageErreur = (erreur: unknown): string =>
  erreur instanceof Error ? erreur.message : String(erreur);

/** `jalon sauvegarder` : voir AIDE_SAUVEGARDER. */
export async function commandeSauvegarder(args: string[], io: Io): Promise<number> {
  const lus = lireArguments(args, { sortie: { type: 'string' }, donnees: { type: 'string' } });
  if (!lus.ok) {
    io.stderr.write(`${lus.message}\n\n${AIDE_SAUVEGARDER}`);
    return SORTIE.ENTREE_ILLISIBLE;
  }
  if (lus.aide) {
    io.stdout.write(AIDE_SAUVEGARDER);
    return SORTIE.OK;
  }
  const sortie = lus.valeurs.sortie;
  if (typeof sortie !== 'string' || lus.positionnels.length > 0) {
    io.stderr.write(`Indiquez le fichier de sauvegarde avec --sortie <fichier>.\n\n${AIDE_SAUVEGARDER}`);
    return SORTIE.ENTREE_ILLISIBLE;
  }
  const chemin = resolve(io.cwd, sortie);
  if (existsSync(chemin)) {
    io.stderr.write(`Le fichier « ${sortie} » existe déjà : une sauvegarde n'en écrase jamais une autre.\n`);
    return SORTIE.ENTREE_ILLISIBLE;
  }
  const cible = cibleBase(io, lus.valeurs.donnees);
  const { sauvegarder } = await import('@jalon/serveur/sauvegarde');
  try {
    const resume =
      cible.postgres !== undefined
        ? await (async () => {
            const { ouvrirPostgres } = await import('@jalon/serveur');
            const base = await ouvrirPostgres(cible.postgres as string, 2);
            try {
              return await sauvegarder(base, chemin);
            } finally {
              await base.fermer();
            }
          })()
        : await (async () => {
            const { avecDossierPglite } = await import('@jalon/serveur/sauvegarde');
            return avecDossierPglite(cible.dossier as string, (base) => sauvegarder(base, chemin));
          })();
    const lignes = Object.values(resume.tables).reduce((a, b) => a + b, 0);
    io.stderr.write(
      `Sauvegarde de ${decrireCible(cible)} écrite dans ${sortie} : ${Object.keys(resume.tables).length} tables, ` +
        `${lignes} lignes, migrations jusqu'à ${resume.migrations.at(-1) ?? '—'}, SHA-256 ${resume.sha256}.\n`,
    );
    return SORTIE.OK;
  } catch (erreur) {
    if (existsSync(chemin)) rmSync(chemin, { force: true }); // jamais de sauvegarde à moitié écrite
    io.stderr.write(`Sauvegarde impossible : ${messageErreur(erreur)}\n`);
    return SORTIE.ENTREE_ILLISIBLE;
  }
}
