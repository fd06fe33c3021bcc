import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ouvrirPglite, type Base } from '../../src/base/ouvrir.ts';

/**
 * PGlite pour les tests, en mémoire, à partir d'une image préparée une fois (initdb coûte ~17 s sur une machine
 * chargée, charger une image ~3 s). L'image est gardée dans le dossier temporaire du système, sous une clé qui
 * dépend du code du serveur et des référentiels : tout changement de code (migrations, démonstration,
 * collectivités) en produit une nouvelle. Écriture atomique (renommage) : plusieurs fichiers de test en parallèle
 * peuvent la préparer en même temps sans se gêner.
 */
const RACINE = fileURLToPath(new URL('../../../../', import.meta.url));

function fichiers(dossier: string): string[] {
  return readdirSync(dossier).flatMap((nom) => {
    const chemin = join(dossier, nom);
    return statSync(chemin).isDirectory() ? fichiers(chemin) : [chemin];
  });
}

export function cleDuCode(variante: string): string {
  const hash = createHash('sha256').update(variante);
  for (const dossier of ['packages/serveur/src', 'packages/referentiels/src']) {
    for (const fichier of fichiers(join(RACINE, dossier)).sort())
      hash.update(fichier).update(readFileSync(fichier));
  }
  return hash.digest('hex').slice(0, 16);
}

export async function pgliteTest(variante: string, preparer: (base: Base) => Promise<void>): Promise<Base> {
  const dossier = join(tmpdir(), 'jalon-tests-pglite');
  mkdirSync(dossier, { recursive: true });
  const fichier = join(dossier, `${variante}-${cleDuCode(variante)}.tar`);
  if (existsSync(fichier)) {
    const base = await ouvrirPglite(undefined, new Blob([readFileSync(fichier)]));
    await preparer(base); // idempotent : migrations déjà passées, démonstration déjà semée
    return base;
  }
  const base = await ouvrirPglite();
  await preparer(base);
  const image = await base.image?.();
  if (image !== undefined) {
    const temporaire = `${fichier}.${process.pid}`;
    writeFileSync(temporaire, Buffer.from(await image.arrayBuffer()));
    renameSync(temporaire, fichier);
  }
  return base;
}
