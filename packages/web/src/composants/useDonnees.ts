import { useCallback, useEffect, useState } from 'react';

export type EtatDonnees<T> =
  | { readonly etat: 'chargement' }
  | { readonly etat: 'erreur'; readonly message: string; readonly statut: number | undefined }
  | { readonly etat: 'pret'; readonly donnees: T };

/** Charge une ressource de l'API ; `recharger` la redemande (après une modification, un conflit). */
export function useDonnees<T>(charger: () => Promise<T>, cles: readonly unknown[]) {
  const [etat, setEtat] = useState<EtatDonnees<T>>({ etat: 'chargement' });
  const chargerMemo = useCallback(charger, cles);
  const recharger = useCallback(async () => {
    try {
      const donnees = await chargerMemo();
      setEtat({ etat: 'pret', donnees });
    } catch (erreur) {
      const statut =
        typeof erreur === 'object' && erreur !== null && 'statut' in erreur
          ? Number(erreur.statut)
          : undefined;
      setEtat({ etat: 'erreur', message: erreur instanceof Error ? erreur.message : String(erreur), statut });
    }
  }, [chargerMemo]);
  useEffect(() => {
    setEtat({ etat: 'chargement' });
    void recharger();
  }, [recharger]);
  return {
    ...etat,
    recharger,
    remplacer: (donnees: T) => setEtat({ etat: 'pret', donnees }),
  } as EtatDonnees<T> & {
    recharger: () => Promise<void>;
    remplacer: (donnees: T) => void;
  };
}
