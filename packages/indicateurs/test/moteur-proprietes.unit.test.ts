import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculerIndicateurs,
  DISPOSITIFS,
  ETATS_DROIT,
  jourDepuis,
  moisAbsolu,
  ORGANISMES,
  STATUTS_RDV,
  TYPES_EVENEMENT,
  type DossierPersonne,
  type Evenement,
  type ParametresCalcul,
} from '../src/moteur/index.ts';

/** Propriétés du moteur sur des dossiers aléatoires (fast-check). */
const PREMIER_MOIS = moisAbsolu(2021, 1);
const DERNIER_MOIS = moisAbsolu(2023, 6);
const PREMIER_JOUR = jourDepuis(2020, 12, 1);
const DERNIER_JOUR = jourDepuis(2023, 8, 31);
const FIN_2022 = jourDepuis(2022, 12, 31);
const PARAMETRES: ParametresCalcul = {
  annee: 2022,
  cadre: 'calpae-2023',
  fenetre: { premierMois: PREMIER_MOIS, dernierMois: DERNIER_MOIS },
};

const situationArb = fc.record({
  present: fc.boolean(),
  droitVersable: fc.boolean(),
  soumisDroitsDevoirs: fc.boolean(),
  etatDroit: fc.constantFrom(...ETATS_DROIT),
});

const evenementArb: fc.Arbitrary<Evenement> = fc.record(
  {
    type: fc.constantFrom(...TYPES_EVENEMENT),
    jour: fc.integer({ min: PREMIER_JOUR, max: DERNIER_JOUR }),
    organisme: fc.constantFrom(...ORGANISMES),
    dispositif: fc.constantFrom(...DISPOSITIFS),
    statut: fc.constantFrom(...STATUTS_RDV),
    conseiller: fc.constantFrom('c1', 'c2', 'c3'),
  },
  { requiredKeys: ['type', 'jour'] },
);

const dossierArb = (id: string): fc.Arbitrary<DossierPersonne> =>
  fc
    .record({
      mois: fc.array(situationArb, {
        minLength: DERNIER_MOIS - PREMIER_MOIS + 1,
        maxLength: DERNIER_MOIS - PREMIER_MOIS + 1,
      }),
      evenements: fc.array(evenementArb, { maxLength: 12 }),
    })
    .map(({ mois, evenements }) => ({
      id,
      situations: mois.flatMap((s, i) =>
        s.present
          ? [
              {
                mois: PREMIER_MOIS + i,
                droitVersable: s.droitVersable,
                soumisDroitsDevoirs: s.soumisDroitsDevoirs,
                etatDroit: s.etatDroit,
              },
            ]
          : [],
      ),
      evenements: [...evenements].sort((a, b) => a.jour - b.jour),
    }));

const populationArb = fc
  .integer({ min: 0, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => dossierArb(`p${i}`))));

const calculer = (personnes: readonly DossierPersonne[]) =>
  calculerIndicateurs(personnes, PARAMETRES).indicateurs;

/** Comptes bornés par la période : ni T0 ni orientation non bornés n'y interviennent (INT-IND-6). */
const BORNES_PAR_P = [
  'nouveaux_entrants',
  'nouveaux_entrants_orientes',
  'nouveaux_entrants_orientes_hors_france_travail',
  'premiers_rdv',
  'premiers_rdv_2_semaines',
  'premiers_cer',
  'ga_orientes',
  'ga_en_cours',
  'ag_orientes',
  'ag_en_cours',
  'ag_par_conseiller',
  'ag_delai_moyen_jours',
] as const;

describe('propriétés du moteur', () => {
  it("l'ordre des personnes ne change aucun résultat", () => {
    fc.assert(
      fc.property(populationArb, (personnes) => {
        const melange = [...personnes].reverse();
        expect(calculer(melange)).toEqual(calculer(personnes));
      }),
      { numRuns: 150 },
    );
  });

  it('des événements et des mois postérieurs à P ne changent pas les comptes bornés par P', () => {
    fc.assert(
      fc.property(populationArb, (personnes) => {
        const tronque = personnes.map((p) => ({
          ...p,
          situations: p.situations.filter((s) => s.mois <= moisAbsolu(2022, 12)),
          evenements: p.evenements.filter((e) => e.jour <= FIN_2022),
        }));
        const complet = calculer(personnes);
        const reduit = calculer(tronque);
        for (const code of BORNES_PAR_P) expect([code, complet[code]]).toEqual([code, reduit[code]]);
      }),
      { numRuns: 150 },
    );
  });

  it('les comptes sont emboîtés comme le disent les définitions', () => {
    fc.assert(
      fc.property(populationArb, (personnes) => {
        const r = calculer(personnes);
        const n = (v: number | null) => v ?? 0;
        expect(n(r.premiers_rdv_2_semaines)).toBeLessThanOrEqual(n(r.premiers_rdv));
        expect(n(r.premiers_rdv)).toBeLessThanOrEqual(n(r.nouveaux_entrants_orientes_hors_france_travail));
        expect(n(r.premiers_cer_2_mois)).toBeLessThanOrEqual(n(r.premiers_cer));
        expect(n(r.premiers_cer)).toBeLessThanOrEqual(n(r.nouveaux_entrants_orientes_hors_france_travail));
        expect(n(r.nouveaux_entrants_orientes_hors_france_travail)).toBeLessThanOrEqual(
          n(r.nouveaux_entrants_orientes),
        );
        expect(n(r.nouveaux_entrants_orientes)).toBeLessThanOrEqual(n(r.nouveaux_entrants));
        expect(n(r.orientes_15_jours)).toBeLessThanOrEqual(n(r.orientes_1_mois));
        expect(n(r.orientes_1_mois)).toBeLessThanOrEqual(n(r.nouveaux_entrants));
        expect(n(r.ga_orientes)).toBeLessThanOrEqual(n(r.nouveaux_entrants));
      }),
      { numRuns: 150 },
    );
  });

  it('les comptes de personnes sont additifs sur deux populations disjointes', () => {
    fc.assert(
      fc.property(populationArb, populationArb, (a, b) => {
        const bRenomme = b.map((p) => ({ ...p, id: `b-${p.id}` }));
        const ra = calculer(a);
        const rb = calculer(bRenomme);
        const rab = calculer([...a, ...bRenomme]);
        for (const code of [
          'nouveaux_entrants',
          'orientes_1_mois',
          'premiers_cer_2_mois',
          'ga_en_cours',
          'ag_orientes',
        ] as const) {
          expect(rab[code]).toBe((ra[code] ?? 0) + (rb[code] ?? 0));
        }
      }),
      { numRuns: 100 },
    );
  });
});
