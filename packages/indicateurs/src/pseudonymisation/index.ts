export { genererCle, lireCle, normaliserIdentifiant, pseudonyme, LONGUEUR_PSEUDONYME } from './pseudonyme.ts';
export { pseudonymiserFichier, COLONNES_ID_PAR_DEFAUT, type RapportPseudonymisation } from './fichier.ts';
