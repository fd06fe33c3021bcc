/**
 * Jours calendaires `AAAA-MM-JJ` (les échéances des textes sont des jours, sans heure). Calculs en UTC sur des
 * jours entiers : aucune dépendance au fuseau de la machine.
 */
export type Jour = string;

const FORME_JOUR = /^(\d{4})-(\d{2})-(\d{2})$/;

export function estJour(texte: string): boolean {
  const correspondance = FORME_JOUR.exec(texte);
  if (correspondance === null) return false;
  const [, a, m, j] = correspondance;
  const date = new Date(Date.UTC(Number(a), Number(m) - 1, Number(j)));
  return date.toISOString().slice(0, 10) === texte;
}

/** Vérifie un jour saisi ; lève une erreur en français sinon. */
export function verifierJour(nom: string, texte: string): Jour {
  if (!estJour(texte)) throw new RangeError(`${nom} : date AAAA-MM-JJ attendue, reçu « ${texte} »`);
  return texte;
}

/** Le jour civil à Paris d'un instant : les échéances sont des jours de l'heure légale française. */
export function jourAParis(instant: Date): Jour {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Instant invalide');
  // `en-CA` écrit AAAA-MM-JJ ; Intl est la seule façon, sans bibliothèque, de connaître l'heure de Paris.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

export function ajouterJours(jour: Jour, jours: number): Jour {
  const [a, m, j] = jour.split('-').map(Number);
  const date = new Date(Date.UTC(a ?? 0, (m ?? 1) - 1, (j ?? 1) + jours));
  return date.toISOString().slice(0, 10);
}

/** Nombre de jours de `de` à `a` (négatif si `a` précède `de`). */
export function ecartEnJours(de: Jour, a: Jour): number {
  return Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${de}T00:00:00Z`)) / 86_400_000);
}

/** « 31/03/2024 ». */
export function formaterJour(jour: Jour): string {
  const [a, m, j] = jour.split('-');
  return `${j ?? ''}/${m ?? ''}/${a ?? ''}`;
}
