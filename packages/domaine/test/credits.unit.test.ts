import { describe, expect, it } from 'vitest';
import {
  creditsExerciceSuivant,
  forfaitJourneesEnfanceEgalite,
  retenueRegionale,
  reversementCalpae2023,
  versementsFranceTravail,
} from '../src/index.ts';

const execution = (realise: number, a_reporter_etat: number) => ({
  realise,
  valorisation_cd: 0,
  a_reporter_etat,
  a_reporter_cd: 0,
});

describe('creditsExerciceSuivant (001 · annexe 4)', () => {
  it('12 mois : enveloppe − Σ reports État de n-1 ; actions sans dépense listées', () => {
    const resultat = creditsExerciceSuivant({
      enveloppe: 120_000_000, // 1 200 000 €
      dureeMois: 12,
      actionsPrecedentes: [
        { numero: '4.1', execution: execution(18_000_000, 500_000) }, // report 5 000 €
        { numero: '4.2', execution: execution(0, 1_000_000) }, // sans dépense, report 10 000 €
        { numero: '4.3', execution: undefined },
      ],
    });
    // 1 200 000 − 15 000 = 1 185 000 €
    expect(resultat).toEqual({
      enveloppeProratisee: 120_000_000,
      reportsEtat: 1_500_000,
      nouveauxCredits: 118_500_000,
      reportsNonAbsorbes: 0,
      actionsSansDepense: ['4.2'],
    });
  });
  it('6 mois : moitié de l’enveloppe, au centime inférieur', () => {
    const resultat = creditsExerciceSuivant({ enveloppe: 100_001, dureeMois: 6, actionsPrecedentes: [] });
    expect(resultat.enveloppeProratisee).toBe(50_000); // 1 000,01 € / 2 = 500,005 → 500,00 €
  });
  it('reports supérieurs à l’enveloppe : jamais de crédits négatifs', () => {
    const resultat = creditsExerciceSuivant({
      enveloppe: 1000,
      dureeMois: 12,
      actionsPrecedentes: [{ numero: '1', execution: execution(1, 1500) }],
    });
    expect(resultat.nouveauxCredits).toBe(0);
    expect(resultat.reportsNonAbsorbes).toBe(500);
  });
});

describe('retenueRegionale (001 · annexe 4 : au moins 80 % des réfactions restent en région)', () => {
  it('80 % exacts', () => {
    expect(retenueRegionale(100_000_00)).toEqual({
      refactions: 100_000_00,
      minimumMaintenuEnRegion: 80_000_00,
      maximumHorsRegion: 20_000_00,
    });
  });
  it('arrondi au centime supérieur en faveur de la région : 0,01 € → 0,01 € ; 0,03 € → 0,03 € ; 0,06 € → 0,05 €', () => {
    expect(retenueRegionale(1).minimumMaintenuEnRegion).toBe(1); // 0,8 centime → 1
    expect(retenueRegionale(3).minimumMaintenuEnRegion).toBe(3); // 2,4 → 3
    expect(retenueRegionale(6).minimumMaintenuEnRegion).toBe(5); // 4,8 → 5
  });
  it('refuse un montant négatif ou non entier', () => {
    expect(() => retenueRegionale(-1)).toThrow(RangeError);
    expect(() => retenueRegionale(1.5)).toThrow(RangeError);
  });
});

describe('versementsFranceTravail (003 · annexe 7 art. 6 et 8)', () => {
  it('avance de 60 % à la signature : 100 000 € → 60 000 € + solde 40 000 €', () => {
    expect(versementsFranceTravail({ montantAlloue: 10_000_000 })).toEqual({
      avance: 6_000_000,
      solde: 4_000_000,
      du: undefined,
      resteAVerser: undefined,
      tropPercu: undefined,
    });
  });
  it('avance arrondie au centime inférieur, avance + solde = montant alloué : 0,05 € → 0,03 € + 0,02 €', () => {
    expect(versementsFranceTravail({ montantAlloue: 5 })).toMatchObject({ avance: 3, solde: 2 });
    expect(versementsFranceTravail({ montantAlloue: 7 })).toMatchObject({ avance: 4, solde: 3 }); // 4,2 → 4
  });
  it('bilan final : dépenses 50 000 € après une avance de 60 000 € → trop-perçu 10 000 €', () => {
    expect(
      versementsFranceTravail({ montantAlloue: 10_000_000, depensesEligiblesRealisees: 5_000_000 }),
    ).toMatchObject({
      du: 5_000_000,
      resteAVerser: 0,
      tropPercu: 1_000_000,
    });
  });
  it('dépenses au-delà du montant alloué : dû plafonné au montant alloué (art. 8)', () => {
    expect(
      versementsFranceTravail({ montantAlloue: 10_000_000, depensesEligiblesRealisees: 12_000_000 }),
    ).toMatchObject({
      du: 10_000_000,
      resteAVerser: 4_000_000,
      tropPercu: 0,
    });
    expect(
      versementsFranceTravail({
        montantAlloue: 10_000_000,
        depensesEligiblesRealisees: 9_000_000,
        verse: 10_000_000,
      }),
    ).toMatchObject({ tropPercu: 1_000_000, resteAVerser: 0 });
  });
});

describe('reversementCalpae2023 (001 · annexe 7 art. 5)', () => {
  it('versé − dépenses part État, quand positif', () => {
    expect(reversementCalpae2023({ verseEtat: 10_000_000, depensesRealiseesPartEtat: 9_500_000 })).toBe(
      500_000,
    );
    expect(reversementCalpae2023({ verseEtat: 10_000_000, depensesRealiseesPartEtat: 10_000_000 })).toBe(0);
    expect(reversementCalpae2023({ verseEtat: 10_000_000, depensesRealiseesPartEtat: 11_000_000 })).toBe(0);
  });
});

describe('forfaitJourneesEnfanceEgalite (000 · annexe 3 : 1 500 € par journée et par groupe de 15 professionnels)', () => {
  it.each([
    [0, 0, 0],
    [1, 1, 150_000],
    [15, 1, 150_000],
    [16, 2, 300_000],
    [30, 2, 300_000],
    [31, 3, 450_000],
    [150, 10, 1_500_000],
  ])('%s professionnels → %s journée(s), %s centimes', (professionnels, journees, montant) => {
    expect(forfaitJourneesEnfanceEgalite(professionnels)).toEqual({ journees, montant });
  });
  it('refuse un nombre négatif ou non entier', () => {
    expect(() => forfaitJourneesEnfanceEgalite(-1)).toThrow(RangeError);
    expect(() => forfaitJourneesEnfanceEgalite(2.5)).toThrow(RangeError);
  });
});
