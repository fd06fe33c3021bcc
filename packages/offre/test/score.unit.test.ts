import { describe, expect, it } from 'vitest';
import {
  arrondi2,
  criteresQualite,
  scoreQualite,
  scoreStructure,
  type Service,
  type Structure,
} from '../src/index.ts';

const base: Service = {
  source: 'cd-93',
  structure_id: 'cd-93--s',
  id: 'cd-93--x',
  nom: 'Service',
  description: 'x'.repeat(250),
  date_maj: '2025-06-01',
};

describe('arrondi2 = round(x, 2) de Python', () => {
  it.each([
    [0.125, 0.12], // égalité exacte → pair
    [0.375, 0.38],
    [0.625, 0.62],
    [0.875, 0.88],
    [0.145, 0.14], // 0,145 vaut 0,14499… en binaire
    [2 / 3, 0.67],
    [0.8181818181, 0.82],
    [1, 1],
  ])('%f → %f', (x, attendu) => expect(arrondi2(x)).toBe(attendu));
});

// Valeurs calculées à la main depuis derived · score_qualite_service.
describe('critères du score de qualité', () => {
  it('service minimal : critères non applicables à null', () => {
    expect(criteresQualite(base, '2025-06-30')).toEqual({
      adresse_bien_definie: null,
      modes_mobilisation_bien_definis: 0,
      au_moins_un_public: 0,
      au_moins_une_thematique: 0,
      au_moins_un_moyen_de_contact: 0,
      courriel_bien_defini: null,
      date_maj_recente: 1,
      frais_bien_definis: 0,
      description_bien_definie: 1,
      telephone_bien_defini: null,
    });
    // 7 critères applicables : (0+0+0+0+1+0+1)/7 = 0,2857… → 0,29
    expect(scoreQualite(base, '2025-06-30').score).toBe(0.29);
  });

  it('critères conditionnels : adresse, courriel, téléphone', () => {
    const c = criteresQualite(
      {
        ...base,
        modes_accueil: ['en-presentiel'],
        modes_mobilisation: ['envoyer-un-courriel', 'telephoner'],
        telephone: '0102030405',
      },
      '2025-06-30',
    );
    expect(c.adresse_bien_definie).toBe(0);
    expect(c.courriel_bien_defini).toBe(0);
    expect(c.telephone_bien_defini).toBe(1);
    expect(c.modes_mobilisation_bien_definis).toBe(0.5); // modes sans mobilisable_par
    expect(c.au_moins_un_moyen_de_contact).toBe(1);
    expect(
      criteresQualite({ ...base, modes_mobilisation: ['se-presenter'], adresse: '1 rue' }, '2025-06-30')
        .adresse_bien_definie,
    ).toBe(1);
  });

  it('frais : null 0, gratuit 1, payant 0,5 sans précision, 1 avec', () => {
    const f = (s: Partial<Service>): number | null =>
      criteresQualite({ ...base, ...s }, '2025-06-30').frais_bien_definis;
    expect(f({ frais: 'gratuit' })).toBe(1);
    expect(f({ frais: 'payant' })).toBe(0.5);
    expect(f({ frais: 'payant', frais_precisions: '10 €' })).toBe(1);
  });

  it.each([
    [49, 0],
    [50, 0.5],
    [199, 0.5],
    [200, 1],
    [1999, 1],
    [2000, 0.5],
  ])('description de %i caractères → %f', (n, attendu) => {
    expect(
      criteresQualite({ ...base, description: 'é'.repeat(n) }, '2025-06-30').description_bien_definie,
    ).toBe(attendu);
  });

  it('date_maj_recente : 1 jusqu’à 180 jours, linéaire jusqu’à 0 à 730 jours ; sans objet pour france-travail', () => {
    const d = (date_maj: string, source = 'cd-93'): number | null =>
      criteresQualite({ ...base, date_maj, source }, '2025-06-30').date_maj_recente;
    expect(d('2025-01-01')).toBe(1); // 180 jours
    expect(d('2024-12-31')).toBeCloseTo(549 / 550, 12); // 181 jours
    expect(d('2024-07-30')).toBeCloseTo(395 / 550, 12); // 335 jours
    expect(d('2024-04-01')).toBe(0.5); // 455 jours : (730 − 455) / 550
    expect(d('2023-06-30')).toBe(0); // 731 jours
    expect(d('2020-01-01', 'france-travail')).toBeNull();
  });

  it('score d’une structure : moyenne de ses services, 0 sans service', () => {
    const structure: Structure = {
      source: 'cd-93',
      id: 'cd-93--s',
      nom: 'Structure',
      date_maj: '2025-01-01',
    };
    expect(scoreStructure(structure, [], '2025-06-30')).toBe(0);
    const complet: Service = {
      ...base,
      id: 'cd-93--y',
      publics: ['jeunes'],
      thematiques: ['sante--addictions'],
      frais: 'gratuit',
      courriel: 'a@b.fr',
      modes_mobilisation: ['envoyer-un-courriel'],
      mobilisable_par: ['usagers'],
    };
    // complet : 8 critères applicables, tous à 1 → 1 ; base : 0,29 ; moyenne (0,29 + 1) / 2 = 0,645000000000000017… → 0,65
    expect(scoreQualite(complet, '2025-06-30').score).toBe(1);
    expect(scoreStructure(structure, [base, complet], '2025-06-30')).toBe(0.65);
  });
});
