import { describe, expect, it } from 'vitest';
import { lireProjets } from '../src/pages/PageEnveloppesSimulation.tsx';

/** Lecture des projets régionaux saisis (montants en centimes, fautes en français). */
describe('lireProjets', () => {
  it('lit libellés et montants français, ignore les lignes vides', () => {
    expect(
      lireProjets([
        { libelle: ' Mobilité solidaire ', montant: '12 500,50' },
        { libelle: '', montant: '' },
        { libelle: 'Tiers-lieu', montant: '3000' },
      ]),
    ).toEqual({
      projets: [
        { libelle: 'Mobilité solidaire', montant: 1_250_050 },
        { libelle: 'Tiers-lieu', montant: 300_000 },
      ],
      erreurs: [],
    });
  });

  it('signale, par numéro de ligne, un libellé manquant et un montant illisible ou négatif', () => {
    const lus = lireProjets([
      { libelle: '', montant: '10' },
      { libelle: 'Projet', montant: 'dix euros' },
      { libelle: 'Autre', montant: '-5' },
    ]);
    expect(lus.projets).toEqual([]);
    expect(lus.erreurs).toHaveLength(3);
    expect(lus.erreurs[0]).toBe('Projet 1 : libellé obligatoire.');
    expect(lus.erreurs[1]).toMatch(/^Projet 2 : « dix euros » n'est pas un montant en euros/);
    expect(lus.erreurs[2]).toMatch(/^Projet 3 : montant négatif/);
  });
});
