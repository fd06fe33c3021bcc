/**
 * Téléversement de données réelles → indicateurs de la convention (docs/donnees-reelles.md § 4). Ordre :
 * 1. droits (rôle et territoire) AVANT de lire le corps ; 2. réception en flux dans un dossier temporaire ;
 * 3. calcul par le moteur (`traiterLot`, le même que `jalon indicateurs calculer`) ; 4. UNE transaction : valeurs
 * de la matrice avec leur provenance (cas d'usage `importerResultat`, version de la convention vérifiée, audit),
 * historique des imports, listes d'explication, historique CAF. Toute erreur avant 4 : rien n'est écrit.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import type { ApercuProfilDto, ImportDonnees, ListeImports, ReponseTeleversement } from '@jalon/schemas';
import { ErreurLecture, lireCle } from '@jalon/indicateurs';
import { ErreurProfil } from '@jalon/indicateurs/profils';
import {
  apercuProfil,
  ErreurLot,
  historiqueDepuisLignes,
  historiqueEnLignes,
  natureDe,
  traiterLot,
  type LigneHistoriqueCaf,
  type FluxCafEnregistre,
} from '@jalon/indicateurs/plateforme';
import { droitsSur } from '../acces/politique.ts';
import type { Persistance } from '../depots/ports.ts';
import { ErreurMetier, interdit, invalide } from './erreurs.ts';
import { importerResultat } from './indicateurs.ts';
import { conventionLisible, type Acteur } from './mutation.ts';
import { collectiviteModifiable, profilPourCollectivite, profilValide } from './donnees-profils.ts';
import { recevoirFormulaire, type FichierRecu } from './donnees-reception.ts';

const champsSchema = z.object({
  version: z.coerce.number().int().min(1),
  annee: z.coerce.number().int().min(2018).max(2100),
  profil: z.string().trim().max(40).optional(),
  cle: z.string().trim().max(200).optional(),
});

const importIntrouvable = (id: number) =>
  new ErreurMetier('introuvable', `Import ${id} introuvable dans cette convention.`);

export async function televerserDonnees(
  persistance: Persistance,
  acteur: Acteur,
  conventionId: number,
  requete: Request,
  options: { tailleMax: number; maintenant: () => Date },
): Promise<ReponseTeleversement> {
  // 1. Droits d'abord : un compte sans droit ne fait rien lire au serveur.
  const convention = await conventionLisible(persistance.depots, acteur, conventionId);
  if (!droitsSur(acteur.compte, convention.collectivite, convention.statut).modifier)
    throw interdit(
      'téléverser des données pour cette convention (collectivité, brouillon ou en négociation)',
    );

  const dossier = await mkdtemp(join(tmpdir(), 'jalon-televersement-'));
  try {
    const recus = join(dossier, 'recus');
    const travail = join(dossier, 'travail');
    await mkdir(recus);
    await mkdir(travail);
    // 2. Réception.
    const formulaire = await recevoirFormulaire(requete, recus, options.tailleMax);
    const lus = champsSchema.safeParse(formulaire.champs);
    if (!lus.success)
      throw invalide(
        `Formulaire incomplet : ${lus.error.issues.map((i) => `« ${i.path.join('.')} » ${i.message}`).join(' ; ')}.`,
        { erreurs: lus.error.issues.map((i) => ({ chemin: i.path.join('.'), raison: i.message })) },
      );
    const champs = lus.data;
    if (formulaire.fichiers.length === 0)
      throw invalide('Aucun fichier reçu : joignez au moins un fichier (champ « fichier »).');
    const cle = champs.cle === undefined || champs.cle === '' ? null : lireCle(champs.cle);
    if (champs.cle !== undefined && champs.cle !== '' && cle === null)
      throw invalide(
        'Clé de pseudonymisation invalide : 64 caractères hexadécimaux attendus (jalon pseudonymiser --generer-cle).',
        {
          erreurs: [{ chemin: 'cle', raison: 'clé invalide' }],
        },
      );
    const profilRef = champs.profil === undefined || champs.profil === '' ? null : champs.profil;
    const profil =
      profilRef === null
        ? null
        : await profilPourCollectivite(persistance.depots, convention.collectivite.id, profilRef);
    const sources = formulaire.fichiers.some((f) => ['flux_caf', 'export'].includes(natureDe(f.nom) ?? ''));
    const historiqueAvant = sources ? await chargerHistorique(persistance, convention.collectivite.id) : null;

    // 3. Calcul (rien n'est encore écrit).
    let lot;
    try {
      lot = await traiterLot({
        fichiers: formulaire.fichiers.map((f) => ({ chemin: f.chemin, nom: f.nom })),
        dossierTravail: travail,
        annee: champs.annee,
        cadre: convention.cadre,
        profil: profil?.profil ?? null,
        cle,
        historiqueCaf: historiqueAvant,
        maintenant: options.maintenant(),
      });
    } catch (e) {
      if (e instanceof ErreurLot) throw invalide(e.message, { erreurs: e.erreurs, nombre: e.nombreErreurs });
      throw e;
    }

    // 4. Une transaction : matrice (provenance), import, explications, historique CAF.
    return await persistance.transaction(async (depots) => {
      const dansTransaction: Persistance = { depots, transaction: (travail) => travail(depots) };
      const sortie = await importerResultat(dansTransaction, acteur, conventionId, champs.version, {
        ...lot.resultat,
        // Cadre France Travail 2024 : les indicateurs du volet 3 de la matrice viennent du même calcul.
        indicateurs: { ...lot.resultat.indicateurs, ...(lot.volet3 ?? {}) },
        anomalies: [...lot.resultat.anomalies],
      });
      const entree = {
        convention_id: conventionId,
        annee: champs.annee,
        qui: acteur.compte.identifiant,
        forme: lot.forme,
        profil: profil?.libelle ?? null,
        fichiers: formulaire.fichiers.map(({ nom, octets, empreinte }: FichierRecu) => ({
          nom,
          octets,
          empreinte,
        })),
        empreinte: lot.resultat.provenance.empreinte,
        moteur_version: lot.resultat.provenance.moteur,
        lignes: lot.nombreLignes,
        anomalies: lot.resultat.anomalies.map((a) => ({
          code: a.code,
          message: a.message,
          nombre: a.nombre,
          exemples: [...a.exemples],
        })),
        avertissements: [...lot.avertissements],
        indicateurs: { ...lot.resultat.indicateurs, ...(lot.volet3 ?? {}) },
        ignores: sortie.resultat.ignores,
      };
      const enregistre = await depots.donnees.enregistrerImport(
        entree,
        lot.explications.map((x) => ({
          indicateur: x.indicateur,
          lignes: x.lignes,
          retenues: x.retenues,
          csvGz: x.csvGz,
        })),
      );
      if (lot.historiqueCaf !== null) {
        await depots.donnees.remplacerHistoriqueCaf(
          convention.collectivite.id,
          historiqueEnLignes(lot.historiqueCaf),
          [...lot.historiqueCaf.flux.values()].map((f) => ({ cle: f.cle, flux: f })),
        );
      }
      await depots.audit.ecrire({
        conventionId,
        utilisateurId: acteur.compte.id,
        qui: acteur.compte.identifiant,
        role: acteur.compte.role,
        action: 'televerser_donnees',
        entite: 'import_donnees',
        entiteId: String(enregistre.id),
        avant: null,
        apres: { ...entree, fichiers: entree.fichiers, flux_caf: lot.fluxCaf?.fluxAppliques ?? [] },
      });
      return { import: enregistre, version: sortie.version };
    });
  } finally {
    await rm(dossier, { recursive: true, force: true });
  }
}

async function chargerHistorique(persistance: Persistance, collectiviteId: string) {
  const h = await persistance.depots.donnees.lireHistoriqueCaf(collectiviteId);
  return historiqueDepuisLignes(
    h.observations as LigneHistoriqueCaf[],
    h.flux.map((f) => f.flux as FluxCafEnregistre),
  );
}

export async function listerImports(
  persistance: Persistance,
  acteur: Acteur,
  conventionId: number,
): Promise<ListeImports> {
  await conventionLisible(persistance.depots, acteur, conventionId);
  return { imports: await persistance.depots.donnees.listerImports(conventionId) };
}

/** Liste d'explication d'un indicateur d'un import : CSV (UTF-8 avec BOM, « ; »), personnes pseudonymisées. */
export async function explicationCsv(
  persistance: Persistance,
  acteur: Acteur,
  conventionId: number,
  importId: number,
  indicateur: string,
): Promise<{ import: ImportDonnees; csv: Buffer }> {
  await conventionLisible(persistance.depots, acteur, conventionId);
  const imp = await persistance.depots.donnees.trouverImport(importId);
  if (imp === undefined || imp.convention_id !== conventionId) throw importIntrouvable(importId);
  const gz = await persistance.depots.donnees.explication(importId, indicateur);
  if (gz === undefined)
    throw new ErreurMetier('introuvable', `Pas de liste d’explication pour l’indicateur « ${indicateur} ».`);
  return { import: imp, csv: gunzipSync(gz) };
}

/** Aperçu d'un profil (enregistré ou en cours de construction) sur un export téléversé : rien n'est écrit. */
export async function apercuProfilTeleverse(
  persistance: Persistance,
  acteur: Acteur,
  collectiviteId: string,
  requete: Request,
  tailleMax: number,
): Promise<ApercuProfilDto> {
  const c = await collectiviteModifiable(persistance.depots, acteur, collectiviteId);
  const dossier = await mkdtemp(join(tmpdir(), 'jalon-apercu-'));
  try {
    const formulaire = await recevoirFormulaire(requete, dossier, tailleMax);
    const fichier = formulaire.fichiers[0];
    if (fichier === undefined || formulaire.fichiers.length > 1)
      throw invalide('Aperçu : joignez un seul export (CSV ou XLSX), champ « fichier ».');
    const texte = formulaire.champs.profil ?? '';
    let profil;
    if (/^\d{1,9}$|^rdv-insertion$/.test(texte)) {
      profil = (await profilPourCollectivite(persistance.depots, c.id, texte)).profil;
    } else {
      let brut: unknown;
      try {
        brut = JSON.parse(texte);
      } catch {
        throw invalide(
          'Aperçu : le champ « profil » doit contenir un profil JSON (jalon.profil/1) ou sa référence.',
        );
      }
      profil = profilValide(brut);
    }
    const cle = formulaire.champs.cle ? lireCle(formulaire.champs.cle) : null;
    let a;
    try {
      a = await apercuProfil(profil, fichier.chemin, fichier.nom, cle, 20);
    } catch (e) {
      if (e instanceof ErreurProfil || e instanceof ErreurLecture) throw invalide(e.message);
      throw e;
    }
    return {
      colonnes_source: [...a.colonnesSource],
      colonnes: [...a.colonnes],
      lues: a.lues,
      produites: a.produites,
      lignes: a.lignes.map((l) => ({ ...l })),
      rejets: a.rejets.map((r) => ({ ligne: r.ligne, colonne: r.colonne, raison: r.raison })),
    };
  } finally {
    await rm(dossier, { recursive: true, force: true });
  }
}
