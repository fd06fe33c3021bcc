import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { CodeCadre } from '@jalon/referentiels';
import type { FormatDocument, TypeDocument } from './documents.ts';

/** Un document qu'une convention d'un cadre donné peut produire. */
export interface DocumentDuCadre {
  readonly type: TypeDocument;
  readonly libelle: string;
  readonly source: string;
  readonly formats: readonly FormatDocument[];
  readonly parAction: boolean;
}

const TEXTE: readonly FormatDocument[] = ['docx', 'pdf'];
const TABLEUR: readonly FormatDocument[] = ['xlsx', 'pdf'];

/**
 * Les documents de chaque cadre, d'après les modèles disponibles (docs/documents.md) : la convention existe pour
 * calpae-2023 (001 · annexe 7) et france-travail-2024 (003 · annexe 7) ; l'avenant-type pour calpae-2020
 * (000 · annexe 7-1) ; le rapport d'exécution pour les cadres CALPAE (001 · annexe 5) ; le bilan final pour
 * France Travail (003 · annexe 7 art. 3.2).
 */
export function documentsDuCadre(cadre: CodeCadre): DocumentDuCadre[] {
  const franceTravail = cadre === 'france-travail-2024';
  const liste: DocumentDuCadre[] = [];
  if (cadre === 'calpae-2023' || franceTravail) {
    liste.push({
      type: 'convention',
      libelle: 'Convention et ses annexes',
      source: franceTravail ? '003 · annexe 7' : '001 · annexe 7',
      formats: TEXTE,
      parAction: false,
    });
  }
  if (cadre === 'calpae-2020') {
    liste.push({
      type: 'avenant',
      libelle: 'Avenant',
      source: '000 · annexe 7-1',
      formats: TEXTE,
      parAction: false,
    });
  }
  liste.push({
    type: 'fiche-action',
    libelle: 'Fiche action',
    source: franceTravail ? '003 · annexe 7, annexe 1' : '001 · annexe 7, annexes A et B',
    formats: TEXTE,
    parAction: true,
  });
  liste.push(
    franceTravail
      ? {
          type: 'bilan-final',
          libelle: 'Bilan final',
          source: '003 · annexe 7 art. 3.2, annexe 3',
          formats: TEXTE,
          parAction: false,
        }
      : {
          type: 'rapport-execution',
          libelle: 'Rapport d’exécution',
          source: '001 · annexe 5',
          formats: TEXTE,
          parAction: false,
        },
  );
  liste.push({
    type: 'tableau-financier',
    libelle: franceTravail ? 'Plan de financement et bilan financier' : 'Tableau financier',
    source: franceTravail ? '003 · annexe 7, annexes 2 et 3' : '001 · annexe 9',
    formats: TABLEUR,
    parAction: false,
  });
  liste.push({
    type: 'tableau-indicateurs',
    libelle: 'Tableau des indicateurs',
    source: franceTravail ? '003 · annexe 4' : '001 · annexe 8',
    formats: TABLEUR,
    parAction: false,
  });
  return liste;
}

/** Le document déposé en fin d'exercice : rapport d'exécution (CALPAE) ou bilan final (France Travail). */
export const documentDuDepot = (cadre: CodeCadre): 'rapport-execution' | 'bilan-final' =>
  cadre === 'france-travail-2024' ? 'bilan-final' : 'rapport-execution';

/**
 * LibreOffice est-il là (même recherche que `convertirEnPdf` : `JALON_LIBREOFFICE`, sinon `libreoffice` ou
 * `soffice` dans le PATH) ? Sert à n'offrir le PDF que s'il peut être produit.
 */
export function libreOfficeDisponible(): boolean {
  const choisi = process.env.JALON_LIBREOFFICE;
  const noms = choisi !== undefined && choisi !== '' ? [choisi] : ['libreoffice', 'soffice'];
  const dossiers = (process.env.PATH ?? '').split(delimiter).filter((dossier) => dossier !== '');
  const candidats = noms.flatMap((nom) =>
    nom.includes('/') ? [nom] : dossiers.map((dossier) => join(dossier, nom)),
  );
  return candidats.some((chemin) => {
    try {
      accessSync(chemin, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
