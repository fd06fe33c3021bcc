import type { Collectivite, FicheAction } from '@jalon/schemas';
import type { ChampsFiche } from '../../src/depots/ports.ts';

/** Petites collectivités de test (codes officiels : 37 et 44 ; 37 en Centre-Val de Loire 24, 44 en Pays de la Loire 52). */
export const COLLECTIVITES_TEST: Collectivite[] = [
  {
    id: 'departement:37',
    type: 'departement',
    code: '37',
    nom: 'Indre-et-Loire',
    departement: '37',
    region: '24',
  },
  {
    id: 'departement:44',
    type: 'departement',
    code: '44',
    nom: 'Loire-Atlantique',
    departement: '44',
    region: '52',
  },
  {
    id: 'departement:49',
    type: 'departement',
    code: '49',
    nom: 'Maine-et-Loire',
    departement: '49',
    region: '52',
  },
  {
    id: 'metropole:44M',
    type: 'metropole',
    code: '44M',
    nom: 'Nantes Métropole',
    departement: '44',
    region: '52',
  },
  { id: 'region:52', type: 'region', code: '52', nom: 'Pays de la Loire', departement: null, region: '52' },
];

export function ficheVide(numero: string, surcharge: Partial<ChampsFiche> = {}): ChampsFiche {
  const base: Omit<FicheAction, 'id' | 'rang'> = {
    numero,
    intitule: `Action ${numero}`,
    mesure: 'insertion_orientation',
    code_chorus: '030450191907',
    volet: null,
    nature_depense: null,
    theme: '',
    contexte: '',
    enjeux_objectifs: '',
    description: '',
    lien_strategie: '',
    date_mise_en_place: '',
    duree_action: '',
    partenaires_cofinanceurs: '',
    budget_detaille: '',
    financee_fapi: null,
    montant_fapi: null,
    objectifs_progression: '',
    calendrier_previsionnel: '',
    indicateurs_suivi: {
      nouveaux_entrants: null,
      nouveaux_entrants_orientes_15_jours: null,
      nouveaux_entrants_concernes: null,
      allocataires_concernes: null,
    },
    previsionnel: { etat: 0, report_etat: 0, cd: 0, valorisation_cd: 0, report_cd: 0, autres: 0 },
    execution: null,
    realise_exercice_precedent: null,
    justification: '',
    validee_par_commissaire: false,
  };
  return { ...base, ...surcharge };
}
