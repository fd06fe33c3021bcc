import { useEffect } from 'react';

/** Titre de l'onglet du navigateur propre à chaque page (RGAA 8.6). */
export function useTitre(titre: string): void {
  useEffect(() => {
    document.title = `${titre} — Jalon`;
  }, [titre]);
}
