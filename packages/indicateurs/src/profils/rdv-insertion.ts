/**
 * Profil intégré pour l'export « usagers » CSV de RDV-Insertion (issue 7 § 3). Colonnes supposées, d'après l'export
 * public de RDV-Insertion (gip-inclusion/rdv-insertion, `app/services/exporters/generate_users_csv.rb` et son test) :
 * « ID interne au département », « Date d'entrée flux », « Date du dernier RDV », « Statut du rdv »,
 * « Date d'orientation », « Type d'orientation », « Date de début d'accompagnement », « Date de fin d'accompagnement » ;
 * séparateur « ; », dates JJ/MM/AAAA. Choix et limites : docs/donnees-reelles.md, INT-DONNEES-15.
 * Un département dont l'export ou les libellés diffèrent copie ce profil (`jalon donnees profil rdv-insertion`) et
 * l'adapte.
 */
import { FORMAT_PROFIL, type Profil } from './schema.ts';

/** Libellés de statut de participation (RDV-Insertion) → statut du format d'échange. */
const STATUTS = {
  'Rendez-vous honoré': 'honore',
  'RDV honoré': 'honore',
  'Absence non excusée': 'absent',
  'Absence excusée': 'absent',
  'Non honoré': 'absent',
  'Rendez-vous annulé': 'annule',
  'Annulé (par l’usager)': 'annule',
  "Annulé (par l'usager)": 'annule',
  'Annulé (par le service)': 'annule',
  'RDV annulé': 'annule',
  'Rendez-vous à venir': 'prevu',
  'RDV à venir': 'prevu',
  'Statut du RDV à préciser': 'prevu',
  'À préciser': 'prevu',
};

/** Type d'orientation → parcours (libellés usuels ; les départements en créent d'autres : à compléter). */
const PARCOURS = {
  Professionnelle: 'professionnel',
  Pro: 'professionnel',
  Emploi: 'professionnel',
  'Socio-professionnelle': 'socio_professionnel',
  Socioprofessionnelle: 'socio_professionnel',
  'Socio-pro': 'socio_professionnel',
  Sociale: 'social',
  Social: 'social',
};

/** Type d'orientation → organisme : le parcours professionnel est celui de France Travail (003 · annexe 3). */
const ORGANISMES = {
  Professionnelle: 'france_travail',
  Pro: 'france_travail',
  Emploi: 'france_travail',
  'Socio-professionnelle': 'departement',
  Socioprofessionnelle: 'departement',
  'Socio-pro': 'departement',
  Sociale: 'departement',
  Social: 'departement',
};

export const PROFIL_RDV_INSERTION: Profil = {
  format: FORMAT_PROFIL,
  nom: 'RDV-Insertion — export des usagers (CSV)',
  description:
    "Export « usagers » de RDV-Insertion : date d'entrée flux, orientation active (date de début, type), dernier rendez-vous et son statut, fin d'accompagnement.",
  cible: 'evenements',
  entree: {},
  identifiant: { colonne: 'ID interne au département', pseudonymiser: true },
  formatsDate: ['JJ/MM/AAAA', 'AAAA-MM-JJ'],
  regles: [
    {
      nom: 'ouverture du droit (date d’entrée flux)',
      si: "Date d'entrée flux",
      champs: { type: { valeur: 'ouverture_droit' }, date: { colonne: "Date d'entrée flux" } },
    },
    {
      nom: 'orientation',
      si: "Date de début d'accompagnement",
      champs: {
        type: { valeur: 'orientation' },
        date: { colonne: "Date de début d'accompagnement" },
        organisme: { colonne: "Type d'orientation", correspondances: ORGANISMES, defaut: 'departement' },
        parcours: { colonne: "Type d'orientation", correspondances: PARCOURS },
      },
    },
    {
      nom: 'dernier rendez-vous',
      si: 'Date du dernier RDV',
      champs: {
        type: { valeur: 'rdv' },
        date: { colonne: 'Date du dernier RDV' },
        statut: { colonne: 'Statut du rdv', correspondances: STATUTS },
        organisme: { valeur: 'departement' },
      },
    },
    {
      nom: 'fin d’accompagnement',
      si: "Date de fin d'accompagnement",
      champs: { type: { valeur: 'fin_suivi' }, date: { colonne: "Date de fin d'accompagnement" } },
    },
  ],
};

/** Profils intégrés, par nom court. */
export const PROFILS_INTEGRES: Readonly<Record<string, Profil>> = { 'rdv-insertion': PROFIL_RDV_INSERTION };
