export { lireDonnees, type DonneesLues, type OptionsLecture } from './lire-donnees.ts';
export { ErreurLecture, formaterErreurLigne, type ErreurLigne } from './erreurs.ts';
export { FICHIER_EVENEMENTS, FICHIER_SITUATIONS } from './sources.ts';
export {
  COLONNES_IDENTIFIANTES,
  normaliserNomColonne,
  ressembleAUnNir,
  messageRefusConfidentialite,
} from './identifiants.ts';
export { DecoupeurCsv, detecterSeparateur, type Enregistrement } from './csv.ts';
export { commenceParBom, detecterEncodage, decoder, VerificateurUtf8, type Encodage } from './encodage.ts';
