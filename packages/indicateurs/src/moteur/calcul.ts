import { CollecteurAnomalies } from './anomalies.ts';
import { diviserArrondiDixieme } from './arrondi.ts';
import { bornesPeriode, evaluerPersonne } from './evaluation.ts';
import { expliquerPersonne } from './explication.ts';
import { COMPTE, CODES_INDICATEURS_PERSONNE, JUGES } from './jugements.ts';
import {
  CODES_INDICATEURS,
  type CodeIndicateur,
  type DossierPersonne,
  type Indicateurs,
  type LigneExplication,
  type ParametresCalcul,
  type ResultatMoteur,
} from './modele.ts';

/**
 * Calcule les indicateurs d'insertion de l'année `annee` (spec parcours-rsa-v1 § 2) en un seul passage sur les
 * personnes : chaque dossier est évalué puis oublié, la mémoire ne dépend pas du nombre de personnes.
 */
export function calculerIndicateurs(
  personnes: Iterable<DossierPersonne>,
  parametres: ParametresCalcul,
): ResultatMoteur {
  const periode = bornesPeriode(parametres.annee);
  const comptes = new Map<CodeIndicateur, number>(CODES_INDICATEURS_PERSONNE.map((code) => [code, 0]));
  const anomalies = new CollecteurAnomalies();
  const conseillers = new Set<string>();
  let delaiAgTotal = 0;
  let delaiAgNombre = 0;

  for (const dossier of personnes) {
    const ev = evaluerPersonne(dossier, parametres);
    for (const code of CODES_INDICATEURS_PERSONNE) {
      if (JUGES[code](ev, periode) === COMPTE) comptes.set(code, (comptes.get(code) ?? 0) + 1);
    }
    if (ev.ag.derniereEntree !== null && ev.ag.sortie === null && ev.ag.derniereEntree.conseiller) {
      conseillers.add(ev.ag.derniereEntree.conseiller);
    }
    for (const delai of ev.delaisAg) {
      if (delai.proposition === null) continue;
      delaiAgTotal += delai.entree.jour - delai.proposition.jour;
      delaiAgNombre++;
    }
    anomalies.examiner(ev);
  }

  const agEnCours = comptes.get('ag_en_cours') ?? 0;
  const valeurs: Partial<Record<CodeIndicateur, number | null>> = Object.fromEntries(comptes);
  valeurs.ag_par_conseiller =
    conseillers.size === 0 ? null : diviserArrondiDixieme(agEnCours, conseillers.size);
  valeurs.ag_delai_moyen_jours =
    delaiAgNombre === 0 ? null : diviserArrondiDixieme(delaiAgTotal, delaiAgNombre);
  const indicateurs = Object.fromEntries(
    CODES_INDICATEURS.map((code) => [code, valeurs[code] ?? null]),
  ) as Indicateurs;
  return { indicateurs, anomalies: anomalies.anomalies() };
}

/** Les personnes (ou entrées) considérées pour un indicateur, comptées ou non, avec la raison et les dates. */
export function* expliquerIndicateur(
  personnes: Iterable<DossierPersonne>,
  parametres: ParametresCalcul,
  indicateur: CodeIndicateur,
  idPersonne?: string,
): Generator<LigneExplication> {
  const periode = bornesPeriode(parametres.annee);
  for (const dossier of personnes) {
    if (idPersonne !== undefined && dossier.id !== idPersonne) continue;
    yield* expliquerPersonne(evaluerPersonne(dossier, parametres), indicateur, periode);
  }
}
