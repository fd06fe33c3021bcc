/**
 * Historique CAF/MSA ↔ lignes de base (serveur) : une ligne par personne pseudonymisée et par mois, et les flux
 * appliqués. Mêmes champs que `caf/persistance.ts` (fichiers) : ni NIR, ni nom, ni adresse (INT-DONNEES-3).
 */
import { HistoriqueCaf, moisDe, type FluxApplique, type ObservationCaf } from '../caf/historique.ts';

export interface LigneHistoriqueCaf {
  readonly personne: string;
  /** AAAA-MM */
  readonly mois: string;
  readonly observation: ObservationCaf;
}

export type FluxCafEnregistre = FluxApplique;

const moisIso = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

export function* historiqueEnLignes(h: HistoriqueCaf): Generator<LigneHistoriqueCaf> {
  for (const [personne, parMois] of h.personnes)
    for (const [mois, observation] of parMois) yield { personne, mois: moisIso(mois), observation };
}

export function historiqueDepuisLignes(
  lignes: Iterable<LigneHistoriqueCaf>,
  flux: Iterable<FluxCafEnregistre>,
): HistoriqueCaf {
  const h = new HistoriqueCaf();
  for (const f of flux) h.flux.set(f.cle, f);
  for (const l of lignes) {
    let parMois = h.personnes.get(l.personne);
    if (parMois === undefined) {
      parMois = new Map();
      h.personnes.set(l.personne, parMois);
    }
    parMois.set(moisDe(`${l.mois}-01`), l.observation);
  }
  return h;
}
