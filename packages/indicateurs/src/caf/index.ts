export {
  compilerSchema,
  ErreurSchema,
  type SchemaXsd,
  type Declaration,
  type TypeSimple,
} from './schema-xsd.ts';
export { controlerValeur } from './types-simples.ts';
export { ErreurFluxCaf, ValidateurFlux } from './validateur.ts';
export { ExtracteurFlux, type EnteteFlux, type FoyerCaf, type PersonneCaf } from './extraction.ts';
export {
  lireFlux,
  analyserTexteFlux,
  AnalyseurFlux,
  schemaVrsb,
  encodageDeclare,
  type FluxLu,
} from './lecture-flux.ts';
export { HistoriqueCaf, cleFlux, ordreFlux, type ObservationCaf, type FluxApplique } from './historique.ts';
export {
  deriverDonnees,
  situationDe,
  type DonneesCaf,
  type LigneSituationCaf,
  type LigneEvenementCaf,
} from './derivation.ts';
export { chargerHistorique, enregistrerHistorique } from './persistance.ts';
export { importerFluxCaf, type RapportImportCaf, type OptionsImportCaf } from './import.ts';
