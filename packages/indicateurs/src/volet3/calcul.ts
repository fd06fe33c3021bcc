/**
 * Indicateurs du volet 3 France Travail (003 · annexe 4 § 3, liste reprise en 003 · annexe 3) sur l'année `annee`,
 * en un passage sur les personnes. Les comptes sont la sortie de référence ; taux et délais moyens s'en déduisent,
 * arrondis au dixième en arithmétique entière (moteur/arrondi.ts). Définitions : docs/indicateurs-volet3.md.
 */
import { diviserArrondiDixieme } from '../moteur/arrondi.ts';
import { jourIso } from '../moteur/dates.ts';
import { bornesPeriode } from '../moteur/evaluation.ts';
import { estDurable, estIntensif, evaluerVolet3, type EvaluationVolet3 } from './evaluation.ts';
import {
  CODES_VOLET3,
  PARCOURS_VENTILES,
  TYPES_CONTRAT,
  type CodeVolet3,
  type DossierPersonneV11,
  type LigneExplicationVolet3,
  type ParcoursVentile,
  type ResultatVolet3,
  type TypeContrat,
} from './modele.ts';

/** Médiane au dixième : moyenne des deux valeurs centrales pour un effectif pair (entiers de jours). */
function mediane(valeurs: number[]): number | null {
  if (valeurs.length === 0) return null;
  const v = [...valeurs].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  if (v.length % 2 === 1) return v[m] ?? null;
  return diviserArrondiDixieme((v[m - 1] ?? 0) + (v[m] ?? 0), 2);
}

const moyenne = (v: readonly number[]): number | null =>
  v.length === 0
    ? null
    : diviserArrondiDixieme(
        v.reduce((a, b) => a + b, 0),
        v.length,
      );
const taux = (n: number, d: number): number | null => (d === 0 ? null : diviserArrondiDixieme(100 * n, d));

/** Ce qu'une personne apporte aux comptes (sert au calcul et à la ventilation par parcours). */
interface Apport {
  readonly comptes: Partial<Record<CodeVolet3, number>>;
  readonly delaiEntretien: number | null;
  readonly delaiAction: number | null;
}

function apport(e: EvaluationVolet3): Apport {
  const c: Partial<Record<CodeVolet3, number>> = {};
  const un = (code: CodeVolet3, n = 1): void => {
    c[code] = (c[code] ?? 0) + n;
  };
  if (e.inscrit) {
    un('deploiement_inscrits');
    un(`parcours_${e.parcours}`);
    if (e.entreeDansP !== null) un('deploiement_nouveaux_entrants');
    if (e.sortieDansP !== null) un('deploiement_sortants');
    un('cer_signes', e.cerDansP);
    un('ppae_signes', e.ppaeDansP);
    un('deploiement_cer_ppae', e.cerDansP + e.ppaeDansP);
    if (e.reprise !== null) un('retour_emploi');
    if (e.repriseDurable !== null) un('retour_emploi_durable');
    if (estIntensif(e)) un('accompagnement_intensif');
  }
  const delaiEntretien =
    e.ouverture !== null && e.premierEntretien !== null ? e.premierEntretien - e.ouverture : null;
  const delaiAction =
    e.diagnostic !== null && e.premiereAction !== null ? e.premiereAction - e.diagnostic : null;
  if (delaiEntretien !== null) un('ouvertures_avec_premier_entretien');
  if (delaiAction !== null) un('diagnostics_avec_premiere_action');
  return { comptes: c, delaiEntretien, delaiAction };
}

class Cumul {
  readonly comptes = new Map<CodeVolet3, number>();
  readonly delaisEntretien: number[] = [];
  readonly delaisAction: number[] = [];

  ajouter(a: Apport): void {
    for (const [code, n] of Object.entries(a.comptes) as [CodeVolet3, number][])
      this.comptes.set(code, (this.comptes.get(code) ?? 0) + n);
    if (a.delaiEntretien !== null) this.delaisEntretien.push(a.delaiEntretien);
    if (a.delaiAction !== null) this.delaisAction.push(a.delaiAction);
  }

  valeurs(): Record<CodeVolet3, number | null> {
    const n = (code: CodeVolet3): number => this.comptes.get(code) ?? 0;
    const derives: Partial<Record<CodeVolet3, number | null>> = {
      taux_retour_emploi: taux(n('retour_emploi'), n('deploiement_inscrits')),
      taux_retour_emploi_durable: taux(n('retour_emploi_durable'), n('deploiement_inscrits')),
      part_accompagnement_intensif: taux(n('accompagnement_intensif'), n('deploiement_inscrits')),
      delai_ouverture_droit_premier_entretien: moyenne(this.delaisEntretien),
      delai_ouverture_droit_premier_entretien_median: mediane(this.delaisEntretien),
      delai_diagnostic_premiere_action: moyenne(this.delaisAction),
      delai_diagnostic_premiere_action_median: mediane(this.delaisAction),
    };
    return Object.fromEntries(
      CODES_VOLET3.map((code) => [code, code in derives ? (derives[code] ?? null) : n(code)]),
    ) as Record<CodeVolet3, number | null>;
  }
}

export interface ParametresVolet3 {
  readonly annee: number;
}

export function calculerVolet3(
  personnes: Iterable<DossierPersonneV11>,
  parametres: ParametresVolet3,
): ResultatVolet3 {
  const periode = bornesPeriode(parametres.annee);
  const total = new Cumul();
  const parParcours = new Map<ParcoursVentile, Cumul>(PARCOURS_VENTILES.map((p) => [p, new Cumul()]));
  const contrats = Object.fromEntries(TYPES_CONTRAT.map((t) => [t, 0])) as Record<TypeContrat, number>;
  for (const d of personnes) {
    const e = evaluerVolet3(d, periode);
    const a = apport(e);
    total.ajouter(a);
    parParcours.get(e.parcours)?.ajouter(a);
    if (e.reprise?.typeContrat !== undefined) contrats[e.reprise.typeContrat]++;
  }
  const ventilees = PARCOURS_VENTILES.map((p) => [p, parParcours.get(p)?.valeurs()] as const);
  return {
    annee: parametres.annee,
    indicateurs: total.valeurs(),
    parParcours: Object.fromEntries(
      CODES_VOLET3.map((code) => [
        code,
        Object.fromEntries(ventilees.map(([p, v]) => [p, v?.[code] ?? null])),
      ]),
    ) as ResultatVolet3['parParcours'],
    reprisesParContrat: contrats,
  };
}

const iso = (j: number | null): string | null => (j === null ? null : jourIso(j));

/** Les personnes considérées pour un indicateur volet 3, comptées ou non, avec la raison (DESIGN.md, principe 4). */
export function* expliquerVolet3(
  personnes: Iterable<DossierPersonneV11>,
  parametres: ParametresVolet3,
  indicateur: CodeVolet3,
): Generator<LigneExplicationVolet3> {
  const periode = bornesPeriode(parametres.annee);
  for (const d of personnes) {
    const e = evaluerVolet3(d, periode);
    const ligne = (
      compte: boolean,
      raison: string,
      extra: Partial<LigneExplicationVolet3> = {},
    ): LigneExplicationVolet3 => ({
      id_personne: e.id,
      indicateur,
      compte,
      raison,
      parcours: e.parcours,
      date_depart: null,
      date_reference: null,
      valeur: null,
      detail: '',
      ...extra,
    });
    if (indicateur.startsWith('delai_ouverture') || indicateur === 'ouvertures_avec_premier_entretien') {
      if (e.ouverture === null) continue;
      yield e.premierEntretien === null
        ? ligne(false, 'SANS_ENTRETIEN', {
            date_depart: iso(e.ouverture),
            detail: 'aucun entretien entre l’ouverture et la fin de P',
          })
        : ligne(true, 'COMPTE', {
            date_depart: iso(e.ouverture),
            date_reference: iso(e.premierEntretien),
            valeur: e.premierEntretien - e.ouverture,
          });
      continue;
    }
    if (indicateur.startsWith('delai_diagnostic') || indicateur === 'diagnostics_avec_premiere_action') {
      if (e.diagnostic === null) continue;
      yield e.premiereAction === null
        ? ligne(false, 'SANS_ACTION', {
            date_depart: iso(e.diagnostic),
            detail: 'aucune action entre le diagnostic et la fin de P',
          })
        : ligne(true, 'COMPTE', {
            date_depart: iso(e.diagnostic),
            date_reference: iso(e.premiereAction),
            valeur: e.premiereAction - e.diagnostic,
          });
      continue;
    }
    if (!e.inscrit) {
      if (e.periodes.length > 0) yield ligne(false, 'PAS_ACCOMPAGNE_DANS_P');
      continue;
    }
    const debut = iso(e.periodes[0]?.debut ?? null);
    switch (indicateur) {
      case 'deploiement_nouveaux_entrants':
        yield e.entreeDansP === null
          ? ligne(false, 'ENTREE_AVANT_P', { date_depart: debut })
          : ligne(true, 'COMPTE', { date_reference: iso(e.entreeDansP) });
        break;
      case 'deploiement_sortants':
        yield e.sortieDansP === null
          ? ligne(false, 'TOUJOURS_ACCOMPAGNE')
          : ligne(true, 'COMPTE', { date_reference: iso(e.sortieDansP) });
        break;
      case 'retour_emploi':
      case 'taux_retour_emploi':
        yield e.reprise === null
          ? ligne(false, 'SANS_REPRISE_EMPLOI')
          : ligne(true, 'COMPTE', {
              date_reference: iso(e.reprise.jour),
              detail: e.reprise.typeContrat ?? '',
            });
        break;
      case 'retour_emploi_durable':
      case 'taux_retour_emploi_durable':
        yield e.repriseDurable === null
          ? ligne(false, e.reprise === null ? 'SANS_REPRISE_EMPLOI' : 'EMPLOI_NON_DURABLE', {
              detail:
                e.reprise === null
                  ? ''
                  : `${e.reprise.typeContrat ?? 'contrat non précisé'}, ${e.reprise.dureeMois ?? '?'} mois`,
            })
          : ligne(true, 'COMPTE', {
              date_reference: iso(e.repriseDurable.jour),
              detail: `durable : ${estDurable(e.repriseDurable)}`,
            });
        break;
      case 'accompagnement_intensif':
      case 'part_accompagnement_intensif': {
        const hebdo =
          e.joursAccompagnes === 0
            ? 0
            : diviserArrondiDixieme(7 * e.heuresCentiemes, 100 * e.joursAccompagnes);
        yield ligne(estIntensif(e), estIntensif(e) ? 'COMPTE' : 'MOINS_DE_15_HEURES', {
          valeur: hebdo,
          detail: `${e.heuresCentiemes / 100} h sur ${e.joursAccompagnes} jours d’accompagnement`,
        });
        break;
      }
      case 'cer_signes':
      case 'ppae_signes':
      case 'deploiement_cer_ppae': {
        const n =
          indicateur === 'cer_signes'
            ? e.cerDansP
            : indicateur === 'ppae_signes'
              ? e.ppaeDansP
              : e.cerDansP + e.ppaeDansP;
        yield ligne(n > 0, n > 0 ? 'COMPTE' : 'AUCUN_CONTRAT_DANS_P', { valeur: n });
        break;
      }
      default:
        yield ligne(
          !indicateur.startsWith('parcours_') || indicateur === `parcours_${e.parcours}`,
          indicateur.startsWith('parcours_') && indicateur !== `parcours_${e.parcours}`
            ? 'AUTRE_PARCOURS'
            : 'COMPTE',
          { date_depart: debut },
        );
    }
  }
}
