import { toCurrency } from 'n2words/fr-FR';
import type { Centimes } from '@jalon/domaine';

/**
 * Montant en toutes lettres (« (--- euros) » des modèles, 003 · annexe 7 art. 4.1) : bibliothèque n2words
 * (français de France), à partir de la chaîne décimale exacte des centimes. Règle ajoutée : « un million
 * d'euros » (n2words écrit « un million euros »).
 */
export function montantEnLettres(montant: Centimes): string {
  const euros = `${Math.trunc(montant / 100)}.${String(montant % 100).padStart(2, '0')}`;
  return toCurrency(euros).replace(/(millions?|milliards?) euros/u, "$1 d'euros");
}
