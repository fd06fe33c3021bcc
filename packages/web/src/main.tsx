import './csp.ts'; // en premier : réglage de zod pour la CSP stricte
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link } from 'react-router';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { App } from './App.tsx';
import './app.css';

// Le DSFR (CSS, icônes, polices) est servi depuis /dsfr, copié par « react-dsfr copy-static-assets » : rien
// ne vient d'un CDN, l'interface fonctionne hors ligne.
startReactDsfr({ defaultColorScheme: 'light', Link });

declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link;
  }
}

const racine = document.getElementById('racine');
if (racine === null) throw new Error('Élément #racine absent de index.html.');
createRoot(racine).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
