import { describe, expect, test } from 'vitest';
import {
  CADRES,
  COLLECTIVITES_PARTICULIERES,
  DEPARTEMENTS,
  REFERENTIELS_CHORUS,
  REGIONS,
  estActiviteChorus,
  trouverCollectiviteParticuliere,
  trouverDepartement,
  trouverRegion,
} from '../src/index.ts';

describe('territoires (COG INSEE via @etalab/decoupage-administratif, Licence Ouverte)', () => {
  test('101 départements : 96 en métropole (dont 2A et 2B), 5 en outre-mer', () => {
    expect(DEPARTEMENTS).toHaveLength(101);
    const codes = DEPARTEMENTS.map((d) => d.code);
    expect(new Set(codes).size).toBe(101);
    expect(codes).toEqual(
      expect.arrayContaining(['01', '2A', '2B', '95', '971', '972', '973', '974', '976']),
    );
    expect(codes).not.toContain('20');
    expect(codes).not.toContain('975');
    expect(DEPARTEMENTS.filter((d) => d.zone === 'metro')).toHaveLength(96);
    expect(DEPARTEMENTS.filter((d) => d.zone === 'drom').map((d) => d.code)).toEqual([
      '971',
      '972',
      '973',
      '974',
      '976',
    ]);
  });

  test('18 régions (13 + 5), et chaque département a sa région', () => {
    expect(REGIONS).toHaveLength(18);
    expect(REGIONS.filter((r) => r.zone === 'metro')).toHaveLength(13);
    for (const departement of DEPARTEMENTS)
      expect(trouverRegion(departement.codeRegion), departement.code).toBeDefined();
  });

  test('quelques valeurs relues dans le COG', () => {
    expect(trouverDepartement('2a')).toMatchObject({ nom: 'Corse-du-Sud', codeRegion: '94' });
    expect(trouverDepartement('44')).toMatchObject({ nom: 'Loire-Atlantique', codeRegion: '52' });
    expect(trouverDepartement('976')?.nom).toBe('Mayotte');
    expect(trouverRegion('84')?.nom).toBe('Auvergne-Rhône-Alpes');
    expect(trouverDepartement('99')).toBeUndefined();
  });

  test('collectivités nommées par 003 · III : Métropole de Lyon (69M), Corse, Alsace', () => {
    expect(trouverCollectiviteParticuliere('69m')).toMatchObject({
      nom: 'Métropole de Lyon',
      type: 'metropole',
    });
    for (const collectivite of COLLECTIVITES_PARTICULIERES) {
      expect(trouverRegion(collectivite.codeRegion), collectivite.code).toBeDefined();
      for (const code of collectivite.departements) {
        expect(trouverDepartement(code)?.codeRegion, code).toBe(collectivite.codeRegion);
      }
      expect(trouverDepartement(collectivite.code)).toBeUndefined();
    }
  });

  test('régions suspendues en 2023, métropoles prolongées (001 · II)', () => {
    const statut = (type: string) => CADRES['calpae-2023'].collectivites.find((o) => o.type === type)?.statut;
    expect(statut('region')).toBe('suspendue');
    expect(statut('metropole')).toBe('ouverte');
    expect(CADRES['calpae-2020'].collectivites.map((o) => o.type)).toEqual([
      'departement',
      'metropole',
      'region',
    ]);
    expect(CADRES['france-travail-2024'].collectivites.map((o) => o.type)).toEqual(['departement']);
  });

  test('codes Chorus des métropoles et des régions : activités du référentiel du cadre', () => {
    for (const cadre of Object.values(CADRES)) {
      for (const ouverture of cadre.collectivites) {
        if (ouverture.codeChorus === undefined) continue;
        const referentiel =
          cadre.referentielChorus === null ? undefined : REFERENTIELS_CHORUS[cadre.referentielChorus];
        expect(referentiel, cadre.code).toBeDefined();
        if (referentiel !== undefined)
          expect(estActiviteChorus(ouverture.codeChorus, referentiel)).toBe(true);
      }
    }
  });
});
