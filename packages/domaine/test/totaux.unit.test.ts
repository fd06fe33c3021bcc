import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convention, conventionFranceTravail, rapport, type ActionTest } from './fabrique.ts';

const PREV_ZERO = { etat: 0, report_etat: 0, cd: 0, valorisation_cd: 0, report_cd: 0, autres: 0, total: 0 };
const EXEC_ZERO = { realise: 0, valorisation_cd: 0, a_reporter_etat: 0, a_reporter_cd: 0 };

describe('totaux (spec § 2 ; 001 · annexe 9)', () => {
  it('exemple officiel 001 · annexe 5 : 100 000 + 10 000 + 100 000 + 10 000 = 220 000 €', () => {
    const { totaux } = rapport(
      convention([
        {
          numero: '4.1',
          mesure: 'insertion_orientation',
          previsionnel: { etat: 100000, report_etat: 10000, cd: 100000, report_cd: 10000 },
        },
      ]),
    );
    expect(totaux.actions['4.1']?.previsionnel.total).toBe(220000);
    expect(totaux.general.previsionnel.total).toBe(220000);
    expect(totaux.socle).toMatchObject({ previsionnel: { total: 220000 } });
    expect(totaux.initiatives).toEqual({ previsionnel: PREV_ZERO, execution: EXEC_ZERO });
    expect(totaux.volets).toEqual({});
  });

  it('la valorisation est comprise dans C, pas ajoutée : 40 000 + 50 000 + 5 000 = 95 000 €', () => {
    const { totaux } = rapport(
      convention([
        {
          numero: '1',
          mesure: 'garantie_activite',
          previsionnel: { etat: 40000, cd: 50000, valorisation_cd: 20000, autres: 5000 },
        },
      ]),
    );
    expect(totaux.actions['1']?.previsionnel).toEqual({
      etat: 40000,
      report_etat: 0,
      cd: 50000,
      valorisation_cd: 20000,
      report_cd: 0,
      autres: 5000,
      total: 95000,
    });
  });

  it('par mesure, socle, initiatives, général ; exécution à zéro quand elle manque', () => {
    const { totaux } = rapport(
      convention([
        {
          numero: '4.1',
          mesure: 'insertion_orientation',
          previsionnel: { etat: 1000, cd: 1000 },
          execution: { realise: 900, a_reporter_etat: 50 },
        },
        { numero: '4.2', mesure: 'insertion_orientation', previsionnel: { etat: 500.5, cd: 600.25 } },
        {
          numero: '9.1',
          mesure: 'initiatives_departementales',
          previsionnel: { etat: 200, cd: 300, autres: 100 },
        },
      ]),
    );
    expect(Object.keys(totaux.mesures)).toEqual(['insertion_orientation', 'initiatives_departementales']);
    // 1000 + 500,50 = 1 500,50 ; 1000 + 600,25 = 1 600,25 ; F = 1 500,50 + 1 600,25 = 3 100,75
    expect(totaux.mesures.insertion_orientation).toEqual({
      previsionnel: { ...PREV_ZERO, etat: 1500.5, cd: 1600.25, total: 3100.75 },
      execution: { ...EXEC_ZERO, realise: 900, a_reporter_etat: 50 },
    });
    expect(totaux.actions['4.2']?.execution).toEqual(EXEC_ZERO);
    expect(totaux.initiatives).toEqual({
      previsionnel: { ...PREV_ZERO, etat: 200, cd: 300, autres: 100, total: 600 },
      execution: EXEC_ZERO,
    });
    expect(totaux.general.previsionnel.total).toBe(3700.75);
    expect(totaux.controle).toEqual({ ...totaux.general, ecart: false });
  });

  it('décimaux exacts : 0,10 + 0,20 = 0,30 (et non 0,30000000000000004)', () => {
    const { totaux } = rapport(
      convention([{ numero: '1', mesure: 'mobilite', previsionnel: { etat: 0.1, cd: 0.2 } }]),
    );
    expect(totaux.general.previsionnel.total).toBe(0.3);
  });

  it('total de contrôle : une action de mesure inconnue n’entre dans aucun sous-total → écart', () => {
    const { totaux } = rapport(
      convention([
        { numero: '1', mesure: 'mobilite', previsionnel: { etat: 10 } },
        { numero: '2', mesure: 'mesure_inventee', previsionnel: { etat: 5 } },
      ]),
    );
    expect(totaux.mesures.mesure_inventee?.previsionnel.total).toBe(5);
    expect(totaux.controle.previsionnel.total).toBe(15);
    expect(totaux.controle.ecart).toBe(true);
  });

  it('montant invalide compté pour 0', () => {
    const { totaux } = rapport(
      convention([{ numero: '1', mesure: 'mobilite', previsionnel: { etat: -10, cd: 30, autres: 'x' } }]),
    );
    expect(totaux.general.previsionnel).toEqual({ ...PREV_ZERO, cd: 30, total: 30 });
  });

  it('France Travail : les trois volets, toujours ; socle et initiatives vides', () => {
    const { totaux } = rapport(
      conventionFranceTravail([
        { numero: '1', mesure: 'chefferie_projet', volet: 1, previsionnel: { etat: 100 } },
        { numero: '2', mesure: 'developpement_si', volet: 1, previsionnel: { etat: 10, cd: 5 } },
        { numero: '3', mesure: 'remobilisation', volet: 2, previsionnel: { etat: 40, cd: 40 } },
      ]),
    );
    expect(totaux.socle).toEqual({});
    expect(totaux.initiatives).toEqual({});
    expect(Object.keys(totaux.volets)).toEqual(['1', '2', '3']);
    expect(totaux.volets['1']?.previsionnel.total).toBe(115);
    expect(totaux.volets['2']?.previsionnel.total).toBe(80);
    expect(totaux.volets['3']).toEqual({ previsionnel: PREV_ZERO, execution: EXEC_ZERO });
    expect(totaux.controle.ecart).toBe(false);
  });
});

// ---------- Propriétés ----------

const COLONNES_P = ['etat', 'report_etat', 'cd', 'valorisation_cd', 'report_cd', 'autres'] as const;
const COLONNES_E = ['realise', 'valorisation_cd', 'a_reporter_etat', 'a_reporter_cd'] as const;
const centimesArb = fc.integer({ min: 0, max: 100_000_000_000 });
const MESURES = [
  'insertion_orientation',
  'garantie_activite',
  'mobilite',
  'initiatives_departementales',
  'referents_parcours',
];
const actionsArb = fc
  .array(
    fc.record({
      mesure: fc.constantFrom(...MESURES),
      p: fc.tuple(...COLONNES_P.map(() => centimesArb)),
      e: fc.option(fc.tuple(...COLONNES_E.map(() => centimesArb)), { nil: undefined }),
    }),
    { maxLength: 8 },
  )
  .map((lignes) => lignes.map((ligne, i) => ({ numero: `A${i}`, ...ligne })));

type ActionCentimes = { numero: string; mesure: string; p: number[]; e: number[] | undefined };
/** Euros écrits en décimal à la main, sans passer par une division flottante. */
const euros = (centimes: number): number =>
  Number(`${Math.trunc(centimes / 100)}.${String(centimes % 100).padStart(2, '0')}`);
const versTest = (a: ActionCentimes): ActionTest => ({
  numero: a.numero,
  mesure: a.mesure,
  previsionnel: Object.fromEntries(COLONNES_P.map((c, i) => [c, euros(a.p[i] ?? 0)])),
  ...(a.e === undefined
    ? {}
    : { execution: Object.fromEntries(COLONNES_E.map((c, i) => [c, euros(a.e?.[i] ?? 0)])) }),
});

/** Addition décimale chiffre à chiffre de chaînes « 123.45 » (seconde méthode, sans nombre flottant). */
function additionDecimale(a: string, b: string): string {
  const chiffres = (x: string) => x.replace('.', '');
  const [x, y] = [chiffres(a), chiffres(b)];
  const n = Math.max(x.length, y.length);
  let resultat = '';
  let retenue = 0;
  for (let i = 1; i <= n; i++) {
    const s = Number(x[x.length - i] ?? 0) + Number(y[y.length - i] ?? 0) + retenue;
    resultat = String(s % 10) + resultat;
    retenue = Math.floor(s / 10);
  }
  if (retenue > 0) resultat = String(retenue) + resultat;
  resultat = resultat.padStart(3, '0');
  return `${resultat.slice(0, -2)}.${resultat.slice(-2)}`;
}
const decimal = (centimes: number) =>
  `${Math.trunc(centimes / 100)}.${String(centimes % 100).padStart(2, '0')}`;

describe('totaux : propriétés', () => {
  it('général = Σ des actions, colonne par colonne (sommes en BigInt)', () => {
    fc.assert(
      fc.property(actionsArb, (actions) => {
        const { totaux } = rapport(convention(actions.map(versTest)));
        COLONNES_P.forEach((colonne, i) => {
          const attendu = actions.reduce((s, a) => s + BigInt(a.p[i] ?? 0), 0n);
          expect(totaux.general.previsionnel[colonne]).toBe(Number(attendu) / 100);
        });
        COLONNES_E.forEach((colonne, i) => {
          const attendu = actions.reduce((s, a) => s + BigInt(a.e?.[i] ?? 0), 0n);
          expect(totaux.general.execution[colonne]).toBe(Number(attendu) / 100);
        });
      }),
    );
  });

  it('indépendants de l’ordre des actions', () => {
    fc.assert(
      fc.property(
        actionsArb.chain((a) =>
          fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length, maxLength: a.length })),
        ),
        ([actions, melangees]) => {
          const a = rapport(convention(actions.map(versTest))).totaux;
          const b = rapport(convention(melangees.map(versTest))).totaux;
          expect(b.general).toEqual(a.general);
          expect(b.socle).toEqual(a.socle);
          expect(b.initiatives).toEqual(a.initiatives);
          for (const code of Object.keys(a.mesures)) expect(b.mesures[code]).toEqual(a.mesures[code]);
          for (const numero of Object.keys(a.actions)) expect(b.actions[numero]).toEqual(a.actions[numero]);
        },
      ),
    );
  });

  it('F = A + B + C + D + E, recalculé par addition décimale chiffre à chiffre', () => {
    fc.assert(
      fc.property(fc.tuple(...COLONNES_P.map(() => centimesArb)), (p) => {
        const action = versTest({ numero: '1', mesure: 'mobilite', p, e: undefined });
        const { totaux } = rapport(convention([action]));
        // A, B, C, D, E : indices 0, 1, 2, 4, 5 (la valorisation, indice 3, est dans C)
        const attendu = [0, 1, 2, 4, 5].map((i) => decimal(p[i] ?? 0)).reduce(additionDecimale, '0.00');
        expect(totaux.actions['1']?.previsionnel.total).toBe(Number(attendu));
      }),
    );
  });

  it('additionDecimale (outil du test) : 999.99 + 0.01 = 1000.00', () => {
    expect(additionDecimale('999.99', '0.01')).toBe('1000.00');
    expect(additionDecimale('0.00', '0.05')).toBe('0.05');
  });
});
