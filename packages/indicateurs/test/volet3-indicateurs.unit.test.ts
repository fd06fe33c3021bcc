/**
 * Indicateurs du volet 3 (003 · annexe 4 § 3) sur cinq personnes dont chaque compte est fait à la main à partir des
 * définitions de docs/indicateurs-volet3.md (voir les commentaires par personne).
 */
import { describe, expect, it } from 'vitest';
import { jourDepuis } from '../src/moteur/dates.ts';
import type { Evenement } from '../src/moteur/modele.ts';
import {
  calculerVolet3,
  expliquerVolet3,
  type DossierPersonneV11,
  type EvenementVolet3,
} from '../src/volet3/index.ts';

const j = (iso: string): number =>
  jourDepuis(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
const ev = (type: Evenement['type'], date: string, extra: Partial<Evenement> = {}): Evenement => ({
  type,
  jour: j(date),
  ...extra,
});
const v3 = (
  type: EvenementVolet3['type'],
  date: string,
  extra: Partial<EvenementVolet3> = {},
): EvenementVolet3 => ({
  type,
  jour: j(date),
  ...extra,
});
const personne = (
  id: string,
  evenements: Evenement[],
  evenementsVolet3: EvenementVolet3[],
): DossierPersonneV11 => ({
  id,
  situations: [],
  evenements: [...evenements].sort((a, b) => a.jour - b.jour),
  evenementsVolet3: [...evenementsVolet3].sort((a, b) => a.jour - b.jour),
});

const P = [
  // P1 : accompagnée du 10/01 au 30/06/2024 (entrante et sortante), parcours socio-professionnel ; ouverture 02/01,
  // premier entretien = rdv honoré du 12/01 (10 jours) ; diagnostic 15/01 → action 22/01 (7 jours) ; 30 h sur
  // 173 jours (22 + 29 + 31 + 30 + 31 + 30) : pas intensive ; CDD de 6 mois : reprise durable ; 1 CER.
  personne(
    'P1',
    [
      ev('ouverture_droit', '2024-01-02'),
      ev('orientation', '2024-01-10', { organisme: 'departement', parcours: 'socio_professionnel' }),
      ev('rdv', '2024-01-12', { statut: 'honore' }),
      ev('cer', '2024-02-01'),
      ev('fin_suivi', '2024-06-30'),
    ],
    [
      v3('diagnostic', '2024-01-15', { freins: ['mobilite'] }),
      v3('action_accompagnement', '2024-01-22', { dureeCentiemes: 2000, modalite: 'collectif' }),
      v3('action_accompagnement', '2024-01-29', { dureeCentiemes: 1000, modalite: 'individuel' }),
      v3('reprise_emploi', '2024-06-01', { typeContrat: 'cdd', dureeMois: 6 }),
    ],
  ),
  // P2 : entrée le 02/12/2024 (parcours professionnel), 66 h du 02 au 31/12 (30 jours) : 7 × 66 = 462 ≥ 15 × 30 = 450,
  // intensive ; intérim d'un mois : reprise non durable ; 1 PPAE.
  personne(
    'P2',
    [ev('orientation', '2024-12-02', { organisme: 'france_travail', parcours: 'professionnel' })],
    [
      v3('action_accompagnement', '2024-12-02', { dureeCentiemes: 1600 }),
      v3('ppae', '2024-12-05'),
      v3('action_accompagnement', '2024-12-09', { dureeCentiemes: 1500 }),
      v3('reprise_emploi', '2024-12-15', { typeContrat: 'interim', dureeMois: 1 }),
      v3('action_accompagnement', '2024-12-16', { dureeCentiemes: 1500 }),
      v3('action_accompagnement', '2024-12-23', { dureeCentiemes: 1500 }),
      v3('action_accompagnement', '2024-12-30', { dureeCentiemes: 500 }),
    ],
  ),
  // P3 : accompagnement clos en 2023 : pas inscrite en 2024, sa reprise en CDI de 2024 ne compte pas.
  personne(
    'P3',
    [
      ev('orientation', '2022-05-01', { organisme: 'departement', parcours: 'social' }),
      ev('fin_suivi', '2023-08-01'),
    ],
    [v3('diagnostic', '2022-06-01'), v3('reprise_emploi', '2024-03-01', { typeContrat: 'cdi' })],
  ),
  // P4 : le diagnostic du 01/03/2024 ouvre l'accompagnement (parcours non renseigné) ; ouverture 19/02 → entretien
  // (diagnostic) 01/03 : 11 jours (2024 bissextile) ; action 11/03 : 10 jours.
  personne(
    'P4',
    [ev('ouverture_droit', '2024-02-19')],
    [v3('diagnostic', '2024-03-01'), v3('action_accompagnement', '2024-03-11', { dureeCentiemes: 200 })],
  ),
  // P5 : accompagnée depuis 2023 (inscrite, pas entrante) ; ouverture 01/05/2024 sans entretien ensuite (rdv annulé avant).
  personne(
    'P5',
    [
      ev('orientation', '2023-06-01', { organisme: 'france_travail', parcours: 'professionnel' }),
      ev('cer', '2023-07-01'),
      ev('rdv', '2024-01-05', { statut: 'annule' }),
      ev('ouverture_droit', '2024-05-01'),
    ],
    [],
  ),
];

describe('indicateurs du volet 3 (2024)', () => {
  const r = calculerVolet3(P, { annee: 2024 });

  it('comptes, taux et délais calculés à la main', () => {
    expect(r.indicateurs).toEqual({
      deploiement_inscrits: 4,
      deploiement_nouveaux_entrants: 3,
      deploiement_sortants: 1,
      deploiement_cer_ppae: 2,
      cer_signes: 1,
      ppae_signes: 1,
      retour_emploi: 2,
      retour_emploi_durable: 1,
      taux_retour_emploi: 50,
      taux_retour_emploi_durable: 25,
      delai_ouverture_droit_premier_entretien: 10.5,
      delai_ouverture_droit_premier_entretien_median: 10.5,
      ouvertures_avec_premier_entretien: 2,
      delai_diagnostic_premiere_action: 8.5,
      delai_diagnostic_premiere_action_median: 8.5,
      diagnostics_avec_premiere_action: 2,
      accompagnement_intensif: 1,
      part_accompagnement_intensif: 25,
      parcours_professionnel: 2,
      parcours_socio_professionnel: 1,
      parcours_social: 0,
      parcours_non_renseigne: 1,
    });
  });

  it('ventile par parcours et par type de contrat', () => {
    expect(r.parParcours.deploiement_inscrits).toEqual({
      professionnel: 2,
      socio_professionnel: 1,
      social: 0,
      non_renseigne: 1,
    });
    expect(r.parParcours.retour_emploi).toEqual({
      professionnel: 1,
      socio_professionnel: 1,
      social: 0,
      non_renseigne: 0,
    });
    expect(r.parParcours.delai_diagnostic_premiere_action).toEqual({
      professionnel: null,
      socio_professionnel: 7,
      social: null,
      non_renseigne: 10,
    });
    expect(r.reprisesParContrat).toMatchObject({ cdd: 1, interim: 1, cdi: 0 });
  });

  it('explique chaque personne considérée', () => {
    const lignes = [...expliquerVolet3(P, { annee: 2024 }, 'accompagnement_intensif')];
    expect(lignes.map((l) => [l.id_personne, l.compte, l.raison])).toEqual([
      ['P1', false, 'MOINS_DE_15_HEURES'],
      ['P2', true, 'COMPTE'],
      ['P3', false, 'PAS_ACCOMPAGNE_DANS_P'],
      ['P4', false, 'MOINS_DE_15_HEURES'],
      ['P5', false, 'MOINS_DE_15_HEURES'],
    ]);
    // P2 : 66 h × 7 / 30 jours = 15,4 h par semaine.
    expect(lignes[1]?.valeur).toBe(15.4);
    const delais = [...expliquerVolet3(P, { annee: 2024 }, 'delai_ouverture_droit_premier_entretien')];
    expect(delais.map((l) => [l.id_personne, l.raison, l.valeur])).toEqual([
      ['P1', 'COMPTE', 10],
      ['P4', 'COMPTE', 11],
      ['P5', 'SANS_ENTRETIEN', null],
    ]);
  });

  it('sans personne : comptes nuls, taux et délais vides', () => {
    const vide = calculerVolet3([], { annee: 2024 });
    expect(vide.indicateurs.deploiement_inscrits).toBe(0);
    expect(vide.indicateurs.taux_retour_emploi).toBeNull();
    expect(vide.indicateurs.delai_diagnostic_premiere_action).toBeNull();
  });
});
