import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controles, convention, type ActionTest } from './fabrique.ts';

const MESURES = [
  'insertion_orientation',
  'garantie_activite',
  'mobilite',
  'initiatives_departementales',
  'maraudes_mixtes',
];
const montant = fc.integer({ min: 0, max: 100_000_000 }).map((c) => c / 100);
const actionsArb = fc
  .array(fc.record({ mesure: fc.constantFrom(...MESURES), etat: montant, cd: montant }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((lignes) =>
    lignes.map((l, i): ActionTest => ({
      numero: `${i + 1}`,
      mesure: l.mesure,
      previsionnel: { etat: l.etat, cd: l.cd },
    })),
  );

const parite = (actions: ActionTest[]) => {
  const resultat = controles(convention(actions, { enveloppe_etat: 1e12 }));
  return {
    action: new Set(resultat.filter((c) => c.code === 'PARITE_ACTION').flatMap((c) => c.actions)),
    convention: resultat.some((c) => c.code === 'PARITE_CONVENTION'),
  };
};

describe('parité : propriété (001 · annexe 4)', () => {
  it('augmenter les crédits CD d’une action ne crée jamais de violation de parité', () => {
    fc.assert(
      fc.property(
        actionsArb,
        fc.nat(),
        fc.integer({ min: 1, max: 100_000_000 }),
        (actions, choix, hausse) => {
          const rang = choix % actions.length;
          const avant = parite(actions);
          const relevees = actions.map((a, i) =>
            i === rang
              ? {
                  ...a,
                  previsionnel: {
                    ...a.previsionnel,
                    cd: Math.round(Number(a.previsionnel?.cd) * 100 + hausse) / 100,
                  },
                }
              : a,
          );
          const apres = parite(relevees);
          for (const numero of apres.action) expect(avant.action.has(numero)).toBe(true);
          if (!avant.convention) expect(apres.convention).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
