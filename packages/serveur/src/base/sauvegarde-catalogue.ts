import { sql, type Kysely } from 'kysely';

/**
 * Lecture du catalogue PostgreSQL (identique sur PGlite) pour la sauvegarde : les tables ne sont PAS listées en
 * dur — chaque migration peut en ajouter — mais découvertes dans le schéma courant, avec leurs colonnes, leur clé
 * primaire, leurs clés étrangères (ordre d'insertion) et les séquences.
 */

/** Tables tenues par le Migrator de Kysely (`migrer.ts`) : recréées par les migrations, pas par les données. */
export const TABLES_MIGRATIONS: readonly string[] = ['jalon_migration', 'jalon_migration_verrou'];

export interface ColonneCatalogue {
  readonly nom: string;
  /** `format_type` : `integer`, `bigint`, `text`, `timestamp with time zone`, `jsonb`… */
  readonly type: string;
  /** Colonne calculée (`generated always as … stored`) : jamais sauvegardée ni insérée. */
  readonly calculee: boolean;
  /** Identité `generated always` : l'insertion demande `overriding system value`. */
  readonly identiteToujours: boolean;
}

export interface TableCatalogue {
  readonly nom: string;
  readonly colonnes: readonly ColonneCatalogue[];
  /** Colonnes de la clé primaire (ordre de lecture stable) ; vide s'il n'y en a pas. */
  readonly cle: readonly string[];
  /** Tables référencées par une clé étrangère (hors elle-même). */
  readonly dependances: readonly string[];
}

type Db = Kysely<unknown>;

export async function lireTables(db: Db): Promise<TableCatalogue[]> {
  const { rows: tables } = await sql<{ nom: string }>`
    select c.relname as nom
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p')
    order by c.relname`.execute(db);
  const { rows: colonnes } = await sql<{
    table: string;
    nom: string;
    type: string;
    genere: string;
    identite: string;
  }>`
    select c.relname as table, a.attname as nom, pg_catalog.format_type(a.atttypid, a.atttypmod) as type,
           a.attgenerated::text as genere, a.attidentity::text as identite
    from pg_catalog.pg_attribute a
    join pg_catalog.pg_class c on c.oid = a.attrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`.execute(db);
  const { rows: contraintes } = await sql<{
    table: string;
    genre: string;
    cible: string | null;
    cles: string[];
  }>`
    select c.relname as table, k.contype::text as genre, f.relname as cible,
           array(select a.attname from unnest(k.conkey) with ordinality u(num, rang)
                 join pg_catalog.pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.num
                 order by u.rang)::text[] as cles
    from pg_catalog.pg_constraint k
    join pg_catalog.pg_class c on c.oid = k.conrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    left join pg_catalog.pg_class f on f.oid = k.confrelid
    where n.nspname = current_schema() and k.contype in ('p', 'f')`.execute(db);

  return tables.map(({ nom }) => ({
    nom,
    colonnes: colonnes
      .filter((c) => c.table === nom)
      .map((c) => ({
        nom: c.nom,
        type: c.type,
        calculee: c.genere !== '',
        identiteToujours: c.identite === 'a',
      })),
    cle: contraintes.find((k) => k.table === nom && k.genre === 'p')?.cles ?? [],
    dependances: [
      ...new Set(
        contraintes
          .filter((k) => k.table === nom && k.genre === 'f' && k.cible !== null && k.cible !== nom)
          .map((k) => k.cible as string),
      ),
    ].sort(),
  }));
}

/**
 * Ordre de dépendance (tri topologique, Kahn) : une table vient après celles qu'elle référence ; à égalité,
 * ordre alphabétique (sortie stable). Un cycle de clés étrangères est signalé plutôt que mal restauré.
 */
export function ordreDeDependance(tables: readonly TableCatalogue[]): TableCatalogue[] {
  const restantes = new Map(tables.map((t) => [t.nom, t]));
  const ordre: TableCatalogue[] = [];
  while (restantes.size > 0) {
    const pretes = [...restantes.values()]
      .filter((t) => t.dependances.every((d) => !restantes.has(d)))
      .sort((a, b) => a.nom.localeCompare(b.nom));
    if (pretes.length === 0) {
      throw new Error(
        `Sauvegarde impossible : cycle de clés étrangères entre les tables ${[...restantes.keys()].join(', ')}.`,
      );
    }
    for (const t of pretes) {
      ordre.push(t);
      restantes.delete(t.nom);
    }
  }
  return ordre;
}

export async function lireSequences(db: Db): Promise<string[]> {
  const { rows } = await sql<{ nom: string }>`
    select c.relname as nom
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'S'
    order by c.relname`.execute(db);
  return rows.map((r) => r.nom);
}

export async function lireMigrationsAppliquees(db: Db): Promise<string[] | undefined> {
  const { rows } = await sql<{ existe: boolean }>`
    select exists (
      select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relname = 'jalon_migration'
    ) as existe`.execute(db);
  if (rows[0]?.existe !== true) return undefined;
  const { rows: noms } = await sql<{ name: string }>`select name from jalon_migration order by name`.execute(
    db,
  );
  return noms.map((r) => r.name);
}
