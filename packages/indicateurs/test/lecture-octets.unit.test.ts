import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecoupeurCsv, type Enregistrement } from '../src/lecture/csv.ts';
import { jourCivil, lireBooleenOctets, lireDateOctets, lireMoisOctets } from '../src/lecture/octets.ts';

const b = (t: string): Buffer => Buffer.from(t, 'latin1');
const mois = (t: string): number => lireMoisOctets(b(t), 0, t.length);
const date = (t: string): number => lireDateOctets(b(t), 0, t.length);
const booleen = (t: string): number => lireBooleenOctets(b(t), 0, t.length);

describe('valeurs lues dans les octets', () => {
  it('mois AAAA-MM et MM/AAAA ; impossibles refusés', () => {
    expect(mois('2022-03')).toBe(2022 * 12 + 2);
    expect(mois('03/2022')).toBe(2022 * 12 + 2);
    expect(mois('3/2022')).toBe(2022 * 12 + 2);
    for (const t of ['2022-13', '2022-00', '13/2022', '2022', '22-03', '2022-03-01', 'mars 2022', '2022/03'])
      expect(mois(t)).toBe(-1);
  });

  it('dates AAAA-MM-JJ et JJ/MM/AAAA ; 30/02 et 29/02 d’une année non bissextile refusés', () => {
    expect(date('2022-03-01')).toBe(Date.UTC(2022, 2, 1) / 86_400_000);
    expect(date('01/03/2022')).toBe(Date.UTC(2022, 2, 1) / 86_400_000);
    expect(date('29/02/2024')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    for (const t of [
      '30/02/2022',
      '29/02/2023',
      '2022-02-29',
      '31/04/2022',
      '2022-13-01',
      '00/01/2022',
      '2022-03',
      '1/3/22',
      '2022-03-01T00:00',
    ])
      expect(Number.isNaN(date(t))).toBe(true);
  });

  it('jourCivil coïncide avec Date.UTC (seconde méthode) sur 1900–2100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (a, m, j) => {
          expect(jourCivil(a, m, j)).toBe(Date.UTC(a, m - 1, j) / 86_400_000);
        },
      ),
    );
  });

  it('booléens : toutes les écritures admises, casse indifférente', () => {
    for (const t of ['oui', 'OUI', 'o', 'O', '1', 'vrai', 'Vrai', 'true', 'TRUE']) expect(booleen(t)).toBe(1);
    for (const t of ['non', 'Non', 'n', 'N', '0', 'faux', 'FAUX', 'false', 'False'])
      expect(booleen(t)).toBe(0);
    for (const t of ['', 'yes', 'no', 'x', '2', 'ouii', 'vrais']) expect(booleen(t)).toBe(-1);
  });
});

function decouper(morceaux: Buffer[], sep = ';'): { ligne: number; champs: string[] }[] {
  const res: { ligne: number; champs: string[] }[] = [];
  const d = new DecoupeurCsv(sep.charCodeAt(0), (e: Enregistrement) => {
    const champs: string[] = [];
    for (let k = 0; k < e.nombre; k++) champs.push(e.source(k).toString('utf8', e.debuts[k], e.fins[k]));
    res.push({ ligne: e.ligne, champs });
  });
  for (const m of morceaux) d.pousser(m);
  d.terminer();
  return res;
}

describe('découpage CSV', () => {
  const texte = 'a;b;c\r\n"x;1";"dit ""oui""";"sur\ndeux"\n\n  \nfin;;\n"sans fin de ligne";2;3';
  const attendu = [
    { ligne: 1, champs: ['a', 'b', 'c'] },
    { ligne: 2, champs: ['x;1', 'dit "oui"', 'sur\ndeux'] },
    { ligne: 6, champs: ['fin', '', ''] },
    { ligne: 7, champs: ['sans fin de ligne', '2', '3'] },
  ];

  it('RFC 4180, lignes blanches sautées, numéros de ligne physiques', () => {
    expect(decouper([Buffer.from(texte)])).toEqual(attendu);
  });

  it('même résultat quel que soit le découpage en morceaux du flux', () => {
    const octets = Buffer.from(texte);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: octets.length - 1 }), { maxLength: 8 }),
        (coupes) => {
          const bornes = [0, ...[...coupes].sort((x, y) => x - y), octets.length];
          const morceaux = bornes.slice(1).map((f, i) => octets.subarray(bornes[i], f));
          expect(decouper(morceaux)).toEqual(attendu);
        },
      ),
    );
  });

  it('signale un guillemet jamais fermé', () => {
    const res: boolean[] = [];
    const d = new DecoupeurCsv(0x3b, (e) => void res.push(e.guillemetNonFerme));
    d.pousser(Buffer.from('a;b\n"ouvert;c\n'));
    d.terminer();
    expect(res).toEqual([false, true]);
  });
});
