import { describe, expect, it } from 'vitest';
import { lireBlocColle } from '../src/grille/collage.ts';

describe('lireBlocColle — presse-papiers d’un tableur', () => {
  it('découpe lignes et tabulations, retire la fin de ligne finale ajoutée par Excel', () => {
    expect(lireBlocColle('1 234,56\t10\r\n2\t3\r\n')).toEqual([
      ['1 234,56', '10'],
      ['2', '3'],
    ]);
  });
  it('garde les cellules vides au milieu d’une ligne', () => {
    expect(lireBlocColle('1\t\t3\n')).toEqual([['1', '', '3']]);
  });
  it('lit une cellule entre guillemets contenant une fin de ligne', () => {
    expect(lireBlocColle('"ligne 1\nligne 2"\t5\n')).toEqual([['ligne 1\nligne 2', '5']]);
  });
  it('une seule valeur sans fin de ligne', () => {
    expect(lireBlocColle('42')).toEqual([['42']]);
  });
  it('rien à coller', () => {
    expect(lireBlocColle('')).toEqual([]);
    expect(lireBlocColle('\n\n')).toEqual([]);
  });
});
