// Fuzzing long (issue 9 § 5) — les mêmes propriétés que les tests `fuzz*` (importateurs par la commande jalon,
// API route par route), avec beaucoup plus d'itérations que la CI (24 par défaut).
//
//   npm run fuzz                       # 500 itérations par importateur et ~125 par route de l'API
//   npx tsx scripts/fuzz.ts --iterations 2000 [--seulement importateurs|api]
//
// Un contre-exemple trouvé est affiché par fast-check (graine et chemin) : le rejouer avec la même graine.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '500' },
    seulement: { type: 'string' },
  },
});
const RACINE = fileURLToPath(new URL('../', import.meta.url));
const SUITES: Record<string, string> = {
  importateurs: 'packages/cli/test/fuzz-importateurs.integration.test.ts',
  api: 'packages/serveur/test/fuzz-api.integration.test.ts',
};
const choisies = values.seulement ? [SUITES[values.seulement]] : Object.values(SUITES);
if (choisies.some((s) => s === undefined)) {
  process.stderr.write(`--seulement : importateurs ou api attendu (reçu « ${values.seulement} »).\n`);
  process.exit(2);
}
const resultat = spawnSync('npx', ['vitest', 'run', ...(choisies as string[])], {
  cwd: RACINE,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_ITERATIONS: values.iterations },
});
process.exit(resultat.status ?? 1);
