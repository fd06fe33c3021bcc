// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Modules qui font des entrées/sorties : interdits dans le cœur fonctionnel (DESIGN.md, principe 3). */
const modulesES = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'path',
  'node:path',
  'child_process',
  'node:child_process',
  'net',
  'node:net',
  'http',
  'node:http',
  'https',
  'node:https',
  'http2',
  'node:http2',
  'dgram',
  'node:dgram',
  'readline',
  'node:readline',
  'worker_threads',
  'node:worker_threads',
  'process',
  'node:process',
  'os',
  'node:os',
  'stream',
  'node:stream',
  'zlib',
  'node:zlib',
  'pg',
  'kysely',
  '@electric-sql/pglite',
  'hono',
  'fastify',
  'exceljs',
  'docx',
  'iconv-lite',
  'yauzl',
  '@duckdb/node-api',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.jalon/**', '.bench/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Cœur fonctionnel : aucune E/S (vérifié en CI par `npm run lint`).
    files: [
      'packages/referentiels/src/**/*.ts',
      'packages/domaine/src/**/*.ts',
      'packages/indicateurs/src/moteur/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: modulesES.map((name) => ({
            name,
            message: 'Le cœur fonctionnel ne fait aucune E/S (DESIGN.md, principe 3).',
          })),
          patterns: [{ group: ['node:*'], message: 'Le cœur fonctionnel n’importe aucun module Node.' }],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'fetch', 'require'],
    },
  },
);
