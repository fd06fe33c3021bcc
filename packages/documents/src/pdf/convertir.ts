import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErreurDocument } from '../erreurs.ts';

/**
 * PDF par LibreOffice sans interface (`--headless --convert-to pdf`), seul moteur libre qui rende fidèlement un
 * DOCX ou un XLSX. Chaque appel a son propre profil (`-env:UserInstallation`) dans un dossier temporaire :
 * des conversions parallèles ne se gênent pas. Exécutable : `JALON_LIBREOFFICE`, sinon `libreoffice` puis
 * `soffice` dans le PATH.
 */
export interface FichierAConvertir {
  /** Nom sans chemin, avec son extension (`rapport.docx`) : il donne le nom du PDF. */
  readonly nom: string;
  readonly octets: Uint8Array;
}

const EXECUTABLES = (): string[] => {
  const choisi = process.env.JALON_LIBREOFFICE;
  return choisi === undefined || choisi === '' ? ['libreoffice', 'soffice'] : [choisi];
};

function lancer(
  executable: string,
  args: string[],
  delai: number,
): Promise<{ code: 'ENOENT' } | { code: 'OK' } | { code: 'ECHEC'; detail: string }> {
  return new Promise((resoudre) => {
    execFile(
      executable,
      args,
      { timeout: delai, maxBuffer: 10 * 1024 * 1024 },
      (erreur, _sortie, erreurs) => {
        if (erreur === null) return resoudre({ code: 'OK' });
        if ((erreur as NodeJS.ErrnoException).code === 'ENOENT') return resoudre({ code: 'ENOENT' });
        resoudre({
          code: 'ECHEC',
          detail: `${erreur.message}${erreurs === '' ? '' : ` — ${erreurs.trim()}`}`,
        });
      },
    );
  });
}

/** Convertit plusieurs fichiers en un seul appel de LibreOffice (plus rapide : un seul démarrage). */
export async function convertirEnPdf(
  fichiers: readonly FichierAConvertir[],
  delai = 120_000,
): Promise<Map<string, Buffer>> {
  const dossier = await mkdtemp(join(tmpdir(), 'jalon-pdf-'));
  try {
    const chemins = await Promise.all(
      fichiers.map(async (fichier) => {
        const chemin = join(dossier, fichier.nom);
        await writeFile(chemin, fichier.octets);
        return chemin;
      }),
    );
    const profil = pathToFileURL(join(dossier, 'profil')).href;
    const args = [
      '--headless',
      '--norestore',
      `-env:UserInstallation=${profil}`,
      '--convert-to',
      'pdf',
      '--outdir',
      dossier,
      ...chemins,
    ];
    let lance = false;
    for (const executable of EXECUTABLES()) {
      const resultat = await lancer(executable, args, delai);
      if (resultat.code === 'ENOENT') continue;
      if (resultat.code === 'ECHEC')
        throw new ErreurDocument(`La conversion en PDF par LibreOffice a échoué : ${resultat.detail}`);
      lance = true;
      break;
    }
    if (!lance) {
      throw new ErreurDocument(
        'LibreOffice est introuvable : la conversion en PDF en a besoin. Installez-le (Debian/Ubuntu : apt-get install libreoffice-writer-nogui libreoffice-calc-nogui) ou indiquez son exécutable dans la variable JALON_LIBREOFFICE.',
      );
    }
    const pdfs = new Map<string, Buffer>();
    for (const fichier of fichiers) {
      const nomPdf = fichier.nom.replace(/\.[^.]+$/u, '.pdf');
      try {
        pdfs.set(fichier.nom, await readFile(join(dossier, nomPdf)));
      } catch {
        throw new ErreurDocument(
          `LibreOffice n'a pas produit de PDF pour « ${fichier.nom} » (fichier illisible ?).`,
        );
      }
    }
    return pdfs;
  } finally {
    await rm(dossier, { recursive: true, force: true });
  }
}

/** Un seul fichier. */
export async function convertirUnPdf(fichier: FichierAConvertir): Promise<Buffer> {
  const pdf = (await convertirEnPdf([fichier])).get(fichier.nom);
  if (pdf === undefined) throw new ErreurDocument(`Aucun PDF produit pour « ${fichier.nom} ».`);
  return pdf;
}
