import type {
  CodeIndicateur,
  DossierPersonne,
  LigneExplication,
  ParametresCalcul,
  ResultatMoteur,
} from './modele.ts';

// Provisoire : signatures du moteur, implémentées dans le commit suivant.
export function calculerIndicateurs(
  _personnes: Iterable<DossierPersonne>,
  _parametres: ParametresCalcul,
): ResultatMoteur {
  throw new Error('moteur non implémenté');
}

export function* expliquerIndicateur(
  _personnes: Iterable<DossierPersonne>,
  _parametres: ParametresCalcul,
  _indicateur: CodeIndicateur,
  _idPersonne?: string,
): Generator<LigneExplication> {
  throw new Error('moteur non implémenté');
}
