export * from './types.ts';
export { intitule } from './intitule.ts';
export { FORMULE_F } from './calpae-annexe9.ts';
export { modelesFinanciersCalpae } from './calpae.ts';
export {
  BILAN_FINANCIER_FRANCE_TRAVAIL,
  MODELES_FINANCIERS_FRANCE_TRAVAIL,
  PLAN_FINANCEMENT_FRANCE_TRAVAIL,
} from './france-travail.ts';
