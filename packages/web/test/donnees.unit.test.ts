import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lignesEnCause } from '../src/donnees/envoi.ts';
import { ROUTES_DONNEES } from '../src/donnees/routes.ts';

describe('lignes en cause d’un refus de téléversement', () => {
  it('lit les détails de l’API (fichier, ligne, colonne, raison)', () => {
    expect(
      lignesEnCause({
        erreurs: [
          { fichier: 'situations_mensuelles.csv', ligne: 3, colonne: 'mois', raison: 'mois impossible' },
          { fichier: 'RSABEM.xml', ligne: 0, colonne: null, raison: 'valeur invalide' },
          { chemin: 'version', raison: 'requis' },
        ],
        nombre: 3,
      }),
    ).toEqual([
      { fichier: 'situations_mensuelles.csv', ligne: 3, colonne: 'mois', raison: 'mois impossible' },
      { fichier: 'RSABEM.xml', ligne: 0, colonne: null, raison: 'valeur invalide' },
    ]);
  });

  it('ne lève jamais, quels que soient les détails reçus', () => {
    fc.assert(
      fc.property(fc.anything(), (details) => {
        const lignes = lignesEnCause(details);
        for (const l of lignes) {
          expect(typeof l.fichier).toBe('string');
          expect(typeof l.raison).toBe('string');
        }
      }),
    );
  });

  it('les adresses encodent l’identifiant de la collectivité', () => {
    expect(ROUTES_DONNEES.profils('departement:2A')).toBe('/api/collectivites/departement%3A2A/profils');
    expect(ROUTES_DONNEES.explication(3, 7, 'orientes_1_mois')).toBe(
      '/api/conventions/3/donnees/imports/7/explications/orientes_1_mois',
    );
  });
});
