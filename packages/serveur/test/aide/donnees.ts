import type { Collectivite } from '@jalon/schemas';
import { CHAMPS_FICHE_VIDES } from '../../src/cas/fiches.ts';
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
  return {
    ...CHAMPS_FICHE_VIDES,
    numero,
    intitule: `Action ${numero}`,
    mesure: 'insertion_orientation',
    code_chorus: '030450191907',
    ...surcharge,
  };
}
