import { createHash } from 'node:crypto';
import {
  convertirUnPdf,
  documentDuDepot,
  genererDocument,
  type FormatDocument,
  type TypeDocument,
} from '@jalon/documents';
import type { DepotFige } from '@jalon/schemas';
import type { Depots, Persistance } from '../depots/ports.ts';
import type { DepotFigeEnregistre, NouveauFichierDepot } from '../depots/ports-documents.ts';
import { appliquerTransitionsDans, jugerTransition } from './cycle.ts';
import { etatPourDocuments, nomDeFichier, peutDeposerRapport, versErreurMetier } from './documents.ts';
import { ErreurMetier, interdit, versionPerimee } from './erreurs.ts';
import { conventionLisible, type Acteur } from './mutation.ts';

/**
 * Dépôts figés du rapport d'exécution (issue 5 § 4) : au dépôt, les données (JSON), les fichiers produits
 * (rapport DOCX et PDF, tableaux financier et des indicateurs XLSX) et le SHA-256 de chacun sont enregistrés ;
 * la base refuse ensuite toute modification ou suppression (déclencheur, migration 0004). Télécharger un fichier
 * déposé rend exactement ses octets, quoi qu'il arrive ensuite à la convention.
 */
export const FORMAT_DONNEES_DEPOT = 'jalon.depot-rapport/1';

export const sha256 = (octets: Uint8Array): string => createHash('sha256').update(octets).digest('hex');

const versApi = (depot: DepotFigeEnregistre): DepotFige => ({
  id: depot.id,
  numero: depot.numero,
  type_document: depot.typeDocument,
  version_convention: depot.versionConvention,
  depose_par: depot.deposePar,
  role: depot.role,
  depose_le: depot.deposeLe,
  fichiers: depot.fichiers.map((f) => ({
    nom: f.nom,
    type_mime: f.typeMime,
    taille: f.taille,
    sha256: f.sha256,
  })),
});

export async function listerDepotsFiges(depots: Depots, conventionId: number): Promise<DepotFige[]> {
  return (await depots.documents.listerDepots(conventionId)).map(versApi);
}

function fichier(nom: string, typeMime: string, octets: Uint8Array): NouveauFichierDepot {
  return { nom, typeMime, octets, sha256: sha256(octets) };
}

/**
 * Dépose le rapport de la convention telle qu'elle est à la version `version`. Les fichiers sont produits hors
 * transaction (LibreOffice prend quelques secondes) depuis cette version ; la transaction revérifie ensuite
 * droits et version (changée entre-temps → 409, rien n'est écrit) : ce qui est déposé est exactement cette
 * version. La version de la convention avance (le dépôt est une écriture sur la convention, auditée).
 *
 * Convention « en exécution » : déposer le rapport EST la transition `deposer_rapport` du cycle de vie (issue 6
 * § 1), appliquée dans la même transaction ; si elle est refusée (période non terminée, exécution non saisie,
 * avenant en cours…), rien n'est déposé. Aux autres états, le dépôt fige une copie sans transition.
 * INT-CYCLE-VALIDATIONS-3.
 */
export async function deposerRapport(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  version: number,
  maintenant: Date = new Date(),
): Promise<DepotFige> {
  const convention = await conventionLisible(persistance.depots, acteur, id);
  if (!peutDeposerRapport(acteur.compte, convention)) {
    throw interdit('déposer le rapport d’exécution (valideur de la collectivité, convention non clôturée)');
  }
  if (convention.version !== version) throw versionPerimee(version, convention.version);
  // Jugée avant de produire les fichiers (quelques secondes), rejugée dans la transaction.
  if (convention.statut === 'en_execution') {
    await jugerTransition(persistance.depots, acteur, convention, { code: 'deposer_rapport' }, maintenant, {
      depotFige: true,
    });
  }
  const type = documentDuDepot(convention.cadre);
  const { document, contenu } = await etatPourDocuments(persistance.depots, convention);
  const produire = async (t: TypeDocument, format: FormatDocument) => {
    try {
      return (await genererDocument({ type: t, format, convention: document, contenu })).octets;
    } catch (erreur) {
      throw versErreurMetier(erreur);
    }
  };
  const [docx, financier, indicateurs] = await Promise.all([
    produire(type, 'docx'),
    produire('tableau-financier', 'xlsx'),
    produire('tableau-indicateurs', 'xlsx'),
  ]);
  // Le PDF est la conversion de CE DOCX (et non d'une seconde génération).
  let pdf: Buffer;
  try {
    pdf = await convertirUnPdf({ nom: `${type}.docx`, octets: docx });
  } catch (erreur) {
    throw versErreurMetier(erreur);
  }
  const donnees = Buffer.from(
    `${JSON.stringify(
      {
        format: FORMAT_DONNEES_DEPOT,
        type_document: type,
        convention_id: id,
        version_convention: version,
        convention: document,
        contenu,
      },
      null,
      2,
    )}\n`,
    'utf8',
  );
  const fichiers = [
    fichier(nomDeFichier(convention, type, 'docx'), MIME.docx, docx),
    fichier(nomDeFichier(convention, type, 'pdf'), MIME.pdf, pdf),
    fichier(nomDeFichier(convention, 'tableau-financier', 'xlsx'), MIME.xlsx, financier),
    fichier(nomDeFichier(convention, 'tableau-indicateurs', 'xlsx'), MIME.xlsx, indicateurs),
    fichier(`donnees_${type}_${convention.exercice}.json`, 'application/json', donnees),
  ];

  return persistance.transaction(async (depots) => {
    const actuelle = await conventionLisible(depots, acteur, id);
    if (!peutDeposerRapport(acteur.compte, actuelle)) {
      throw interdit('déposer le rapport d’exécution (valideur de la collectivité, convention non clôturée)');
    }
    const nouvelle = await depots.conventions.avancerVersion(id, version);
    if (nouvelle === undefined) throw versionPerimee(version, actuelle.version);
    const depot = await depots.documents.deposer({
      conventionId: id,
      typeDocument: type,
      versionConvention: version,
      deposePar: acteur.compte.identifiant,
      role: acteur.compte.role,
      utilisateurId: acteur.compte.id,
      fichiers,
    });
    const resume = versApi(depot);
    await depots.audit.ecrire({
      conventionId: id,
      utilisateurId: acteur.compte.id,
      qui: acteur.compte.identifiant,
      role: acteur.compte.role,
      action: 'deposer_rapport_fige',
      entite: 'depot_fige',
      entiteId: String(depot.id),
      avant: null,
      apres: resume,
    });
    if (actuelle.statut === 'en_execution') {
      await appliquerTransitionsDans(depots, acteur, id, [{ code: 'deposer_rapport' }], maintenant, {
        depotFige: true,
      });
    }
    return resume;
  });
}

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** Les octets d'un fichier déposé, vérifiés contre leur SHA-256 enregistré (sinon erreur interne). */
export async function fichierDepose(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  depotId: number,
  nom: string,
): Promise<{ octets: Buffer; typeMime: string; nomFichier: string; sha256: string }> {
  await conventionLisible(persistance.depots, acteur, id);
  const lu = await persistance.depots.documents.lireFichier(id, depotId, nom);
  if (lu === undefined) {
    throw new ErreurMetier('introuvable', `Fichier « ${nom} » introuvable dans le dépôt ${depotId}.`);
  }
  if (sha256(lu.octets) !== lu.sha256) {
    throw new Error(`Dépôt ${depotId}, « ${nom} » : empreinte SHA-256 différente de celle enregistrée`);
  }
  return { octets: lu.octets, typeMime: lu.typeMime, nomFichier: lu.nom, sha256: lu.sha256 };
}
