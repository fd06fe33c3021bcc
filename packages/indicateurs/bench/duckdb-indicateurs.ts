import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';

/**
 * Seconde méthode, en SQL (DuckDB), des indicateurs d'insertion de shared/specs/parcours-rsa-v1.md § 2, avec la
 * sémantique exacte arrêtée pour le moteur (R1–R8, rappelées en commentaire de chaque étape). Écrite sans rien
 * reprendre du moteur TypeScript (ni code, ni structure : ici tout est ensembliste, fenêtres et jointures), pour
 * que l'accord des deux méthodes ait un sens. Lit les mêmes fichiers CSV ; formats restreints à ce qu'écrit le
 * générateur du banc (UTF-8, séparateur `,`, dates AAAA-MM-JJ, mois AAAA-MM, booléens oui/non…).
 */
export const CODES_DUCKDB = [
  'nouveaux_entrants',
  'nouveaux_entrants_orientes',
  'nouveaux_entrants_orientes_hors_france_travail',
  'orientes_1_mois',
  'orientes_15_jours',
  'premiers_rdv',
  'premiers_rdv_2_semaines',
  'premiers_cer',
  'premiers_cer_2_mois',
  'ga_orientes',
  'ga_en_cours',
  'ag_orientes',
  'ag_en_cours',
  'ag_par_conseiller',
  'ag_delai_moyen_jours',
] as const;
export type CodeDuckdb = (typeof CODES_DUCKDB)[number];
export type IndicateursDuckdb = Record<CodeDuckdb, number | null>;

export interface ResultatDuckdb {
  readonly indicateurs: IndicateursDuckdb;
  /** Durées en millisecondes : chargement des CSV, puis requête des indicateurs. */
  readonly dureeChargementMs: number;
  readonly dureeRequeteMs: number;
  readonly lignesSituations: number;
  readonly lignesEvenements: number;
}

const VRAI = `('oui', 'o', '1', 'vrai', 'true')`;

function litteral(texte: string): string {
  return `'${texte.replaceAll("'", "''")}'`;
}

/**
 * Chargement : une table par fichier, dans l'ordre du fichier (`ordre` = rang de la ligne, pour les égalités du même
 * jour : INT-BENCH-1).
 */
function sqlChargement(dossier: string): string[] {
  const lire = (fichier: string): string =>
    `read_csv(${litteral(join(dossier, fichier))}, header = true, delim = ',', all_varchar = true, quote = '"')`;
  return [
    // Conserver l'ordre d'insertion (défaut de DuckDB, posé explicitement) : `rowid` = rang dans le fichier.
    `SET preserve_insertion_order = true`,
    `CREATE TABLE sit AS
       SELECT id_personne AS id,
              CAST(split_part(mois, '-', 1) AS INTEGER) * 12 + CAST(split_part(mois, '-', 2) AS INTEGER) - 1 AS m,
              lower(trim(droit_versable)) IN ${VRAI} AS v,
              lower(trim(soumis_droits_devoirs)) IN ${VRAI} AS s,
              -- parcours v1 § 1 : etat_droit par défaut « ouvert » si versable, sinon « suspendu » (INT-BENCH-2).
              coalesce(nullif(trim(etat_droit), ''),
                       CASE WHEN lower(trim(droit_versable)) IN ${VRAI} THEN 'ouvert' ELSE 'suspendu' END) AS etat
       FROM ${lire('situations_mensuelles.csv')}`,
    `CREATE TABLE ev_brut AS
       SELECT id_personne AS id, type, CAST(date AS DATE) AS d, nullif(trim(organisme), '') AS organisme,
              nullif(trim(dispositif), '') AS dispositif, nullif(trim(statut), '') AS statut,
              nullif(trim(conseiller), '') AS conseiller
       FROM ${lire('evenements.csv')}`,
    `CREATE TABLE ev AS SELECT rowid AS ordre, * FROM ev_brut`,
    `DROP TABLE ev_brut`,
  ];
}

/** Requête des indicateurs de l'année `annee` (R1–R8). Un seul SELECT, une ligne, une colonne par code. */
function sqlIndicateurs(annee: number): string {
  const mP = annee * 12; // janvier de P en mois absolu
  const finP = `DATE '${String(annee)}-12-31'`;
  return `
WITH
-- Fenêtre globale du fichier des situations (toutes personnes) : une absence n'est une radiation qu'à l'intérieur.
fenetre AS (SELECT min(m) AS gmin, max(m) AS gmax FROM sit),
-- R1 : un suivi commence à une orientation ou une désignation de référent.
debuts AS (SELECT id, d FROM ev WHERE type IN ('orientation', 'designation_referent')),
-- R3 : mois m de P avec V(m), SDD(m) et non SDD(m−1) (absente en m−1 ⇒ non SDD).
precedents AS (
  SELECT id, m, v, s, lag(m) OVER w AS m_prec, lag(s) OVER w AS s_prec
  FROM sit WINDOW w AS (PARTITION BY id ORDER BY m)
),
candidats AS (
  SELECT id, m, premier_jour(m) AS debut_m
  FROM precedents
  WHERE m BETWEEN ${String(mP)} AND ${String(mP + 11)} AND v AND s
    AND NOT coalesce(m_prec = m - 1 AND s_prec, false)
),
-- R2 : d* = le dernier début de suivi strictement avant le premier jour de m.
avec_debut AS (
  SELECT c.id, c.m, c.debut_m, max(e.d) AS d_star
  FROM candidats c LEFT JOIN debuts e ON e.id = c.id AND e.d < c.debut_m
  GROUP BY c.id, c.m, c.debut_m
),
bornes AS (
  SELECT a.*, mois_de(a.d_star) AS m_star,
         -- mois x strictement entre mois(d*) et m, ramenés à la fenêtre globale pour les absences
         greatest(mois_de(a.d_star) + 1, f.gmin) AS x_min, least(a.m - 1, f.gmax) AS x_max
  FROM avec_debut a, fenetre f
),
-- Suspensions : suites de mois consécutifs « suspendu » (îlots : m − rang constant).
suspensions AS (
  SELECT id, min(m) AS debut, max(m) AS fin
  FROM (SELECT id, m, m - row_number() OVER (PARTITION BY id ORDER BY m) AS ilot FROM sit WHERE etat = 'suspendu')
  GROUP BY id, ilot
),
suivi AS (
  SELECT b.id, b.m,
    b.d_star IS NOT NULL
    -- R2 (a) : fin_suivi f avec d* < f < premier(m) (le même jour qu'un début, elle s'applique avant lui)
    AND NOT EXISTS (SELECT 1 FROM ev f WHERE f.id = b.id AND f.type = 'fin_suivi' AND f.d > b.d_star AND f.d < b.debut_m)
    -- R2 (b) : chaque mois x de [x_min, x_max] doit être présent et ni radie ni clos
    AND (b.x_max < b.x_min OR (
          SELECT count(*) FROM sit x
          WHERE x.id = b.id AND x.m BETWEEN b.x_min AND b.x_max AND x.etat NOT IN ('radie', 'clos')
        ) = b.x_max - b.x_min + 1)
    -- R2 (c) : pas 13 mois consécutifs suspendus dans ]mois(d*), m[
    AND NOT EXISTS (
          SELECT 1 FROM suspensions r
          WHERE r.id = b.id AND least(r.fin, b.m - 1) - greatest(r.debut, b.m_star + 1) + 1 >= 13)
    AS en_cours
  FROM bornes b
),
-- R3 : nouveaux entrants = personnes distinctes avec au moins un mois d'entrée ; M = le premier.
entrants AS (SELECT id, min(m) AS mois_entree FROM suivi WHERE NOT en_cours GROUP BY id),
-- R4 : T0 = première réception de notification à partir du premier jour de M − 1.
t0 AS (
  SELECT n.id, min(e.d) AS t0
  FROM entrants n JOIN ev e ON e.id = n.id AND e.type = 'reception_notification' AND e.d >= premier_jour(n.mois_entree - 1)
  GROUP BY n.id
),
-- R4 : orientation = premier début de suivi à partir du premier jour de M (à jour égal, l'ordre du fichier :
-- INT-BENCH-1).
orientation AS (
  SELECT n.id, e.d AS d_orientation, e.organisme
  FROM entrants n JOIN ev e ON e.id = n.id AND e.type IN ('orientation', 'designation_referent')
                               AND e.d >= premier_jour(n.mois_entree)
  QUALIFY row_number() OVER (PARTITION BY n.id ORDER BY e.d, e.ordre) = 1
),
parcours AS (
  SELECT n.id, t.t0, o.d_orientation,
         o.d_orientation IS NOT NULL AND coalesce(o.organisme, '') <> 'france_travail' AS hors_ft
  FROM entrants n LEFT JOIN t0 t USING (id) LEFT JOIN orientation o USING (id)
),
-- R7 : premier rdv non annulé (statut absent compris) / premier CER, à partir du jour de l'orientation.
premier_rdv AS (
  SELECT p.id, min(e.d) AS d_rdv
  FROM parcours p JOIN ev e ON e.id = p.id AND e.type = 'rdv' AND coalesce(e.statut, '') <> 'annule'
                               AND e.d >= p.d_orientation
  WHERE p.hors_ft GROUP BY p.id
),
premier_cer AS (
  SELECT p.id, min(e.d) AS d_cer
  FROM parcours p JOIN ev e ON e.id = p.id AND e.type = 'cer' AND e.d >= p.d_orientation
  WHERE p.hors_ft GROUP BY p.id
),
mesures AS (
  SELECT p.*, r.d_rdv, c.d_cer FROM parcours p LEFT JOIN premier_rdv r USING (id) LEFT JOIN premier_cer c USING (id)
),
-- R8 : stocks GA / AG au 31/12 de P : dernière entrée au plus tard ce jour (à jour égal, la dernière ligne du
-- fichier : INT-BENCH-1), sans sortie dans [entrée, 31/12].
dernieres_entrees AS (
  SELECT id, dispositif, d, conseiller FROM ev
  WHERE type = 'entree_dispositif' AND d <= ${finP}
  QUALIFY row_number() OVER (PARTITION BY id, dispositif ORDER BY d DESC, ordre DESC) = 1
),
stocks AS (
  SELECT de.* FROM dernieres_entrees de
  WHERE NOT EXISTS (SELECT 1 FROM ev s WHERE s.id = de.id AND s.type = 'sortie_dispositif'
                    AND s.dispositif = de.dispositif AND s.d >= de.d AND s.d <= ${finP})
),
stock_ag AS (
  SELECT count(*) AS n, count(DISTINCT conseiller) AS conseillers FROM stocks WHERE dispositif = 'accompagnement_global'
),
-- R8 : délai proposition → entrée AG, sur chaque entrée AG datée dans P précédée (ou le même jour) d'une proposition.
delais_ag AS (
  SELECT e.ordre, e.d - max(p.d) AS jours
  FROM ev e JOIN ev p ON p.id = e.id AND p.type = 'proposition_dispositif' AND p.dispositif = 'accompagnement_global'
                         AND p.d <= e.d
  WHERE e.type = 'entree_dispositif' AND e.dispositif = 'accompagnement_global' AND year(e.d) = ${String(annee)}
  GROUP BY e.ordre, e.d
),
somme_delais AS (SELECT sum(jours) AS total, count(*) AS n FROM delais_ag)
SELECT
  (SELECT count(*) FROM mesures) AS nouveaux_entrants,
  -- R6
  (SELECT count(*) FROM mesures WHERE d_orientation <= ${finP}) AS nouveaux_entrants_orientes,
  (SELECT count(*) FROM mesures WHERE d_orientation <= ${finP} AND hors_ft)
    AS nouveaux_entrants_orientes_hors_france_travail,
  -- R5/R6 : « 1 mois » ⇔ orientation < T0 + 1 mois (fin de mois bornée) ; « 15 jours » ⇔ écart ≤ 14 jours
  (SELECT count(*) FROM mesures WHERE t0 IS NOT NULL AND d_orientation < ajouter_mois(t0, 1)) AS orientes_1_mois,
  (SELECT count(*) FROM mesures WHERE t0 IS NOT NULL AND d_orientation - t0 <= 14) AS orientes_15_jours,
  -- R7
  (SELECT count(*) FROM mesures WHERE d_rdv <= ${finP}) AS premiers_rdv,
  (SELECT count(*) FROM mesures WHERE d_rdv <= ${finP} AND d_rdv - d_orientation <= 14) AS premiers_rdv_2_semaines,
  (SELECT count(*) FROM mesures WHERE d_cer <= ${finP}) AS premiers_cer,
  (SELECT count(*) FROM mesures WHERE d_cer <= ${finP} AND t0 IS NOT NULL AND d_cer < ajouter_mois(t0, 2))
    AS premiers_cer_2_mois,
  -- R8
  (SELECT count(DISTINCT n.id) FROM entrants n JOIN ev e ON e.id = n.id AND e.type = 'entree_dispositif'
     AND e.dispositif = 'garantie_activite_departementale' AND year(e.d) = ${String(annee)}) AS ga_orientes,
  (SELECT count(*) FROM stocks WHERE dispositif = 'garantie_activite_departementale') AS ga_en_cours,
  (SELECT count(DISTINCT id) FROM ev WHERE type = 'entree_dispositif' AND dispositif = 'accompagnement_global'
     AND year(d) = ${String(annee)}) AS ag_orientes,
  (SELECT n FROM stock_ag) AS ag_en_cours,
  -- arrondi au dixième, demi vers le haut, en entiers : ⌊(20·a + c) / (2·c)⌋ / 10
  (SELECT CASE WHEN conseillers = 0 THEN NULL
               ELSE ((20 * n + conseillers) // (2 * conseillers)) / 10 END FROM stock_ag) AS ag_par_conseiller,
  (SELECT CASE WHEN n = 0 THEN NULL ELSE ((20 * total + n) // (2 * n)) / 10 END FROM somme_delais)
    AS ag_delai_moyen_jours
`;
}

/** Macros de dates, écrites ici sans l'arithmétique d'intervalles de DuckDB pour rendre la règle visible. */
const MACROS = [
  // mois absolu → premier jour
  `CREATE MACRO premier_jour(m) AS make_date(CAST(m // 12 AS BIGINT), CAST(m % 12 + 1 AS BIGINT), 1)`,
  `CREATE MACRO mois_de(d) AS year(d) * 12 + month(d) - 1`,
  // R5 : d + n mois calendaires ; jour inexistant ⇒ dernier jour du mois d'arrivée (31/01 + 1 mois = 28/02 ou 29/02)
  `CREATE MACRO ajouter_mois(d, n) AS
     least(premier_jour(mois_de(d) + n) + CAST(day(d) - 1 AS INTEGER), last_day(premier_jour(mois_de(d) + n)))`,
];

function versNombre(valeur: unknown, code: string): number | null {
  if (valeur === null) return null;
  if (typeof valeur === 'bigint') return Number(valeur);
  if (typeof valeur === 'number') return valeur;
  throw new Error(`DuckDB : valeur inattendue pour ${code} : ${String(valeur)}`);
}

export async function calculerAvecDuckdb(dossier: string, annee: number): Promise<ResultatDuckdb> {
  const instance = await DuckDBInstance.create(':memory:');
  const connexion = await instance.connect();
  try {
    const debut = performance.now();
    for (const sql of [...MACROS, ...sqlChargement(dossier)]) await connexion.run(sql);
    const comptes = await connexion.runAndReadAll(
      `SELECT (SELECT count(*) FROM sit) AS situations, (SELECT count(*) FROM ev) AS evenements`,
    );
    const [ligneComptes] = comptes.getRowObjectsJS();
    const finChargement = performance.now();
    const lecteur = await connexion.runAndReadAll(sqlIndicateurs(annee));
    const [ligne] = lecteur.getRowObjectsJS();
    const fin = performance.now();
    if (ligne === undefined || ligneComptes === undefined) throw new Error('DuckDB : résultat vide');
    const indicateurs = Object.fromEntries(
      CODES_DUCKDB.map((code) => [code, versNombre(ligne[code], code)]),
    ) as IndicateursDuckdb;
    return {
      indicateurs,
      dureeChargementMs: finChargement - debut,
      dureeRequeteMs: fin - finChargement,
      lignesSituations: versNombre(ligneComptes['situations'], 'situations') ?? 0,
      lignesEvenements: versNombre(ligneComptes['evenements'], 'evenements') ?? 0,
    };
  } finally {
    connexion.closeSync();
    instance.closeSync();
  }
}
