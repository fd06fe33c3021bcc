// Banc d'essai de l'API (issue « Plateforme » § 10) — pas un test : autocannon sur la boucle locale, ~5 s,
// 50 connexions, contre la lecture d'une convention (GET /api/conventions/{id} : fiches, totaux et contrôles
// calculés par le domaine) avec une session de démonstration. Affiche p50 / p95 / p99 et les erreurs.
//
//   npx tsx scripts/bench-api.ts [--duree 5] [--connexions 50] [--postgres <url d'une base VIDE>]
//
// Le serveur tourne dans un processus enfant, autocannon dans le processus principal.
// Base : PGlite en mémoire (défaut) ou un PostgreSQL (base vide : la démonstration y est semée).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { ouvrirPglite, ouvrirPostgres, preparerApplication } from '@jalon/serveur';

const { values } = parseArgs({
  options: {
    duree: { type: 'string', default: '5' },
    connexions: { type: 'string', default: '50' },
    postgres: { type: 'string' },
    serveur: { type: 'boolean', default: false },
  },
});
const duree = Number(values.duree);
const connexions = Number(values.connexions);

const nomBase = values.postgres ? 'PostgreSQL' : 'PGlite en mémoire';

if (values.serveur) {
  // Processus serveur : autocannon tourne dans le processus parent, pour ne pas partager la boucle d'événements.
  const base = values.postgres ? await ouvrirPostgres(values.postgres, 20) : await ouvrirPglite();
  const { app } = await preparerApplication(base, { demo: true, cookieSecure: false });
  const serveur = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  serveur.once('listening', () => process.stdout.write(`PORT ${(serveur.address() as AddressInfo).port}\n`));
  process.on('SIGTERM', () => {
    serveur.close();
    void base.fermer().then(() => process.exit(0));
  });
} else {
  await mesurer();
}

async function mesurer() {
  const enfant = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--serveur',
      ...(values.postgres ? ['--postgres', values.postgres] : []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let texte = '';
    enfant.stdout.on('data', (d: Buffer) => {
      texte += d.toString();
      const lu = /PORT (\d+)/.exec(texte);
      if (lu?.[1]) resolve(Number(lu[1]));
    });
    enfant.on('exit', (code) => reject(new Error(`serveur arrêté (code ${code})`)));
  });
  const url = `http://127.0.0.1:${port}`;

  const connexion = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifiant: 'national', mot_de_passe: 'demo-jalon' }),
  });
  const cookie = (connexion.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const liste = (await (
    await fetch(`${url}/api/conventions?exercice=2023`, { headers: { cookie } })
  ).json()) as {
    conventions: { id: number }[];
  };
  const ids = liste.conventions.map((c) => c.id);
  if (ids.length === 0) throw new Error('aucune convention de démonstration');

  let rang = 0;
  const temps: number[] = [];
  const resultat = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: connexions,
        duration: duree,
        headers: { cookie },
        requests: [
          {
            method: 'GET',
            setupRequest: (requete) => ({ ...requete, path: `/api/conventions/${ids[rang++ % ids.length]}` }),
          },
        ],
      },
      (erreur, r) => (erreur ? reject(erreur) : resolve(r)),
    );
    // Temps de chaque réponse (ms) : percentiles exacts, p95 compris (autocannon ne donne pas le p95).
    instance.on('response', (_client, _statut, _octets, ms) => temps.push(ms));
  });

  temps.sort((a, b) => a - b);
  const percentile = (p: number) =>
    temps[Math.min(temps.length - 1, Math.ceil((p / 100) * temps.length) - 1)] ?? NaN;
  const f = (ms: number) => ms.toFixed(1);
  process.stdout.write(
    [
      `GET /api/conventions/{id} — ${connexions} connexions, ${duree} s, ${nomBase}, Node ${process.version}`,
      `requêtes : ${resultat.requests.total} (${resultat.requests.average.toFixed(0)}/s)`,
      `latence (ms) : p50 ${f(percentile(50))}  p95 ${f(percentile(95))}  p99 ${f(percentile(99))}  max ${f(temps.at(-1) ?? NaN)}`,
      `erreurs : ${resultat.errors}, délais dépassés : ${resultat.timeouts}, réponses non 2xx : ${resultat.non2xx}`,
      '',
    ].join('\n'),
  );
  enfant.kill('SIGTERM');
  process.exitCode = resultat.errors + resultat.non2xx > 0 ? 1 : 0;
}
