export * from './modele.ts';
export { calculerVolet3, expliquerVolet3, type ParametresVolet3 } from './calcul.ts';
export {
  evaluerVolet3,
  periodesAccompagnement,
  parcoursDe,
  estDurable,
  estIntensif,
  HEURES_HEBDO_INTENSIF,
  type EvaluationVolet3,
  type Periode,
} from './evaluation.ts';
