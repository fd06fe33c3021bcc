#!/usr/bin/env node
// Point d'entrée de la commande `jalon` : exécute les sources TypeScript via tsx (pas d'étape de build).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
