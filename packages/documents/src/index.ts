// Documents officiels générés (issue 5) : conventions, avenant, fiches actions, rapport d'exécution, bilan final
// (DOCX, PDF) et tableaux financiers et d'indicateurs (XLSX), aux formats des annexes ; relecture du tableau
// financier. Les modèles (`textes/`, `grille/`) sont des fonctions pures ; l'écriture (docx, exceljs) et la
// conversion PDF (LibreOffice) les entourent. Voir docs/documents.md.
export * from './documents.ts';
export * from './erreurs.ts';
export * from './typographie.ts';
export * from './neutralisation.ts';
export { montantEnLettres } from './montant-lettres.ts';
export * from './contenu/schema.ts';
export { lireContenu, validerContenu, CONTENU_VIDE } from './contenu/lecture.ts';
export { preparerContexte, type ContexteDocument } from './contexte.ts';
export * from './docx/modele.ts';
export { ecrireDocx } from './docx/ecrire.ts';
export { decrireFeuille, type Cellule, type Classeur, type Feuille } from './grille/modele.ts';
export { classeurIndicateurs, classeurTableauFinancier } from './grille/classeurs.ts';
export { ecrireXlsx, FORMAT_EUROS } from './xlsx/ecrire.ts';
export { importerTableauFinancier, type ImportTableau } from './xlsx/importer-tableau-financier.ts';
export { convertirEnPdf, convertirUnPdf, type FichierAConvertir } from './pdf/convertir.ts';
export { tableauIndicateurs, uniteDuCatalogue } from './indicateurs/tableau.ts';
export {
  documentsDuCadre,
  documentDuDepot,
  libreOfficeDisponible,
  type DocumentDuCadre,
} from './catalogue.ts';
export { modeleNoteAnalyse, noteAnalyseDocx, type EntreeNoteDocx } from './docx/note-analyse.ts';
