import { describe, expect, test } from 'vitest';
import { CADRES, CODES_CADRE, trouverIndicateur } from '../src/index.ts';

/** Codes du résultat du moteur, recopiés à la main de shared/specs/parcours-rsa-v1.md § 2. */
const CODES_SPEC = [
  'nouveaux_entrants',
  'nouveaux_entrants_orientes',
  'nouveaux_entrants_orientes_hors_france_travail',
  'orientes_1_mois',
  'orientes_15_jours',
  'premiers_rdv',
  'premiers_rdv_2_semaines',
  'premiers_cer',
  'premiers_cer_2_mois',
  'ga_orientes',
  'ga_en_cours',
  'ag_orientes',
  'ag_en_cours',
  'ag_par_conseiller',
  'ag_delai_moyen_jours',
];
const cadres = CODES_CADRE.map((code) => CADRES[code]);

describe('catalogue des indicateurs', () => {
  test.each(cadres)('$code : codes uniques en snake_case, source citée', (cadre) => {
    const codes = cadre.indicateurs.map((indicateur) => indicateur.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const indicateur of cadre.indicateurs) {
      expect(indicateur.code).toMatch(/^[a-z0-9]+(?:_[a-z0-9]+)*$/u);
      expect(indicateur.source).toMatch(/^00[0-4] · /u);
      expect(indicateur.libelle.trim()).not.toBe('');
      expect(indicateur.definition.length).toBeGreaterThan(20);
    }
  });

  test.each(cadres)('$code : calculable exactement pour les codes du moteur', (cadre) => {
    for (const indicateur of cadre.indicateurs) {
      expect(indicateur.calculable, indicateur.code).toBe(CODES_SPEC.includes(indicateur.code));
    }
  });

  test.each(cadres)('$code : l’indicateur du délai d’orientation de référence est au catalogue', (cadre) => {
    expect(trouverIndicateur(cadre, cadre.delaiOrientation.indicateur)?.calculable).toBe(true);
  });

  test('délai de référence : 1 mois en CALPAE, 15 jours (repli 1 mois) en France Travail', () => {
    for (const code of ['calpae-2020', 'calpae-2022', 'calpae-2023'] as const) {
      expect(CADRES[code].delaiOrientation).toMatchObject({
        indicateur: 'orientes_1_mois',
        delai: { mois: 1 },
      });
      expect(trouverIndicateur(CADRES[code], 'orientes_15_jours')).toBeUndefined();
    }
    expect(CADRES['france-travail-2024'].delaiOrientation).toMatchObject({
      indicateur: 'orientes_15_jours',
      delai: { jours: 15 },
      repli: { indicateur: 'orientes_1_mois', delai: { mois: 1 } },
    });
  });

  test('2022 et 2023 : tous les codes du moteur sauf celui des 15 jours ; deux optionnels', () => {
    for (const code of ['calpae-2022', 'calpae-2023'] as const) {
      const calculables = CADRES[code].indicateurs.filter((i) => i.calculable).map((i) => i.code);
      expect(calculables.sort()).toEqual(CODES_SPEC.filter((c) => c !== 'orientes_15_jours').sort());
      const optionnels = CADRES[code].indicateurs.filter((i) => !i.obligatoire).map((i) => i.code);
      expect(optionnels).toEqual([
        'nouveaux_entrants_orientes',
        'nouveaux_entrants_orientes_hors_france_travail',
      ]);
    }
  });

  test('matrice 2020 : les huit indicateurs d’insertion calculables qu’elle contient', () => {
    const calculables = CADRES['calpae-2020'].indicateurs.filter((i) => i.calculable).map((i) => i.code);
    expect(calculables).toEqual([
      'nouveaux_entrants',
      'orientes_1_mois',
      'premiers_rdv',
      'premiers_rdv_2_semaines',
      'premiers_cer',
      'premiers_cer_2_mois',
      'ag_par_conseiller',
      'ag_delai_moyen_jours',
    ]);
  });

  test('France Travail : deux indicateurs maintenus au volet 2, liste initiale au volet 3', () => {
    const ft = CADRES['france-travail-2024'].indicateurs;
    expect(ft.filter((i) => i.calculable).map((i) => [i.code, i.volet])).toEqual([
      ['nouveaux_entrants', 2],
      ['orientes_15_jours', 2],
    ]);
    expect(ft.filter((i) => i.volet === 3)).toHaveLength(12);
    for (const indicateur of ft) {
      expect(indicateur.volet, indicateur.code).toBeDefined();
      expect(indicateur.mesure, indicateur.code).toBeUndefined();
    }
  });

  test('cibles écrites dans les textes', () => {
    const c2023 = CADRES['calpae-2023'];
    expect(trouverIndicateur(c2023, 'orientes_1_mois')?.cible).toMatchObject({
      valeur: 100,
      unite: 'pourcentage',
    });
    expect(trouverIndicateur(c2023, 'ag_par_conseiller')?.cible).toMatchObject({
      valeur: 70,
      unite: 'personnes',
      comparaison: 'au_plus',
    });
    // « moins de 3 semaines » : 3 × 7 jours, strictement.
    expect(trouverIndicateur(c2023, 'ag_delai_moyen_jours')?.cible).toMatchObject({
      valeur: 3 * 7,
      unite: 'jours',
      comparaison: 'moins_de',
    });
    expect(trouverIndicateur(c2023, 'ag_orientes')?.cible).toMatchObject({
      valeur: 100,
      comparaison: 'au_moins',
    });
    expect(trouverIndicateur(CADRES['france-travail-2024'], 'orientes_15_jours')?.cible).toMatchObject({
      valeur: 100,
      texte: "Objectif = 100 % d'orientations notifiées en moins de 1 jour.",
    });
  });

  test('libellés relus dans les textes (guide 2022, tableau 2023)', () => {
    expect(trouverIndicateur(CADRES['calpae-2022'], 'premiers_cer')?.libelle).toBe(
      "Nombre total de 1ers contrats d'engagements réciproques",
    );
    expect(trouverIndicateur(CADRES['calpae-2023'], 'premiers_cer')?.libelle).toBe(
      "Nombre total de 1ers contacts d'engagements réciproques",
    );
    expect(trouverIndicateur(CADRES['calpae-2020'], 'orientes_1_mois')?.rubrique).toBe(
      '3.1.1. Instruire et orienter rapidement vers un organisme accompagnateur',
    );
  });

  test('flux et stock tels que le guide les qualifie (001 · annexe 6 § 1.2)', () => {
    const c = CADRES['calpae-2022'];
    expect(trouverIndicateur(c, 'ga_orientes')?.nature).toBe('flux');
    expect(trouverIndicateur(c, 'ga_en_cours')?.nature).toBe('stock');
    expect(trouverIndicateur(c, 'mobilite_mesures_prescrites')?.nature).toBe('flux');
    expect(trouverIndicateur(c, 'fts_personnes_formees_cnfpt')?.declinaisons).toHaveLength(6);
    expect(trouverIndicateur(c, 'ps_jeunes_touches')?.declinaisons).toHaveLength(3);
  });
});
