/**
 * Carte choroplèthe des départements, réutilisable (tableaux de bord, offre d'insertion…) :
 * `<CarteDepartements valeurs={{ '37': 12 }} libelle="…" format={…} departements={[…]} onSelect={…} />`.
 * Voir `CarteDepartements.tsx` pour toutes les propriétés.
 */
export { CarteDepartements, type CarteDepartementsProps } from './CarteDepartements.tsx';
export {
  tracerDepartements,
  estOutreMer,
  type ContoursDepartements,
  type TraceDepartement,
} from './geometrie.ts';
export { classerValeurs, indexClasse, type ClasseCarte } from './echelle.ts';
export { chargerContours, useContours, ADRESSE_CONTOURS } from './contours.ts';
