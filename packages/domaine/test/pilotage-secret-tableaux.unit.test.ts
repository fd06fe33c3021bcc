import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CADRES } from '@jalon/referentiels';
import {
  agregerDonnees,
  classer,
  diffuserComptage,
  diffuserTaux,
  estComptageDuCadre,
  genererCsv,
  masquerTableau,
  serieTemporelle,
  type CollectivitePilotee,
  type DonneesCollectivite,
} from '../src/index.ts';

const au_dela = { diffusion: 'au_dela' } as const;

describe('secret statistique : 1 à 10 → « < 11 » au-delà du département', () => {
  it('aux bornes', () => {
    expect(diffuserComptage(0, au_dela)).toEqual({ type: 'valeur', valeur: 0 });
    expect(diffuserComptage(1, au_dela)).toEqual({ type: 'secret', affichage: '< 11' });
    expect(diffuserComptage(10, au_dela)).toEqual({ type: 'secret', affichage: '< 11' });
    expect(diffuserComptage(11, au_dela)).toEqual({ type: 'valeur', valeur: 11 });
    expect(diffuserComptage(null, au_dela)).toEqual({ type: 'vide' });
    // La collectivité voit ses propres chiffres.
    expect(diffuserComptage(5, { diffusion: 'departement' })).toEqual({ type: 'valeur', valeur: 5 });
  });

  it('seuil réglable', () => {
    expect(diffuserComptage(4, { ...au_dela, seuil: 5 })).toEqual({ type: 'secret', affichage: '< 5' });
    expect(diffuserComptage(5, { ...au_dela, seuil: 5 })).toEqual({ type: 'valeur', valeur: 5 });
    expect(() => diffuserComptage(5, { ...au_dela, seuil: 0 })).toThrow('Seuil du secret statistique');
  });

  it('sur un tableau : les comptes seulement ; un code inconnu est traité comme un compte', () => {
    const lignes = masquerTableau(
      [
        {
          territoire: '44',
          valeurs: { orientes_1_mois: 7, nouveaux_entrants: 250, ag_par_conseiller: 7, inconnu: 3 },
        },
      ],
      estComptageDuCadre(CADRES['calpae-2022']),
      au_dela,
    );
    expect(lignes).toEqual([
      {
        territoire: '44',
        cellules: {
          orientes_1_mois: { type: 'secret', affichage: '< 11' },
          nouveaux_entrants: { type: 'valeur', valeur: 250 },
          ag_par_conseiller: { type: 'valeur', valeur: 7 }, // moyenne : pas un compte
          inconnu: { type: 'secret', affichage: '< 11' },
        },
      },
    ]);
  });

  it('un taux tiré de comptes masqués est masqué', () => {
    expect(diffuserTaux(75, 3, 4, au_dela)).toEqual({ type: 'secret', affichage: '< 11' });
    expect(diffuserTaux(75, 300, 400, au_dela)).toEqual({ type: 'valeur', valeur: 75 });
    expect(diffuserTaux(75, 3, 4, { diffusion: 'departement' })).toEqual({ type: 'valeur', valeur: 75 });
  });

  it('aucun compte de 1 à seuil − 1 ne sort en clair (propriété)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 50 }), (valeur, seuil) => {
        const cellule = diffuserComptage(valeur, { diffusion: 'au_dela', seuil });
        expect(cellule.type === 'valeur' && cellule.valeur > 0 && cellule.valeur < seuil).toBe(false);
        if (cellule.type === 'valeur') expect(cellule.valeur).toBe(valeur);
      }),
    );
  });
});

const collectivite = (code: string, region: string): CollectivitePilotee => ({
  code,
  nom: `Département ${code}`,
  departements: [code],
  region,
  zone: 'metro',
});
const D44 = collectivite('44', '52');
const D85 = collectivite('85', '52');
const D37 = collectivite('37', '24');

const DONNEES: DonneesCollectivite[] = [
  {
    collectivite: D44,
    annee: 2022,
    cadre: 'calpae-2022',
    indicateurs: { nouveaux_entrants: 400, orientes_1_mois: 300, ag_par_conseiller: 60 },
    finances: { total: 40_000_000, realise: 19_000_000 },
  },
  {
    collectivite: D85,
    annee: 2022,
    cadre: 'calpae-2022',
    indicateurs: { nouveaux_entrants: 100, orientes_1_mois: 100, ag_par_conseiller: 75 },
    finances: { total: 10_000_000, realise: 9_000_000 },
  },
  {
    collectivite: D37,
    annee: 2022,
    cadre: 'calpae-2022',
    indicateurs: { nouveaux_entrants: 50, orientes_1_mois: null },
  },
  { collectivite: D44, annee: 2019, cadre: 'calpae-2020', indicateurs: { orientes_1_mois: 100 } },
];

describe('tableaux de bord : agrégats par région et nation', () => {
  it('région 52 : comptes additionnés, moyennes non, consommation Σ réalisé / Σ F', () => {
    const [r24, r52] = agregerDonnees(DONNEES, 'region', 2022, 'calpae-2022');
    expect(r52?.territoire).toBe('52');
    expect(r52?.collectivites).toEqual(['44', '85']);
    expect(r52?.indicateurs['nouveaux_entrants']).toEqual({
      valeur: 500,
      contributeurs: ['44', '85'],
      manquants: [],
    });
    expect(r52?.indicateurs['ag_par_conseiller']).toMatchObject({
      valeur: null,
      raison: 'Moyenne ou taux : ne s’additionne pas entre collectivités.',
    });
    // (190 000 + 90 000) / (400 000 + 100 000) = 56,0 % — et non la moyenne de 47,5 % et 90 %.
    expect(r52?.consommation).toEqual({
      total: 50_000_000,
      realise: 28_000_000,
      taux: { numerateur: 28_000_000, denominateur: 50_000_000, pourcentage: 56 },
    });
    // 400 / 500 nouveaux entrants orientés en un mois = 80,0 % de la cible de 100 %.
    expect(r52?.atteinte.find((a) => a.code === 'orientes_1_mois')).toMatchObject({
      mesure: 80,
      atteint: false,
    });
    expect(r24?.indicateurs['orientes_1_mois']).toMatchObject({ valeur: null, manquants: ['37'] });
    expect(r24?.consommation.taux).toBeUndefined();
  });

  it('national : les manquants sont dits', () => {
    const [fr] = agregerDonnees(DONNEES, 'national', 2022, 'calpae-2022');
    expect(fr?.territoire).toBe('FR');
    expect(fr?.indicateurs['nouveaux_entrants']?.valeur).toBe(550);
    expect(fr?.indicateurs['orientes_1_mois']).toEqual({
      valeur: 400,
      contributeurs: ['44', '85'],
      manquants: ['37'],
    });
    expect(agregerDonnees(DONNEES, 'national', 2030, 'calpae-2022')).toEqual([]);
  });

  it('classement : ex æquo au même rang, sans valeur en fin', () => {
    expect(
      classer([
        { cle: 'a', valeur: 5 },
        { cle: 'c', valeur: 7 },
        { cle: 'z', valeur: null },
        { cle: 'b', valeur: 7 },
        { cle: 'd', valeur: 3 },
      ]).map((r) => [r.cle, r.rang]),
    ).toEqual([
      ['b', 1],
      ['c', 1],
      ['a', 3],
      ['d', 4],
      ['z', null],
    ]);
    expect(
      classer(
        [
          { cle: 'a', valeur: 5 },
          { cle: 'd', valeur: 3 },
        ],
        'croissant',
      ).map((r) => r.cle),
    ).toEqual(['d', 'a']);
  });

  it('série 2018-2024 : une entrée par année, même vide', () => {
    const serie = serieTemporelle(DONNEES, 'orientes_1_mois', { type: 'collectivite', code: '44' });
    expect(serie.map((p) => [p.annee, p.valeur.valeur])).toEqual([
      [2018, null],
      [2019, 100],
      [2020, null],
      [2021, null],
      [2022, 300],
      [2023, null],
      [2024, null],
    ]);
    expect(serie[0]?.valeur.raison).toBe('Aucune donnée pour 2018.');
    const region = serieTemporelle(
      DONNEES,
      'nouveaux_entrants',
      { type: 'region', code: '52' },
      { debut: 2022, fin: 2022 },
    );
    expect(region).toEqual([
      { annee: 2022, valeur: { valeur: 500, contributeurs: ['44', '85'], manquants: [] } },
    ]);
    expect(() => serieTemporelle(DONNEES, 'x', { type: 'national' }, { debut: 2024, fin: 2018 })).toThrow(
      'Série',
    );
  });
});

/** Lecture RFC 4180 indépendante (guillemets doublés, séparateur et fins de ligne entre guillemets). */
function lireCsv(texte: string, separateur = ';'): string[][] {
  const lignes: string[][] = [];
  let ligne: string[] = [];
  let champ = '';
  let entreGuillemets = false;
  for (let i = 0; i < texte.length; i++) {
    const c = texte[i];
    if (entreGuillemets) {
      if (c === '"' && texte[i + 1] === '"') {
        champ += '"';
        i++;
      } else if (c === '"') entreGuillemets = false;
      else champ += c;
    } else if (c === '"') entreGuillemets = true;
    else if (c === separateur) {
      ligne.push(champ);
      champ = '';
    } else if (c === '\r' && texte[i + 1] === '\n') {
      ligne.push(champ);
      lignes.push(ligne);
      ligne = [];
      champ = '';
      i++;
    } else champ += c;
  }
  return lignes;
}

describe('CSV sûr', () => {
  it('neutralise les formules, garde les nombres, cite ce qui doit l’être', () => {
    const csv = genererCsv(
      ['territoire', 'libellé', 'valeur'],
      [
        ['44', '=SOMME(A1:A9)', 12.5],
        ['85', 'texte; avec "guillemets"', -3],
        ['37', '+33 6 00', { type: 'secret', affichage: '< 11' }],
        ['59', '@cmd', null],
        ['2A', '-2+3', { type: 'valeur', valeur: 0.5 }],
      ],
    );
    expect(csv).toBe(
      [
        'territoire;libellé;valeur',
        "44;'=SOMME(A1:A9);12,5",
        '85;"texte; avec ""guillemets""";-3',
        "37;'+33 6 00;< 11",
        "59;'@cmd;",
        "2A;'-2+3;0,5",
        '',
      ].join('\r\n'),
    );
  });

  it('refuse une ligne au mauvais nombre de colonnes', () => {
    expect(() => genererCsv(['a', 'b'], [['1']])).toThrow("CSV : la ligne 1 a 1 colonnes, l'en-tête en a 2");
  });

  it('relu, chaque cellule texte revient, une formule jamais en tête (propriété)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 10 }),
        (lignes) => {
          const relu = lireCsv(genererCsv(['a', 'b'], lignes));
          expect(relu).toHaveLength(lignes.length + 1);
          lignes.forEach((ligne, i) => {
            ligne.forEach((cellule, j) => {
              const lu = relu[i + 1]?.[j] ?? '';
              expect(lu).toMatch(/^[^=+\-@\t\r]|^$/);
              expect(lu).toBe(/^[=+\-@\t\r]/.test(cellule) ? `'${cellule}` : cellule);
            });
          });
        },
      ),
    );
  });
});
