import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppJalon } from './contexte.ts';

/**
 * Sert l'application web construite (`packages/web/dist`) si elle existe, avec repli SPA : toute adresse GET
 * hors `/api` qui n'est pas un fichier renvoie `index.html` (le routeur de l'interface prend la suite).
 */
export function servirApplicationWeb(app: AppJalon, dossier: string | undefined): boolean {
  if (dossier === undefined || !existsSync(join(dossier, 'index.html'))) return false;
  const horsApi = (chemin: string) => chemin !== '/api' && !chemin.startsWith('/api/');
  const fichiers = serveStatic({ root: dossier });
  const index = serveStatic({ root: dossier, path: 'index.html' });
  app.get('*', async (c, next) => (horsApi(c.req.path) ? fichiers(c, next) : next()));
  app.get('*', async (c, next) => (horsApi(c.req.path) ? index(c, next) : next()));
  return true;
}
