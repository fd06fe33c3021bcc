import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { afficherMontant, lireSaisieMontant, texteEdition } from '../src/grille/nombres.ts';

const centimes = (texte: string): number | string => {
  const lecture = lireSaisieMontant(texte);
  return lecture.ok ? lecture.centimes : `refus : ${lecture.raison}`;
};

describe('lireSaisieMontant — formats copiés d’un tableur (INT-WEB-1)', () => {
  it.each([
    ['1 234,56', 123456],
    ['1234.56', 123456],
    ['1 234,56 €', 123456],
    ['1\u00a0234,56\u00a0€', 123456],
    ['1\u202f234,56', 123456],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1.234.567', 123456700],
    ['100000', 10000000],
    ['0,5', 50],
    ['.5', 50],
    ['12,', 1200],
    ['  42  ', 4200],
    ['', 0],
    ['+7', 700],
    ['3 EUR', 300],
  ])('« %s » → %i centimes', (texte, attendu) => {
    expect(centimes(texte)).toBe(attendu);
  });

  it.each([
    ['-5', 'négatif'],
    ['(5)', 'négatif'],
    ['abc', "n'est pas un montant"],
    ['1,234', 'plus de deux décimales'],
    ['1.234', 'plus de deux décimales'],
    ['1,5,6', 'milliers mal placés'],
    ['12.34.5', 'milliers mal placés'],
    ['1.23,4.5', 'plusieurs séparateurs décimaux'],
    ['10.000,5,6', 'plusieurs séparateurs décimaux'],
    ['2000000000000', '1 000 milliards'],
  ])('refuse « %s » (%s)', (texte, raison) => {
    const lecture = lireSaisieMontant(texte);
    expect(lecture.ok).toBe(false);
    if (!lecture.ok) expect(lecture.raison).toContain(raison);
  });

  it('relit exactement ce qu’elle affiche et ce qu’elle propose à l’édition (propriété)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000_000 }), (montant) => {
        expect(centimes(afficherMontant(montant))).toBe(montant);
        expect(centimes(texteEdition(montant))).toBe(montant);
        // Seconde méthode, indépendante : écriture anglaise à partir de la division entière.
        const anglais = `${Math.floor(montant / 100)}.${String(montant % 100).padStart(2, '0')}`;
        expect(centimes(anglais)).toBe(montant);
      }),
    );
  });

  it('affiche à la française avec espaces insécables', () => {
    expect(afficherMontant(123456789)).toBe('1\u00a0234\u00a0567,89');
    expect(afficherMontant(5)).toBe('0,05');
    expect(texteEdition(1000000)).toBe('10000');
    expect(texteEdition(123450)).toBe('1234,50');
  });
});
