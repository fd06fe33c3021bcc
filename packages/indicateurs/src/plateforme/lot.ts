/**
 * Un lot téléversé (docs/donnees-reelles.md § 4) → dossier d'échange → indicateurs du moteur et listes
 * d'explication. Coquille d'E/S appelée par le serveur ; rien n'est écrit ailleurs que dans `dossierTravail`, et
 * toute erreur (fichier, ligne, colonne, raison) arrête le lot entier : l'appelant n'écrit rien en base.
 *
 * Trois formes de lot :
 * 1. une archive zip au format d'échange (v1 ou v1.1) ;
 * 2. `situations_mensuelles.csv` et `evenements.csv` (v1 ou v1.1) ;
 * 3. des flux CAF/MSA VRSB0801 et/ou des exports convertis par un profil (XLSX, CSV, RDV-Insertion) : les
 *    situations viennent alors de l'historique CAF du département (conservé d'un import à l'autre, complété par
 *    les flux du lot), les événements des exports.
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CodeCadre } from '@jalon/referentiels';
import { ErreurFluxCaf } from '../caf/validateur.ts';
import { HistoriqueCaf } from '../caf/historique.ts';
import { importerFluxCaf, type RapportImportCaf } from '../caf/import.ts';
import { chargerHistorique, enregistrerHistorique } from '../caf/persistance.ts';
import { ErreurLecture, type ErreurLigne } from '../lecture/erreurs.ts';
import { calculerIndicateurs } from '../moteur/calcul.ts';
import { CODES_INDICATEURS, type Anomalie, type Indicateurs } from '../moteur/modele.ts';
import { convertirExport, type RapportConversion } from '../profils/conversion.ts';
import { lireDonneesV11 } from '../profils/lecture-v11.ts';
import { ErreurProfil, type Profil } from '../profils/schema.ts';
import { calculerVolet3 } from '../volet3/calcul.ts';
import { listesExplication, listesExplicationVolet3, type ListeExplication } from './explications.ts';
import { natureDe, type NatureFichier } from './types-fichiers.ts';
import { versionMoteur } from './version.ts';

export interface FichierLot {
  readonly chemin: string;
  /** Nom d'origine (affiché dans les erreurs). */
  readonly nom: string;
}

export interface OptionsLot {
  readonly fichiers: readonly FichierLot[];
  /** Dossier vide, à soi, supprimé par l'appelant. */
  readonly dossierTravail: string;
  readonly annee: number;
  readonly cadre: CodeCadre;
  /** Profil des exports CSV/XLSX (forme 3). */
  readonly profil: Profil | null;
  /** Clé HMAC du département : obligatoire pour les flux CAF et les profils qui pseudonymisent. */
  readonly cle: Buffer | null;
  /** Historique CAF du département avant ce lot (forme 3). */
  readonly historiqueCaf: HistoriqueCaf | null;
  /** Date du calcul (horloge de l'appelant). */
  readonly maintenant: Date;
}

/** Même forme que la sortie JSON de `jalon indicateurs calculer` (shared/specs/parcours-rsa-v1.md). */
export interface ResultatCalculLot {
  readonly annee: number;
  readonly cadre: CodeCadre;
  readonly indicateurs: Indicateurs;
  readonly lignes_ecartees: number;
  readonly anomalies: readonly Anomalie[];
  readonly provenance: { readonly moteur: string; readonly empreinte: string; readonly calcule_le: string };
}

export interface ResultatLot {
  readonly forme: 'archive' | 'echange' | 'sources';
  readonly resultat: ResultatCalculLot;
  /**
   * Indicateurs du volet 3 France Travail (`calculerVolet3`, comme `jalon donnees volet3`), calculés pour le cadre
   * france-travail-2024 seulement (003 · annexes 3 et 4) ; `null` sinon.
   */
  readonly volet3: Readonly<Record<string, number | null>> | null;
  readonly nombreLignes: { readonly situations: number; readonly evenements: number };
  readonly avertissements: readonly string[];
  readonly explications: readonly ListeExplication[];
  /** Historique CAF après le lot (forme 3 avec flux), à conserver ; `null` s'il n'a pas changé. */
  readonly historiqueCaf: HistoriqueCaf | null;
  readonly fluxCaf: RapportImportCaf | null;
  readonly conversions: readonly (Omit<RapportConversion, 'apercu' | 'fichierEcrit'> & { fichier: string })[];
}

/** Erreur d'un lot : message général et lignes en cause (fichier, ligne, colonne, raison). */
export class ErreurLot extends Error {
  constructor(
    message: string,
    readonly erreurs: readonly ErreurLigne[] = [],
    readonly nombreErreurs: number = erreurs.length,
  ) {
    super(message);
    this.name = 'ErreurLot';
  }
}

const LIMITE_ERREURS = 200;

function classer(fichiers: readonly FichierLot[]): Map<NatureFichier, FichierLot[]> {
  const parNature = new Map<NatureFichier, FichierLot[]>();
  for (const f of fichiers) {
    const nature = natureDe(f.nom);
    if (nature === null)
      throw new ErreurLot(
        `${f.nom} : type de fichier non accepté (attendu : archive .zip, situations_mensuelles.csv, evenements.csv, ` +
          'flux CAF/MSA .xml, export .csv ou .xlsx).',
      );
    parNature.set(nature, [...(parNature.get(nature) ?? []), f]);
  }
  return parNature;
}

async function preparerDossier(
  o: OptionsLot,
  parNature: Map<NatureFichier, FichierLot[]>,
): Promise<{
  forme: ResultatLot['forme'];
  chemin: string;
  fluxCaf: RapportImportCaf | null;
  historique: HistoriqueCaf | null;
  conversions: ResultatLot['conversions'];
}> {
  const nombre = (n: NatureFichier): number => parNature.get(n)?.length ?? 0;
  const archives = parNature.get('archive') ?? [];
  if (archives.length > 0) {
    if (archives.length > 1 || o.fichiers.length > 1)
      throw new ErreurLot(
        'Une archive zip se téléverse seule (elle contient déjà les deux fichiers d’échange).',
      );
    return {
      forme: 'archive',
      chemin: archives[0]?.chemin ?? '',
      fluxCaf: null,
      historique: null,
      conversions: [],
    };
  }
  if (nombre('situations') > 0 || nombre('evenements') > 0) {
    if (nombre('situations') !== 1 || nombre('evenements') !== 1 || o.fichiers.length !== 2)
      throw new ErreurLot(
        'Format d’échange : téléversez ensemble situations_mensuelles.csv et evenements.csv, et eux seuls ' +
          '(les flux CAF et les exports se téléversent à part).',
      );
    await copyFile(
      parNature.get('situations')?.[0]?.chemin ?? '',
      join(o.dossierTravail, 'situations_mensuelles.csv'),
    );
    await copyFile(parNature.get('evenements')?.[0]?.chemin ?? '', join(o.dossierTravail, 'evenements.csv'));
    return { forme: 'echange', chemin: o.dossierTravail, fluxCaf: null, historique: null, conversions: [] };
  }

  // Forme 3 : historique CAF du département (+ flux du lot), puis exports convertis par le profil.
  const flux = parNature.get('flux_caf') ?? [];
  const exports = parNature.get('export') ?? [];
  const historiqueAvant = o.historiqueCaf ?? new HistoriqueCaf();
  if (flux.length === 0 && historiqueAvant.personnes.size === 0)
    throw new ErreurLot(
      'Aucune situation mensuelle : téléversez d’abord les flux CAF/MSA du département (fichiers .xml), ou ' +
        'situations_mensuelles.csv avec evenements.csv.',
    );
  if (exports.length > 0 && o.profil === null)
    throw new ErreurLot(
      `${exports.map((f) => f.nom).join(', ')} : choisissez le profil de correspondance de cet export.`,
    );
  if (flux.length > 0 && o.cle === null)
    throw new ErreurLot(
      'Flux CAF/MSA : la clé de pseudonymisation du département est obligatoire (les NIR sont remplacés par leur ' +
        'pseudonyme avant tout enregistrement).',
    );
  await enregistrerHistorique(o.dossierTravail, historiqueAvant);
  let fluxCaf: RapportImportCaf | null = null;
  try {
    // Les flux sont enregistrés par l'appelant sous leur nom d'origine : les erreurs le citent.
    fluxCaf = await importerFluxCaf({
      fichiers: flux.map((f) => f.chemin),
      dossierSortie: o.dossierTravail,
      cle: o.cle ?? Buffer.alloc(32),
    });
  } catch (e) {
    if (e instanceof ErreurFluxCaf)
      throw new ErreurLot(`Flux CAF/MSA refusé, rien n’a été enregistré : ${e.message}`, [
        { fichier: e.fichier, ligne: e.ligne ?? 0, colonne: e.chemin, raison: e.raison },
      ]);
    throw e;
  }
  const conversions: (Omit<RapportConversion, 'apercu' | 'fichierEcrit'> & { fichier: string })[] = [];
  for (const f of exports) {
    const profil = o.profil as Profil;
    if (profil.identifiant.pseudonymiser && o.cle === null)
      throw new ErreurLot(
        `${f.nom} : le profil « ${profil.nom} » pseudonymise l’identifiant ; la clé du département est obligatoire.`,
      );
    let r: RapportConversion;
    try {
      r = await convertirExport({ profil, entree: f.chemin, dossierSortie: o.dossierTravail, cle: o.cle });
    } catch (e) {
      if (e instanceof ErreurProfil || e instanceof ErreurLecture)
        throw new ErreurLot(`${f.nom} : ${e.message}`);
      throw e;
    }
    if (r.rejets.length > 0)
      throw new ErreurLot(
        `${f.nom} : ${r.rejets.length} ligne(s) rejetée(s) par le profil « ${profil.nom} », rien n’a été enregistré. ` +
          'Corrigez l’export ou complétez le profil (aperçu dans le constructeur de profil).',
        r.rejets
          .slice(0, LIMITE_ERREURS)
          .map((x) => ({ fichier: f.nom, ligne: x.ligne, colonne: x.colonne, raison: x.raison })),
        r.rejets.length,
      );
    conversions.push({
      fichier: f.nom,
      lues: r.lues,
      produites: r.produites,
      rejets: [],
      colonnes: r.colonnes,
    });
  }
  const historique = flux.length > 0 ? await chargerHistorique(o.dossierTravail) : null;
  return { forme: 'sources', chemin: o.dossierTravail, fluxCaf, historique, conversions };
}

export async function traiterLot(o: OptionsLot): Promise<ResultatLot> {
  if (o.fichiers.length === 0) throw new ErreurLot('Aucun fichier reçu.');
  const parNature = classer(o.fichiers);
  const dossier = await preparerDossier(o, parNature);
  let d;
  try {
    d = await lireDonneesV11(dossier.chemin, { limiteErreurs: LIMITE_ERREURS });
  } catch (e) {
    if (e instanceof ErreurLecture)
      throw new ErreurLot(`Entrée illisible, rien n’a été enregistré : ${e.message}`);
    throw e;
  }
  if (d.nombreLignesInvalides > 0)
    throw new ErreurLot(
      `${d.nombreLignesInvalides} ligne(s) invalide(s) : calcul arrêté, rien n’a été enregistré. Corrigez-les puis ` +
        'téléversez de nouveau.',
      d.lignesInvalides,
      d.nombreLignesInvalides,
    );
  const parametres = { annee: o.annee, cadre: o.cadre, fenetre: d.fenetre };
  const moteur = calculerIndicateurs(d.personnes(), parametres);
  const indicateurs = Object.fromEntries(
    CODES_INDICATEURS.map((c) => [c, moteur.indicateurs[c] ?? null]),
  ) as Indicateurs;
  const volet3 =
    o.cadre === 'france-travail-2024' ? calculerVolet3(d.personnesV11(), { annee: o.annee }) : null;
  return {
    forme: dossier.forme,
    volet3: volet3 === null ? null : { ...volet3.indicateurs },
    resultat: {
      annee: o.annee,
      cadre: o.cadre,
      indicateurs,
      lignes_ecartees: d.nombreLignesInvalides,
      anomalies: [...moteur.anomalies, ...d.anomaliesLecture],
      provenance: { moteur: versionMoteur(), empreinte: d.empreinte, calcule_le: o.maintenant.toISOString() },
    },
    nombreLignes: d.nombreLignes,
    avertissements: [...(dossier.fluxCaf?.avertissements ?? []), ...d.avertissements],
    explications: [
      ...listesExplication(() => d.personnes(), parametres),
      ...(volet3 === null ? [] : listesExplicationVolet3(() => d.personnesV11(), { annee: o.annee })),
    ],
    historiqueCaf: dossier.historique,
    fluxCaf: dossier.fluxCaf,
    conversions: dossier.conversions,
  };
}
