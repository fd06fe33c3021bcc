import {
  exporterCsv,
  exporterJson,
  validerJeu,
  type JeuOffre,
  type Modele,
  type Service,
  type Structure,
} from '@jalon/offre';
import {
  chargerTerritoiresCog,
  classeurXlsx,
  ErreurIllisible,
  formaterConstat,
  lireOffreEnMemoire,
} from '@jalon/offre/fichiers';
import type { ImportOffre, ResultatImportOffre } from '@jalon/schemas';
import type { Depots, Persistance } from '../depots/ports.ts';
import { invalide } from './erreurs.ts';
import type { Acteur } from './mutation.ts';
import { collectiviteLisible, modifierOffre, sourceDe } from './offre-acces.ts';

/** Le jeu data·inclusion d'une collectivité, tel qu'il est stocké (objets déjà normalisés et validés). */
export async function jeuDeLaCollectivite(depots: Depots, collectiviteId: string): Promise<JeuOffre> {
  return {
    structures: (await depots.offre.lister('structure', collectiviteId)).map(
      (s) => s.donnees as unknown as Structure,
    ),
    services: (await depots.offre.lister('service', collectiviteId)).map(
      (s) => s.donnees as unknown as Service,
    ),
  };
}

const MAX_CONSTATS = 200;

/**
 * Import (issue 8 § 3) d'exports data·inclusion JSON ou CSV, ou du classeur XLSX « valideur » : tout est lu et
 * validé (schéma officiel, règles, cohérence, COG) AVANT toute écriture ; une seule erreur → 422 avec chaque
 * faute située (fichier, feuille, ligne, colonne ou cellule), rien d'écrit. Sinon, dans une transaction : chaque
 * objet est créé, ou remplacé s'il a le même id publié, avec une ligne d'audit par objet.
 */
export function importerOffre(
  persistance: Persistance,
  acteur: Acteur,
  collectiviteId: string,
  entree: ImportOffre,
  aujourdhui: string,
): Promise<ResultatImportOffre> {
  return modifierOffre(persistance, acteur, collectiviteId, {
    action: 'importer_offre',
    entite: 'offre',
    travail: async (depots, collectivite) => {
      const fichiers = entree.fichiers.map((f) => ({
        nom: f.nom,
        octets: Buffer.from(f.contenu_base64, 'base64'),
      }));
      let lecture;
      try {
        lecture = await lireOffreEnMemoire(fichiers, {
          sourceParDefaut: sourceDe(collectivite),
          aujourdhui,
          mode: 'defaut',
          territoires: await chargerTerritoiresCog(),
        });
      } catch (erreur) {
        if (erreur instanceof ErreurIllisible) {
          throw invalide(`Import refusé, fichier illisible : ${erreur.message}. Rien n’a été enregistré.`, {
            constats: [erreur.message],
          });
        }
        throw erreur;
      }
      const { jeu } = lecture;
      const constats = [...lecture.constats];
      // Services qui désignent une structure ni dans le fichier ni déjà dans l'offre de la collectivité.
      const connues = new Set([
        ...jeu.structures.map((s) => s.id),
        ...(await depots.offre.lister('structure', collectivite.id)).map((s) => s.idPublie),
      ]);
      jeu.services.forEach((s, i) => {
        if (jeu.structures.length > 0 || typeof s.structure_id !== 'string' || connues.has(s.structure_id))
          return; // avec des structures dans le fichier, `@jalon/offre` l'a déjà vérifié
        constats.push({
          origine: lecture.origines.service[i],
          modele: 'service',
          champ: 'structure_id',
          chemin: '/structure_id',
          code: 'STRUCTURE_INCONNUE',
          severite: 'erreur',
          message: `aucune structure du fichier ni de l’offre de la collectivité n’a l’identifiant « ${s.structure_id} »`,
        });
      });
      const erreurs = constats.filter((c) => c.severite === 'erreur');
      if (erreurs.length > 0) {
        const lignes = erreurs.map(formaterConstat);
        throw invalide(
          `Import refusé : ${erreurs.length} erreur(s), rien n’a été enregistré. ${lignes.slice(0, 5).join(' ; ')}${lignes.length > 5 ? ' ; …' : ''}`,
          { constats: lignes.slice(0, MAX_CONSTATS) },
        );
      }
      if (jeu.structures.length + jeu.services.length === 0) {
        throw invalide('Import refusé : le fichier ne contient aucune structure ni aucun service.');
      }
      const resultat: ResultatImportOffre = {
        structures: { creees: 0, remplacees: 0 },
        services: { crees: 0, remplaces: 0 },
        avertissements: constats
          .filter((c) => c.severite === 'avertissement')
          .map(formaterConstat)
          .slice(0, MAX_CONSTATS),
      };
      const ecrire = async (modele: Modele, objet: Record<string, unknown>) => {
        const existant = await depots.offre.trouverParIdPublie(modele, collectivite.id, String(objet.id));
        if (existant === undefined) {
          await depots.offre.creer({
            modele,
            collectiviteId: collectivite.id,
            departement: collectivite.departement,
            donnees: objet,
          });
        } else {
          await depots.offre.remplacer(modele, existant.id, objet);
        }
        await depots.audit.ecrire({
          conventionId: null,
          utilisateurId: acteur.compte.id,
          qui: acteur.compte.identifiant,
          role: acteur.compte.role,
          action: existant === undefined ? `importer_${modele}` : `remplacer_${modele}`,
          entite: `offre_${modele}`,
          entiteId: String(objet.id),
          avant: existant?.donnees ?? null,
          apres: objet,
        });
        return existant === undefined;
      };
      for (const s of jeu.structures) {
        if (await ecrire('structure', s as unknown as Record<string, unknown>)) resultat.structures.creees++;
        else resultat.structures.remplacees++;
      }
      for (const s of jeu.services) {
        if (await ecrire('service', s as unknown as Record<string, unknown>)) resultat.services.crees++;
        else resultat.services.remplaces++;
      }
      return {
        entiteId: collectivite.id,
        avant: null,
        apres: { fichiers: entree.fichiers.map((f) => f.nom), ...resultat, avertissements: undefined },
        resultat,
      };
    },
  });
}

export type FichierExport =
  'structures.json' | 'services.json' | 'structures.csv' | 'services.csv' | 'offre.xlsx';

export const FICHIERS_EXPORT: readonly FichierExport[] = [
  'structures.json',
  'services.json',
  'structures.csv',
  'services.csv',
  'offre.xlsx',
];

export const TYPES_MIME: Readonly<Record<'json' | 'csv' | 'xlsx', string>> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Export open data (issue 8 § 3) au format des exports data·inclusion : JSON ou CSV par modèle, ou classeur
 * « valideur ». Ids `<source>--<id local>`. Le jeu est revalidé (schéma officiel, règles, cohérence) : s'il ne
 * l'est pas (une `date_maj` devenue invalide…), 422 et rien n'est produit.
 */
export async function exporterOffre(
  persistance: Persistance,
  acteur: Acteur,
  collectiviteId: string,
  fichier: FichierExport,
  aujourdhui: string,
): Promise<{ nom: string; type: string; contenu: string | Buffer }> {
  const collectivite = await collectiviteLisible(persistance.depots, acteur, collectiviteId);
  const jeu = await jeuDeLaCollectivite(persistance.depots, collectivite.id);
  const erreurs = validerJeu(jeu, { aujourdhui, mode: 'defaut' }).constats.filter(
    (c) => c.severite === 'erreur',
  );
  if (erreurs.length > 0) {
    throw invalide(
      `Export refusé : ${erreurs.length} objet(s) ne valident plus le schéma data·inclusion (${erreurs
        .slice(0, 5)
        .map((e) => `${e.id ?? e.modele} « ${e.champ} » : ${e.message}`)
        .join(' ; ')}). Corrigez-les puis réessayez.`,
    );
  }
  const [base = '', format = 'json'] = fichier.split('.') as [string, 'json' | 'csv' | 'xlsx'];
  const nom = `offre-${sourceDe(collectivite)}-${base}.${format}`;
  if (format === 'xlsx') return { nom, type: TYPES_MIME.xlsx, contenu: await classeurXlsx(jeu) };
  const modele: Modele = base === 'structures' ? 'structure' : 'service';
  return {
    nom,
    type: TYPES_MIME[format],
    contenu: format === 'json' ? exporterJson(jeu, modele) : exporterCsv(jeu, modele),
  };
}
