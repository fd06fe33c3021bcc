import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { familleDesEcritures, type Famille } from '../src/depots/cache-lectures.ts';

/**
 * Garde-fou du cache des lectures (INT-PLATEFORME-8) : seules les écritures des dépôts d'une famille vident le
 * cache. On relit donc le CODE des dépôts Kysely : tout dépôt qui écrit une table lue par une lecture en cache
 * (session et utilisateur pour `sessions.trouverAvecCompte`, convention et collectivité pour
 * `conventions.trouver`) doit appartenir à la famille de cette lecture. Un dépôt ajouté plus tard qui écrirait
 * l'une de ces tables sans être déclaré fait échouer ce test.
 */
const DOSSIER = join(import.meta.dirname, '../src/depots/kysely');
const TABLES_LUES_EN_CACHE: Readonly<Record<string, Famille>> = {
  session: 'comptes',
  utilisateur: 'comptes',
  convention: 'conventions',
  collectivite: 'conventions',
};

/** Nom du dépôt (clé de `Depots`) → fichier, lus dans `index.ts` (`nom: new Classe(db)` et ses imports). */
function depotsParFichier(): Map<string, string> {
  const index = readFileSync(join(DOSSIER, 'index.ts'), 'utf8');
  const fichierDeClasse = new Map(
    [...index.matchAll(/import \{ (\w+) \} from '\.\/([\w-]+)\.ts'/gu)].map((m) => [m[1], m[2]]),
  );
  const resultat = new Map<string, string>();
  for (const m of index.matchAll(/^\s+(\w+): new (\w+)\(/gmu)) {
    const fichier = fichierDeClasse.get(m[2] as string);
    if (fichier !== undefined) resultat.set(fichier, m[1] as string);
  }
  return resultat;
}

/** Tables écrites par un fichier : Kysely (`insertInto`, `updateTable`, `deleteFrom`, `mergeInto`) ou SQL brut. */
function tablesEcrites(source: string): Set<string> {
  const tables = new Set<string>();
  for (const m of source.matchAll(/\.(?:insertInto|updateTable|deleteFrom|mergeInto)\(\s*'(\w+)'/gu)) {
    tables.add(m[1] as string);
  }
  for (const m of source.matchAll(/\b(?:insert\s+into|update|delete\s+from)\s+"?(\w+)"?/giu)) {
    tables.add((m[1] as string).toLowerCase());
  }
  return tables;
}

describe('cache des lectures : les dépôts qui écrivent une table lue en cache sont déclarés', () => {
  const depots = depotsParFichier();

  it('index.ts est bien relu (sinon ce test ne vérifierait rien)', () => {
    expect(depots.get('conventions')).toBe('conventions');
    expect(depots.get('sessions')).toBe('sessions');
    expect(depots.size).toBeGreaterThanOrEqual(15);
  });

  it('chaque écriture d’une table lue en cache vient d’un dépôt de la bonne famille', () => {
    const fichiers = readdirSync(DOSSIER).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    const ecartes: string[] = [];
    let vues = 0;
    for (const fichier of fichiers) {
      const tables = tablesEcrites(readFileSync(join(DOSSIER, fichier), 'utf8'));
      for (const table of tables) {
        const famille = TABLES_LUES_EN_CACHE[table];
        if (famille === undefined) continue;
        vues++;
        const depot = depots.get(fichier.replace(/\.ts$/u, ''));
        if (depot === undefined || familleDesEcritures(depot) !== famille) {
          ecartes.push(
            `${fichier} écrit « ${table} » mais le dépôt ${depot ?? '?'} n'est pas de la famille ${famille}`,
          );
        }
      }
    }
    expect(ecartes).toEqual([]);
    // conventions, cycle, collectivites, sessions, utilisateurs au moins : la recherche trouve bien les écritures.
    expect(vues).toBeGreaterThanOrEqual(5);
  });
});
