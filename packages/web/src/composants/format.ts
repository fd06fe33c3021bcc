import { afficherMontant } from '../grille/nombres.ts';

/** « 1 234 567,89 € » depuis des centimes (API). */
export const euros = (centimes: number): string => `${afficherMontant(centimes)}\u00a0€`;

/** Date et heure françaises depuis une date ISO ; le texte reçu tel quel s'il n'est pas une date. */
export function dateHeure(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('fr-FR', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(date);
}
