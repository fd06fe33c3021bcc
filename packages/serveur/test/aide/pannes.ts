/**
 * Aides des tests de pannes (issue 9 § 4) : client HTTP réel (fetch, cookie, CSRF, JSON et multipart), vrai
 * processus serveur PGlite (`principal.ts`) qu'on peut tuer, PostgreSQL jetable à nous seuls qu'on arrête
 * brutalement (`pg_ctl stop -m immediate`) puis redémarre, application servie sur un vrai port.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { EN_TETE_CSRF } from '@jalon/schemas';
import type { AppJalon } from '../../src/http/contexte.ts';

const RACINE = fileURLToPath(new URL('../../../../', import.meta.url));
const PRINCIPAL = fileURLToPath(new URL('../../src/principal.ts', import.meta.url));

export const attendre = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Un fichier d'un formulaire multipart. */
export interface Envoi {
  readonly nom: string;
  readonly contenu: Uint8Array | string;
}

/** Client HTTP réel (fetch) : cookie de session et jeton CSRF. */
export class ClientHttp {
  private cookie = '';
  private csrf = '';
  constructor(public base: string) {}

  private async envoyer(
    methode: string,
    chemin: string,
    entetes: Record<string, string>,
    corps?: string | FormData,
  ) {
    entetes.cookie = this.cookie;
    if (methode !== 'GET') entetes[EN_TETE_CSRF] = this.csrf;
    const r = await fetch(`${this.base}${chemin}`, {
      method: methode,
      headers: entetes,
      ...(corps !== undefined ? { body: corps } : {}),
    });
    const cookie = r.headers.get('set-cookie');
    if (cookie) this.cookie = cookie.split(';')[0] ?? '';
    const texte = await r.text();
    return { statut: r.status, corps: texte === '' ? null : (JSON.parse(texte) as unknown) };
  }

  requete(methode: string, chemin: string, corps?: unknown): Promise<{ statut: number; corps: unknown }> {
    return corps === undefined
      ? this.envoyer(methode, chemin, {})
      : this.envoyer(methode, chemin, { 'content-type': 'application/json' }, JSON.stringify(corps));
  }

  /** Formulaire multipart réel (FormData) : champs texte et fichiers (champ « fichier »). */
  televerser(
    chemin: string,
    champs: Readonly<Record<string, string>>,
    fichiers: readonly Envoi[],
  ): Promise<{ statut: number; corps: unknown }> {
    const f = new FormData();
    for (const [k, v] of Object.entries(champs)) f.append(k, v);
    for (const x of fichiers) f.append('fichier', new Blob([x.contenu]), x.nom);
    return this.envoyer('POST', chemin, {}, f);
  }

  async connecter(identifiant: string): Promise<void> {
    const r = await this.requete('POST', '/api/session', { identifiant, mot_de_passe: 'demo-jalon' });
    expect(r.statut).toBe(200);
    this.csrf = (r.corps as { csrf: string }).csrf;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Vrai processus serveur PGlite (`principal.ts`, JALON_DONNEES), qu'on arrête (SIGTERM) ou tue (SIGKILL).

export interface Serveur {
  processus: ChildProcess;
  url: string;
  fin: Promise<unknown>;
}

const processus: ChildProcess[] = [];

/** À appeler dans `afterAll` : tue les processus serveurs encore vivants lancés par ce fichier. */
export function tuerServeursRestants(): void {
  for (const p of processus) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
}

export async function demarrerServeur(dossier: string): Promise<Serveur> {
  const enfant = spawn(process.execPath, ['--import', 'tsx', PRINCIPAL], {
    env: {
      ...process.env,
      JALON_DONNEES: dossier,
      PORT: '0',
      HOST: '127.0.0.1',
      JALON_DEMO: '1',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  processus.push(enfant);
  let texte = '';
  enfant.stdout?.on('data', (d: Buffer) => (texte += d.toString()));
  enfant.stderr?.on('data', (d: Buffer) => (texte += d.toString()));
  const fin = new Promise((resolve) => enfant.on('exit', resolve));
  const limite = Date.now() + 170_000;
  let port: string | undefined;
  while (port === undefined) {
    port = /écoute sur http:\/\/localhost:(\d+)/u.exec(texte)?.[1];
    if (enfant.exitCode !== null || Date.now() > limite) throw new Error(`Serveur non démarré : ${texte}`);
    await attendre(100);
  }
  return { processus: enfant, url: `http://127.0.0.1:${port}`, fin };
}

/** Arrêt propre (SIGTERM) : le dossier PGlite est ensuite libre pour une lecture directe. */
export async function arreterServeur(serveur: Serveur): Promise<void> {
  serveur.processus.kill('SIGTERM');
  await serveur.fin;
}

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL jetable (scripts/postgres-test.sh, dossier et port propres), arrêté brutalement puis redémarré.

export const binPostgres = (): string | undefined => {
  try {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
    const bin = `/usr/lib/postgresql/${versions.at(-1)}/bin`;
    return existsSync(join(bin, 'pg_ctl')) ? bin : undefined;
  } catch {
    return undefined;
  }
};

export interface PostgresJetable {
  readonly url: string;
  /** Arrêt brutal (`-m immediate`) : comme une panne, sans point de contrôle. */
  arreter(): void;
  redemarrer(): void;
  /** Arrête et supprime le cluster. */
  supprimer(): void;
}

export function postgresJetable(portDepart: number): PostgresJetable {
  const bin = binPostgres();
  expect(bin, 'PostgreSQL (pg_ctl) introuvable').toBeDefined();
  const dossierPg = mkdtempSync(join(tmpdir(), 'jalon-pg-pannes-'));
  rmSync(dossierPg, { recursive: true, force: true });
  const script = join(RACINE, 'scripts/postgres-test.sh');
  const sortie = execFileSync(script, [], {
    env: { ...process.env, JALON_PG_DOSSIER: dossierPg, JALON_PG_PORT: String(portDepart) },
    encoding: 'utf8',
  });
  const url = /DATABASE_URL_TEST=(\S+)/u.exec(sortie)?.[1] as string;
  const port = readFileSync(join(dossierPg, 'port'), 'utf8').trim();
  const pgCtl = (args: string) =>
    execFileSync(
      'su',
      ['postgres', '-s', '/bin/bash', '-c', `'${bin}/pg_ctl' -D '${dossierPg}/donnees' ${args}`],
      { stdio: 'ignore' },
    );
  const demarrer = () =>
    pgCtl(
      `-l '${dossierPg}/postgres.log' -w -o "-p ${port} -k '${dossierPg}' -c listen_addresses=127.0.0.1" start`,
    );
  // Le script démarre PostgreSQL SANS durabilité (fsync, synchronous_commit et full_page_writes à off : rapide
  // pour les autres suites). Un arrêt brutal y perd des transactions déjà validées : une panne n'y prouverait
  // rien. On redémarre donc l'instance avec les réglages par défaut, durables, comme en production.
  pgCtl('-m fast -w stop');
  demarrer();
  return {
    url,
    arreter: () => pgCtl('-m immediate -w stop'),
    redemarrer: demarrer,
    supprimer: () =>
      execFileSync(script, ['--arreter'], {
        env: { ...process.env, JALON_PG_DOSSIER: dossierPg },
        stdio: 'ignore',
      }),
  };
}

/** L'application servie sur un vrai port local (le client passe par le réseau, comme un navigateur). */
export async function servir(app: AppJalon): Promise<{ url: string; fermer: () => void }> {
  const { serve } = await import('@hono/node-server');
  const ecoute = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await attendre(200);
  const adresse = ecoute.address() as { port: number };
  return { url: `http://127.0.0.1:${adresse.port}`, fermer: () => ecoute.close() };
}
