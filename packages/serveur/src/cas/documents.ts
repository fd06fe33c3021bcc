import {
  documentsDuCadre,
  ErreurDocument,
  genererDocument,
  libreOfficeDisponible,
  type ContenuEntree,
  type FormatDocument,
  type TypeDocument,
} from '@jalon/documents';
import type { ConventionDocument } from '@jalon/domaine';
import {
  textesRapportSchema,
  type ConventionResume,
  type DocumentsConvention,
  type TextesRapport,
} from '@jalon/schemas';
import { droitsSur } from '../acces/politique.ts';
import type { CompteEnregistre, Depots, Persistance } from '../depots/ports.ts';
import { listerDepotsFiges } from './depots-figes.ts';
import { versDocument } from './document.ts';
import { contenuDeLaConvention, TEXTES_VIDES } from './documents-contenu.ts';
import { invalide } from './erreurs.ts';
import { conventionLisible, type Acteur } from './mutation.ts';
import { INDICATEURS_PAR_CADRE } from './referentiel-indicateurs.ts';

/**
 * Documents officiels d'une convention (issue 5 ; docs/documents.md § Serveur) : ce que la convention peut
 * produire, génération à la demande (DOCX, XLSX, PDF par LibreOffice) depuis l'état courant en base.
 */

/** Textes du rapport enregistrés (ou vides). Une base qui ne les relit pas est un bogue : on le dit. */
export async function textesEnregistres(depots: Depots, conventionId: number): Promise<TextesRapport> {
  const ligne = await depots.documents.lireTextes(conventionId);
  if (ligne === undefined) return TEXTES_VIDES;
  const lecture = textesRapportSchema.safeParse(ligne.textes);
  if (!lecture.success) throw new Error(`Textes du rapport illisibles en base (convention ${conventionId})`);
  return lecture.data;
}

/** L'état d'une convention pour ses documents : format d'échange et contenu, lus dans `depots`. */
export async function etatPourDocuments(
  depots: Depots,
  convention: ConventionResume,
): Promise<{ document: ConventionDocument; contenu: ContenuEntree }> {
  const [fiches, valeurs, textes] = await Promise.all([
    depots.fiches.lister(convention.id),
    depots.indicateurs.lister(convention.id),
    textesEnregistres(depots, convention.id),
  ]);
  return {
    document: versDocument(convention, fiches),
    contenu: contenuDeLaConvention(
      convention,
      fiches,
      valeurs,
      INDICATEURS_PAR_CADRE[convention.cadre],
      textes,
    ),
  };
}

/**
 * Dépôt du rapport d'exécution : au valideur de la collectivité, tant que la convention n'est pas clôturée
 * (INT-DOCUMENTS-11 : le cycle de vie n'expose pas encore de règle pour ce dépôt de fichiers).
 */
export function peutDeposerRapport(compte: CompteEnregistre, convention: ConventionResume): boolean {
  return (
    droitsSur(compte, convention.collectivite, convention.statut).lire &&
    compte.role === 'departement_valideur' &&
    compte.collectiviteId === convention.collectivite.id &&
    (convention.statut as string) !== 'cloturee'
  );
}

export async function documentsDeLaConvention(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
): Promise<DocumentsConvention> {
  const convention = await conventionLisible(persistance.depots, acteur, id);
  return {
    convention_id: id,
    version: convention.version,
    documents: documentsDuCadre(convention.cadre).map((d) => ({
      type: d.type,
      libelle: d.libelle,
      source: d.source,
      formats: [...d.formats],
      par_action: d.parAction,
    })),
    pdf_disponible: libreOfficeDisponible(),
    tableau_reimportable: convention.cadre !== 'france-travail-2024',
    depot_possible: peutDeposerRapport(acteur.compte, convention),
    depots: await listerDepotsFiges(persistance.depots, id),
  };
}

/** `Loire-Atlantique` → `loire-atlantique` : nom de fichier sans accent ni espace. */
export const enSlug = (texte: string): string =>
  texte
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/gu, '-')
    .replace(/^-+|-+$/gu, '');

export function nomDeFichier(
  convention: ConventionResume,
  type: TypeDocument,
  format: FormatDocument,
  action?: string,
): string {
  const parties = [
    type,
    enSlug(convention.collectivite.nom),
    String(convention.exercice),
    ...(action === undefined ? [] : [`action-${enSlug(action)}`]),
  ];
  return `${parties.join('_')}.${format}`;
}

/** Une `ErreurDocument` (message français, détail ligne à ligne) devient une erreur 422. */
export function versErreurMetier(erreur: unknown): unknown {
  return erreur instanceof ErreurDocument
    ? invalide(erreur.message, { erreurs: [...erreur.details] })
    : erreur;
}

export interface Telechargement {
  readonly octets: Buffer;
  readonly typeMime: string;
  readonly nomFichier: string;
}

export async function telechargerDocument(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  demande: { type: TypeDocument; format?: FormatDocument | undefined; action?: string | undefined },
): Promise<Telechargement> {
  const convention = await conventionLisible(persistance.depots, acteur, id);
  const disponible = documentsDuCadre(convention.cadre).find((d) => d.type === demande.type);
  if (disponible === undefined) {
    throw invalide(
      `Le document « ${demande.type} » n’existe pas pour le cadre ${convention.cadre} (documents : ${documentsDuCadre(
        convention.cadre,
      )
        .map((d) => d.type)
        .join(', ')}).`,
    );
  }
  const format = demande.format ?? disponible.formats[0] ?? 'docx';
  if (!disponible.formats.includes(format)) {
    throw invalide(
      `Le document « ${demande.type} » se produit en ${disponible.formats.join(' ou ')}, pas en ${format}.`,
    );
  }
  if (disponible.parAction && demande.action === undefined) {
    throw invalide('Fiche action : indiquez le numéro de l’action (paramètre « action »).');
  }
  const { document, contenu } = await etatPourDocuments(persistance.depots, convention);
  try {
    const produit = await genererDocument({
      type: demande.type,
      format,
      convention: document,
      contenu,
      ...(disponible.parAction && demande.action !== undefined ? { action: demande.action } : {}),
    });
    return {
      octets: produit.octets,
      typeMime: produit.typeMime,
      nomFichier: nomDeFichier(
        convention,
        demande.type,
        format,
        disponible.parAction ? demande.action : undefined,
      ),
    };
  } catch (erreur) {
    throw versErreurMetier(erreur);
  }
}
