import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { preparerApplication } from '../src/application.ts';
import { ConfigInvalide, lireConfig } from '../src/config.ts';
import type { Base } from '../src/base/ouvrir.ts';
import type { AppJalon } from '../src/http/contexte.ts';
import { estImport } from '../src/http/limites.ts';
import { estPublique } from '../src/http/securite.ts';
import { REGLAGES_SECURITE, type ReglagesSecurite } from '../src/http/securite-reglages.ts';
import { Client, corps } from './aide/client.ts';
import { pgliteTest } from './aide/pglite-rapide.ts';

/**
 * Durcissement (issue 9 § 2, docs/securite.md) : en-têtes, CSRF sur CHAQUE mutation de l'OpenAPI, limites de
 * débit (429 + Retry-After, en français) et de taille (413), sur la vraie application (PGlite, démonstration)
 * avec des limites basses pour le test.
 */
const RACINE = resolve(import.meta.dirname, '../../..');
const DIST = join(RACINE, 'packages/web/dist');
const REGLAGES: ReglagesSecurite = {
  ...REGLAGES_SECURITE,
  limites: {
    connexionParIp: { points: 6, dureeS: 600 },
    connexionParCompte: { points: 3, dureeS: 600 },
    importParIp: { points: 100, dureeS: 60 },
    importParCompte: { points: 2, dureeS: 60 },
  },
  tailles: { corps: 4 * 1024, televersement: 16 * 1024 },
  proxyDeConfiance: true,
};

let base: Base;
let app: AppJalon;

beforeAll(async () => {
  base = await pgliteTest('demo', async (b) => {
    await preparerApplication(b, { demo: true });
  });
  ({ app } = await preparerApplication(base, {
    demo: true,
    securite: REGLAGES,
    ...(existsSync(join(DIST, 'index.html')) ? { dossierWeb: DIST } : {}),
  }));
}, 120_000);
afterAll(async () => {
  await base?.fermer();
});

/** Chaque requête vient d'une adresse distincte, sauf indication : les limites par IP ne gênent pas les autres tests. */
let ipSuivante = 1;
const nouvelleIp = () => `203.0.113.${ipSuivante++}`;
const client = (ip = nouvelleIp()) => {
  const c = new Client(app);
  const requete = c.requete.bind(c);
  c.requete = (m, ch, co, o = {}) =>
    requete(m, ch, co, { ...o, entetes: { 'x-forwarded-for': ip, ...o.entetes } });
  return c;
};

describe('en-têtes de sécurité', () => {
  it('API et interface : CSP stricte sans unsafe-inline, frame-ancestors none, HSTS, Referrer-Policy, nosniff', async () => {
    for (const chemin of ['/api/sante', '/connexion', '/api/inexistante']) {
      const r = await app.request(chemin);
      const csp = r.headers.get('content-security-policy') ?? '';
      const directives = new Map(
        csp.split(';').map((d) => {
          const [nom = '', ...valeurs] = d.trim().split(/\s+/);
          return [nom, valeurs] as const;
        }),
      );
      expect(csp, chemin).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'none'"]);
      expect(directives.get('form-action')).toEqual(["'self'"]);
      expect(r.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(r.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
    }
  });

  it('le seul style en ligne autorisé (par empreinte) est celui que react-dsfr insère pour le thème', async () => {
    // Le texte vient du code de react-dsfr lui-même : s'il change, ce test échoue (et la CSP bloquerait le style).
    const source = readFileSync(
      createRequire(import.meta.url).resolve('@codegouvfr/react-dsfr/useIsDark/client.js', {
        paths: [join(RACINE, 'packages/web')],
      }),
      'utf8',
    );
    expect(source).toContain('`:root { color-scheme: ${isDark ? "dark" : "light"}; }`');
    const attendues = ['light', 'dark'].map(
      (m) => `'sha256-${createHash('sha256').update(`:root { color-scheme: ${m}; }`).digest('base64')}'`,
    );
    const csp = (await app.request('/api/sante')).headers.get('content-security-policy') ?? '';
    const styleSrc = /style-src ([^;]+)/.exec(csp)?.[1]?.split(' ');
    expect(styleSrc).toEqual(["'self'", ...attendues]);
  });

  it.skipIf(!existsSync(join(DIST, 'index.html')) && !process.env.CI)(
    'l’interface construite (dist/index.html) n’a ni script ni style en ligne',
    () => {
      const html = readFileSync(join(DIST, 'index.html'), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributs = '', contenu = ''] of scripts) {
        expect(attributs).toMatch(/\bsrc=/);
        expect(contenu.trim()).toBe('');
      }
      expect(html).not.toMatch(/<style\b/);
      expect(html).not.toMatch(/\sstyle=/);
      expect(html).not.toMatch(/\son[a-z]+=/i); // pas de gestionnaire d'événement en ligne
    },
  );
});

describe('CSRF : chaque mutation de l’OpenAPI exige le jeton', () => {
  it('sans jeton ou avec un faux jeton : 403 en français, rien d’écrit', async () => {
    const c = client();
    expect((await c.connecter('agent.37')).statut).toBe(200);
    const doc = corps<{ paths: Record<string, Record<string, unknown>> }>(await c.get('/api/openapi.json'));
    const mutations = Object.entries(doc.paths)
      .flatMap(([chemin, ops]) => Object.keys(ops).map((m) => [m.toUpperCase(), chemin] as const))
      .filter(([m, chemin]) => m !== 'GET' && !estPublique(m, chemin));
    expect(mutations.length).toBeGreaterThanOrEqual(15);
    const auditAvant = await sql<{ n: string }>`select count(*)::text as n from audit`.execute(base.db);
    for (const [methode, gabarit] of mutations) {
      const chemin = gabarit.replace(/\{[^}]+\}/g, '1');
      for (const entetes of [{}, { 'X-CSRF-Token': 'faux-jeton' }] as Record<string, string>[]) {
        const r = await c.requete(methode, chemin, {}, { csrf: false, entetes });
        expect(r.statut, `${methode} ${gabarit} ${JSON.stringify(entetes)}`).toBe(403);
        expect(corps<{ erreur: string }>(r).erreur).toMatch(/anti-falsification \(CSRF\)/);
      }
    }
    const auditApres = await sql<{ n: string }>`select count(*)::text as n from audit`.execute(base.db);
    expect(auditApres.rows[0]?.n).toBe(auditAvant.rows[0]?.n);
    // Contrôle positif : la session est bien valide (avec le jeton, la même déconnexion passe).
    expect((await c.requete('DELETE', '/api/session')).statut).toBe(204);
  });
});

describe('limites de débit', () => {
  it('connexion par identifiant : 3 échecs, puis 429 avec Retry-After même avec le bon mot de passe', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await client().connecter('valideur.59', 'mauvais')).statut).toBe(401);
    }
    const r = await client().connecter('valideur.59', 'demo-jalon');
    expect(r.statut).toBe(429);
    const attente = Number(r.entetes.get('retry-after'));
    expect(attente).toBeGreaterThan(500);
    expect(attente).toBeLessThanOrEqual(600);
    expect(corps<{ erreur: string }>(r).erreur).toBe(
      `Trop d’échecs de connexion pour cet identifiant en peu de temps : réessayez dans ${attente} secondes.`,
    );
    // Un autre compte n'est pas touché.
    expect((await client().connecter('valideur.37')).statut).toBe(200);
  });

  it('un succès remet à zéro le compteur d’échecs du compte', async () => {
    for (let i = 0; i < 2; i++) expect((await client().connecter('ddets.59', 'x')).statut).toBe(401);
    expect((await client().connecter('ddets.59')).statut).toBe(200);
    for (let i = 0; i < 2; i++) expect((await client().connecter('ddets.59', 'x')).statut).toBe(401);
    expect((await client().connecter('ddets.59')).statut).toBe(200);
  });

  it('connexion par adresse IP : 6 tentatives, puis 429 (une autre adresse passe)', async () => {
    const ip = nouvelleIp();
    const comptes = ['agent.37', 'agent.44', 'agent.59', 'valideur.37', 'valideur.44', 'ddets.37'];
    for (const compte of comptes) expect((await client(ip).connecter(compte)).statut).toBe(200);
    const r = await client(ip).connecter('ddets.44');
    expect(r.statut).toBe(429);
    expect(r.entetes.get('retry-after')).toMatch(/^\d+$/);
    expect(corps<{ erreur: string }>(r).erreur).toMatch(/connexion depuis votre adresse/);
    expect((await client().connecter('ddets.44')).statut).toBe(200);
  });

  it('imports par compte : 2 par minute, puis 429 avec Retry-After', async () => {
    const c = client();
    await c.connecter('agent.44');
    const statuts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await c.requete('POST', '/api/conventions/999999/indicateurs/import', {
        version: 1,
        resultat: { annee: 2020, indicateurs: {} },
      });
      statuts.push(r.statut);
      if (r.statut === 429) {
        expect(Number(r.entetes.get('retry-after'))).toBeGreaterThan(0);
        expect(corps<{ erreur: string }>(r).erreur).toMatch(/imports pour votre compte/);
      }
    }
    expect(statuts.slice(0, 2).every((s) => s !== 429)).toBe(true);
    expect(statuts[2]).toBe(429);
  });
});

describe('taille des requêtes', () => {
  it('au-delà de la limite : 413 en français ; les imports ont une limite plus haute', async () => {
    const c = client();
    await c.connecter('agent.37');
    const gros = (octets: number) => JSON.stringify({ version: 1, commentaire: 'x'.repeat(octets) });
    const patch = await c.requete('PATCH', '/api/conventions/1', gros(5 * 1024));
    expect(patch.statut).toBe(413);
    expect(corps<{ erreur: string }>(patch).erreur).toBe(
      'Requête trop volumineuse : 4 Kio au plus pour cette adresse (/api/conventions/1).',
    );
    const importMoyen = await c.requete('POST', '/api/conventions/import', gros(5 * 1024));
    expect(importMoyen.statut).not.toBe(413);
    // Téléversements : la limite (16 Kio ici) porte sur les fichiers, plus 64 Kio d'enveloppe multipart.
    const importGros = await c.requete('POST', '/api/conventions/import', gros(81 * 1024));
    expect(importGros.statut).toBe(413);
    expect(corps<{ erreur: string }>(importGros).erreur).toBe(
      'Requête trop volumineuse : 16 Kio au plus pour cette adresse (/api/conventions/import).',
    );
    for (const chemin of [
      '/api/conventions/1/donnees',
      '/api/collectivites/departement:37/profils/apercu',
      '/api/offre/departement:37/import',
    ]) {
      expect(estImport(chemin), chemin).toBe(true);
    }
    for (const chemin of ['/api/conventions/1', '/api/conventions/1/donnees/imports', '/api/identites']) {
      expect(estImport(chemin), chemin).toBe(false);
    }
  });
});

describe('configuration du serveur (principal.ts passe toujours ses réglages)', () => {
  it('lireConfig : défauts, variables JALON_* lues, valeurs invalides refusées en français', async () => {
    expect(lireConfig({}, RACINE).securite).toEqual(REGLAGES_SECURITE);
    const config = lireConfig(
      {
        JALON_LIMITE_CONNEXION_COMPTE: '2',
        JALON_SESSION_INACTIVITE_MIN: '15',
        JALON_SESSION_DUREE_MAX_H: '4',
        JALON_TAILLE_MAX_CORPS_MO: '1',
        JALON_TELEVERSEMENT_MAX_MO: '20',
        JALON_PROXY_DE_CONFIANCE: '1',
      },
      RACINE,
    ).securite;
    expect(config.session).toEqual({ inactiviteMs: 15 * 60_000, dureeMaxMs: 4 * 3_600_000 });
    expect(config.tailles).toEqual({ corps: 1024 * 1024, televersement: 20 * 1024 * 1024 });
    expect(config.limites.connexionParCompte.points).toBe(2);
    expect(config.proxyDeConfiance).toBe(true);
    expect(() => lireConfig({ JALON_LIMITE_IMPORT_IP: 'beaucoup' }, RACINE)).toThrow(
      new ConfigInvalide(
        'JALON_LIMITE_IMPORT_IP invalide : « beaucoup » (nombre strictement positif attendu).',
      ),
    );
    expect(() => lireConfig({ JALON_OIDC_EMETTEUR: 'https://idp.exemple.test' }, RACINE)).toThrow(
      'JALON_OIDC_CLIENT_ID manquante : obligatoire quand JALON_OIDC_EMETTEUR est définie.',
    );

    // Les réglages lus de l'environnement sont bien appliqués par l'application.
    const { app: appConfig } = await preparerApplication(base, {
      demo: true,
      securite: { ...config, proxyDeConfiance: true },
    });
    const essai = () => {
      const c = new Client(appConfig);
      return c.connecter('agent.59', 'mauvais');
    };
    expect((await essai()).statut).toBe(401);
    expect((await essai()).statut).toBe(401);
    expect((await essai()).statut).toBe(429);
  });
});
