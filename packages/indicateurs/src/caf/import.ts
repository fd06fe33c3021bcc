/**
 * Import de flux VRSB0801 dans un dossier d'échange (issue 7 § 1), appelable par la CLI (`jalon donnees caf`) et par
 * le serveur. Deux passes : (1) chaque fichier est validé en entier contre le XSD et son en-tête lu — si un seul
 * fichier est invalide, rien n'est écrit ; (2) les flux sont appliqués dans l'ordre chronologique (DTREF, puis date
 * et heure de création) à l'historique conservé dans le dossier, puis les fichiers d'échange sont réécrits.
 */
import { basename } from 'node:path';
import { pseudonyme } from '../pseudonymisation/pseudonyme.ts';
import {
  assemblerEvenements,
  COLONNES_SITUATIONS_ECHANGE,
  ecrireCsv,
  ecrirePartEvenements,
} from '../profils/dossier-echange.ts';
import { deriverDonnees } from './derivation.ts';
import type { EnteteFlux } from './extraction.ts';
import { cleFlux, ordreFlux } from './historique.ts';
import { lireFlux } from './lecture-flux.ts';
import { chargerHistorique, enregistrerHistorique } from './persistance.ts';
import { join } from 'node:path';

export interface RapportImportCaf {
  readonly fluxAppliques: readonly {
    fichier: string;
    typeFlux: string;
    dateReference: string;
    dossiers: number;
  }[];
  readonly fluxIgnores: readonly { fichier: string; raison: string }[];
  readonly personnes: number;
  readonly situations: number;
  readonly evenements: number;
  readonly avertissements: readonly string[];
}

export interface OptionsImportCaf {
  readonly fichiers: readonly string[];
  readonly dossierSortie: string;
  /** Clé HMAC du département (pseudonymisation, `jalon pseudonymiser --generer-cle`). */
  readonly cle: Buffer;
  readonly progression?: (fichier: string, octetsLus: number) => void;
}

/** Lève `ErreurFluxCaf` si un fichier ne respecte pas le XSD (fichier, ligne, colonne, chemin, raison). */
export async function importerFluxCaf(options: OptionsImportCaf): Promise<RapportImportCaf> {
  const pseudonymiser = (identifiant: string): string => pseudonyme(options.cle, identifiant);
  const avertissements: string[] = [];

  // Passe 1 : validation complète et en-têtes.
  const lus: { chemin: string; nom: string; entete: EnteteFlux; dossiers: number }[] = [];
  for (const chemin of options.fichiers) {
    const nom = basename(chemin);
    const r = await lireFlux(chemin, nom, {
      pseudonymiser: () => '',
      ...(options.progression ? { progression: (n: number) => options.progression?.(nom, n) } : {}),
    });
    lus.push({ chemin, nom, entete: r.entete, dossiers: r.nombreDossiers });
  }
  lus.sort((a, b) => (ordreFlux(cleFlux(a.entete)) < ordreFlux(cleFlux(b.entete)) ? -1 : 1));

  // Passe 2 : application chronologique.
  const h = await chargerHistorique(options.dossierSortie);
  const appliques: RapportImportCaf['fluxAppliques'][number][] = [];
  const ignores: { fichier: string; raison: string }[] = [];
  const vus = new Set<string>();
  for (const f of lus) {
    const cle = cleFlux(f.entete);
    if (h.dejaApplique(f.entete) || vus.has(cle)) {
      ignores.push({
        fichier: f.nom,
        raison: `flux déjà importé (${f.entete.typeFlux}, DTREF ${f.entete.dateReference}, créé le ${f.entete.dateCreation} à ${f.entete.heureCreation})`,
      });
      continue;
    }
    vus.add(cle);
    if (!['M', 'I', 'R'].includes(f.entete.typeFlux)) {
      ignores.push({
        fichier: f.nom,
        raison: `TYPEFLUX « ${f.entete.typeFlux} » inconnu (attendu M, I ou R)`,
      });
      continue;
    }
    if (f.entete.natFlux !== 'D')
      avertissements.push(
        `${f.nom} : NATFLUX « ${f.entete.natFlux} » au lieu de « D » (flux bénéficiaires) ; importé quand même.`,
      );
    const entete = f.entete;
    await lireFlux(f.chemin, f.nom, { pseudonymiser, surFoyer: (foyer) => h.appliquerFoyer(entete, foyer) });
    h.enregistrerFlux(entete, f.nom, f.dossiers);
    appliques.push({
      fichier: f.nom,
      typeFlux: entete.typeFlux,
      dateReference: entete.dateReference,
      dossiers: f.dossiers,
    });
  }

  const { situations, evenements } = deriverDonnees(h);
  await enregistrerHistorique(options.dossierSortie, h);
  await ecrireCsv(
    join(options.dossierSortie, 'situations_mensuelles.csv'),
    COLONNES_SITUATIONS_ECHANGE,
    situations,
  );
  await ecrirePartEvenements(options.dossierSortie, 'caf', evenements);
  await assemblerEvenements(options.dossierSortie);

  const e = h.ecarts;
  if (e.sansNir > 0)
    avertissements.push(
      `${e.sansNir} observation(s) de personne sans NIR : pseudonyme calculé sur l'état civil (INT-DONNEES-3).`,
    );
  if (e.sddInconnu > 0)
    avertissements.push(
      `${e.sddInconnu} observation(s) sans bloc MontantCalculDroitRSAPersonne : « soumis aux droits et devoirs » inconnu, lu « non ».`,
    );
  if (e.etatsInconnus > 0)
    avertissements.push(`${e.etatsInconnus} dossier(s) avec un ETATDOSRSA hors 0 à 6 : sans droit retenu.`);
  return {
    fluxAppliques: appliques,
    fluxIgnores: ignores,
    personnes: h.personnes.size,
    situations: situations.length,
    evenements: evenements.length,
    avertissements,
  };
}
