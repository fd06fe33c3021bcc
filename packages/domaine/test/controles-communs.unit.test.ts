import { describe, expect, it } from 'vitest';
import { CATALOGUE_CONTROLES, CODES_CONTROLE } from '../src/index.ts';
import { codes, controles, convention, conventionFranceTravail } from './fabrique.ts';

describe('catalogue (spec § 3)', () => {
  it('16 contrôles, codes, gravités et sources exactement comme la table de la spec', () => {
    expect(CATALOGUE_CONTROLES.map((c) => [c.code, c.gravite, c.source])).toEqual([
      ['MONTANT_INVALIDE', 'bloquant', '—'],
      ['MESURE_INCONNUE', 'bloquant', 'cadre'],
      ['IMPUTATION_CHORUS', 'bloquant', '001 · annexe 10'],
      ['VALORISATION_SUPERIEURE_CD', 'bloquant', '—'],
      ['PARITE_ACTION', 'bloquant', '001 · annexe 4'],
      ['PARITE_CONVENTION', 'bloquant', '001 · annexe 4'],
      ['VALORISATION_PLAFOND', 'bloquant', '001 · annexe 4'],
      ['VALORISATION_JUSTIFIEE', 'alerte', '001 · annexe 4'],
      ['ENVELOPPE_DEPASSEE', 'bloquant', '001 · annexe 7 art. 2.2 ; 003 · annexe 7 art. 4.1'],
      ['ACTION_SANS_DEPENSE', 'bloquant', '001 · annexe 4'],
      ['NUMERIQUE_PLAFOND', 'bloquant', '001 · annexe 1 § 4'],
      ['FONGIBILITE_ASYMETRIQUE', 'bloquant', '001 · annexe 4'],
      ['REPORT_AU_DELA_CONVENTION', 'alerte', '001 · annexe 7 art. 5'],
      ['COFINANCEMENT_VOLET2', 'bloquant', '003 · III.2 ; annexe 7 art. 3.3'],
      ['FONGIBILITE_VOLETS', 'bloquant', '003 · III.2'],
      ['DEPENSE_INELIGIBLE', 'bloquant', '003 · annexe 7 art. 4.2 ; annexe 2 § 3.a ; II.2'],
    ]);
    expect(CODES_CONTROLE).toHaveLength(16);
  });
});

describe('MONTANT_INVALIDE (tous cadres)', () => {
  it('une entrée par action, tous ses montants invalides réunis ; enveloppe en tête avec actions []', () => {
    const resultat = controles(
      convention(
        [
          { numero: '1', mesure: 'mobilite', previsionnel: { etat: -1, cd: 'mille' } },
          { numero: '2', mesure: 'mobilite', previsionnel: { etat: 10 } },
          {
            numero: '3',
            mesure: 'mobilite',
            execution: { realise: 1.001 },
            realise_exercice_precedent: null,
          },
        ],
        { enveloppe_etat: null },
      ),
      'MONTANT_INVALIDE',
    );
    expect(resultat.map((c) => [c.actions, c.gravite, c.source])).toEqual([
      [[], 'bloquant', '—'],
      [['1'], 'bloquant', '—'],
      [['3'], 'bloquant', '—'],
    ]);
    expect(resultat[1]?.message).toContain('actions[0].previsionnel.etat');
    expect(resultat[1]?.message).toContain('actions[0].previsionnel.cd');
    expect(resultat[2]?.message).toContain('actions[2].execution.realise');
    expect(resultat[2]?.message).toContain('actions[2].realise_exercice_precedent');
  });

  it('France Travail aussi ; aucun montant invalide → rien', () => {
    expect(
      codes(
        conventionFranceTravail([
          { numero: '1', mesure: 'chefferie_projet', volet: 1, previsionnel: { autres: 1.999 } },
        ]),
      ),
    ).toContain('MONTANT_INVALIDE');
    expect(
      codes(convention([{ numero: '1', mesure: 'mobilite', previsionnel: { etat: 0.01, cd: 12.5 } }])),
    ).not.toContain('MONTANT_INVALIDE');
  });

  it('enveloppe invalide : ENVELOPPE_DEPASSEE n’est pas jugée', () => {
    expect(
      codes(
        convention([{ numero: '1', mesure: 'mobilite', previsionnel: { etat: 10 } }], { enveloppe_etat: -5 }),
      ),
    ).toEqual(['MONTANT_INVALIDE']);
  });
});

describe('MESURE_INCONNUE (tous cadres, source « cadre »)', () => {
  it('mesure absente du cadre', () => {
    const [c] = controles(convention([{ numero: '1', mesure: 'mesure_inventee' }]), 'MESURE_INCONNUE');
    expect(c).toMatchObject({ gravite: 'bloquant', actions: ['1'], source: 'cadre' });
  });
  it('sorties_ase : connue en 2022, plus en 2023 (001 · annexe 4 : mesures socles resserrées)', () => {
    const doc = (cadre: string) => convention([{ numero: '1', mesure: 'sorties_ase' }], { cadre });
    expect(codes(doc('calpae-2022'))).not.toContain('MESURE_INCONNUE');
    expect(controles(doc('calpae-2023'), 'MESURE_INCONNUE')).toHaveLength(1);
  });
  it('France Travail : mesure du cadre hors du volet de l’action', () => {
    const doc = conventionFranceTravail([
      { numero: '1', mesure: 'remobilisation', volet: 1 },
      { numero: '2', mesure: 'remobilisation', volet: 2 },
      { numero: '3', mesure: 'developpement_si', volet: 3 },
      { numero: '4', mesure: 'insertion_orientation', volet: 2 },
    ]);
    const resultat = controles(doc, 'MESURE_INCONNUE');
    expect(resultat.map((c) => c.actions)).toEqual([['1'], ['4']]);
    expect(resultat[0]?.source).toBe('cadre');
    expect(resultat[0]?.message).toContain('volet 1');
  });
});

describe('ordre de sortie : catalogue, puis actions', () => {
  it('trie par code du catalogue puis par rang de l’action', () => {
    const resultat = controles(
      convention([
        {
          numero: 'B',
          mesure: 'insertion_orientation',
          previsionnel: { etat: 100, cd: 50, valorisation_cd: 40 },
        },
        {
          numero: 'A',
          mesure: 'insertion_orientation',
          previsionnel: { etat: 100, cd: 50 },
          code_chorus: '0',
        },
      ]),
    );
    expect(resultat.map((c) => [c.code, c.actions.join(',')])).toEqual([
      ['IMPUTATION_CHORUS', 'A'],
      ['PARITE_ACTION', 'B'],
      ['PARITE_ACTION', 'A'],
      ['PARITE_CONVENTION', 'B,A'],
      ['VALORISATION_PLAFOND', 'B'],
      ['VALORISATION_JUSTIFIEE', 'B'],
    ]);
  });
});
