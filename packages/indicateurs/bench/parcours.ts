import { dateIso, moisTexte, premierJour } from './calendrier.ts';
import type { Aleatoire } from './prng.ts';

/**
 * Simulation du parcours RSA d'une personne, mois par mois, au format d'échange parcours v1
 * (shared/specs/parcours-rsa-v1.md § 1). Pur : le flux aléatoire est fourni, les lignes CSV sont rendues.
 *
 * Ce que le modèle reproduit (ordres de grandeur plausibles, pas une statistique officielle) : un stock présent dès
 * le premier mois (souvent déjà orienté), des arrivées tout au long de la période, des oscillations du « top »
 * droits et devoirs, des suspensions de toutes durées (dont plus de 12 mois), des radiations avec ou sans retour,
 * une réception de notification (T0) quelques jours à quelques semaines après le début du mois d'entrée, des
 * orientations (≈ 1/3 France Travail) à un mois environ, des rendez-vous (dont annulés ou absents), des CER, des
 * fins de suivi, des réorientations, et quelques entrées/sorties en garantie d'activité et accompagnement global.
 * Les proportions sont un modèle plausible, sans portée statistique (docs/interpretations.md, INT-BENCH-3).
 */
export interface ConfigParcours {
  /** Premier et dernier mois (absolus) du fichier des situations. */
  readonly premierMois: number;
  readonly dernierMois: number;
  /** Date d'extraction (jour) : aucun événement après. */
  readonly dateExtraction: number;
  /** Nombre de conseillers d'accompagnement global du département. */
  readonly nbConseillers: number;
}

export interface PersonneGeneree {
  readonly situations: string;
  readonly evenements: string;
  readonly nbSituations: number;
  readonly nbEvenements: number;
}

interface EvenementGenere {
  readonly jour: number;
  readonly ligne: string;
}

const ORGANISMES_ORIENTATION = [
  ['france_travail', 33],
  ['departement', 36],
  ['delegataire', 16],
  ['caf', 7],
  ['msa', 3],
  ['autre', 5],
] as const;

const STATUTS_RDV = [
  ['honore', 68],
  ['absent', 10],
  ['annule', 10],
  ['prevu', 6],
  ['', 6],
] as const;

/** Durée d'une suspension en mois : surtout courte, parfois plus de douze mois. */
function dureeSuspension(alea: Aleatoire): number {
  return alea.pondere([
    [alea.entier(1, 3), 55],
    [alea.entier(4, 11), 25],
    [12, 5],
    [13, 5],
    [alea.entier(14, 24), 10],
  ]);
}

/** Fins de ligne des situations, calculées une fois par mois (le générateur écrit des millions de lignes). */
interface SuffixesMois {
  readonly ouvert: string;
  readonly ouvertSdd: string;
  readonly suspendu: string;
  readonly suspenduSdd: string;
  readonly radie: string;
  readonly clos: string;
}
const cacheSuffixes = new Map<number, SuffixesMois>();
function suffixesDuMois(mois: number): SuffixesMois {
  let suffixes = cacheSuffixes.get(mois);
  if (suffixes === undefined) {
    const m = moisTexte(mois);
    suffixes = {
      ouvert: `,${m},oui,non,ouvert\n`,
      ouvertSdd: `,${m},oui,oui,ouvert\n`,
      suspendu: `,${m},non,non,suspendu\n`,
      suspenduSdd: `,${m},non,oui,suspendu\n`,
      radie: `,${m},non,non,radie\n`,
      clos: `,${m},non,non,clos\n`,
    };
    cacheSuffixes.set(mois, suffixes);
  }
  return suffixes;
}

export function simulerPersonne(alea: Aleatoire, id: string, config: ConfigParcours): PersonneGeneree {
  const { premierMois, dernierMois, dateExtraction } = config;
  const evenements: EvenementGenere[] = [];
  const ajouter = (
    jour: number,
    type: string,
    champs: {
      organisme?: string;
      parcours?: string;
      dispositif?: string;
      statut?: string;
      conseiller?: string;
      motif?: string;
    } = {},
  ): void => {
    if (jour > dateExtraction) return;
    // id_personne,type,date,organisme,parcours,dispositif,statut,conseiller,motif
    const ligne = `${id},${type},${dateIso(jour)},${champs.organisme ?? ''},${champs.parcours ?? ''},${
      champs.dispositif ?? ''
    },${champs.statut ?? ''},${champs.conseiller ?? ''},${champs.motif ?? ''}\n`;
    evenements.push({ jour, ligne });
  };

  let suivi = false;
  const orienter = (jour: number): void => {
    const organisme = alea.pondere(ORGANISMES_ORIENTATION);
    const type = alea.chance(0.06) ? 'designation_referent' : 'orientation';
    const parcours =
      organisme === 'france_travail'
        ? 'professionnel'
        : alea.pondere([
            ['socio_professionnel', 60],
            ['social', 40],
          ] as const);
    ajouter(jour, type, { organisme, parcours: type === 'orientation' ? parcours : '' });
    suivi = true;
    if (organisme === 'france_travail') {
      if (alea.chance(0.1)) ajouter(jour + alea.entier(3, 40), 'rdv', { organisme, statut: 'honore' });
      return;
    }
    // Rendez-vous : parfois (3 %) daté avant l'orientation, sinon dans les semaines qui suivent.
    let jourRdv = alea.chance(0.03) ? jour - alea.entier(1, 10) : jour + alea.entier(0, 35);
    let statut: string = alea.pondere(STATUTS_RDV);
    if (alea.chance(0.9)) ajouter(jourRdv, 'rdv', { organisme, statut });
    if (statut === 'annule' || statut === 'absent') {
      jourRdv += alea.entier(7, 21);
      statut = 'honore';
      ajouter(jourRdv, 'rdv', { organisme, statut });
    }
    if (alea.chance(0.55)) ajouter(jourRdv + alea.entier(0, 45), 'cer');
  };

  const stock = alea.chance(0.4);
  const arrivee = stock ? premierMois : alea.entier(premierMois + 1, dernierMois);
  if (stock && alea.chance(0.85)) {
    // Stock : déjà orienté avant le début de l'historique.
    const jour = premierJour(premierMois) - alea.entier(10, 900);
    ajouter(jour - alea.entier(10, 60), 'reception_notification');
    orienter(jour);
  }

  const sddHabituel = alea.chance(0.93);
  const sddEnSuspension = alea.chance(0.2);
  let situations = '';
  let nbSituations = 0;
  let present = true;
  let absentRestant = 0;
  let suspensionRestante = stock && alea.chance(0.08) ? dureeSuspension(alea) : 0;
  let suspensionEnCours = 0;
  let sddCoupeRestant = 0;
  let radiationAEcrire = '';
  let sddPrecedent = false;
  let dansGa = false;
  let dansAg = false;

  for (let mois = arrivee; mois <= dernierMois; mois++) {
    if (!present) {
      if (absentRestant > 0) {
        absentRestant--;
        sddPrecedent = false;
        continue;
      }
      present = true;
    }
    const suffixes = suffixesDuMois(mois);
    if (radiationAEcrire !== '') {
      // Le mois de la radiation figure dans le flux avec l'état radie / clos, puis la personne disparaît.
      situations += id + (radiationAEcrire === 'radie' ? suffixes.radie : suffixes.clos);
      nbSituations++;
      radiationAEcrire = '';
      present = false;
      sddPrecedent = false;
      continue;
    }
    let versable: boolean;
    let sdd: boolean;
    let etat: 'ouvert' | 'suspendu';
    if (suspensionRestante > 0) {
      versable = false;
      sdd = sddEnSuspension;
      etat = 'suspendu';
      suspensionRestante--;
      suspensionEnCours++;
      if (suspensionEnCours > 12) suivi = false;
    } else {
      suspensionEnCours = 0;
      versable = true;
      etat = 'ouvert';
      if (sddCoupeRestant > 0) {
        sdd = false;
        sddCoupeRestant--;
      } else sdd = sddHabituel;
    }
    situations +=
      id +
      (versable
        ? sdd
          ? suffixes.ouvertSdd
          : suffixes.ouvert
        : sdd
          ? suffixes.suspenduSdd
          : suffixes.suspendu);
    nbSituations++;
    const debut = premierJour(mois);

    if (versable && sdd && !sddPrecedent && mois > premierMois) {
      // Entrée possible : notification CAF reçue quelques jours à semaines après le début du mois (parfois dès
      // le mois précédent, parfois jamais), puis orientation à un mois environ.
      let t0: number | null = null;
      if (alea.chance(0.93)) {
        t0 = alea.chance(0.1) ? debut - alea.entier(3, 25) : debut + alea.entier(0, 35);
        ajouter(t0, 'reception_notification');
      }
      if (alea.chance(0.1)) ajouter(debut - alea.entier(0, 40), 'ouverture_droit');
      if (alea.chance(suivi ? 0.2 : 0.86)) {
        const delai = alea.chance(0.05)
          ? alea.entier(60, 200)
          : Math.max(0, Math.round(alea.normale(30, 14)));
        const jourOrientation = (t0 ?? debut + alea.entier(0, 30)) + delai;
        orienter(jourOrientation);
        if (alea.chance(0.05)) orienter(jourOrientation + alea.entier(30, 300));
        if (alea.chance(0.06)) {
          ajouter(jourOrientation + alea.entier(60, 500), 'fin_suivi', { motif: 'fin_accompagnement' });
        }
      }
    }

    if (versable && !dansGa && alea.chance(0.0012)) {
      dansGa = true;
      const entree = debut + alea.entier(0, 27);
      ajouter(entree, 'entree_dispositif', { dispositif: 'garantie_activite_departementale' });
      if (alea.chance(0.6)) {
        ajouter(entree + alea.entier(90, 400), 'sortie_dispositif', {
          dispositif: 'garantie_activite_departementale',
        });
      }
    }
    if (versable && !dansAg && alea.chance(0.0015)) {
      dansAg = true;
      const proposition = debut + alea.entier(0, 27);
      ajouter(proposition, 'proposition_dispositif', { dispositif: 'accompagnement_global' });
      if (alea.chance(0.8)) {
        const entree = proposition + alea.entier(0, 60);
        const conseiller = alea.chance(0.95) ? `C${String(alea.entier(1, config.nbConseillers))}` : '';
        ajouter(entree, 'entree_dispositif', { dispositif: 'accompagnement_global', conseiller });
        if (alea.chance(0.55)) {
          ajouter(entree + alea.entier(120, 540), 'sortie_dispositif', {
            dispositif: 'accompagnement_global',
          });
        }
      }
    }

    sddPrecedent = sdd;
    if (etat === 'ouvert') {
      if (sdd && alea.chance(0.008)) sddCoupeRestant = alea.entier(1, 3);
      if (alea.chance(0.015)) suspensionRestante = dureeSuspension(alea);
      else if (alea.chance(0.011)) {
        // Radiation : avec ou sans ligne radie/clos ; retour possible après quelques mois.
        suivi = false;
        absentRestant = alea.chance(0.35) ? alea.entier(1, 18) : Number.POSITIVE_INFINITY;
        if (alea.chance(0.5)) radiationAEcrire = alea.chance(0.7) ? 'radie' : 'clos';
        else present = false;
      }
    }
  }

  // Ordre chronologique (tri stable : à jour égal, l'ordre de création).
  evenements.sort((a, b) => a.jour - b.jour);
  // Un vrai système d'information n'exporte pas deux fois la même ligne (la lecture rejette les doublons exacts,
  // spec § 1) : deux tirages identiques le même jour n'en font qu'un.
  const vues = new Set<string>();
  let texteEvenements = '';
  for (const e of evenements) {
    if (vues.has(e.ligne)) continue;
    vues.add(e.ligne);
    texteEvenements += e.ligne;
  }
  return { situations, evenements: texteEvenements, nbSituations, nbEvenements: vues.size };
}
