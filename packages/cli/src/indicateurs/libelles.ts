import type { CodeIndicateur } from '@jalon/indicateurs';

/** Libellés des indicateurs (spec parcours-rsa-v1 § 2, tableau « Indicateurs »), pour les sorties tableur. */
export const LIBELLES_INDICATEURS: Readonly<Record<CodeIndicateur, string>> = {
  nouveaux_entrants: 'Nouveaux entrants (personnes distinctes) dans l’année',
  nouveaux_entrants_orientes: 'Nouveaux entrants orientés au plus tard le 31/12',
  nouveaux_entrants_orientes_hors_france_travail: 'Nouveaux entrants orientés hors France Travail',
  orientes_1_mois: 'Nouveaux entrants orientés en 1 mois et moins depuis le T0',
  orientes_15_jours: 'Nouveaux entrants orientés en 15 jours et moins depuis le T0',
  premiers_rdv: 'Orientés hors France Travail ayant eu un premier rendez-vous',
  premiers_rdv_2_semaines: 'Dont premier rendez-vous à 14 jours ou moins de l’orientation',
  premiers_cer: 'Orientés hors France Travail ayant signé un premier CER',
  premiers_cer_2_mois: 'Dont CER signé dans les 2 mois depuis le T0',
  ga_orientes: 'Nouveaux entrants entrés en garantie d’activité départementale dans l’année',
  ga_en_cours: 'Personnes en garantie d’activité départementale au 31/12',
  ag_orientes: 'Personnes entrées en accompagnement global dans l’année',
  ag_en_cours: 'Personnes en accompagnement global au 31/12',
  ag_par_conseiller: 'Personnes en accompagnement global par conseiller',
  ag_delai_moyen_jours: 'Délai moyen entre proposition et entrée en accompagnement global (jours)',
};
