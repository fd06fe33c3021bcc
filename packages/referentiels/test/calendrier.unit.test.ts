import { describe, expect, test } from 'vitest';
import { CADRES, CODES_CADRE, REGIMES, dateDeReference, echeances } from '../src/index.ts';
import type { CodeEcheance, Echeance, Regime } from '../src/index.ts';
import type { CodeCadre } from '../src/index.ts';

const trouver = (cadre: CodeCadre, regime: Regime, code: CodeEcheance): Echeance[] =>
  echeances(CADRES[cadre], regime).filter((echeance) => echeance.code === code);
const date = (cadre: CodeCadre, regime: Regime, code: CodeEcheance): string[] =>
  trouver(cadre, regime, code).map((e) => (e.nature === 'date_limite' ? e.date : `${e.debut}/${e.fin}`));

/** Date ISO réelle (refuse le 30 février) : vérifiée par aller-retour dans Date. */
const dateValide = (iso: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/u.test(iso) && new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;

describe('synthèse du calendrier de 001 · annexe 4', () => {
  test('rapport d’exécution 2022 : 31/03/2023 (civil) contre 01/07/2023 (glissant)', () => {
    expect(date('calpae-2022', 'civil', 'remise_rapport_execution')).toEqual(['2023-03-31']);
    expect(date('calpae-2022', 'glissant', 'remise_rapport_execution')).toEqual(['2023-07-01']);
  });
  test('note d’analyse des commissaires : 05/05/2023 contre 20/06/2023', () => {
    expect(date('calpae-2023', 'civil', 'note_analyse_commissaire')).toEqual(['2023-05-05']);
    expect(date('calpae-2023', 'glissant', 'note_analyse_commissaire')).toEqual(['2023-06-20']);
  });
  test('adoption de la convention 2023 : 30/06/2023 contre 01/09/2023', () => {
    expect(date('calpae-2023', 'civil', 'adoption_convention')).toEqual(['2023-06-30']);
    expect(date('calpae-2023', 'glissant', 'adoption_convention')).toEqual(['2023-09-01']);
  });
  test('période d’exercice 2023 et 2022', () => {
    expect(date('calpae-2023', 'civil', 'periode_exercice')).toEqual(['2023-01-01/2023-12-31']);
    expect(date('calpae-2023', 'glissant', 'periode_exercice')).toEqual(['2023-07-01/2023-12-31']);
    expect(date('calpae-2022', 'glissant', 'periode_exercice')).toEqual(['2022-07-01/2023-06-30']);
  });
  test('reporting : 1er-20 mars 2023 pour 2022, mars 2024 pour 2023, même date pour les deux régimes', () => {
    for (const regime of REGIMES) {
      expect(date('calpae-2022', regime, 'reporting_indicateurs')).toEqual(['2023-03-01/2023-03-20']);
      expect(date('calpae-2023', regime, 'reporting_indicateurs')).toEqual(['2024-03-01/2024-03-31']);
      expect(date('calpae-2023', regime, 'bilan_partage')).toEqual(['2023-01-01/2023-03-31']);
    }
  });
  test('avenant au lieu d’une convention : année glissante seulement', () => {
    expect(date('calpae-2023', 'glissant', 'signature_avenant')).toEqual(['2023-06-30']);
    expect(date('calpae-2023', 'civil', 'signature_avenant')).toEqual([]);
  });
});

describe('autres cadres', () => {
  test('2020 : rapport 2019 au 31 mars 2020, avenant au 30 juin 2020 (000 · annexe 5)', () => {
    expect(
      trouver('calpae-2020', 'civil', 'remise_rapport_execution').map((e) => [
        e.exercice,
        dateDeReference(e),
      ]),
    ).toEqual([
      [2019, '2020-03-31'],
      [2020, '2021-03-31'],
      [2021, '2022-03-31'],
    ]);
    expect(date('calpae-2020', 'civil', 'adoption_convention')).toEqual(['2020-06-30']);
  });

  test('France Travail : bilan final trois mois après la fin de la convention (003 · annexe 7 art. 3.2)', () => {
    const [periode] = trouver('france-travail-2024', 'civil', 'periode_exercice');
    expect(periode?.nature === 'periode' ? [periode.debut, periode.fin] : []).toEqual([
      '2024-01-01',
      '2024-12-31',
    ]);
    // Seconde méthode : lendemain de la fin + 3 mois − 1 jour.
    const fin = new Date('2024-12-31T00:00:00Z');
    const lendemain = new Date(fin.getTime() + 86_400_000);
    const limite = new Date(
      Date.UTC(lendemain.getUTCFullYear(), lendemain.getUTCMonth() + 3, lendemain.getUTCDate()) - 86_400_000,
    );
    expect(date('france-travail-2024', 'civil', 'bilan_final')).toEqual([limite.toISOString().slice(0, 10)]);
    expect(date('france-travail-2024', 'civil', 'finalisation_convention')).toEqual(['2024-01-31']);
    expect(date('france-travail-2024', 'civil', 'adoption_convention')).toEqual(['2024-03-31']);
  });

  test('un régime inconnu du cadre est refusé en français', () => {
    expect(() => echeances(CADRES['calpae-2020'], 'glissant')).toThrow(
      'Le cadre calpae-2020 ne connaît pas le régime « glissant » (régimes admis : civil).',
    );
    expect(() => echeances(CADRES['france-travail-2024'], 'glissant')).toThrow(/régime « glissant »/u);
  });
});

describe('cohérence des calendriers', () => {
  const paires = CODES_CADRE.flatMap((code) => CADRES[code].regimes.map((regime) => [code, regime] as const));

  test.each(paires)('%s (%s) : ordre chronologique, dates réelles, périodes bien bornées', (code, regime) => {
    const liste = echeances(CADRES[code], regime);
    expect(liste.length).toBeGreaterThan(0);
    const references = liste.map(dateDeReference);
    expect(references).toEqual([...references].sort());
    for (const echeance of liste) {
      if (echeance.nature === 'periode') {
        expect(dateValide(echeance.debut) && dateValide(echeance.fin), echeance.libelle).toBe(true);
        expect(echeance.debut <= echeance.fin, echeance.libelle).toBe(true);
      } else {
        expect(dateValide(echeance.date), echeance.libelle).toBe(true);
      }
    }
  });

  test.each(paires)('%s (%s) : une échéance par code et par exercice', (code, regime) => {
    const cles = echeances(CADRES[code], regime).map((e) => `${e.code}/${e.exercice}`);
    expect(new Set(cles).size).toBe(cles.length);
  });

  test.each(CODES_CADRE)('%s : exercices et régimes des échéances connus du cadre, source citée', (code) => {
    const cadre = CADRES[code];
    for (const echeance of cadre.echeances) {
      expect(cadre.exercices).toContain(echeance.exercice);
      for (const regime of echeance.regimes) expect(cadre.regimes).toContain(regime);
      expect(echeance.source).toMatch(/^00[0-4]/u);
    }
  });
});
