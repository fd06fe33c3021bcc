import { dansLeTerritoire, type TerritoireActeur } from '../acteur.ts';
import { agregerIndicateur, type DonneesCollectivite, type ValeurAgregee } from './agregation.ts';

/** Années des séries : de la référence 2018 (000 · annexe 9, matrice 2018 → 2021) à France Travail 2024. */
export const PREMIERE_ANNEE_SERIE = 2018;
export const DERNIERE_ANNEE_SERIE = 2024;

export interface PointSerie {
  readonly annee: number;
  readonly valeur: ValeurAgregee;
}

/**
 * Série annuelle d'un indicateur sur un territoire (une collectivité, un département, une région, la France) :
 * une entrée par année, même sans donnée (valeur `null`, raison dite) — rien ne disparaît en silence.
 */
export function serieTemporelle(
  donnees: readonly DonneesCollectivite[],
  code: string,
  territoire: TerritoireActeur,
  bornes: { readonly debut?: number; readonly fin?: number } = {},
): PointSerie[] {
  const debut = bornes.debut ?? PREMIERE_ANNEE_SERIE;
  const fin = bornes.fin ?? DERNIERE_ANNEE_SERIE;
  if (!Number.isInteger(debut) || !Number.isInteger(fin) || fin < debut) {
    throw new RangeError(`Série : années ${String(debut)} à ${String(fin)} invalides`);
  }
  const dansTerritoire = donnees.filter((d) => dansLeTerritoire(territoire, d.collectivite));
  return Array.from({ length: fin - debut + 1 }, (_, i) => {
    const annee = debut + i;
    const annuelles = dansTerritoire.filter((d) => d.annee === annee);
    const valeur: ValeurAgregee =
      annuelles.length === 0
        ? { valeur: null, contributeurs: [], manquants: [], raison: `Aucune donnée pour ${String(annee)}.` }
        : agregerIndicateur(annuelles, code);
    return { annee, valeur };
  });
}
