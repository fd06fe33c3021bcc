export {
  traiterLot,
  ErreurLot,
  type OptionsLot,
  type FichierLot,
  type ResultatLot,
  type ResultatCalculLot,
} from './lot.ts';
export {
  listesExplication,
  COLONNES_EXPLICATION,
  ligneExplicationCsv,
  type ListeExplication,
} from './explications.ts';
export { natureDe, nomSur, EXTENSIONS_ACCEPTEES, type NatureFichier } from './types-fichiers.ts';
export { versionMoteur } from './version.ts';
export { apercuProfil, type ApercuProfil } from './apercu.ts';
export {
  historiqueEnLignes,
  historiqueDepuisLignes,
  type LigneHistoriqueCaf,
  type FluxCafEnregistre,
} from './historique-base.ts';
