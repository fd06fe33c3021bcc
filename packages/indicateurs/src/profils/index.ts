export {
  FORMAT_PROFIL,
  FORMATS_DATE,
  schemaProfil,
  validerProfil,
  ErreurProfil,
  type Profil,
  type Regle,
  type Champ,
} from './schema.ts';
export {
  appliquerProfil,
  lireDate,
  cleTexte,
  type LigneSource,
  type Rejet,
  type ResultatConversion,
  type LigneProduite,
} from './application.ts';
export { lireTableau, lireCsv, lireXlsx, type Tableau } from './lecture-tableau.ts';
export { convertirExport, type OptionsConversion, type RapportConversion } from './conversion.ts';
export { PROFIL_RDV_INSERTION, PROFILS_INTEGRES } from './rdv-insertion.ts';
export {
  assemblerEvenements,
  ecrirePartEvenements,
  ecrireCsv,
  COLONNES_EVENEMENTS_ECHANGE,
  COLONNES_SITUATIONS_ECHANGE,
} from './dossier-echange.ts';
export { lireDonneesV11, COLONNES_EVENEMENTS_V11, type DonneesLuesV11 } from './lecture-v11.ts';
