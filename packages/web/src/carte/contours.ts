import { useEffect, useState } from 'react';
import type { ContoursDepartements } from './geometrie.ts';

/** Adresse du GeoJSON servi par l'application (`public/geo/`) : aucune tuile, aucun service extérieur. */
export const ADRESSE_CONTOURS = '/geo/departements.geojson';

let promesse: Promise<ContoursDepartements> | undefined;

/** Charge les contours une fois par page (mémorisés) ; une erreur est rendue, pas levée. */
export function chargerContours(adresse = ADRESSE_CONTOURS): Promise<ContoursDepartements> {
  promesse ??= fetch(adresse).then(async (reponse) => {
    if (!reponse.ok) throw new Error(`Contours des départements introuvables (${reponse.status}).`);
    return (await reponse.json()) as ContoursDepartements;
  });
  promesse.catch(() => (promesse = undefined));
  return promesse;
}

export type EtatContours =
  | { readonly etat: 'chargement' }
  | { readonly etat: 'erreur'; readonly message: string }
  | { readonly etat: 'pret'; readonly contours: ContoursDepartements };

/** `charger: false` (contours fournis par l'appelant) : aucune requête. */
export function useContours(charger = true): EtatContours {
  const [etat, setEtat] = useState<EtatContours>({ etat: 'chargement' });
  useEffect(() => {
    if (!charger) return;
    let actif = true;
    chargerContours().then(
      (contours) => actif && setEtat({ etat: 'pret', contours }),
      (e: unknown) =>
        actif && setEtat({ etat: 'erreur', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      actif = false;
    };
  }, [charger]);
  return etat;
}
