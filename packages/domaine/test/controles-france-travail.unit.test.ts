import { describe, expect, it } from 'vitest';
import { partEtat } from '../src/index.ts';
import { codes, controles, conventionFranceTravail } from './fabrique.ts';

describe('COFINANCEMENT_VOLET2 (003 · III.2 ; annexe 7 art. 3.3 : 50 % du coût total du volet 2)', () => {
  it('C = 50 % exactement → admis ; C + D comptent tous deux', () => {
    expect(
      codes(
        conventionFranceTravail([
          { numero: '2.1', mesure: 'remobilisation', volet: 2, previsionnel: { etat: 1000, cd: 1000 } },
        ]),
      ),
    ).toEqual([]);
    expect(
      codes(
        conventionFranceTravail([
          {
            numero: '2.1',
            mesure: 'remobilisation',
            volet: 2,
            previsionnel: { etat: 1000, cd: 500, report_cd: 500 },
          },
        ]),
      ),
    ).toEqual([]);
  });
  it('un centime de moins → bloquant, actions du volet 2', () => {
    const resultat = controles(
      conventionFranceTravail([
        { numero: '1.1', mesure: 'chefferie_projet', volet: 1, previsionnel: { etat: 5000 } },
        { numero: '2.1', mesure: 'remobilisation', volet: 2, previsionnel: { etat: 600, cd: 600 } },
        { numero: '2.2', mesure: 'freins_sante', volet: 2, previsionnel: { etat: 400, cd: 399.99 } },
      ]),
      'COFINANCEMENT_VOLET2',
    );
    expect(resultat).toMatchObject([
      { gravite: 'bloquant', actions: ['2.1', '2.2'], source: '003 · III.2 ; annexe 7 art. 3.3' },
    ]);
    expect(resultat[0]?.message).toContain('999,99 €');
    expect(resultat[0]?.message).toContain('1 999,99 €');
  });
  it('les autres financeurs entrent dans le coût total : A 1 000, C 1 000, E 100 → violation', () => {
    expect(
      codes(
        conventionFranceTravail([
          {
            numero: '2.1',
            mesure: 'remobilisation',
            volet: 2,
            previsionnel: { etat: 1000, cd: 1000, autres: 100 },
          },
        ]),
      ),
    ).toEqual(['COFINANCEMENT_VOLET2']);
  });
  it('pas d’action au volet 2 → non jugé ; pas en CALPAE', () => {
    expect(
      codes(
        conventionFranceTravail([
          { numero: '3.1', mesure: 'solutions_locales', volet: 3, previsionnel: { etat: 1000 } },
        ]),
      ),
    ).toEqual([]);
  });
});

describe('FONGIBILITE_VOLETS (003 · III.2 : crédits non fongibles entre volets)', () => {
  it('réalisé = F → consommé État = A + B → admis ; un centime de plus → bloquant', () => {
    const doc = (realise: number) =>
      conventionFranceTravail([
        {
          numero: '1.1',
          mesure: 'chefferie_projet',
          volet: 1,
          previsionnel: { etat: 600, cd: 400 },
          execution: { realise },
        },
        {
          numero: '3.1',
          mesure: 'solutions_locales',
          volet: 3,
          previsionnel: { etat: 100 },
          execution: { realise: 10 },
        },
      ]);
    expect(codes(doc(1000))).toEqual([]);
    // consommé État = 1 200 × 600 / 1 000 = 720 > 600
    const resultat = controles(doc(1200), 'FONGIBILITE_VOLETS');
    expect(resultat).toMatchObject([{ gravite: 'bloquant', actions: ['1.1'], source: '003 · III.2' }]);
    expect(resultat[0]?.message).toContain('720,00 €');
    expect(resultat[0]?.message).toContain('600,00 €');
    // 1 000,02 × 600 / 1 000 = 600,012 → 600,01 € au centime inférieur > 600 → bloquant
    expect(codes(doc(1000.02))).toEqual(['FONGIBILITE_VOLETS']);
    // 1 000,01 × 600 / 1 000 = 600,006 → 600,00 € → admis (arrondi inférieur)
    expect(codes(doc(1000.01))).toEqual([]);
  });
  it('sans exécution → non jugé', () => {
    expect(
      codes(
        conventionFranceTravail([
          { numero: '1', mesure: 'chefferie_projet', volet: 1, previsionnel: { etat: 600 } },
        ]),
      ),
    ).toEqual([]);
  });
  it('partEtat : prorata exact au centime inférieur, 0 si F = 0', () => {
    expect(partEtat(100, 100, 300)).toBe(33);
    expect(partEtat(500, 0, 0)).toBe(0);
    // très grands montants : pas de perte de précision (BigInt)
    expect(partEtat(99_999_999_999_999, 99_999_999_999_999, 99_999_999_999_999)).toBe(99_999_999_999_999);
  });
});

describe('DEPENSE_INELIGIBLE (003 · annexe 7 art. 4.2 ; annexe 2 § 3.a ; II.2)', () => {
  it.each([
    'frais_generaux',
    'frais_mission',
    'prestation_evaluation',
    'prestation_formation',
    'prestation_gestion_projet',
    'investissement',
    'conseiller_relation_entreprise',
    'cofinancement_caom',
  ])('%s → bloquant', (nature) => {
    expect(
      controles(
        conventionFranceTravail([
          { numero: '1', mesure: 'chefferie_projet', volet: 1, nature_depense: nature },
        ]),
        'DEPENSE_INELIGIBLE',
      ),
    ).toMatchObject([
      { gravite: 'bloquant', actions: ['1'], source: '003 · annexe 7 art. 4.2 ; annexe 2 § 3.a ; II.2' },
    ]);
  });
  it.each([
    'developpement_si',
    'etp_accompagnement',
    'etp_ingenierie',
    'prestation_accompagnement',
    'subvention_solution_locale',
  ])('%s → éligible', (nature) => {
    expect(
      codes(
        conventionFranceTravail([
          { numero: '1', mesure: 'developpement_si', volet: 1, nature_depense: nature },
        ]),
      ),
    ).toEqual([]);
  });
  it('nature absente → non jugée', () => {
    expect(codes(conventionFranceTravail([{ numero: '1', mesure: 'chefferie_projet', volet: 1 }]))).toEqual(
      [],
    );
  });
});
