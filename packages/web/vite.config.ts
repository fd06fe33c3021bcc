import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Interface web de Jalon. En développement, `/api` est relayé vers le serveur (port 3000) ; en production le
 * serveur sert lui-même `dist/` (même origine : cookies SameSite et jeton CSRF sans CORS).
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: `http://localhost:${process.env.PORT ?? '3000'}`, changeOrigin: false } },
  },
  // React, zod et le domaine (contrôles en direct) : un paquet d'environ 700 ko, 190 ko compressé.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1024 },
});
