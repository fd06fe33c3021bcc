import { describe, expect, it } from 'vitest';
import {
  appliquerRegles,
  DATE_MAJ_HORS_BORNES,
  DOUBLONS_FUSIONNES,
  fusionnerDoublons,
  NOM_POINT_FINAL,
  TOUS_PUBLICS_NON_EXCLUSIF,
  type ContexteRegles,
} from '../src/index.ts';

const defaut: ContexteRegles = { aujourdhui: '2025-06-30', mode: 'defaut' };
const valideur: ContexteRegles = { aujourdhui: '2025-06-30', mode: 'valideur' };

// derived · validateurs_hors_json_schema : une règle, un cas qui la déclenche, un qui ne la déclenche pas.
describe('NOM_POINT_FINAL (nom_valide)', () => {
  it('se déclenche sur un nom terminé par « . » : avertissement par défaut, erreur au valideur', () => {
    expect(NOM_POINT_FINAL.verifier({ nom: 'Atelier CV.' }, defaut, 'service')).toMatchObject([
      { code: 'NOM_POINT_FINAL', severite: 'avertissement', champ: 'nom' },
    ]);
    expect(NOM_POINT_FINAL.verifier({ nom: 'Atelier CV.' }, valideur, 'structure')[0]?.severite).toBe(
      'erreur',
    );
  });
  it('ne se déclenche pas sur « etc. » ni sans point final', () => {
    expect(NOM_POINT_FINAL.verifier({ nom: 'CV, lettre, etc.' }, valideur, 'service')).toEqual([]);
    expect(NOM_POINT_FINAL.verifier({ nom: 'Atelier CV' }, valideur, 'service')).toEqual([]);
  });
});

describe('DATE_MAJ_HORS_BORNES (date_maj_valide : 2000-01-01 ≤ date_maj ≤ aujourd’hui)', () => {
  it('se déclenche avant 2000 et dans le futur', () => {
    expect(DATE_MAJ_HORS_BORNES.verifier({ date_maj: '1999-12-31' }, defaut, 'service')).toMatchObject([
      { severite: 'erreur', champ: 'date_maj' },
    ]);
    expect(
      DATE_MAJ_HORS_BORNES.verifier({ date_maj: '2025-07-01' }, defaut, 'structure')[0]?.message,
    ).toContain('futur');
  });
  it('accepte les bornes elles-mêmes', () => {
    expect(DATE_MAJ_HORS_BORNES.verifier({ date_maj: '2000-01-01' }, defaut, 'service')).toEqual([]);
    expect(DATE_MAJ_HORS_BORNES.verifier({ date_maj: '2025-06-30' }, defaut, 'service')).toEqual([]);
  });
});

describe('TOUS_PUBLICS_NON_EXCLUSIF (services.py tous_publics)', () => {
  it('se déclenche si « tous-publics » côtoie un autre public', () => {
    expect(
      TOUS_PUBLICS_NON_EXCLUSIF.verifier({ publics: ['tous-publics', 'jeunes'] }, defaut, 'service'),
    ).toMatchObject([
      { severite: 'erreur', champ: 'publics', message: expect.stringContaining('jeunes') as unknown },
    ]);
  });
  it('ne se déclenche pas quand il est seul, ni sans lui', () => {
    expect(TOUS_PUBLICS_NON_EXCLUSIF.verifier({ publics: ['tous-publics'] }, defaut, 'service')).toEqual([]);
    expect(TOUS_PUBLICS_NON_EXCLUSIF.verifier({ publics: ['jeunes', 'femmes'] }, defaut, 'service')).toEqual(
      [],
    );
  });
  it('ne concerne pas les structures', () => {
    expect(appliquerRegles('structure', { publics: ['tous-publics', 'jeunes'] }, defaut)).toEqual([]);
  });
});

describe('DOUBLONS_FUSIONNES (champs de type set)', () => {
  it('signale et fusionne les doublons d’un champ ensemble', () => {
    const service = { thematiques: ['sante--addictions', 'sante--addictions'], publics: ['jeunes'] };
    expect(DOUBLONS_FUSIONNES.verifier(service, defaut, 'service')).toMatchObject([
      { severite: 'avertissement', champ: 'thematiques' },
    ]);
    expect(fusionnerDoublons(service, 'service').thematiques).toEqual(['sante--addictions']);
  });
  it('laisse zone_eligibilite (une liste, pas un ensemble) et les listes sans doublon', () => {
    const service = { zone_eligibilite: ['93', '93'], publics: ['jeunes', 'femmes'] };
    expect(DOUBLONS_FUSIONNES.verifier(service, defaut, 'service')).toEqual([]);
    expect(fusionnerDoublons(service, 'service').zone_eligibilite).toEqual(['93', '93']);
  });
  it('vérifie reseaux_porteurs pour une structure', () => {
    expect(
      DOUBLONS_FUSIONNES.verifier({ reseaux_porteurs: ['caf', 'caf'] }, defaut, 'structure'),
    ).toHaveLength(1);
  });
});
