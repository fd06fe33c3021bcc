import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Migrator, sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '@jalon/cli';
import { preparerApplication } from '../src/application.ts';
import { fournisseurMigrations, MIGRATIONS } from '../src/base/migrations/index.ts';
import { ouvrirPglite, ouvrirPostgres, type Base } from '../src/base/ouvrir.ts';
import { lireSauvegarde, restaurer, sauvegarder } from '../src/base/sauvegarde.ts';
import { restaurerDossierPglite } from '../src/base/sauvegarde-pglite.ts';
import { verrouillerDossier } from '../src/base/verrou.ts';
import { pgliteTest } from './aide/pglite-rapide.ts';
import { dossierDonneesPret } from './aide/dossier-modele.ts';

/**
 * Sauvegarde et restauration (issue 9 § 6) : chaque table, chaque ligne, chaque colonne est comparée avant /
 * après, par une lecture indépendante du format de sauvegarde (catalogue `information_schema`, `select *` et
 * texte de ligne `t::text`), sur PGlite et, avec DATABASE_URL_TEST, sur PostgreSQL et en croisé.
 */
const urlTest = process.env.DATABASE_URL_TEST;
const dossierTravail = mkdtempSync(join(tmpdir(), 'jalon-sauvegarde-'));
const fichier = (nom: string) => join(dossierTravail, `${nom}-${randomBytes(4).toString('hex')}.jalon.gz`);
type Db = Kysely<unknown>;

interface Contenu {
  readonly tables: Record<string, { lignes: unknown[]; textes: string[] }>;
  readonly sequences: Record<string, string>;
}

/** Contenu complet, lu sans rien du code de sauvegarde (tables des migrations exclues : horodatées au passage). */
async function contenu(db: Db): Promise<Contenu> {
  const { rows: tables } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not in ('jalon_migration', 'jalon_migration_verrou')
    order by table_name`.execute(db);
  const resultat: Contenu['tables'] = {};
  for (const { table_name: nom } of tables) {
    const { rows: colonnes } = await sql<{ n: number }>`
      select count(*)::integer as n from information_schema.columns
      where table_schema = current_schema() and table_name = ${nom}`.execute(db);
    const ordre = sql.raw(Array.from({ length: colonnes[0]?.n ?? 1 }, (_, k) => String(k + 1)).join(', '));
    const { rows: lignes } = await sql`select * from ${sql.table(nom)} order by ${ordre}`.execute(db);
    const { rows: textes } = await sql<{ t: string }>`
      select t::text as t from ${sql.table(nom)} t order by t::text collate "C"`.execute(db);
    resultat[nom] = { lignes, textes: textes.map((r) => r.t) };
  }
  const { rows: sequences } = await sql<{ sequence_name: string }>`
    select sequence_name from information_schema.sequences where sequence_schema = current_schema()
    order by sequence_name`.execute(db);
  const etats: Record<string, string> = {};
  for (const { sequence_name: nom } of sequences) {
    const { rows } = await sql<{ e: string }>`
      select last_value::text || '/' || is_called::text as e from ${sql.table(nom)}`.execute(db);
    etats[nom] = rows[0]?.e ?? '';
  }
  return { tables: resultat, sequences: etats };
}

/** Données délicates ajoutées à la démonstration : guillemets, antislash, retour à la ligne, emoji, JSON. */
async function ajouterCasDelicats(db: Db): Promise<void> {
  const texte = 'L’« action » "citée" \\ \n\ttabulée — 🎉 fin';
  await sql`update fiche_action set contexte = ${texte}, montant_fapi = 9007199254740991
            where id = (select min(id) from fiche_action)`.execute(db);
  await sql`insert into audit (convention_id, utilisateur_id, qui, role, quand, action, entite, entite_id, avant, apres)
            values (null, null, 'test', null, '2024-02-29 23:59:59.123456+05:30', 'essai', 'convention', '0',
                    ${JSON.stringify({ a: [1, 2.5, null, 'é"\\'], b: { c: true } })}::jsonb, null)`.execute(
    db,
  );
}

async function baseDemo(): Promise<Base> {
  const base = await pgliteTest('demo', async (b) => {
    await preparerApplication(b, { demo: true });
  });
  await ajouterCasDelicats(base.db as unknown as Db);
  return base;
}

/** PGlite en mémoire sans aucune table (image d'une base neuve, préparée une fois). */
const pgliteVide = () => pgliteTest('vide', async () => undefined);

/** Base PostgreSQL vide, jetable (supprimée par `fermer`). */
async function postgresVide(url: string): Promise<Base> {
  const nom = `jalon_sauvegarde_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${nom}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${nom}`;
  const base = await ouvrirPostgres(u.toString(), 2);
  return {
    ...base,
    async fermer() {
      await base.fermer();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${nom} with (force)`);
      await c.end();
    },
  };
}

/** Réécrit une sauvegarde en recalculant ses empreintes (sauvegarde « bien formée » mais modifiée). */
function reecrire(source: string, cible: string, modifier: (lignes: string[]) => string[]): void {
  const lignes = modifier(
    gunzipSync(readFileSync(source))
      .toString('utf8')
      .split('\n')
      .filter((l) => l !== ''),
  );
  const fin = JSON.parse(lignes.pop() as string) as {
    fin: { tables: Record<string, { lignes: number; sha256: string }>; sha256: string };
  };
  let i = 1;
  while (!(lignes[i] as string).startsWith('{"sequences"')) {
    const entete = JSON.parse(lignes[i] as string) as { table: string; lignes: number };
    const h = createHash('sha256');
    for (const l of lignes.slice(i, i + 1 + entete.lignes)) h.update(`${l}\n`);
    fin.fin.tables[entete.table] = { lignes: entete.lignes, sha256: h.digest('hex') };
    i += 1 + entete.lignes;
  }
  fin.fin.sha256 = createHash('sha256')
    .update(lignes.map((l) => `${l}\n`).join(''))
    .digest('hex');
  writeFileSync(cible, gzipSync([...lignes, JSON.stringify(fin)].join('\n') + '\n'));
}

let source: Base;
let attendu: Contenu;
let sauvegardePglite: string;

beforeAll(async () => {
  source = await baseDemo();
  attendu = await contenu(source.db as unknown as Db);
  sauvegardePglite = fichier('pglite');
  await sauvegarder(source, sauvegardePglite);
}, 120_000);

afterAll(async () => {
  await source?.fermer();
  rmSync(dossierTravail, { recursive: true, force: true });
});

describe('sauvegarde PGlite', () => {
  it('découvre toutes les tables du catalogue (celles des migrations récentes comprises)', async () => {
    const lue = await lireSauvegarde(sauvegardePglite);
    expect(lue.tables.map((t) => t.entete.table).sort()).toEqual(Object.keys(attendu.tables));
    expect(lue.entete.migrations).toEqual(Object.keys(MIGRATIONS).sort());
    expect(Object.keys(attendu.tables).length).toBeGreaterThanOrEqual(10);
    expect(attendu.tables.convention?.lignes.length).toBeGreaterThan(0);
    // ordre de dépendance : une convention avant ses fiches, une collectivité avant ses conventions
    const ordre = lue.tables.map((t) => t.entete.table);
    expect(ordre.indexOf('collectivite')).toBeLessThan(ordre.indexOf('convention'));
    expect(ordre.indexOf('convention')).toBeLessThan(ordre.indexOf('fiche_action'));
  });

  it('restaure à l’identique dans une base PGlite vide : chaque table, chaque ligne, chaque colonne', async () => {
    const cible = await pgliteVide();
    try {
      await restaurer(cible, await lireSauvegarde(sauvegardePglite));
      expect(await contenu(cible.db as unknown as Db)).toEqual(attendu);
    } finally {
      await cible.fermer();
    }
  }, 120_000);

  it('remplace le contenu d’une base au même niveau, et une modification ultérieure est annulée', async () => {
    const cible = await pgliteVide();
    try {
      await restaurer(cible, await lireSauvegarde(sauvegardePglite));
      const db = cible.db as unknown as Db;
      await sql`delete from convention where id = (select max(id) from convention)`.execute(db);
      await sql`update collectivite set nom = 'modifiée'`.execute(db);
      expect(await contenu(db)).not.toEqual(attendu);
      await restaurer(cible, await lireSauvegarde(sauvegardePglite));
      expect(await contenu(db)).toEqual(attendu);
    } finally {
      await cible.fermer();
    }
  }, 120_000);

  it('tout ou rien : une ligne qui viole une contrainte annule toute la restauration', async () => {
    const fautive = fichier('fautive');
    reecrire(sauvegardePglite, fautive, (lignes) =>
      lignes.map((l) => l.replace(/"prev_etat": \d+/u, '"prev_etat": -1')),
    );
    const cible = await pgliteVide();
    try {
      await restaurer(cible, await lireSauvegarde(sauvegardePglite));
      const db = cible.db as unknown as Db;
      await sql`update collectivite set nom = 'avant la restauration ratée'`.execute(db);
      const avant = await contenu(db);
      await expect(restaurer(cible, await lireSauvegarde(fautive))).rejects.toThrow(/prev_etat|check/u);
      expect(await contenu(db)).toEqual(avant);
    } finally {
      await cible.fermer();
    }
  }, 120_000);

  it('refuse une sauvegarde d’une version de migrations plus récente, sans rien écrire', async () => {
    const future = fichier('future');
    reecrire(sauvegardePglite, future, ([entete, ...reste]) => {
      const e = JSON.parse(entete as string) as { migrations: string[] };
      e.migrations.push('9999-futur');
      return [JSON.stringify(e), ...reste];
    });
    await expect(lireSauvegarde(future)).rejects.toThrow(/version plus récente de Jalon.*9999-futur/u);
  });

  it('refuse une sauvegarde altérée, tronquée ou qui n’en est pas une', async () => {
    const texte = gunzipSync(readFileSync(sauvegardePglite)).toString('utf8');
    const alteree = fichier('alteree');
    writeFileSync(alteree, gzipSync(texte.replace('Indre-et-Loire', 'Indre-et-Loira')));
    await expect(lireSauvegarde(alteree)).rejects.toThrow(/altérée/u);
    const tronquee = fichier('tronquee');
    writeFileSync(tronquee, gzipSync(texte.split('\n').slice(0, 40).join('\n')));
    await expect(lireSauvegarde(tronquee)).rejects.toThrow(/tronquée|attendu/u);
    const autre = fichier('autre');
    writeFileSync(autre, 'pas une sauvegarde');
    await expect(lireSauvegarde(autre)).rejects.toThrow(/illisible/u);
    const json = fichier('json');
    writeFileSync(json, gzipSync('{"format":"autre"}\n'));
    await expect(lireSauvegarde(json)).rejects.toThrow(/pas une sauvegarde Jalon/u);
  });

  it('restaure une sauvegarde d’une version antérieure puis passe les migrations suivantes', async () => {
    const ancienne = await pgliteVide();
    const nouvelle = await pgliteVide();
    try {
      const db = ancienne.db as unknown as Db;
      const premiere = Object.keys(MIGRATIONS).sort()[0] as string;
      const migrator = new Migrator({
        db,
        provider: fournisseurMigrations,
        migrationTableName: 'jalon_migration',
        migrationLockTableName: 'jalon_migration_verrou',
      });
      expect((await migrator.migrateTo(premiere)).error).toBeUndefined();
      await sql`insert into collectivite (id, type, code, nom) values ('departement:37', 'departement', '37', 'Indre-et-Loire')`.execute(
        db,
      );
      await sql`insert into convention (collectivite_id, cadre, exercice, regime, duree_mois, enveloppe_etat, statut)
                values ('departement:37', 'calpae-2023', 2023, 'civil', 12, 123456789, 'brouillon')`.execute(
        db,
      );
      const vieille = fichier('ancienne');
      await sauvegarder(ancienne, vieille);
      const resume = await restaurer(nouvelle, await lireSauvegarde(vieille));
      expect(resume.migrationsAppliquees).toEqual(Object.keys(MIGRATIONS).sort().slice(1));
      const { rows } = await sql<{ enveloppe_etat: number; exercice: number }>`
        select enveloppe_etat, exercice from convention`.execute(nouvelle.db as unknown as Db);
      expect(rows).toEqual([{ enveloppe_etat: 123456789, exercice: 2023 }]);
    } finally {
      await ancienne.fermer();
      await nouvelle.fermer();
    }
  }, 120_000);
});

describe('commandes jalon sauvegarder / restaurer (dossier PGlite)', () => {
  const io = () => {
    const sorties = { stdout: '', stderr: '' };
    return {
      sorties,
      io: {
        stdout: { write: (t: string) => (sorties.stdout += t) },
        stderr: { write: (t: string) => (sorties.stderr += t) },
        cwd: dossierTravail,
      },
    };
  };

  it('sauvegarde un dossier, refuse tant qu’un serveur tient le verrou, restaure dans un autre dossier', async () => {
    const avantUrl = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      const dossier = await dossierDonneesPret({ demo: true });
      const original = await ouvrirPglite(join(dossier, 'pgdata'));
      const attenduDossier = await contenu(original.db as unknown as Db);
      await original.fermer();

      const sortie = fichier('cli');
      const verrou = verrouillerDossier(dossier); // comme un serveur démarré
      const refus = io();
      expect(await main(['sauvegarder', '--sortie', sortie, '--donnees', dossier], refus.io)).toBe(2);
      expect(refus.sorties.stderr).toMatch(/déjà utilisé par un autre processus Jalon/u);
      verrou.liberer();

      const ok = io();
      expect(await main(['sauvegarder', '--sortie', sortie, '--donnees', dossier], ok.io)).toBe(0);
      expect(ok.sorties.stderr).toMatch(/Sauvegarde de PGlite .* tables, \d+ lignes/u);
      const deNouveau = io();
      expect(await main(['sauvegarder', '--sortie', sortie, '--donnees', dossier], deNouveau.io)).toBe(2);
      expect(deNouveau.sorties.stderr).toMatch(/existe déjà/u);

      const autre = mkdtempSync(join(dossierTravail, 'autre-'));
      const restauration = io();
      expect(
        await main(['restaurer', sortie, '--donnees', autre], restauration.io),
        restauration.sorties.stderr,
      ).toBe(0);
      expect(restauration.sorties.stderr).toMatch(/restaurée dans PGlite/u);
      const restauree = await ouvrirPglite(join(autre, 'pgdata'));
      expect(await contenu(restauree.db as unknown as Db)).toEqual(attenduDossier);
      await restauree.fermer();

      const verrou2 = verrouillerDossier(autre);
      await expect(restaurerDossierPglite(autre, await lireSauvegarde(sortie))).rejects.toThrow(
        /déjà utilisé/u,
      );
      verrou2.liberer();
      rmSync(dossier, { recursive: true, force: true });
    } finally {
      if (avantUrl !== undefined) process.env.DATABASE_URL = avantUrl;
    }
  }, 240_000);
});

// Suite PostgreSQL : déclarée seulement dans la passe PostgreSQL de `.ci/run` (DATABASE_URL_TEST), comme les
// fabriques de la suite de contrat : absente ailleurs plutôt que « sautée ».
if (urlTest !== undefined) {
  describe('sauvegarde PostgreSQL et restauration croisée', () => {
    it('PGlite → PostgreSQL, puis PostgreSQL → PostgreSQL et PostgreSQL → PGlite, à l’identique', async () => {
      const url = urlTest as string;
      const pgA = await postgresVide(url);
      const pgB = await postgresVide(url);
      const pglite = await pgliteVide();
      try {
        await restaurer(pgA, await lireSauvegarde(sauvegardePglite));
        expect(await contenu(pgA.db as unknown as Db)).toEqual(attendu);

        const depuisPg = fichier('postgres');
        await sauvegarder(pgA, depuisPg);
        await restaurer(pgB, await lireSauvegarde(depuisPg));
        expect(await contenu(pgB.db as unknown as Db)).toEqual(attendu);

        await restaurer(pglite, await lireSauvegarde(depuisPg));
        expect(await contenu(pglite.db as unknown as Db)).toEqual(attendu);

        // tout ou rien sur PostgreSQL aussi
        const fautive = fichier('fautive-pg');
        reecrire(depuisPg, fautive, (lignes) =>
          lignes.map((l) => l.replace(/"prev_cd": \d+/u, '"prev_cd": -5')),
        );
        await sql`update collectivite set nom = 'témoin'`.execute(pgB.db as unknown as Db);
        const avant = await contenu(pgB.db as unknown as Db);
        await expect(restaurer(pgB, await lireSauvegarde(fautive))).rejects.toThrow();
        expect(await contenu(pgB.db as unknown as Db)).toEqual(avant);
      } finally {
        await pgA.fermer();
        await pgB.fermer();
        await pglite.fermer();
      }
    }, 240_000);

    it('jalon sauvegarder / restaurer avec DATABASE_URL', async () => {
      const url = urlTest as string;
      const a = await postgresVide(url);
      const b = await postgresVide(url);
      const avantUrl = process.env.DATABASE_URL;
      const sorties = { stderr: '' };
      const io = {
        stdout: { write: () => true },
        stderr: { write: (t: string) => (sorties.stderr += t) },
        cwd: dossierTravail,
      };
      try {
        await restaurer(a, await lireSauvegarde(sauvegardePglite));
        const urlDe = async (base: Base) => {
          const { rows } = await sql<{ d: string }>`select current_database() as d`.execute(
            base.db as unknown as Db,
          );
          const u = new URL(url);
          u.pathname = `/${rows[0]?.d}`;
          return u.toString();
        };
        const sortie = fichier('cli-pg');
        process.env.DATABASE_URL = await urlDe(a);
        expect(await main(['sauvegarder', '--sortie', sortie], io)).toBe(0);
        process.env.DATABASE_URL = await urlDe(b);
        expect(await main(['restaurer', sortie], io)).toBe(0);
        expect(sorties.stderr).toMatch(/restaurée dans PostgreSQL/u);
        expect(await contenu(b.db as unknown as Db)).toEqual(attendu);
      } finally {
        if (avantUrl === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = avantUrl;
        await a.fermer();
        await b.fermer();
      }
    }, 240_000);
  });
}
