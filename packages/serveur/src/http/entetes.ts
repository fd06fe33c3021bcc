import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * En-têtes de sécurité de toutes les réponses (docs/securite.md § En-têtes), par `secureHeaders` de Hono :
 * - CSP stricte, SANS `unsafe-inline` ni `unsafe-eval` (un seul style en ligne, autorisé par empreinte) : l'interface construite par Vite ne contient aucun script
 *   ni style en ligne (vérifié par `test/durcissement.integration.test.ts` sur `dist/index.html` et, dans
 *   Chromium, par `packages/web/test/oidc.e2e.test.ts` qui écoute les violations). Les attributs `style` posés
 *   par React ou le DSFR passent par le CSSOM (`element.style`), que `style-src` n'interdit pas.
 *   `data:` pour les images : le CSS du DSFR en contient (icônes).
 * - `frame-ancestors 'none'` (et X-Frame-Options: DENY) : pas d'inclusion dans un cadre (clickjacking).
 * - `form-action 'self'`, `base-uri 'none'`, `object-src 'none'`.
 * - HSTS deux ans avec sous-domaines (ignoré par les navigateurs en http) ; Referrer-Policy: no-referrer ;
 *   COOP/CORP same-origin ; X-Content-Type-Options: nosniff ; Permissions-Policy restrictive.
 */
/**
 * Seul contenu en ligne de l'interface : l'élément `<style>` que react-dsfr (`useIsDark/client.js`) insère pour
 * le thème, `:root { color-scheme: light; }` ou `… dark; }`. Autorisé par son empreinte (CSP niveau 3), pas par
 * `unsafe-inline` ; si react-dsfr changeait ce texte, le test dans Chromium verrait la violation.
 */
export const STYLES_EN_LIGNE_AUTORISES = [':root { color-scheme: light; }', ':root { color-scheme: dark; }'];
const empreinte = (texte: string) => `'sha256-${createHash('sha256').update(texte).digest('base64')}'`;

export const POLITIQUE_CONTENU = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", ...STYLES_EN_LIGNE_AUTORISES.map(empreinte)],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  frameSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
} as const;

export function entetesSecurite(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: Object.fromEntries(Object.entries(POLITIQUE_CONTENU).map(([k, v]) => [k, [...v]])),
    strictTransportSecurity: 'max-age=63072000; includeSubDomains',
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    xContentTypeOptions: true,
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
    },
  });
}
