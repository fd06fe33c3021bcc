// Essai de charge (issue 9 § 3) — pas un test : N utilisateurs simultanés (50 par défaut), CHACUN SA SESSION,
// mêlent lectures et écritures sur les conventions pendant quelques secondes, contre le VRAI serveur
// (`packages/serveur/src/principal.ts`, processus enfant) sur la boucle locale. Puis, serveur arrêté, on
// vérifie EN BASE qu'aucune écriture réussie n'est perdue ni dupliquée.
//
//   npx tsx scripts/charge.ts [--duree 5] [--utilisateurs 50] [--ecritures 0.3] [--postgres <url d'une base VIDE>]
//                             [--chauffe 1] [--pause 500] [--profil <dossier du profil CPU du serveur>]
//
// `--chauffe` : secondes de mise en route (JIT, caches), même mélange, non chronométrées. `--pause` : pause
// moyenne d'un utilisateur entre deux actions, tirée dans [0, 2 × pause] ; 500 ms par défaut, soit environ deux
// actions par seconde et par agent, bien plus vite qu'un agent réel (INT-EXPLOITATION-5) ; `--pause 0` : chacun
// enchaîne sans attendre, c'est un essai de saturation.
//
// Lectures : GET /api/conventions/{id} (détail : fiches, totaux, contrôles). Écritures : création d'une fiche
// action portant un numéro unique par utilisateur et par essai (POST …/fiches avec la version lue juste avant) ;
// un 409 (version périmée : un autre a écrit entre-temps) est le comportement attendu de la concurrence
// optimiste (INT-PLATEFORME-3), compté à part, pas comme une erreur. Vérification : chaque création réussie
// (201) est en base exactement une fois avec exactement une ligne d'audit ; aucune création refusée n'y est.
// Sortie : p50 / p95 / p99 (toutes requêtes, lectures, écritures), débit, erreurs, 409, pertes, doublons.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { ouvrirPglite, ouvrirPostgres, type Base } from '@jalon/serveur';
import { dossierDonneesPret } from '@jalon/serveur/aide-tests';
import { EN_TETE_CSRF } from '@jalon/schemas';

const { values } = parseArgs({
  options: {
    duree: { type: 'string', default: '5' },
    utilisateurs: { type: 'string', default: '50' },
    ecritures: { type: 'string', default: '0.3' },
    /** secondes de mise en route, même mélange, non chronométrées (écritures vérifiées en base comme les autres) */
    chauffe: { type: 'string', default: '1' },
    /** pause moyenne (ms) d'un utilisateur entre deux actions, tirée uniformément dans [0, 2 × pause] */
    pause: { type: 'string', default: '500' },
    postgres: { type: 'string' },
    /** dossier où écrire le profil CPU du serveur (`node --cpu-prof`), à ouvrir dans Chrome DevTools */
    profil: { type: 'string' },
  },
});
const DUREE_MS = Number(values.duree) * 1000;
const UTILISATEURS = Number(values.utilisateurs);
const PART_ECRITURES = Number(values.ecritures);
const CHAUFFE_MS = Number(values.chauffe) * 1000;
const PAUSE_MS = Number(values.pause);
const PRINCIPAL = fileURLToPath(new URL('../packages/serveur/src/principal.ts', import.meta.url));
/** Comptes de démonstration qui peuvent écrire sur les conventions de leur département. */
const COMPTES = ['agent.37', 'agent.44', 'agent.59', 'valideur.37', 'valideur.44', 'valideur.59'];
const MARQUE = `CH${Date.now().toString(36)}`;

interface Session {
  cookie: string;
  csrf: string;
}

let racineUrl = '';

async function requete(
  session: Session | undefined,
  methode: string,
  chemin: string,
  corps?: unknown,
): Promise<{ statut: number; corps: unknown; ms: number }> {
  const entetes: Record<string, string> = {};
  if (session) {
    entetes.cookie = session.cookie;
    if (methode !== 'GET') entetes[EN_TETE_CSRF] = session.csrf;
  }
  if (corps !== undefined) entetes['content-type'] = 'application/json';
  const debut = performance.now();
  const r = await fetch(`${racineUrl}${chemin}`, {
    method: methode,
    headers: entetes,
    ...(corps !== undefined ? { body: JSON.stringify(corps) } : {}),
  });
  const texte = await r.text();
  const ms = performance.now() - debut;
  const lu = texte === '' ? null : (JSON.parse(texte) as unknown);
  if (session === undefined && r.headers.get('set-cookie')) {
    (lu as Record<string, unknown>).__cookie = r.headers.get('set-cookie')?.split(';')[0];
  }
  return { statut: r.status, corps: lu, ms };
}

async function connecter(identifiant: string): Promise<Session> {
  const r = await requete(undefined, 'POST', '/api/session', { identifiant, mot_de_passe: 'demo-jalon' });
  if (r.statut !== 200) throw new Error(`Connexion ${identifiant} : ${r.statut} ${JSON.stringify(r.corps)}`);
  const c = r.corps as { csrf: string; __cookie: string };
  return { cookie: c.__cookie, csrf: c.csrf };
}

interface Cible {
  id: number;
  mesure: string;
  /** Volet de la première fiche (obligatoire pour le cadre france-travail-2024). */
  volet: number | null;
}

async function conventionsModifiables(session: Session): Promise<Cible[]> {
  const liste = await requete(session, 'GET', '/api/conventions');
  const conventions = (liste.corps as { conventions: { id: number; statut: string }[] }).conventions;
  const cibles: Cible[] = [];
  for (const c of conventions.filter((x) => ['brouillon', 'en_negociation'].includes(x.statut))) {
    const d = await requete(session, 'GET', `/api/conventions/${c.id}`);
    const detail = d.corps as {
      droits: { modifier: boolean };
      fiches_actions: { mesure: string; volet: number | null }[];
    };
    const modele = detail.fiches_actions[0];
    if (detail.droits.modifier && modele !== undefined) {
      cibles.push({ id: c.id, mesure: modele.mesure, volet: modele.volet });
    }
  }
  return cibles;
}

interface Mesures {
  lectures: number[];
  ecritures: number[];
  conflits: number;
  erreurs: { statut: number; corps: string }[];
  /** numéros des fiches dont la création a réussi (201), par convention */
  reussies: Map<string, number>;
  refusees: Set<string>;
}

async function utilisateur(
  u: number,
  session: Session,
  cibles: Cible[],
  fin: number,
  m: Mesures,
): Promise<void> {
  let n = 0;
  while (Date.now() < fin) {
    if (PAUSE_MS > 0) await new Promise((r) => setTimeout(r, Math.random() * 2 * PAUSE_MS));
    const cible = cibles[(u + n) % cibles.length] as Cible;
    const lecture = await requete(session, 'GET', `/api/conventions/${cible.id}`);
    m.lectures.push(lecture.ms);
    if (lecture.statut !== 200) {
      m.erreurs.push({ statut: lecture.statut, corps: JSON.stringify(lecture.corps).slice(0, 200) });
      n += 1;
      continue;
    }
    if (Math.random() < PART_ECRITURES) {
      const version = (lecture.corps as { convention: { version: number } }).convention.version;
      const numero = `${MARQUE}.${u}.${n}`;
      const ecriture = await requete(session, 'POST', `/api/conventions/${cible.id}/fiches`, {
        version,
        numero,
        intitule: `Charge ${u}/${n}`,
        mesure: cible.mesure,
        volet: cible.volet,
      });
      m.ecritures.push(ecriture.ms);
      if (ecriture.statut === 201) m.reussies.set(numero, cible.id);
      else {
        m.refusees.add(numero);
        if (ecriture.statut === 409) m.conflits += 1;
        else m.erreurs.push({ statut: ecriture.statut, corps: JSON.stringify(ecriture.corps).slice(0, 200) });
      }
    }
    n += 1;
  }
}

const centile = (valeurs: number[], p: number): number => {
  if (valeurs.length === 0) return Number.NaN;
  const tries = [...valeurs].sort((a, b) => a - b);
  return tries[Math.min(tries.length - 1, Math.ceil((p / 100) * tries.length) - 1)] as number;
};
const ms = (x: number) => `${Math.round(x)} ms`;

async function demarrerServeur(env: NodeJS.ProcessEnv): Promise<{ enfant: ChildProcess; port: number }> {
  const profil = values.profil ? ['--cpu-prof', `--cpu-prof-dir=${values.profil}`] : [];
  const enfant = spawn(process.execPath, [...profil, '--import', 'tsx', PRINCIPAL], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let texte = '';
  enfant.stderr?.on('data', (d: Buffer) => (texte += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    enfant.stdout?.on('data', (d: Buffer) => {
      texte += d.toString();
      const lu = /écoute sur http:\/\/localhost:(\d+)/u.exec(texte);
      if (lu) resolve(Number(lu[1]));
    });
    enfant.on('exit', () => reject(new Error(`Serveur arrêté au démarrage :\n${texte}`)));
  });
  return { enfant, port };
}

async function verifierEnBase(base: Base, m: Mesures): Promise<{ perdues: string[]; dupliquees: string[] }> {
  const db = base.db as unknown as Kysely<unknown>;
  const { rows } = await sql<{ numero: string; convention_id: number; n: number }>`
    select numero, convention_id, count(*)::integer as n from fiche_action
    where numero like ${`${MARQUE}.%`} group by numero, convention_id`.execute(db);
  const { rows: audits } = await sql<{ numero: string; n: number }>`
    select apres->>'numero' as numero, count(*)::integer as n from audit
    where action = 'creer_fiche' and apres->>'numero' like ${`${MARQUE}.%`} group by 1`.execute(db);
  const enBase = new Map(rows.map((r) => [r.numero, r]));
  const auditParNumero = new Map(audits.map((a) => [a.numero, a.n]));
  const perdues = [...m.reussies]
    .filter(([numero, id]) => enBase.get(numero)?.convention_id !== id)
    .map(([n]) => n);
  const dupliquees = [
    ...rows.filter((r) => r.n !== 1 || !m.reussies.has(r.numero)).map((r) => r.numero),
    ...[...m.reussies.keys()].filter((n) => auditParNumero.size > 0 && auditParNumero.get(n) !== 1),
  ];
  if (audits.length === 0 && m.reussies.size > 0) {
    process.stdout.write(
      '  (audit : aucune ligne « creer_fiche » portant le numéro dans « apres » — contrôle d’audit non fait)\n',
    );
  }
  return { perdues, dupliquees };
}

async function principal(): Promise<void> {
  let dossier: string | undefined;
  let env: NodeJS.ProcessEnv;
  if (values.postgres) env = { DATABASE_URL: values.postgres, JALON_DEMO: '1' };
  else {
    dossier = await dossierDonneesPret({ demo: true });
    env = { JALON_DONNEES: dossier, JALON_DEMO: '1', DATABASE_URL: '' };
  }
  const nomBase = values.postgres ? 'PostgreSQL' : 'PGlite (dossier, vrai processus serveur)';
  const { enfant, port } = await demarrerServeur(env);
  racineUrl = `http://127.0.0.1:${port}`;
  try {
    const sessions: Session[] = [];
    for (let u = 0; u < UTILISATEURS; u += 1)
      sessions.push(await connecter(COMPTES[u % COMPTES.length] as string));
    const ciblesParCompte = new Map<string, Cible[]>();
    for (const [u, s] of sessions.entries()) {
      const compte = COMPTES[u % COMPTES.length] as string;
      if (!ciblesParCompte.has(compte)) ciblesParCompte.set(compte, await conventionsModifiables(s));
    }
    const m: Mesures = {
      lectures: [],
      ecritures: [],
      conflits: 0,
      erreurs: [],
      reussies: new Map(),
      refusees: new Set(),
    };
    const cibles = (u: number) => ciblesParCompte.get(COMPTES[u % COMPTES.length] as string) ?? [];
    if (CHAUFFE_MS > 0) {
      // Mise en route : mêmes requêtes, temps jetés ; les écritures réussies restent à vérifier en base.
      const chauffe: Mesures = { ...m, lectures: [], ecritures: [], erreurs: m.erreurs };
      const finChauffe = Date.now() + CHAUFFE_MS;
      await Promise.all(
        sessions.map((s, u) => utilisateur(u + UTILISATEURS, s, cibles(u), finChauffe, chauffe)),
      );
      m.conflits = 0;
    }
    const debut = Date.now();
    const fin = debut + DUREE_MS;
    await Promise.all(sessions.map((s, u) => utilisateur(u, s, cibles(u), fin, m)));
    const duree = (Date.now() - debut) / 1000;
    enfant.kill('SIGTERM');
    await new Promise((r) => enfant.once('exit', r));

    const base = values.postgres
      ? await ouvrirPostgres(values.postgres, 2)
      : await ouvrirPglite(join(dossier as string, 'pgdata'));
    const { perdues, dupliquees } = await verifierEnBase(base, m);
    await base.fermer();

    const toutes = [...m.lectures, ...m.ecritures];
    const ligne = (nom: string, v: number[]) =>
      `  ${nom.padEnd(10)} ${String(v.length).padStart(6)} requêtes   p50 ${ms(centile(v, 50))}   p95 ${ms(centile(v, 95))}   p99 ${ms(centile(v, 99))}`;
    process.stdout.write(
      [
        `Charge — ${nomBase}, ${UTILISATEURS} utilisateurs (une session chacun), ${duree.toFixed(1)} s, ` +
          `${Math.round(PART_ECRITURES * 100)} % d'écritures après lecture, ` +
          (PAUSE_MS > 0 ? `pause moyenne ${PAUSE_MS} ms entre deux actions` : 'sans pause (saturation)') +
          (CHAUFFE_MS > 0 ? `, après ${CHAUFFE_MS / 1000} s de mise en route` : ''),
        ligne('toutes', toutes),
        ligne('lectures', m.lectures),
        ligne('écritures', m.ecritures),
        `  débit : ${Math.round(toutes.length / duree)} requêtes/s`,
        `  écritures réussies (mise en route comprise) : ${m.reussies.size} ; 409 (version périmée, attendus) : ${m.conflits}`,
        `  erreurs : ${m.erreurs.length}${m.erreurs.length > 0 ? ` (ex. ${m.erreurs[0]?.statut} ${m.erreurs[0]?.corps})` : ''}`,
        `  vérification en base : ${perdues.length} écriture(s) perdue(s), ${dupliquees.length} dupliquée(s) ou fantôme(s)`,
        '',
      ].join('\n'),
    );
    if (perdues.length > 0 || dupliquees.length > 0 || m.erreurs.length > 0) process.exitCode = 1;
  } finally {
    if (enfant.exitCode === null && enfant.signalCode === null) enfant.kill('SIGKILL');
    if (dossier) rmSync(dossier, { recursive: true, force: true });
  }
}

await principal();
