import { describe, expect, it } from 'vitest';
import { analyserConvention, noteAnalyse, taux, type ConventionFinanciere } from '../src/index.ts';
import { convention } from './fabrique.ts';

/**
 * Convention de démonstration CALPAE 2022 (année civile), montants en euros. Valeurs attendues calculées à la
 * main : consommation = réalisé / F (001 · annexe 9 : F = A + B + C + D + E).
 *   1.1 insertion   F = 100 000 + 100 000          = 200 000 ; réalisé 150 000 → 75,0 %
 *   1.2 GA          F = 60 000 + 60 000            = 120 000 ; réalisé  40 000 → 33,3 %
 *   2.1 référents   F = 30 000 + 30 000            =  60 000 ; réalisé       0 →  0,0 % (sans dépense)
 *   3.1 initiative  F = 10 000 + 5 000 + 5 000     =  20 000 ; exécution non saisie → 0,0 %, parité rompue
 *   général         F = 400 000 ; réalisé 190 000 → 47,5 % ; socle 380 000 / 190 000 → 50,0 %
 * Reports État n-1 = 25 000 + 20 000 + 30 000 = 75 000 €.
 */
function conventionDemo(): ConventionFinanciere {
  const document = convention(
    [
      {
        numero: '1.1',
        mesure: 'insertion_orientation',
        previsionnel: { etat: 100_000, cd: 100_000 },
        execution: { realise: 150_000, a_reporter_etat: 25_000 },
      },
      {
        numero: '1.2',
        mesure: 'garantie_activite',
        previsionnel: { etat: 60_000, cd: 60_000 },
        execution: { realise: 40_000, a_reporter_etat: 20_000 },
      },
      {
        numero: '2.1',
        mesure: 'referents_parcours',
        previsionnel: { etat: 30_000, cd: 30_000 },
        execution: { realise: 0, a_reporter_etat: 30_000 },
      },
      {
        numero: '3.1',
        mesure: 'initiatives_departementales',
        previsionnel: { etat: 10_000, cd: 5_000, autres: 5_000 },
      },
    ],
    { cadre: 'calpae-2022', exercice: 2022, enveloppe_etat: 200_000 },
  );
  const analyse = analyserConvention(JSON.stringify(document));
  if (!analyse.ok) throw new Error(JSON.stringify(analyse.erreurs));
  return analyse.convention;
}

const pct = (ligne: { taux: { pourcentage: number } | undefined } | undefined) => ligne?.taux?.pourcentage;

describe("note d'analyse du commissaire : chiffres pré-remplis", () => {
  const note = noteAnalyse({
    convention: conventionDemo(),
    indicateurs: {
      nouveaux_entrants: 400,
      orientes_1_mois: 300,
      premiers_rdv: 200,
      premiers_rdv_2_semaines: 200,
      premiers_cer: 0,
      premiers_cer_2_mois: 0,
      ag_orientes: 80,
      ag_par_conseiller: 84,
      ag_delai_moyen_jours: 14,
    },
    creditsExerciceN: { enveloppe: 25_000_000, dureeMois: 12 },
  });

  it('consommation par action (réalisé / F)', () => {
    expect(
      note.consommation.actions.map((a) => [a.cle, a.total, a.realise, a.taux?.pourcentage, a.sansDepense]),
    ).toEqual([
      ['1.1', 20_000_000, 15_000_000, 75, false],
      ['1.2', 12_000_000, 4_000_000, 33.3, false],
      ['2.1', 6_000_000, 0, 0, true],
      ['3.1', 2_000_000, 0, 0, false],
    ]);
  });

  it('consommation par mesure, socle / initiatives et générale', () => {
    expect(note.consommation.mesures.map((m) => [m.cle, pct(m)])).toEqual([
      ['insertion_orientation', 75],
      ['garantie_activite', 33.3],
      ['referents_parcours', 0],
      ['initiatives_departementales', 0],
    ]);
    expect(note.consommation.mesures[0]?.libelle).not.toBe('insertion_orientation');
    expect(note.consommation.sousTotaux.map((s) => [s.cle, s.total, s.realise, pct(s)])).toEqual([
      ['socle', 38_000_000, 19_000_000, 50],
      ['initiatives', 2_000_000, 0, 0],
    ]);
    expect([
      note.consommation.generale.total,
      note.consommation.generale.realise,
      pct(note.consommation.generale),
    ]).toEqual([40_000_000, 19_000_000, 47.5]);
  });

  it('actions sans dépense, sans exécution, contrôles ouverts', () => {
    expect(note.actionsSansDepense.map((a) => a.cle)).toEqual(['2.1']);
    expect(note.actionsSansExecution).toEqual(['3.1']);
    // 3.1 : part CD 5 000 € < part État 10 000 € (001 · annexe 4, parité par action).
    const parite = note.controlesOuverts.find((c) => c.code === 'PARITE_ACTION');
    expect(parite).toMatchObject({ gravite: 'bloquant', actions: ['3.1'] });
  });

  it('crédits proposés pour n : enveloppe 250 000 € − reports 75 000 € = 175 000 € ; 2.1 à justifier', () => {
    expect(note.creditsProposes).toEqual({
      enveloppeProratisee: 25_000_000,
      reportsEtat: 7_500_000,
      nouveauxCredits: 17_500_000,
      reportsNonAbsorbes: 0,
      actionsSansDepense: ['2.1'],
    });
    // Convention n de 6 mois : 250 000 × 6 / 12 = 125 000 € ; 125 000 − 75 000 = 50 000 €.
    const six = noteAnalyse({
      convention: conventionDemo(),
      creditsExerciceN: { enveloppe: 25_000_000, dureeMois: 6 },
    });
    expect(six.creditsProposes?.nouveauxCredits).toBe(5_000_000);
    expect(noteAnalyse({ convention: conventionDemo() }).creditsProposes).toBeUndefined();
    expect(note.justification).toBe('');
  });

  it('indicateurs contre leur cible, avec le taux d’atteinte', () => {
    const ligne = (code: string) => note.indicateurs.find((i) => i.code === code);
    // 300 / 400 = 75,0 % des nouveaux entrants orientés en un mois ; cible 100 % → atteinte 75,0 %.
    expect(ligne('orientes_1_mois')).toMatchObject({ valeur: 300, mesure: 75, atteint: false });
    expect(ligne('orientes_1_mois')?.tauxAtteinte?.pourcentage).toBe(75);
    expect(ligne('premiers_rdv_2_semaines')).toMatchObject({ mesure: 100, atteint: true });
    expect(ligne('premiers_rdv_2_semaines')?.tauxAtteinte?.pourcentage).toBe(100);
    // Dénominateur nul : rien n'est inventé.
    expect(ligne('premiers_cer_2_mois')).toMatchObject({
      mesure: null,
      atteint: null,
      tauxAtteinte: undefined,
      explication: 'Dénominateur premiers_cer non renseigné ou nul.',
    });
    // « au moins 100 entrées » : 80 → 80,0 %.
    expect(ligne('ag_orientes')).toMatchObject({ mesure: 80, atteint: false });
    expect(ligne('ag_orientes')?.tauxAtteinte?.pourcentage).toBe(80);
    // « au plus 70 par binôme » : 84 → 70 / 84 = 83,3 %.
    expect(ligne('ag_par_conseiller')).toMatchObject({ atteint: false });
    expect(ligne('ag_par_conseiller')?.tauxAtteinte?.pourcentage).toBe(83.3);
    // « moins de 21 jours » : 14 → atteint, 21 / 14 = 150,0 %.
    expect(ligne('ag_delai_moyen_jours')).toMatchObject({ atteint: true });
    expect(ligne('ag_delai_moyen_jours')?.tauxAtteinte?.pourcentage).toBe(150);
    // Un indicateur du catalogue sans valeur ni cible n'apparaît pas ; avec cible mais sans valeur : « non renseignée ».
    expect(ligne('ga_en_cours')).toBeUndefined();
    expect(ligne('nouveaux_entrants')).toMatchObject({ valeur: 400, atteint: null });
  });
});

describe('taux', () => {
  it('arrondit au dixième, moitié vers le haut, exactement', () => {
    expect(taux(1, 3)?.pourcentage).toBe(33.3);
    expect(taux(2, 3)?.pourcentage).toBe(66.7);
    expect(taux(1, 8)?.pourcentage).toBe(12.5);
    expect(taux(1, 16)?.pourcentage).toBe(6.3); // 6,25 → 6,3
    expect(taux(1, 2000)?.pourcentage).toBe(0.1); // 0,05 → 0,1
    expect(taux(1, 2001)?.pourcentage).toBe(0);
    // Grands montants en centimes : pas de perte de précision (10^14 centimes).
    expect(taux(33_333_333_333_333, 100_000_000_000_000)?.pourcentage).toBe(33.3);
    expect(taux(5, 0)).toBeUndefined();
    expect(() => taux(-1, 3)).toThrow(/positifs/);
  });
});
