import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ouvrirPglite, type Base } from './ouvrir.ts';
import { restaurer, type ResumeRestauration, type SauvegardeLue } from './sauvegarde.ts';
import { verrouillerDossier } from './verrou.ts';

/** Sous-dossier des données PostgreSQL dans le dossier Jalon (comme `principal.ts`). */
export const PGDATA = 'pgdata';
/** Données remplacées par la dernière restauration, gardées une fois (filet de sécurité). */
export const PGDATA_AVANT_RESTAURATION = 'pgdata.avant-restauration';

/**
 * Ouvre le dossier PGlite d'un serveur Jalon ARRÊTÉ : prend son verrou (refus « déjà utilisé par un autre
 * processus Jalon (pid …) » si un serveur le tient), ouvre la base, la ferme et libère le verrou à la fin.
 */
export async function avecDossierPglite<T>(dossier: string, travail: (base: Base) => Promise<T>): Promise<T> {
  if (!existsSync(join(dossier, PGDATA))) {
    throw new Error(`Aucune base Jalon dans « ${dossier} » (sous-dossier ${PGDATA} absent).`);
  }
  const verrou = verrouillerDossier(dossier);
  try {
    const base = await ouvrirPglite(join(dossier, PGDATA));
    try {
      return await travail(base);
    } finally {
      await base.fermer();
    }
  } finally {
    verrou.liberer();
  }
}

/**
 * Restaure dans le dossier PGlite d'un serveur arrêté, tout ou rien : la base est reconstruite dans un
 * dossier neuf à côté, puis échangée avec l'ancienne par renommage seulement si tout a réussi. L'ancienne est
 * gardée dans `pgdata.avant-restauration` (la précédente copie de ce nom est supprimée).
 */
export async function restaurerDossierPglite(
  dossier: string,
  sauvegarde: SauvegardeLue,
): Promise<ResumeRestauration> {
  const verrou = verrouillerDossier(dossier);
  const neuf = join(dossier, `${PGDATA}.restauration-${process.pid}`);
  try {
    rmSync(neuf, { recursive: true, force: true });
    const base = await ouvrirPglite(neuf);
    let resume: ResumeRestauration;
    try {
      resume = await restaurer(base, sauvegarde);
    } finally {
      await base.fermer();
    }
    const actuel = join(dossier, PGDATA);
    if (existsSync(actuel)) {
      rmSync(join(dossier, PGDATA_AVANT_RESTAURATION), { recursive: true, force: true });
      renameSync(actuel, join(dossier, PGDATA_AVANT_RESTAURATION));
    }
    renameSync(neuf, actuel);
    return resume;
  } finally {
    rmSync(neuf, { recursive: true, force: true });
    verrou.liberer();
  }
}
