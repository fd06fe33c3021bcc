import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * Verrou du dossier de données PGlite : deux processus sur un même dossier perdent des écritures sans le dire
 * (issue « Plateforme » § 2). `proper-lockfile` crée atomiquement un dossier-verrou (mkdir) et le tient à jour ;
 * on y ajoute le pid du détenteur, pour le message d'erreur et pour reprendre tout de suite le verrou d'un
 * processus mort (sans attendre que le verrou soit « périmé »).
 */
export class DossierVerrouille extends Error {
  constructor(
    readonly dossier: string,
    readonly pid: number | undefined,
  ) {
    super(
      `Le dossier de données « ${dossier} » est déjà utilisé par un autre processus Jalon` +
        `${pid === undefined ? '' : ` (pid ${pid})`}. Arrêtez-le, ou choisissez un autre dossier avec la ` +
        'variable JALON_DONNEES : deux processus sur le même dossier perdraient des écritures.',
    );
    this.name = 'DossierVerrouille';
  }
}

export interface Verrou {
  liberer(): void;
}

const estVivant = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (erreur) {
    return (erreur as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function lirePid(fichier: string): number | undefined {
  try {
    const pid = Number(readFileSync(fichier, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function verrouillerDossier(dossier: string): Verrou {
  mkdirSync(dossier, { recursive: true });
  const cible = join(dossier, 'verrou');
  const fichierPid = join(dossier, 'verrou.pid');
  writeFileSync(cible, '', { flag: 'a' });
  const options = { lockfilePath: `${cible}.lock`, stale: 15_000, update: 5_000, realpath: false };
  let liberer: () => void;
  try {
    liberer = lockfile.lockSync(cible, options);
  } catch (erreur) {
    if ((erreur as NodeJS.ErrnoException).code !== 'ELOCKED') throw erreur;
    const pid = lirePid(fichierPid);
    if (pid === undefined || pid === process.pid || estVivant(pid)) throw new DossierVerrouille(dossier, pid);
    // Détenteur mort (arrêt brutal) : on reprend le verrou.
    rmSync(`${cible}.lock`, { recursive: true, force: true });
    try {
      liberer = lockfile.lockSync(cible, options);
    } catch {
      throw new DossierVerrouille(dossier, lirePid(fichierPid));
    }
  }
  writeFileSync(fichierPid, `${process.pid}\n`);
  return {
    liberer() {
      rmSync(fichierPid, { force: true });
      liberer();
    },
  };
}
