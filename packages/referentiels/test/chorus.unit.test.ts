import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  REFERENTIELS_CHORUS,
  REFERENTIEL_CHORUS_000,
  REFERENTIEL_CHORUS_001,
  chaineParentsChorus,
  estActiviteChorus,
  formaterCodeChorus,
  libelleChorus,
  lireCodeChorus,
  normaliserCodeChorus,
  trouverElementChorus,
} from '../src/index.ts';
import { construireElementsChorus } from '../src/chorus/construire.ts';

const referentiels = Object.values(REFERENTIELS_CHORUS);

/** Codes ACT de la table des mesures de la spec convention-v1 § 1, recopiés à la main. */
const ACT_DE_LA_SPEC = [
  '030450191901',
  '030450191902',
  '030450191903',
  '030450191904',
  '030450191905',
  '030450191906',
  '030450191907',
  '030450191910',
  '030450191911',
];

describe('référentiel Chorus (000 · annexe 8 ; 001 · annexe 10)', () => {
  test.each(referentiels)('$code : chaque code ACT de la spec est une activité', (referentiel) => {
    for (const code of ACT_DE_LA_SPEC) expect(trouverElementChorus(code, referentiel)?.type).toBe('ACT');
  });

  test.each(referentiels)('$code : le parent rangé dans le tableau est le préfixe du code', (referentiel) => {
    const typeParent = { ACT: 'OB', OB: 'OP', OP: 'OS' } as const;
    for (const element of referentiel.elements) {
      if (element.type === 'OS') {
        expect(element.codeParent).toBeUndefined();
        continue;
      }
      const parent = referentiel.elements.find((candidat) => candidat.code === element.codeParent);
      expect(parent?.type, element.code).toBe(typeParent[element.type]);
      expect(element.code.startsWith(parent?.code ?? '∅'), element.code).toBe(true);
      expect(element.code.length - (parent?.code.length ?? 0)).toBe(2);
    }
  });

  test.each(referentiels)(
    '$code : codes uniques, domaine fonctionnel sur chaque activité seulement',
    (referentiel) => {
      const codes = referentiel.elements.map((element) => element.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const element of referentiel.elements) {
        expect(element.domaineFonctionnel !== undefined, element.code).toBe(element.type === 'ACT');
      }
    },
  );

  test('décompte fait à la main dans les deux tableaux : 1 OS, 1 OP, 5 OB, 30 ACT', () => {
    for (const referentiel of referentiels) {
      const compte = (type: string) => referentiel.elements.filter((element) => element.type === type).length;
      expect([compte('OS'), compte('OP'), compte('OB'), compte('ACT')]).toEqual([1, 1, 5, 30]);
    }
  });

  test('les deux versions diffèrent exactement par deux descriptions', () => {
    const differences = REFERENTIEL_CHORUS_000.elements.flatMap((ancien) => {
      const recent = trouverElementChorus(ancien.code, REFERENTIEL_CHORUS_001);
      return recent?.description === ancien.description
        ? []
        : [[ancien.code, ancien.description, recent?.description]];
    });
    expect(differences).toEqual([
      [
        '030450191905',
        'MaraudesEtat(sans abri)/conseil département (ASE)',
        'MaraudesEtat(sans abri)conseil département (ASE)',
      ],
      ['030450192002', 'Tarifcation sociale cantines', 'Tarification sociale cantines'],
    ]);
  });

  test('libellés relus dans le texte', () => {
    expect(libelleChorus('0304 50 19 19 07')).toBe("Garantie d'activité et insertion des BRSA");
    expect(libelleChorus('030450 191903')).toBe('1er accueil social inconditionnel');
    expect(trouverElementChorus('030450192201')).toMatchObject({
      designation: 'Contract métropoles',
      domaineFonctionnel: '0304-19-04',
    });
    expect(trouverElementChorus('0304501919')?.designation).toBe('Contract°CD&métros');
    expect(libelleChorus('030450191999')).toBeUndefined();
    expect(libelleChorus('pas un code')).toBeUndefined();
  });

  test('chaîne des parents : ACT → OB → OP → OS', () => {
    expect(
      chaineParentsChorus('0304 50 19 22 01').map((element) => `${element.type} ${element.code}`),
    ).toEqual(['ACT 030450192201', 'OB 0304501922', 'OP 03045019', 'OS 030450']);
    expect(chaineParentsChorus('030450199999')).toEqual([]);
    expect(estActiviteChorus('030450191910')).toBe(true);
    expect(estActiviteChorus('0304501919')).toBe(false);
  });

  test('format « 0304 50 19 19 05 » des tableaux de l’annexe 9', () => {
    expect(formaterCodeChorus('030450191905')).toBe('0304 50 19 19 05');
    expect(formaterCodeChorus('030450 191907')).toBe('0304 50 19 19 07');
    expect(formaterCodeChorus('0304501919')).toBe('0304 50 19 19');
    expect(formaterCodeChorus('n/a')).toBe('n/a');
  });

  test('erreurs de lecture en français', () => {
    expect(lireCodeChorus('')).toEqual({ ok: false, erreur: 'code Chorus vide' });
    expect(lireCodeChorus('0304-50')).toMatchObject({
      ok: false,
      erreur: expect.stringContaining('seuls des chiffres'),
    });
    expect(lireCodeChorus('0304 50 19 19 0')).toMatchObject({
      ok: false,
      erreur: expect.stringContaining('11 chiffres'),
    });
    expect(normaliserCodeChorus('0304\u00a050\u00a019\u00a019\u00a007')).toBe('030450191907');
  });

  test('propriété : des espaces insérés n’importe où ne changent pas le code lu', () => {
    const codes = REFERENTIEL_CHORUS_001.elements.map((element) => element.code);
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.array(fc.constantFrom(' ', '  ', '\u00a0', '\t'), { minLength: 13, maxLength: 13 }),
        (code, espaces) => {
          const saisie =
            [...code].map((chiffre, i) => `${espaces[i] ?? ''}${chiffre}`).join('') + (espaces[12] ?? '');
          expect(normaliserCodeChorus(saisie)).toBe(code);
          expect(normaliserCodeChorus(formaterCodeChorus(saisie))).toBe(code);
        },
      ),
    );
  });

  test('construction : un tableau mal formé est refusé avec la ligne en cause', () => {
    expect(() => construireElementsChorus([['ACT', '030450191907', 'x', 'y']], 'essai')).toThrow(
      /ligne 1 : le ACT 030450191907 n'est précédé d'aucun OB/u,
    );
    expect(() =>
      construireElementsChorus(
        [
          ['OS', '030450', 'x', 'y'],
          ['OP', '0304501', 'x', 'y'],
        ],
        'essai',
      ),
    ).toThrow(/ligne 2 : le code « 0304501 » d'un OP doit compter 8 chiffres/u);
  });
});
