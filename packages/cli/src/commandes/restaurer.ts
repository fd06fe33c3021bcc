import { resolve } from 'node:path';
import { lireArguments } from '../arguments.ts';
import { SORTIE, type Io } from '../io.ts';
import { cibleBase, decrireCible, messageErreur } from './sauvegarder.ts';

export const AIDE_RESTAURER = `Usage :
  jalon restaurer <fichier> [--donnees <dossier>]

Restaure une sauvegarde jalon.sauvegarde/1 (jalon sauvegarder), tout ou rien. Le fichier est d'abord vérifié
entièrement (structure, SHA-256, migrations) ; une sauvegarde faite par une version plus récente de Jalon est
refusée ; une sauvegarde plus ancienne est restaurée puis mise à niveau par les migrations.

Base : PostgreSQL si DATABASE_URL est définie — base vide, ou base au même niveau de migrations dont le contenu
est alors remplacé en une transaction (arrêtez les serveurs Jalon qui l'utilisent) ; sinon PGlite dans
--donnees (défaut : JALON_DONNEES ou .jalon/donnees), serveur ARRÊTÉ : la base est reconstruite à côté puis
échangée, l'ancienne gardée dans <dossier>/pgdata.avant-restauration.

Code de sortie : 0 réussite, 2 usage incorrect, sauvegarde invalide ou restauration refusée (rien n'est modifié).
Documentation : docs/exploitation.md
`;

/** `jalon restaurer` : voir AIDE_RESTAURER. */
export async function commandeRestaurer(args: string[], io: Io): Promise<number> {
  const lus = lireArguments(args, { donnees: { type: 'string' } });
  if (!lus.ok) {
    io.stderr.write(`${lus.message}\n\n${AIDE_RESTAURER}`);
    return SORTIE.ENTREE_ILLISIBLE;
  }
  if (lus.aide) {
    io.stdout.write(AIDE_RESTAURER);
    return SORTIE.OK;
  }
  const [fichier, ...trop] = lus.positionnels;
  if (fichier === undefined || trop.length > 0) {
    io.stderr.write(`Indiquez un (seul) fichier de sauvegarde à restaurer.\n\n${AIDE_RESTAURER}`);
    return SORTIE.ENTREE_ILLISIBLE;
  }
  const cible = cibleBase(io, lus.valeurs.donnees);
  const { lireSauvegarde, restaurer, restaurerDossierPglite } = await import('@jalon/serveur/sauvegarde');
  try {
    const sauvegarde = await lireSauvegarde(resolve(io.cwd, fichier));
    let resume;
    if (cible.postgres !== undefined) {
      const { ouvrirPostgres } = await import('@jalon/serveur');
      const base = await ouvrirPostgres(cible.postgres, 2);
      try {
        resume = await restaurer(base, sauvegarde);
      } finally {
        await base.fermer();
      }
    } else {
      resume = await restaurerDossierPglite(cible.dossier as string, sauvegarde);
    }
    const lignes = Object.values(resume.tables).reduce((a, b) => a + b, 0);
    const migrations =
      resume.migrationsAppliquees.length > 0
        ? ` ; migrations passées ensuite : ${resume.migrationsAppliquees.join(', ')}`
        : '';
    io.stderr.write(
      `Sauvegarde ${fichier} restaurée dans ${decrireCible(cible)} : ${Object.keys(resume.tables).length} tables, ` +
        `${lignes} lignes${migrations}.\n`,
    );
    return SORTIE.OK;
  } catch (erreur) {
    io.stderr.write(`Restauration refusée, rien n'a été modifié : ${messageErreur(erreur)}\n`);
    return SORTIE.ENTREE_ILLISIBLE;
  }
}
