// Serveur Jalon : API HTTP (Hono, OpenAPI 3.1), persistance (Kysely sur PGlite ou PostgreSQL), accès, audit.
export { preparerApplication, preparerBase, type OptionsApplication } from './application.ts';
export { avecBase } from './base/avec-base.ts';
export {
  activerCompte,
  creerCompte,
  listerComptes,
  territoireDe,
  verifierNouveauCompte,
} from './cas/comptes.ts';
export { ErreurMetier } from './cas/erreurs.ts';
export { creerApplication } from './http/app.ts';
export { ouvrirPglite, ouvrirPostgres, type Base } from './base/ouvrir.ts';
export { migrer } from './base/migrer.ts';
export { verrouillerDossier, DossierVerrouille } from './base/verrou.ts';
export { lireConfig, type Config } from './config.ts';
export type * from './depots/ports.ts';
