import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Collectivite } from '@jalon/schemas';
import { partVersApi } from '../src/cas/enveloppes-outre-mer.ts';
import type { CompteEnregistre } from '../src/depots/ports.ts';

/**
 * `partVersApi` : ce que la lecture montre d'une décision. Propriétés vérifiées par une seconde écriture du
 * calcul (sommes, différence bornée à 0), sur des montants tirés au hasard.
 */
const REUNION: Collectivite = {
  id: 'departement:974',
  type: 'departement',
  code: '974',
  nom: 'La Réunion',
  departement: '974',
  region: '04',
};
const compte = (role: CompteEnregistre['role'], region: string | null): CompteEnregistre => ({
  id: 1,
  identifiant: 'x',
  nom: 'x',
  role,
  hashMotDePasse: '',
  actif: true,
  collectiviteId: null,
  departement: null,
  region,
});

describe('partVersApi', () => {
  it('socles + initiatives = notifié ; conservé + versé = notifié ; versé courant = max(0, notifié − conservé)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 10 ** 12 }),
        (notifie, fSocle, fGardeS, fGardeI, courant) => {
          const socle = Math.floor(notifie * fSocle);
          const gardeS = Math.floor(socle * fGardeS);
          const gardeI = Math.floor((notifie - socle) * fGardeI);
          const api = partVersApi(
            compte('national', null),
            { collectivite: REUNION, montant: courant },
            {
              cadre: 'calpae-2023',
              exercice: 2023,
              collectiviteId: REUNION.id,
              montantNotifie: notifie,
              creditsSocle: socle,
              conserveSocle: gardeS,
              conserveInitiatives: gardeI,
              concertationLe: '2023-02-01',
              motif: 'm',
              modifieePar: 'national',
              modifieeLe: '2023-02-02T00:00:00.000Z',
            },
          );
          const d = api.decision;
          if (d === null) throw new Error('décision attendue');
          expect(d.credits_socle + d.credits_initiatives).toBe(notifie);
          expect(d.verse_socle + d.conserve_socle).toBe(d.credits_socle);
          expect(d.verse_initiatives + d.conserve_initiatives).toBe(d.credits_initiatives);
          expect(d.total_conserve + d.total_verse).toBe(notifie);
          expect(api.verse).toBe(courant > gardeS + gardeI ? courant - gardeS - gardeI : 0);
          expect(api.a_revoir.length).toBe(courant === notifie ? 0 : 1);
        },
      ),
    );
  });

  it('sans décision : tout le notifié est versé ; peut modifier = national ou commissaire de la région', () => {
    const lire = (c: CompteEnregistre) => partVersApi(c, { collectivite: REUNION, montant: 5 }, undefined);
    expect(lire(compte('national', null))).toMatchObject({ decision: null, verse: 5, peut_modifier: true });
    expect(lire(compte('commissaire', '04')).peut_modifier).toBe(true);
    expect(lire(compte('commissaire', '52')).peut_modifier).toBe(false);
    expect(lire(compte('ddets', null)).peut_modifier).toBe(false);
  });
});
