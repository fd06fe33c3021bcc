import { jourIso, moisIso, type Jour } from './dates.ts';
import type { BornesPeriode, EvaluationPersonne } from './evaluation.ts';
import { COMPTE, JUGES, type CodeIndicateurPersonne } from './jugements.ts';
import type { CodeIndicateur, Evenement, LigneExplication } from './modele.ts';

const iso = (jour: Jour | null | undefined): string | null =>
  jour === null || jour === undefined ? null : jourIso(jour);

/** Libellés français des raisons, pour la colonne `detail`. */
const RAISONS: Readonly<Record<string, string>> = {
  COMPTE: 'compté',
  AUCUNE_SITUATION_DANS_P: 'absent du fichier des situations pendant la période',
  NON_VERSABLE: 'aucun mois de droit versable pendant la période',
  NON_SDD: 'aucun mois versable et soumis aux droits et devoirs pendant la période',
  SDD_MOIS_PRECEDENT: 'déjà soumis aux droits et devoirs le mois précédent chaque mois versable et soumis',
  SUIVI_EN_COURS: 'un suivi était en cours',
  SANS_T0: 'sans date de réception de la notification CAF/MSA (T0)',
  SANS_ORIENTATION: "sans orientation datée à partir du mois d'entrée",
  ORIENTATION_APRES_PERIODE: 'orientation datée après la fin de la période',
  ORIENTE_FRANCE_TRAVAIL: 'orienté vers France Travail',
  HORS_DELAI: 'hors délai',
  SANS_RDV: "sans rendez-vous non annulé daté à partir de l'orientation",
  RDV_APRES_PERIODE: 'premier rendez-vous daté après la fin de la période',
  SANS_CER: "sans CER daté à partir de l'orientation",
  CER_APRES_PERIODE: 'premier CER daté après la fin de la période',
  SANS_ENTREE_GA_DANS_P: "sans entrée en garantie d'activité départementale pendant la période",
  SORTI: 'sorti du dispositif au plus tard le dernier jour de la période',
  ENTREE_HORS_PERIODE: 'entrée en accompagnement global en dehors de la période',
  SANS_CONSEILLER: 'entrée en cours sans conseiller renseigné',
  SANS_PROPOSITION: 'entrée sans proposition préalable du même dispositif',
};

const libelle = (raison: string): string => RAISONS[raison] ?? raison;

function detailSuivi(ev: EvaluationPersonne): string {
  const bloquant = ev.suiviBloquant;
  if (bloquant === null || bloquant.etat.debut === null) return libelle('SUIVI_EN_COURS');
  const debut = bloquant.etat.debut;
  return `suivi commencé le ${jourIso(debut.jour)} (${debut.type}) toujours en cours au premier jour de ${moisIso(bloquant.mois)}`;
}

/** Date mesurée et écart en jours pour chaque indicateur. */
function reference(
  code: CodeIndicateurPersonne,
  ev: EvaluationPersonne,
): { date: Evenement | null; depart: Jour | null } {
  const entree = ev.entree;
  switch (code) {
    case 'orientes_1_mois':
    case 'orientes_15_jours':
      return { date: entree?.orientation ?? null, depart: entree?.t0 ?? null };
    case 'nouveaux_entrants_orientes':
    case 'nouveaux_entrants_orientes_hors_france_travail':
      return { date: entree?.orientation ?? null, depart: null };
    case 'premiers_rdv':
    case 'premiers_rdv_2_semaines':
      return { date: entree?.premierRdv ?? null, depart: entree?.orientation?.jour ?? null };
    case 'premiers_cer':
      return { date: entree?.premierCer ?? null, depart: entree?.orientation?.jour ?? null };
    case 'premiers_cer_2_mois':
      return { date: entree?.premierCer ?? null, depart: entree?.t0 ?? null };
    case 'ga_orientes':
      return { date: ev.ga.entreesDansP[0] ?? null, depart: null };
    case 'ga_en_cours':
      return { date: ev.ga.sortie ?? ev.ga.derniereEntree, depart: null };
    case 'ag_orientes':
      return { date: ev.ag.entreesDansP[0] ?? ev.ag.derniereEntree, depart: null };
    case 'ag_en_cours':
      return { date: ev.ag.sortie ?? ev.ag.derniereEntree, depart: null };
    case 'nouveaux_entrants':
      return { date: null, depart: null };
  }
}

function ligne(
  ev: EvaluationPersonne,
  indicateur: CodeIndicateur,
  raison: string,
  date: Evenement | null,
  depart: Jour | null,
  detail: string,
): LigneExplication {
  const entree = ev.entree;
  return {
    id_personne: ev.dossier.id,
    indicateur,
    compte: raison === COMPTE,
    raison,
    mois_entree: entree === null ? null : moisIso(entree.mois),
    t0: iso(entree?.t0),
    date_orientation: iso(entree?.orientation?.jour),
    organisme_orientation: entree?.orientation?.organisme ?? null,
    date_reference: iso(date?.jour),
    ecart_jours: date !== null && depart !== null ? date.jour - depart : null,
    detail,
  };
}

export function* expliquerPersonne(
  ev: EvaluationPersonne,
  indicateur: CodeIndicateur,
  periode: BornesPeriode,
): Generator<LigneExplication> {
  if (indicateur === 'ag_par_conseiller') {
    const entree = ev.ag.derniereEntree;
    if (entree === null || ev.ag.sortie !== null) return;
    const raison = entree.conseiller ? COMPTE : 'SANS_CONSEILLER';
    const detail = entree.conseiller ? `conseiller ${entree.conseiller}` : libelle(raison);
    yield ligne(ev, indicateur, raison, entree, null, detail);
    return;
  }
  if (indicateur === 'ag_delai_moyen_jours') {
    for (const delai of ev.delaisAg) {
      const raison = delai.proposition === null ? 'SANS_PROPOSITION' : COMPTE;
      const detail =
        delai.proposition === null ? libelle(raison) : `proposition du ${jourIso(delai.proposition.jour)}`;
      yield ligne(ev, indicateur, raison, delai.entree, delai.proposition?.jour ?? null, detail);
    }
    return;
  }
  const raison = JUGES[indicateur](ev, periode);
  if (raison === null) return;
  const { date, depart } = reference(indicateur, ev);
  const detail = raison === 'SUIVI_EN_COURS' ? detailSuivi(ev) : libelle(raison);
  yield ligne(ev, indicateur, raison, date, depart, detail);
}
