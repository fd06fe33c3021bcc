import { CADRES, type CodeCadre } from '@jalon/referentiels';
import type { Centimes } from '../../montant.ts';
import { somme } from '../../montant.ts';
import type { CollectivitePilotee } from '../acteur.ts';
import { atteinteIndicateurs, type AtteinteIndicateur } from '../note-analyse/atteinte.ts';
import { taux, type Taux } from '../note-analyse/taux.ts';

/** Les chiffres d'une collectivité pour une année : indicateurs de son cadre et, s'il y a lieu, consommation. */
export interface DonneesCollectivite {
  readonly collectivite: CollectivitePilotee;
  readonly annee: number;
  /** Cadre dont le catalogue dit la nature et la cible de chaque indicateur cette année-là. */
  readonly cadre: CodeCadre;
  readonly indicateurs: Readonly<Record<string, number | null>>;
  /** Total F et réalisé de la convention de l'année (001 · annexe 9). */
  readonly finances?: { readonly total: Centimes; readonly realise: Centimes };
}

export interface ValeurAgregee {
  readonly valeur: number | null;
  /** Collectivités dont la valeur est comptée. */
  readonly contributeurs: readonly string[];
  /** Collectivités sans valeur : l'agrégat est partiel s'il y en a. */
  readonly manquants: readonly string[];
  readonly raison?: string;
}

/** Comptes (flux, stock, délai) : ils s'additionnent. Moyennes et taux : non (INT-PILOTAGE-18). */
const ADDITIFS = new Set(['flux', 'stock', 'delai']);

/** Agrège un indicateur sur un ensemble de collectivités (une seule : sa valeur telle quelle). */
export function agregerIndicateur(donnees: readonly DonneesCollectivite[], code: string): ValeurAgregee {
  const avec = donnees.filter((d) => typeof d.indicateurs[code] === 'number');
  const contributeurs = avec.map((d) => d.collectivite.code);
  const manquants = donnees
    .filter((d) => typeof d.indicateurs[code] !== 'number')
    .map((d) => d.collectivite.code);
  if (avec.length === 0)
    return { valeur: null, contributeurs, manquants, raison: 'Aucune valeur renseignée.' };
  if (donnees.length === 1) return { valeur: avec[0]?.indicateurs[code] ?? null, contributeurs, manquants };
  const natures = new Set(avec.map((d) => CADRES[d.cadre].indicateurs.find((i) => i.code === code)?.nature));
  if ([...natures].some((nature) => nature === undefined)) {
    return { valeur: null, contributeurs, manquants, raison: `Indicateur ${code} inconnu du cadre.` };
  }
  if (![...natures].every((nature) => nature !== undefined && ADDITIFS.has(nature))) {
    return {
      valeur: null,
      contributeurs,
      manquants,
      raison: 'Moyenne ou taux : ne s’additionne pas entre collectivités.',
    };
  }
  return { valeur: somme(avec.map((d) => d.indicateurs[code] ?? 0)), contributeurs, manquants };
}

export interface Agregat {
  /** Code de la région, ou `FR` au niveau national. */
  readonly territoire: string;
  readonly annee: number;
  readonly cadre: CodeCadre;
  readonly collectivites: readonly string[];
  readonly indicateurs: Readonly<Record<string, ValeurAgregee>>;
  /** Σ réalisé / Σ F des collectivités dont les finances sont connues (jamais une moyenne de taux). */
  readonly consommation: {
    readonly total: Centimes;
    readonly realise: Centimes;
    readonly taux: Taux | undefined;
  };
  /** Atteinte des cibles calculée sur les comptes agrégés (part orientée en 1 mois de la région…). */
  readonly atteinte: readonly AtteinteIndicateur[];
}

function agregat(
  territoire: string,
  annee: number,
  cadre: CodeCadre,
  groupe: readonly DonneesCollectivite[],
): Agregat {
  const codes = [...new Set(groupe.flatMap((d) => Object.keys(d.indicateurs)))];
  const indicateurs = Object.fromEntries(codes.map((code) => [code, agregerIndicateur(groupe, code)]));
  const finances = groupe.flatMap((d) => (d.finances === undefined ? [] : [d.finances]));
  const total = somme(finances.map((f) => f.total));
  const realise = somme(finances.map((f) => f.realise));
  const valeurs = Object.fromEntries(codes.map((code) => [code, indicateurs[code]?.valeur ?? null]));
  return {
    territoire,
    annee,
    cadre,
    collectivites: groupe.map((d) => d.collectivite.code),
    indicateurs,
    consommation: { total, realise, taux: taux(realise, total) },
    atteinte: atteinteIndicateurs(CADRES[cadre], valeurs),
  };
}

/**
 * Tableaux de bord (issue 6 § 6) : agrégats par région, ou national (`FR`), pour une année et un cadre. Les
 * régions sont rendues dans l'ordre de leur code.
 */
export function agregerDonnees(
  donnees: readonly DonneesCollectivite[],
  niveau: 'region' | 'national',
  annee: number,
  cadre: CodeCadre,
): Agregat[] {
  const retenues = donnees.filter((d) => d.annee === annee && d.cadre === cadre);
  if (niveau === 'national') return retenues.length === 0 ? [] : [agregat('FR', annee, cadre, retenues)];
  const regions = [...new Set(retenues.map((d) => d.collectivite.region))].sort();
  return regions.map((region) =>
    agregat(
      region,
      annee,
      cadre,
      retenues.filter((d) => d.collectivite.region === region),
    ),
  );
}
