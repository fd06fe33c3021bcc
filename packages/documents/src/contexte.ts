import {
  calculerTotaux,
  normaliserConvention,
  validerConvention,
  formaterErreurFormat,
  type ConventionDocument,
  type ConventionFinanciere,
  type Totaux,
} from '@jalon/domaine';
import { trouverDepartement, trouverRegion } from '@jalon/referentiels';
import { CONTENU_VIDE } from './contenu/lecture.ts';
import type { Contenu, ContenuFiche } from './contenu/schema.ts';
import { ErreurDocument } from './erreurs.ts';

/** Tout ce qu'il faut pour produire un document : convention lue, modèle en centimes, totaux, contenu. */
export interface ContexteDocument {
  readonly document: ConventionDocument;
  readonly convention: ConventionFinanciere;
  readonly totaux: Totaux;
  readonly contenu: Contenu;
  /** Nom de la collectivité (contenu, sinon Code officiel géographique) ; absent s'il est inconnu. */
  readonly nomCollectivite: string | undefined;
  readonly region: string | undefined;
}

/**
 * Prépare un document `jalon.convention/1` (déjà décodé) pour la génération. Un montant invalide (négatif, non
 * numérique, plus de deux décimales) arrête tout : un document officiel ne compte pas un montant faux pour zéro
 * (INT-DOCUMENTS-2). Les contrôles financiers (parité…) n'empêchent pas de générer : ils relèvent du dépôt.
 */
export function preparerContexte(brut: unknown, contenu: Contenu = CONTENU_VIDE): ContexteDocument {
  const lecture = validerConvention(brut);
  if (!lecture.ok) {
    throw new ErreurDocument(
      'Convention hors format jalon.convention/1 :',
      lecture.erreurs.map((erreur) => formaterErreurFormat(erreur)),
    );
  }
  const convention = normaliserConvention(lecture.document);
  if (convention.montantsInvalides.length > 0) {
    throw new ErreurDocument(
      'Montants invalides : le document ne peut pas être produit.',
      convention.montantsInvalides.map((invalide) => `${invalide.chemin} : ${invalide.raison}`),
    );
  }
  const { collectivite } = lecture.document;
  const departement = collectivite.type === 'departement' ? trouverDepartement(collectivite.code) : undefined;
  const region = departement === undefined ? undefined : trouverRegion(departement.codeRegion);
  return {
    document: lecture.document,
    convention,
    totaux: calculerTotaux(convention),
    contenu,
    nomCollectivite: contenu.collectivite.nom ?? departement?.nom,
    region: contenu.collectivite.region ?? region?.nom,
  };
}

export const ficheDe = (contexte: ContexteDocument, numero: string): ContenuFiche =>
  contexte.contenu.fiches[numero] ?? {};
