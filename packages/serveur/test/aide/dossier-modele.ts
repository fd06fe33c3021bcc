import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preparerApplication } from '../../src/application.ts';
import { ouvrirPglite } from '../../src/base/ouvrir.ts';
import { cleDuCode } from './pglite-rapide.ts';

/**
 * Dossier de données PGlite prêt pour un VRAI processus serveur (`principal.ts`, `JALON_DONNEES`) : initdb et
 * migrations (et la démonstration si demandée) sont faits une fois, dans un modèle gardé dans le dossier
 * temporaire du système sous une clé qui dépend du code (comme pglite-rapide.ts), puis copiés. Un processus
 * démarre alors en quelques secondes au lieu de ~20 à 40 s d'initdb sur une machine chargée. Le serveur reste
 * le vrai : il reprend le verrou, repasse les migrations (aucune à faire) et la démonstration (déjà semée).
 */
export async function dossierDonneesPret(options: { demo: boolean }): Promise<string> {
  const variante = options.demo ? 'dossier-demo' : 'dossier-migre';
  const racine = join(tmpdir(), 'jalon-tests-pglite');
  mkdirSync(racine, { recursive: true });
  const modele = join(racine, `${variante}-${cleDuCode(variante)}`);
  if (!existsSync(modele)) {
    // Préparé à part puis renommé : plusieurs fichiers de test peuvent le préparer en même temps.
    const enCours = mkdtempSync(join(racine, `${variante}-prep-`));
    const base = await ouvrirPglite(join(enCours, 'pgdata'));
    await preparerApplication(base, { demo: options.demo });
    await base.fermer();
    try {
      renameSync(enCours, modele);
    } catch {
      rmSync(enCours, { recursive: true, force: true }); // un autre l'a renommé avant : on garde le sien
    }
  }
  const dossier = mkdtempSync(join(tmpdir(), 'jalon-donnees-'));
  cpSync(join(modele, 'pgdata'), join(dossier, 'pgdata'), { recursive: true });
  return dossier;
}

export { portLibre } from './reseau.ts';
