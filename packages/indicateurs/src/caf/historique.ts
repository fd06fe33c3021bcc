/**
 * Historique des situations RSA tenu par le département à partir des flux VRSB0801 : la CAF/MSA écrase l'état
 * courant, Jalon garde, pour chaque personne et chaque mois, la dernière observation reçue (issue 7 § 1 ;
 * shared/reference/caf-flux/README.md § 4). Fonctions pures : l'application d'un flux ne dépend que de son en-tête
 * et de ses dossiers ; l'ordre d'arrivée des fichiers ne change pas le résultat (INT-DONNEES-1).
 */
import type { EnteteFlux, FoyerCaf } from './extraction.ts';

/** Ce que Jalon retient d'une personne pour un mois, tiré du dernier flux qui la mentionne ce mois-là. */
export interface ObservationCaf {
  /** Clé du flux : type|DTREF|DTCREAFLUX|HEUCREAFLUX. */
  readonly flux: string;
  readonly dossier: string;
  readonly etat: string;
  readonly sdd: boolean | null;
  readonly dateDemande: string;
  readonly motifSuspensionDroit: string | null;
  readonly dateSuspensionDroit: string | null;
  readonly motifSuspensionVersement: string | null;
  readonly dateSuspensionVersement: string | null;
  readonly motifCloture: string | null;
  readonly dateCloture: string | null;
  readonly motifRefus: string | null;
  /** Date de création du premier flux du mois montrant la personne avec un droit ouvert et SDD (T0, INT-DONNEES-5). */
  readonly premiereReceptionSdd: string | null;
}

export interface FluxApplique extends EnteteFlux {
  readonly cle: string;
  readonly fichier: string;
  readonly dossiers: number;
}

/** Rôles gardés : demandeur et conjoint, seuls concernés par l'orientation (webrsa, README § 4 ; INT-DONNEES-2). */
export const ROLES_GARDES: ReadonlySet<string> = new Set(['DEM', 'CJT']);
/** ETATDOSRSA d'un droit ouvert (README § 3.4) : 2 versable, 3 droit suspendu, 4 versement suspendu. */
export const ETATS_OUVERTS: ReadonlySet<string> = new Set(['2', '3', '4']);
export const ETATS_CONNUS: ReadonlySet<string> = new Set(['0', '1', '2', '3', '4', '5', '6']);

/** Clé d'un flux et clé d'ordre chronologique (DTREF, puis date et heure de création ; README § 3.1, § 3.8). */
export const cleFlux = (e: EnteteFlux): string =>
  `${e.typeFlux}|${e.dateReference}|${e.dateCreation}|${e.heureCreation}`;
export const ordreFlux = (cle: string): string => cle.slice(cle.indexOf('|') + 1);

/** `M` mensuel et `R` reprise sont des photographies complètes du stock ; `I` ne porte que les changements. */
export const estPhotographie = (typeFlux: string): boolean => typeFlux === 'M' || typeFlux === 'R';

/** « AAAA-MM-JJ » → mois absolu (année × 12 + mois − 1). */
export function moisDe(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

export class HistoriqueCaf {
  /** personne → mois → observation. */
  readonly personnes = new Map<string, Map<number, ObservationCaf>>();
  readonly flux = new Map<string, FluxApplique>();
  /** Compteurs pour le compte rendu : personnes écartées par rôle, sans NIR, SDD inconnu, états inconnus. */
  readonly ecarts = { rolesIgnores: 0, sansNir: 0, sddInconnu: 0, etatsInconnus: 0 };

  /** Vrai si ce flux (même type, DTREF, date et heure de création) a déjà été appliqué. */
  dejaApplique(e: EnteteFlux): boolean {
    return this.flux.has(cleFlux(e));
  }

  enregistrerFlux(e: EnteteFlux, fichier: string, dossiers: number): void {
    const cle = cleFlux(e);
    this.flux.set(cle, { cle, fichier, dossiers, ...e });
  }

  /** Le flux photographie retenu pour un mois : le plus récent (DTREF, création) des flux M/R de ce mois. */
  photographieDuMois(mois: number): string | null {
    let retenu: string | null = null;
    for (const f of this.flux.values()) {
      if (!estPhotographie(f.typeFlux) || moisDe(f.dateReference) !== mois) continue;
      if (retenu === null || ordreFlux(f.cle) > ordreFlux(retenu)) retenu = f.cle;
    }
    return retenu;
  }

  /** Applique un dossier du flux `e` : une observation par demandeur ou conjoint, pour le mois de DTREF. */
  appliquerFoyer(e: EnteteFlux, foyer: FoyerCaf): void {
    const cle = cleFlux(e);
    const mois = moisDe(e.dateReference);
    if (!ETATS_CONNUS.has(foyer.etat)) this.ecarts.etatsInconnus++;
    for (const p of foyer.personnes) {
      if (p.role === null || !ROLES_GARDES.has(p.role)) {
        this.ecarts.rolesIgnores++;
        continue;
      }
      if (p.sansNir) this.ecarts.sansNir++;
      if (p.sdd === null) this.ecarts.sddInconnu++;
      let parMois = this.personnes.get(p.id);
      if (parMois === undefined) {
        parMois = new Map();
        this.personnes.set(p.id, parMois);
      }
      const avant = parMois.get(mois);
      const ouvertSdd = ETATS_OUVERTS.has(foyer.etat) && p.sdd === true;
      const receptions = [avant?.premiereReceptionSdd ?? null, ouvertSdd ? e.dateCreation : null].filter(
        (d): d is string => d !== null,
      );
      const premiereReceptionSdd = receptions.length === 0 ? null : (receptions.sort()[0] ?? null);
      // La plus récente observation du mois l'emporte, quel que soit l'ordre d'import (INT-DONNEES-1).
      if (avant !== undefined && ordreFlux(avant.flux) > ordreFlux(cle)) {
        parMois.set(mois, { ...avant, premiereReceptionSdd });
        continue;
      }
      parMois.set(mois, {
        flux: cle,
        dossier: foyer.dossier,
        etat: foyer.etat,
        sdd: p.sdd,
        dateDemande: foyer.dateDemande,
        motifSuspensionDroit: foyer.motifSuspensionDroit,
        dateSuspensionDroit: foyer.dateSuspensionDroit,
        motifSuspensionVersement: foyer.motifSuspensionVersement,
        dateSuspensionVersement: foyer.dateSuspensionVersement,
        motifCloture: foyer.motifCloture,
        dateCloture: foyer.dateCloture,
        motifRefus: foyer.motifRefus,
        premiereReceptionSdd,
      });
    }
  }

  /** Mois couverts par les flux appliqués : du premier au dernier mois de DTREF. */
  fenetre(): { premier: number; dernier: number } | null {
    let premier = Number.POSITIVE_INFINITY;
    let dernier = Number.NEGATIVE_INFINITY;
    for (const f of this.flux.values()) {
      const m = moisDe(f.dateReference);
      premier = Math.min(premier, m);
      dernier = Math.max(dernier, m);
    }
    return Number.isFinite(premier) ? { premier, dernier } : null;
  }
}
