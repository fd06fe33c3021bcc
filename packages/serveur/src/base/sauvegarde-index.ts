// Point d'entrée `@jalon/serveur/sauvegarde` (commandes jalon sauvegarder / restaurer).
export {
  lireSauvegarde,
  restaurer,
  sauvegarder,
  SauvegardeInvalide,
  FORMAT_SAUVEGARDE,
  type ResumeRestauration,
  type ResumeSauvegarde,
  type SauvegardeLue,
} from './sauvegarde.ts';
export { avecDossierPglite, restaurerDossierPglite, PGDATA } from './sauvegarde-pglite.ts';
