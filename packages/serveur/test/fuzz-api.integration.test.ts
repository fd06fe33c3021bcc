import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConventionDetail, ConventionResume } from '@jalon/schemas';
import { applicationDemo, type ApplicationTest } from './aide/application.ts';
import { Client, corps } from './aide/client.ts';
import { DELAI_FUZZ, estErreurPropre, ITERATIONS_FUZZ } from './fuzz-commun.ts';

/**
 * Fuzzing de l'API (issue 9 § 5) : sur CHAQUE route du document OpenAPI, avec une session valide (agent du 44,
 * qui peut écrire sur ses conventions), des corps JSON arbitraires — valeurs quelconques, objets portant les
 * noms de propriétés attendus avec des valeurs quelconques, JSON illisible — et des paramètres de chemin
 * valides ou non. Attendu : jamais de 500 ni de plantage, et toute erreur est un `{ erreur }` en français.
 * Itérations bornées ici (CI) ; `npm run fuzz` (scripts/fuzz.ts) pousse plus loin avec FUZZ_ITERATIONS.
 */
let t: ApplicationTest;
let agent: Client;
let convention: ConventionResume;
let ficheId: number;

interface Operation {
  readonly methode: string;
  readonly chemin: string;
  readonly proprietes: readonly string[];
}

/** Routes hors sujet : déconnexion (tuerait la session du fuzz), redirections OIDC (pas de corps JSON). */
const EXCLUES = [/^DELETE \/api\/session$/u, /\/oidc\b|\/connexion\/|\/rappel\b/u];

let operations: Operation[] = [];

beforeAll(async () => {
  t = await applicationDemo();
  agent = new Client(t.app);
  await agent.connecter('agent.44');
  const liste = corps<{ conventions: ConventionResume[] }>(await agent.get('/api/conventions?exercice=2023'));
  convention = liste.conventions[0] as ConventionResume;
  const detail = corps<ConventionDetail>(await agent.get(`/api/conventions/${convention.id}`));
  ficheId = detail.fiches_actions[0]?.id ?? 1;
  const doc = corps<{
    paths: Record<
      string,
      Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>
    >;
  }>(await agent.get('/api/openapi.json'));
  operations = Object.entries(doc.paths).flatMap(([chemin, methodes]) =>
    Object.entries(methodes)
      .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map(([m, op]) => {
        const schema = op.requestBody?.content?.['application/json']?.schema as
          { properties?: Record<string, unknown> } | undefined;
        return {
          methode: m.toUpperCase(),
          chemin: chemin.replace(/^\/api/u, '/api'),
          proprietes: Object.keys(schema?.properties ?? {}),
        };
      })
      .filter((o) => !EXCLUES.some((r) => r.test(`${o.methode} ${o.chemin}`))),
  );
}, 300_000);

afterAll(async () => {
  await t.base.fermer();
});

const segment = fc.oneof(
  fc.constantFrom('1', '999999', '-1', '0', 'abc', '1e3', '%00', '..%2F..', '2147483648'),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);

function corpsArbitraire(proprietes: readonly string[]): fc.Arbitrary<string | undefined> {
  const valeur = fc.jsonValue({ maxDepth: 3 });
  const objetAttendu =
    proprietes.length > 0
      ? fc
          .dictionary(fc.constantFrom(...proprietes), valeur, { maxKeys: proprietes.length })
          .map((o) => JSON.stringify(o))
      : fc.constant('{}');
  return fc.oneof(
    { arbitrary: objetAttendu, weight: 4 },
    { arbitrary: valeur.map((v) => JSON.stringify(v)), weight: 2 },
    { arbitrary: fc.string({ maxLength: 40 }), weight: 1 }, // JSON illisible
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

describe('fuzzing de l’API : chaque route de l’OpenAPI, corps arbitraires, session valide', () => {
  it('a trouvé les routes du document OpenAPI', () => {
    expect(operations.length).toBeGreaterThan(15);
  });

  it(
    'aucun 500, aucune exception, seulement des erreurs françaises propres',
    async () => {
      const vues = new Set<string>();
      for (const op of operations) {
        await fc.assert(
          fc.asyncProperty(
            corpsArbitraire(op.proprietes),
            fc.array(segment, { minLength: 3, maxLength: 3 }),
            fc.boolean(),
            fc.dictionary(
              fc.constantFrom('version', 'exercice', 'collectivite', 'format', 'cadre'),
              segment,
              {
                maxKeys: 2,
              },
            ),
            async (texte, segments, valides, requete) => {
              let k = 0;
              const chemin = op.chemin.replace(/\{(\w+)\}/gu, (_, nom: string) => {
                const aleatoire = segments[k++ % segments.length] as string;
                if (!valides) return aleatoire;
                if (nom === 'id') return String(convention.id);
                if (nom === 'ficheId') return String(ficheId);
                return aleatoire;
              });
              const qs = new URLSearchParams(requete).toString();
              const r = await agent.requete(
                op.methode,
                `${chemin}${qs ? `?${qs}` : ''}`,
                op.methode === 'GET' ? undefined : texte,
              );
              vues.add(`${op.methode} ${op.chemin} ${r.statut}`);
              if (r.statut === 401) await agent.connecter('agent.44'); // session expirée ou tournée
              expect(r.statut, `${op.methode} ${chemin} ${String(texte)}`).not.toBeGreaterThanOrEqual(500);
              if (r.statut >= 400) {
                expect(estErreurPropre(r.corps), `${op.methode} ${chemin} → ${JSON.stringify(r.corps)}`).toBe(
                  true,
                );
              }
            },
          ),
          { numRuns: Math.max(4, Math.round(ITERATIONS_FUZZ / 4)), endOnFailure: true },
        );
      }
      expect(vues.size).toBeGreaterThan(operations.length);
    },
    5 * DELAI_FUZZ,
  );
});
