import { createHash } from 'node:crypto';
import { Migrator, sql, type Kysely, type RawBuilder } from 'kysely';
import { MIGRATIONS, fournisseurMigrations } from './migrations/index.ts';
import { migrer } from './migrer.ts';
import type { Base } from './ouvrir.ts';
import {
  lireMigrationsAppliquees,
  lireSequences,
  lireTables,
  ordreDeDependance,
  TABLES_MIGRATIONS,
  type TableCatalogue,
} from './sauvegarde-catalogue.ts';
import {
  EcrivainSauvegarde,
  enteteSauvegarde,
  enteteTable,
  FORMAT_SAUVEGARDE,
  lireLignes,
  ligneFin,
  ligneSequences,
  SauvegardeInvalide,
  type EnteteSauvegarde,
  type EnteteTable,
} from './sauvegarde-format.ts';

export { SauvegardeInvalide, FORMAT_SAUVEGARDE } from './sauvegarde-format.ts';

type Db = Kysely<unknown>;

/** Lignes lues puis insérées par paquets : mémoire bornée côté base, peu d'allers-retours. */
const PAQUET = 2000;

export interface ResumeSauvegarde {
  readonly tables: Readonly<Record<string, number>>;
  readonly migrations: readonly string[];
  readonly sha256: string;
}

const tablesDeDonnees = (tables: readonly TableCatalogue[]) =>
  ordreDeDependance(tables.filter((t) => !TABLES_MIGRATIONS.includes(t.nom)));

const colonnesInserees = (t: TableCatalogue) => t.colonnes.filter((c) => !c.calculee);

/** Colonnes json / jsonb : sauvegardées en texte, sinon le JSON `null` et le NULL SQL se confondraient. */
const estJson = (type: string) => type === 'json' || type === 'jsonb';

/** La ligne en objet JSON (`to_jsonb`), les colonnes json / jsonb remplacées par leur texte. */
function ligneJson(t: TableCatalogue): RawBuilder<unknown> {
  const json = colonnesInserees(t).filter((c) => estJson(c.type));
  if (json.length === 0) return sql`to_jsonb(t)`;
  const paires = json.flatMap((c) => [sql.lit(c.nom), sql`${sql.ref(`t.${c.nom}`)}::text`]);
  return sql`(to_jsonb(t) || jsonb_build_object(${sql.join(paires)}))`;
}

const ordreLecture = (t: TableCatalogue): RawBuilder<unknown> =>
  sql.join(
    (t.cle.length > 0 ? t.cle : colonnesInserees(t).map((c) => c.nom)).map((c) => sql`${sql.ref(`t.${c}`)}`),
  );

/**
 * Écrit une sauvegarde `jalon.sauvegarde/1` de la base dans `chemin` (qui ne doit pas exister). Sur
 * PostgreSQL, lecture dans une transaction `repeatable read` : image cohérente même serveur démarré. Sur PGlite,
 * l'appelant tient le verrou du dossier (aucun serveur ne peut écrire pendant la sauvegarde).
 */
export async function sauvegarder(base: Base, chemin: string): Promise<ResumeSauvegarde> {
  const ecrivain = new EcrivainSauvegarde(chemin);
  try {
    const resume = await (base.db as unknown as Db)
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const migrations = (await lireMigrationsAppliquees(trx)) ?? [];
        const { rows: versions } = await sql<{ v: string }>`select version() as v`.execute(trx);
        const entete: EnteteSauvegarde = {
          format: FORMAT_SAUVEGARDE,
          cree_le: new Date().toISOString(),
          origine: { genre: base.genre, version: versions[0]?.v ?? '' },
          migrations,
        };
        await ecrivain.ligne(JSON.stringify(entete));
        const tables: Record<string, { lignes: number; sha256: string }> = {};
        for (const table of tablesDeDonnees(await lireTables(trx))) {
          const { rows: compte } = await sql<{ n: number }>`
            select count(*)::integer as n from ${sql.table(table.nom)}`.execute(trx);
          const lignes = compte[0]?.n ?? 0;
          const entete: EnteteTable = {
            table: table.nom,
            colonnes: colonnesInserees(table).map((c) => ({ nom: c.nom, type: c.type })),
            cle: [...table.cle],
            lignes,
          };
          ecrivain.commencerTable();
          await ecrivain.ligne(JSON.stringify(entete));
          for (let debut = 0; debut < lignes; debut += PAQUET) {
            const { rows } = await sql<{ l: string }>`
              select ${ligneJson(table)}::text as l from ${sql.table(table.nom)} as t
              order by ${ordreLecture(table)} limit ${PAQUET} offset ${debut}`.execute(trx);
            for (const { l } of rows) await ecrivain.ligne(l);
          }
          tables[table.nom] = { lignes, sha256: ecrivain.finirTable() };
        }
        const sequences: Record<string, { valeur: string; appelee: boolean }> = {};
        for (const nom of await lireSequences(trx)) {
          const { rows } = await sql<{ valeur: string; appelee: boolean }>`
            select last_value::text as valeur, is_called as appelee from ${sql.table(nom)}`.execute(trx);
          const etat = rows[0];
          if (etat !== undefined) sequences[nom] = { valeur: etat.valeur, appelee: etat.appelee };
        }
        await ecrivain.ligne(JSON.stringify({ sequences }));
        const sha256 = ecrivain.empreinte();
        await ecrivain.ligne(JSON.stringify({ fin: { tables, sha256 } }));
        return {
          tables: Object.fromEntries(Object.entries(tables).map(([n, t]) => [n, t.lignes])),
          migrations,
          sha256,
        };
      });
    await ecrivain.fermer();
    return resume;
  } catch (erreur) {
    await ecrivain.fermer().catch(() => undefined);
    throw erreur;
  }
}

export interface SauvegardeLue {
  readonly entete: EnteteSauvegarde;
  readonly tables: readonly { entete: EnteteTable; lignes: readonly string[] }[];
  readonly sequences: Readonly<Record<string, { valeur: string; appelee: boolean }>>;
}

function analyser<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  texte: string | undefined,
  ou: string,
  attendu: string,
): T {
  let valeur: unknown;
  try {
    valeur = JSON.parse(texte ?? '');
  } catch {
    throw new SauvegardeInvalide(`${ou} : JSON illisible (${attendu} attendu).`);
  }
  const lu = schema.safeParse(valeur);
  if (!lu.success) throw new SauvegardeInvalide(`${ou} : ${attendu} attendu.`);
  return lu.data;
}

/**
 * Lit et vérifie entièrement une sauvegarde AVANT toute écriture : structure, nombre de lignes et SHA-256 par
 * table, SHA-256 global, migrations connues de ce code et dans l'ordre (une sauvegarde faite par une version plus
 * récente de Jalon est refusée).
 */
export async function lireSauvegarde(chemin: string): Promise<SauvegardeLue> {
  const lignes = await lireLignes(chemin);
  const ou = (i: number) => `Sauvegarde « ${chemin} », ligne ${i + 1}`;
  const premiere = lignes[0];
  let format: unknown;
  try {
    format = (JSON.parse(premiere ?? '') as { format?: unknown }).format;
  } catch {
    format = undefined;
  }
  if (format !== FORMAT_SAUVEGARDE) {
    throw new SauvegardeInvalide(
      `${ou(0)} : ce n'est pas une sauvegarde Jalon (format « ${FORMAT_SAUVEGARDE} » attendu).`,
    );
  }
  const entete = analyser(enteteSauvegarde, premiere, ou(0), 'en-tête de sauvegarde');
  const global = createHash('sha256').update(`${premiere}\n`);
  const tables: { entete: EnteteTable; lignes: string[]; sha256: string }[] = [];
  let i = 1;
  let sequences: SauvegardeLue['sequences'] | undefined;
  while (i < lignes.length && sequences === undefined) {
    const texte = lignes[i] as string;
    if (texte.startsWith('{"sequences"')) {
      sequences = analyser(ligneSequences, texte, ou(i), 'séquences').sequences;
      global.update(`${texte}\n`);
      i += 1;
      break;
    }
    const t = analyser(enteteTable, texte, ou(i), 'en-tête de table ou séquences');
    const hashTable = createHash('sha256').update(`${texte}\n`);
    global.update(`${texte}\n`);
    const contenu = lignes.slice(i + 1, i + 1 + t.lignes);
    if (contenu.length < t.lignes) {
      throw new SauvegardeInvalide(
        `${ou(i)} : table « ${t.table} » tronquée (${t.lignes} lignes annoncées, ${contenu.length} présentes).`,
      );
    }
    contenu.forEach((l, k) => {
      if (!l.startsWith('{') || !l.endsWith('}')) {
        throw new SauvegardeInvalide(`${ou(i + 1 + k)} : ligne de la table « ${t.table} » illisible.`);
      }
      hashTable.update(`${l}\n`);
      global.update(`${l}\n`);
    });
    tables.push({ entete: t, lignes: contenu, sha256: hashTable.digest('hex') });
    i += 1 + t.lignes;
  }
  if (sequences === undefined)
    throw new SauvegardeInvalide(`${ou(i)} : sauvegarde tronquée (séquences absentes).`);
  const fin = analyser(ligneFin, lignes[i], ou(i), 'ligne de fin (empreintes)').fin;
  if (i + 1 < lignes.length && lignes.slice(i + 1).some((l) => l !== '')) {
    throw new SauvegardeInvalide(`${ou(i + 1)} : contenu inattendu après la ligne de fin.`);
  }
  if (global.digest('hex') !== fin.sha256) {
    throw new SauvegardeInvalide(
      `Sauvegarde « ${chemin} » altérée : l'empreinte SHA-256 globale ne correspond pas.`,
    );
  }
  for (const t of tables) {
    const attendu = fin.tables[t.entete.table];
    if (attendu === undefined || attendu.sha256 !== t.sha256 || attendu.lignes !== t.lignes.length) {
      throw new SauvegardeInvalide(
        `Sauvegarde « ${chemin} » altérée : table « ${t.entete.table} » (nombre de lignes ou SHA-256).`,
      );
    }
  }
  if (Object.keys(fin.tables).length !== tables.length) {
    throw new SauvegardeInvalide(`Sauvegarde « ${chemin} » altérée : liste des tables incomplète.`);
  }
  verifierMigrations(entete.migrations);
  return { entete, tables: tables.map(({ entete: e, lignes: l }) => ({ entete: e, lignes: l })), sequences };
}

/** Les migrations de la sauvegarde doivent être un début de la liste des migrations de ce code. */
function verifierMigrations(migrations: readonly string[]): void {
  const connues = Object.keys(MIGRATIONS).sort();
  if (migrations.length === 0) {
    throw new SauvegardeInvalide('Sauvegarde sans migration appliquée : rien à restaurer.');
  }
  const inconnue = migrations.find((m) => !connues.includes(m));
  if (inconnue !== undefined) {
    throw new SauvegardeInvalide(
      `Sauvegarde faite par une version plus récente de Jalon (migration « ${inconnue} » inconnue de cette ` +
        `version, dernière connue « ${connues.at(-1)} ») : mettez Jalon à jour avant de restaurer.`,
    );
  }
  if (migrations.some((m, k) => connues[k] !== m)) {
    throw new SauvegardeInvalide(
      `Migrations de la sauvegarde dans un ordre inattendu (${migrations.join(', ')}) : restauration refusée.`,
    );
  }
}

export interface ResumeRestauration {
  readonly tables: Readonly<Record<string, number>>;
  /** Migrations passées après le chargement (sauvegarde d'une version antérieure de Jalon). */
  readonly migrationsAppliquees: readonly string[];
}

async function amenerAuNiveau(db: Db, migrations: readonly string[]): Promise<void> {
  const appliquees = await lireMigrationsAppliquees(db);
  if (appliquees === undefined || appliquees.length === 0) {
    const migrator = new Migrator({
      db,
      provider: fournisseurMigrations,
      migrationTableName: 'jalon_migration',
      migrationLockTableName: 'jalon_migration_verrou',
    });
    const { error } = await migrator.migrateTo(migrations.at(-1) as string);
    if (error !== undefined) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new SauvegardeInvalide(`Préparation du schéma de la base cible impossible : ${detail}`);
    }
    return;
  }
  if (appliquees.join('\n') !== migrations.join('\n')) {
    throw new SauvegardeInvalide(
      `La base cible est à un autre niveau de schéma (dernière migration « ${appliquees.at(-1)} », sauvegarde ` +
        `« ${migrations.at(-1)} ») : restaurez dans une base vide.`,
    );
  }
}

function verifierSchema(sauvegarde: SauvegardeLue, cibles: readonly TableCatalogue[]): void {
  const decrire = (colonnes: readonly { nom: string; type: string }[]) =>
    colonnes.map((c) => `${c.nom} ${c.type}`).join(', ');
  const noms = new Set(cibles.map((t) => t.nom));
  for (const { entete } of sauvegarde.tables) {
    const cible = cibles.find((t) => t.nom === entete.table);
    if (cible === undefined) {
      throw new SauvegardeInvalide(`Table « ${entete.table} » de la sauvegarde absente de la base cible.`);
    }
    noms.delete(entete.table);
    const attendues = decrire(colonnesInserees(cible));
    if (decrire(entete.colonnes) !== attendues) {
      throw new SauvegardeInvalide(
        `Colonnes de la table « ${entete.table} » différentes entre la sauvegarde (${decrire(entete.colonnes)}) ` +
          `et la base cible (${attendues}).`,
      );
    }
  }
  if (noms.size > 0) {
    throw new SauvegardeInvalide(
      `Tables de la base cible absentes de la sauvegarde : ${[...noms].join(', ')}.`,
    );
  }
}

async function remplacerMode(db: Db, mode: 'replica' | 'origin'): Promise<void> {
  try {
    await sql`select set_config('session_replication_role', ${mode}, true)`.execute(db);
  } catch (erreur) {
    throw new SauvegardeInvalide(
      `Vider la base cible demande un rôle PostgreSQL superutilisateur (tables immuables) : restaurez dans une ` +
        `base vide, ou avec un rôle superutilisateur (${erreur instanceof Error ? erreur.message : String(erreur)}).`,
    );
  }
}

/**
 * Restaure une sauvegarde vérifiée, tout ou rien : la base cible est vide (schéma créé jusqu'à la migration de
 * la sauvegarde) ou au même niveau de migrations (son contenu est alors remplacé) ; toutes les tables sont
 * vidées puis rechargées, séquences comprises, dans UNE transaction. Ensuite les migrations plus récentes de ce
 * code passent (sauvegarde d'une version antérieure).
 */
export async function restaurer(base: Base, sauvegarde: SauvegardeLue): Promise<ResumeRestauration> {
  const db = base.db as unknown as Db;
  await amenerAuNiveau(db, sauvegarde.entete.migrations);
  await db.transaction().execute(async (trx) => {
    const cibles = tablesDeDonnees(await lireTables(trx));
    verifierSchema(sauvegarde, cibles);
    if (cibles.length > 0) {
      // Les tables immuables (dépôts figés, migration 0004) refusent TRUNCATE par déclencheur : on les
      // suspend le temps de vider (mode « replica », superutilisateur), puis on revient au mode normal AVANT
      // de charger, pour que clés étrangères et contraintes vérifient chaque ligne restaurée.
      await remplacerMode(trx, 'replica');
      await sql`truncate table ${sql.join(cibles.map((t) => sql.table(t.nom)))}`.execute(trx);
      await remplacerMode(trx, 'origin');
    }
    for (const { entete, lignes } of sauvegarde.tables) {
      const cible = cibles.find((t) => t.nom === entete.table) as TableCatalogue;
      // Types pris dans le catalogue de la base cible (vérifiés égaux à ceux de la sauvegarde), jamais dans le
      // fichier ; json / jsonb lus en texte puis convertis (voir ligneJson).
      const inserees = colonnesInserees(cible);
      const colonnes = sql.join(inserees.map((c) => sql.ref(c.nom)));
      const definition = sql.join(
        inserees.map((c) => sql`${sql.id(c.nom)} ${sql.raw(estJson(c.type) ? 'text' : c.type)}`),
      );
      const valeurs = sql.join(
        inserees.map((c) =>
          estJson(c.type) ? sql`${sql.ref(`x.${c.nom}`)}::${sql.raw(c.type)}` : sql.ref(`x.${c.nom}`),
        ),
      );
      const forcer = cible.colonnes.some((c) => c.identiteToujours) ? sql`overriding system value` : sql``;
      for (let debut = 0; debut < lignes.length; debut += PAQUET) {
        const paquet = `[${lignes.slice(debut, debut + PAQUET).join(',')}]`;
        await sql`
          insert into ${sql.table(entete.table)} (${colonnes}) ${forcer}
          select ${valeurs} from jsonb_to_recordset(${paquet}::jsonb) as x(${definition})`.execute(trx);
      }
    }
    const sequencesCibles = await lireSequences(trx);
    for (const nom of sequencesCibles) {
      const etat = sauvegarde.sequences[nom];
      if (etat === undefined) throw new SauvegardeInvalide(`Séquence « ${nom} » absente de la sauvegarde.`);
      await sql`select setval(quote_ident(${nom})::regclass, ${etat.valeur}::bigint, ${etat.appelee})`.execute(
        trx,
      );
    }
  });
  const migrationsAppliquees = await migrer(db);
  return {
    tables: Object.fromEntries(sauvegarde.tables.map((t) => [t.entete.table, t.lignes.length])),
    migrationsAppliquees,
  };
}
