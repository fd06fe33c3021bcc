import { describe, expect, test } from 'vitest';
import {
  CADRES,
  CODES_CADRE,
  PLAN_FINANCEMENT_FRANCE_TRAVAIL,
  REFERENTIELS_CHORUS,
  estActiviteChorus,
  formaterCodeChorus,
  trouverMesure,
} from '../src/index.ts';
import type { Cadre, ReferentielChorus } from '../src/index.ts';

const cadres = CODES_CADRE.map((code) => CADRES[code]);
const calpae = cadres.filter((cadre) => cadre.famille === 'calpae');
const referentielDe = (cadre: Cadre): ReferentielChorus => {
  if (cadre.referentielChorus === null) throw new Error(`${cadre.code} : pas de référentiel Chorus`);
  return REFERENTIELS_CHORUS[cadre.referentielChorus];
};

describe('cohérence entre les données d’un cadre', () => {
  test('les clés de CADRES sont les codes des cadres', () => {
    expect(Object.keys(CADRES).sort()).toEqual([...CODES_CADRE].sort());
    for (const code of CODES_CADRE) expect(CADRES[code].code).toBe(code);
  });

  test.each(cadres)('$code : codes de mesures uniques', (cadre) => {
    const codes = cadre.mesures.map((mesure) => mesure.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test.each(cadres)('$code : la mesure de chaque indicateur existe dans le cadre', (cadre) => {
    for (const indicateur of cadre.indicateurs) {
      if (indicateur.mesure !== undefined)
        expect(trouverMesure(cadre, indicateur.mesure), indicateur.code).toBeDefined();
    }
  });

  test.each(calpae)(
    '$code : le code Chorus de chaque mesure est une activité du référentiel de son texte',
    (cadre) => {
      const referentiel = referentielDe(cadre);
      for (const mesure of cadre.mesures) {
        const codes = [mesure.codeChorus, ...(mesure.codesChorusAdmis ?? [])];
        expect(mesure.codeChorus, mesure.code).toBeDefined();
        for (const code of codes)
          if (code !== undefined) expect(estActiviteChorus(code, referentiel), code).toBe(true);
      }
    },
  );

  test.each(calpae)('$code : les thèmes de l’annexe 9 portent le code Chorus de leur mesure', (cadre) => {
    const modeles = cadre.modelesFinanciers;
    if (modeles.famille !== 'calpae') throw new Error('modèle CALPAE attendu');
    const referentiel = referentielDe(cadre);
    for (const tableau of [modeles.previsionnel, modeles.execution]) {
      for (const theme of tableau.themes) {
        const mesure = trouverMesure(cadre, theme.mesure);
        expect(mesure, theme.mesure).toBeDefined();
        expect([mesure?.codeChorus, ...(mesure?.codesChorusAdmis ?? [])]).toContain(theme.codeChorus);
        expect(estActiviteChorus(theme.codeChorus, referentiel)).toBe(true);
        expect(theme.imputationChorus.startsWith(`${formaterCodeChorus(theme.codeChorus)} - `)).toBe(true);
        expect(theme.nature).toBe(mesure?.nature);
      }
      // Aucune mesure du cadre n'est écartée du tableau.
      expect(tableau.themes.map((theme) => theme.mesure).sort()).toEqual(
        cadre.mesures.map((m) => m.code).sort(),
      );
    }
  });

  test('France Travail : chaque type d’action figure au plan de financement de chacun de ses volets', () => {
    const cadre = CADRES['france-travail-2024'];
    for (const mesure of cadre.mesures) {
      for (const volet of mesure.volets ?? []) {
        const plan = PLAN_FINANCEMENT_FRANCE_TRAVAIL.find((modele) => modele.volet === volet);
        const mesures = plan?.lignes.flatMap((ligne) =>
          ligne.type === 'ligne' && ligne.mesure ? [ligne.mesure] : [],
        );
        expect(mesures, `${mesure.code} au volet ${volet}`).toContain(mesure.code);
      }
    }
  });

  test('France Travail : chaque ligne rattachée des modèles vise un type d’action de ce volet', () => {
    const cadre = CADRES['france-travail-2024'];
    const modeles = cadre.modelesFinanciers;
    if (modeles.famille !== 'france_travail') throw new Error('modèle France Travail attendu');
    for (const modele of [...modeles.planFinancement, ...modeles.bilanFinancier]) {
      for (const ligne of modele.lignes) {
        if (ligne.type !== 'ligne' || ligne.mesure === undefined) continue;
        expect(
          trouverMesure(cadre, ligne.mesure)?.volets,
          `${ligne.mesure} (volet ${modele.volet})`,
        ).toContain(modele.volet);
      }
    }
  });
});
