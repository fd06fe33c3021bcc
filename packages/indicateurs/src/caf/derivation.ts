/**
 * De l'historique des observations CAF/MSA aux lignes du format d'échange parcours RSA v1 (spec § 1) :
 * `situations_mensuelles.csv` et les événements `ouverture_droit` et `reception_notification` d'`evenements.csv`.
 * Fonction pure.
 */
import { jourDepuis, jourIso } from '../moteur/dates.ts';
import type { EtatDroit } from '../moteur/modele.ts';
import { ETATS_OUVERTS, type HistoriqueCaf, type ObservationCaf, moisDe } from './historique.ts';

export interface LigneSituationCaf {
  readonly id_personne: string;
  /** AAAA-MM. */
  readonly mois: string;
  readonly droit_versable: boolean;
  readonly soumis_droits_devoirs: boolean;
  readonly etat_droit: EtatDroit;
}

export interface LigneEvenementCaf {
  readonly id_personne: string;
  readonly type: 'ouverture_droit' | 'reception_notification';
  /** AAAA-MM-JJ. */
  readonly date: string;
}

export interface DonneesCaf {
  readonly situations: readonly LigneSituationCaf[];
  readonly evenements: readonly LigneEvenementCaf[];
}

const moisIso = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
const premierJour = (m: number): string => jourIso(jourDepuis(Math.floor(m / 12), (m % 12) + 1, 1));

/**
 * ETATDOSRSA → situation du mois (issue 7 § 1 ; README § 3.4) : 2 → versable, `ouvert` ; 3 et 4 → non versable,
 * `suspendu` ; 5 et 6 → `clos` ; 0, 1 (et tout code inconnu) → pas de droit, donc pas de ligne (spec § 1 : « une
 * personne absente du fichier un mois donné n'a pas de droit ce mois-là »).
 */
export function situationDe(o: ObservationCaf): { versable: boolean; etat: EtatDroit } | null {
  switch (o.etat) {
    case '2':
      return { versable: true, etat: 'ouvert' };
    case '3':
    case '4':
      return { versable: false, etat: 'suspendu' };
    case '5':
    case '6':
      return { versable: false, etat: 'clos' };
    default:
      return null;
  }
}

const ouvert = (o: ObservationCaf | null): boolean => o !== null && ETATS_OUVERTS.has(o.etat);
const ouvertSdd = (o: ObservationCaf | null): boolean => ouvert(o) && o?.sdd === true;

/**
 * Situation retenue pour chaque mois de la fenêtre (INT-DONNEES-1) : un mois couvert par un flux mensuel (photographie
 * du stock) prend l'observation de ce flux, et une personne qui n'y figure pas n'a pas de droit ce mois-là ; un mois
 * sans flux mensuel prend la dernière observation du mois (flux quotidiens), à défaut celle du mois précédent
 * (les flux quotidiens ne portent que les changements).
 */
export function* moisRetenus(
  parMois: ReadonlyMap<number, ObservationCaf>,
  fenetre: { premier: number; dernier: number },
  photographies: ReadonlyMap<number, string | null>,
): Generator<{ mois: number; observation: ObservationCaf | null; brute: ObservationCaf | undefined }> {
  const debut = Math.min(...parMois.keys());
  let report: ObservationCaf | null = null;
  for (let m = Math.max(debut, fenetre.premier); m <= fenetre.dernier; m++) {
    const brute = parMois.get(m);
    const photo = photographies.get(m) ?? null;
    let retenue: ObservationCaf | null;
    if (photo !== null) retenue = brute !== undefined && brute.flux === photo ? brute : null;
    else retenue = brute ?? report;
    report = retenue;
    yield { mois: m, observation: retenue, brute };
  }
}

export function deriverDonnees(h: HistoriqueCaf): DonneesCaf {
  const situations: LigneSituationCaf[] = [];
  const evenements: LigneEvenementCaf[] = [];
  const fenetre = h.fenetre();
  if (fenetre === null) return { situations, evenements };
  const photographies = new Map<number, string | null>();
  for (let m = fenetre.premier; m <= fenetre.dernier; m++) photographies.set(m, h.photographieDuMois(m));

  for (const [id, parMois] of h.personnes) {
    let precedente: ObservationCaf | null = null;
    let dernierMoisSansDroit: number | null = null;
    let premier = true;
    for (const { mois, observation: o, brute } of moisRetenus(parMois, fenetre, photographies)) {
      const s = o === null ? null : situationDe(o);
      if (s !== null && o !== null) {
        situations.push({
          id_personne: id,
          mois: moisIso(mois),
          droit_versable: s.versable,
          soumis_droits_devoirs: o.sdd === true,
          etat_droit: s.etat,
        });
      }
      // Ouverture du droit (INT-DONNEES-4) : passage à un état ouvert ; date = DTDEMRSA, sauf si la demande est
      // antérieure à la dernière période sans droit observée (réouverture sans nouvelle demande) : 1er du mois.
      if (ouvert(o) && !ouvert(precedente) && o !== null) {
        const dateDemande = o.dateDemande;
        const valable =
          dateDemande !== '' &&
          moisDe(dateDemande) <= mois &&
          (dernierMoisSansDroit === null || moisDe(dateDemande) > dernierMoisSansDroit);
        evenements.push({
          id_personne: id,
          type: 'ouverture_droit',
          date: valable ? dateDemande : premierJour(mois),
        });
      }
      // Réception de la notification (T0, INT-DONNEES-5) : entrée dans « droit ouvert et SDD » observée à
      // l'intérieur de la fenêtre (jamais au premier mois connu, dont on ignore le passé) ; date = création du
      // premier flux du mois qui la montre.
      const t0 = brute?.premiereReceptionSdd ?? null;
      if (ouvertSdd(o) && !ouvertSdd(precedente) && !(premier && mois === fenetre.premier)) {
        evenements.push({
          id_personne: id,
          type: 'reception_notification',
          date: t0 ?? premierJour(mois),
        });
      }
      if (!ouvert(o)) dernierMoisSansDroit = mois;
      precedente = o;
      premier = false;
    }
  }
  return { situations, evenements };
}
