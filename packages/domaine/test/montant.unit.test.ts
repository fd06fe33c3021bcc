import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formaterEuros, lireMontant } from '../src/index.ts';

describe('lireMontant (spec § 1 : deux décimales au plus, jamais négatif)', () => {
  it.each([
    [0, 0],
    [100000, 10_000_000],
    [123.45, 12345],
    [0.1, 10],
    [0.07, 7],
    [1e5, 10_000_000],
    [2.5e3, 250_000],
    [1200000.5, 120_000_050],
    [-0, 0],
  ])('%s € = %s centimes', (euros, attendu) => {
    expect(lireMontant(euros)).toEqual({ ok: true, centimes: attendu });
  });

  it.each([
    [0.001, /deux décimales/],
    [1.005, /deux décimales/],
    [1.5e-7, /deux décimales/],
    [0.1 + 0.2, /deux décimales/], // 0.30000000000000004
    [-1, /négatif/],
    [-0.01, /négatif/],
    ['100', /texte/],
    [null, /null/],
    [true, /boolean/],
    [{}, /object/],
    [1e21, /hors limites/],
  ])('%s est refusé', (valeur, raison) => {
    const lecture = lireMontant(valeur);
    expect(lecture.ok).toBe(false);
    if (!lecture.ok) expect(lecture.raison).toMatch(raison);
  });

  it('un décimal écrit à deux chiffres au plus se lit exactement (seconde méthode : chaîne décimale)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000_000 }), (centimes) => {
        const texte = `${Math.trunc(centimes / 100)}.${String(centimes % 100).padStart(2, '0')}`;
        expect(lireMontant(JSON.parse(texte))).toEqual({ ok: true, centimes });
      }),
    );
  });

  it('trois décimales non nulles sont toujours refusées', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 9 }),
        (euros, milliemes) => {
          const texte = `${euros}.${String(Math.floor(milliemes / 10))}${milliemes % 10}${milliemes}`;
          expect(lireMontant(JSON.parse(texte)).ok).toBe(false);
        },
      ),
    );
  });
});

describe('formaterEuros', () => {
  it.each([
    [9_000_000, '90 000,00 €'],
    [0, '0,00 €'],
    [5, '0,05 €'],
    [123_456_789, '1 234 567,89 €'],
    [-1000, '-10,00 €'],
  ])('%s centimes → %s', (centimes, texte) => {
    expect(formaterEuros(centimes)).toBe(texte);
  });
});
