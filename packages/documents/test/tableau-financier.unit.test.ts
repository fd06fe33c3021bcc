import { describe, expect, it } from 'vitest';
import { preparerContexte } from '../src/contexte.ts';
import { classeurTableauFinancier } from '../src/grille/classeurs.ts';
import { feuilleTableauFinancier } from '../src/grille/tableau-financier-calpae.ts';
import { caseEn, evaluer, lireFixture } from './outils.ts';

const contexte = preparerContexte(lireFixture('convention-calpae-2023.json'));
const prev = feuilleTableauFinancier(contexte, 'previsionnel');
const exec = feuilleTableauFinancier(contexte, 'execution');
const texteEn = (feuille: typeof prev, a: string): unknown => caseEn(feuille, a)?.valeur;

describe('tableau financier CALPAE (001 · annexe 9)', () => {
  it('nomme les feuilles prévisionnel puis exécution de l’exercice', () => {
    expect(classeurTableauFinancier(contexte).feuilles.map((f) => f.nom)).toEqual([
      'Prévisionnel 2023',
      'Exécution 2023',
    ]);
  });

  it('reprend les titres et les en-têtes officiels, années remplacées (texte de 001 · annexe 9)', () => {
    expect(texteEn(prev, 'A1')).toBe('ANNEXE 9- TABLEAU FINANCIER RECAPITULATIF PREVISIONNEL');
    expect(texteEn(prev, 'A2')).toBe(
      "CONVENTION D'APPUI À LA LUTTE CONTRE LA PAUVRETÉ ET D'ACCÈS A L'EMPLOI - Région Pays de la Loire - Département de Loire-Atlantique",
    );
    expect(texteEn(prev, 'A3')).toBe('Prévisionnel Année 2023');
    expect(prev.lignes[4]?.map((c) => c?.valeur)).toEqual([
      'Thème de la contractualisation',
      'Imputation chorus (code chorus - description longue)',
      'Fiche action N°',
      "Intitulé de l'action",
      'A Participation État notifiée pour la convention 2023 (nouveaux crédits Etat 2023)',
      'B Crédits Etat 2022 reportés sur 2023 (le cas échéant)',
      'C Crédits CD affectés pour la convention 2023',
      'Dont valorisation CD',
      'D Crédits CD 2022 reportés sur 2023 (le cas échéant)',
      "E Participation d'autres financeurs le cas échéant",
      "F Budget global de l'action prévu en 2023 (A+B+C+D+E)",
    ]);
    expect(exec.lignes[4]?.slice(4).map((c) => c?.valeur)).toEqual([
      'A Crédits Etats versés en 2023',
      'B Crédits Etat 2022 (le cas échéant 2021) reportés sur 2023 (le cas échéant)',
      'C Crédits CD affectés en 2023',
      'D Crédits CD 2022 (le cas échéant 2021) reprogrammés sur 2023 (le cas échéant)',
      "E Participation d'autres financeurs le cas échéant",
      "F Budget global de l'action prévu en 2023 A+B+C+D+E",
      'Montant total réalisé au 31/12/2023 ou 30/06/2024',
      'Dont valorisation de dépenses du CD',
      'Montant à reporter en 2024 - Part Etat',
      'Montant à reporter en 2024 - Part CD',
    ]);
  });

  it('range les actions par thème dans l’ordre du modèle prévisionnel, avec leur imputation Chorus', () => {
    const themes = prev.lignes
      .map((l) => l[0]?.valeur)
      .filter((v) => typeof v === 'string')
      .slice(4);
    expect(themes).toEqual([
      'Maraudes mixtes (le cas échéant)',
      'Prévention spécialisée (le cas échéant)',
      'Refonder et revaloriser le travail social au service de toutes les familles – Premier accueil social inconditionnel de proximité (le cas échéant)',
      'Refonder et revaloriser le travail social au service de toutes les familles – Référent de parcours (le cas échéant)',
      'Insertion des allocataires du RSA – Orientation et parcours des allocataires',
      "Insertion des allocataires du RSA – Garantie d'activité",
      'Mise en place du plan de formation des travailleurs sociaux des conseils départementaux',
      "Développer la mobilité des demandeurs d'emploi",
      // Ligne ajoutée par les référentiels pour la mesure numérique 2023 (INT-REFERENTIELS-4).
      'Numérique et partage de données (optionnel, pris sur les crédits insertion)',
      "Engagements à l'initiative du département",
    ]);
    expect(texteEn(prev, 'C14')).toBe('4.1');
    expect(texteEn(prev, 'B14')).toBe("0304 50 19 19 07 - Garantie d'activité et insertion des BRSA");
    expect(texteEn(prev, 'D15')).toBe('Sous total');
    expect(texteEn(prev, 'C25')).toBe('8.1');
    expect(texteEn(prev, 'B25')).toBe('0304 50 19 19 10 - Initiatives locales');
    expect(texteEn(prev, 'D24')).toBe('Sous-total engagements des mesures socle');
    expect(texteEn(prev, 'D26')).toBe("Sous total engagements à l'initiative du département");
    expect(texteEn(prev, 'D27')).toBe('TOTAUX FINANCIERS');
    expect(texteEn(prev, 'D29')).toBe('Total de contrôle');
    expect(texteEn(exec, 'D24')).toBe('Sous-total engagements de mesures socle');
  });

  it('donne les montants calculés à la main (exemple 001 · annexe 5 : 220 000 € pour l’action 4.1)', () => {
    // F = A+B+C+D+E : 100 000 + 10 000 + 100 000 + 10 000 + 0.
    expect(caseEn(prev, 'K14')).toMatchObject({ formule: 'E14+F14+G14+I14+J14', valeur: 220000 });
    // 5.1 : 40 000 + 0 + 45 000,50 + 0 + 2 500 ; la valorisation (10 000) n'est pas ajoutée.
    expect(caseEn(prev, 'K16')?.valeur).toBe(87500.5);
    // Sous-total socle : A = 140 000, C = 145 000,50, valorisation 10 000, F = 307 500,50.
    expect(['E24', 'G24', 'H24', 'K24'].map((a) => texteEn(prev, a))).toEqual([
      140000, 145000.5, 10000, 307500.5,
    ]);
    expect(caseEn(prev, 'E24')?.formule).toBe('E7+E9+E11+E13+E15+E17+E19+E21+E23');
    // TOTAUX FINANCIERS : socle + initiatives (22 000) = 329 500,50 ; total de contrôle identique.
    expect(caseEn(prev, 'K27')).toMatchObject({ formule: 'K24+K26', valeur: 329500.5 });
    expect(texteEn(prev, 'K29')).toBe(329500.5);
    // Exécution : réalisé 180 000 + 80 000,25 + 20 000 ; reports État 5 000 + 0 + 1 000 ; CD 5 000 + 2 000 + 1 000.
    expect(['K27', 'L27', 'M27', 'N27'].map((a) => texteEn(exec, a))).toEqual([280000.25, 10000, 6000, 8000]);
  });

  it('chaque valeur en cache égale sa formule (évaluation indépendante)', () => {
    for (const feuille of [prev, exec]) {
      feuille.lignes.forEach((ligne) =>
        ligne.forEach((cellule) => {
          if (cellule?.formule === undefined) return;
          expect(evaluer(feuille, cellule.formule)).toBe(Math.round(Number(cellule.valeur) * 100));
        }),
      );
    }
  });

  it('montre une action de mesure inconnue du cadre hors sous-totaux : le total de contrôle s’écarte', () => {
    const brut = lireFixture('convention-calpae-2023.json') as { actions: Record<string, unknown>[] };
    const action = { ...brut.actions[0], numero: '9.9', mesure: 'mesure_inventee' };
    const feuille = feuilleTableauFinancier(
      preparerContexte({ ...brut, actions: [...brut.actions, action] }),
      'previsionnel',
    );
    const libelles = feuille.lignes.map((l) => l[3]?.valeur);
    const totaux = feuille.lignes[libelles.indexOf('TOTAUX FINANCIERS')];
    const controle = feuille.lignes[libelles.indexOf('Total de contrôle')];
    expect(totaux?.[10]?.valeur).toBe(329500.5);
    expect(controle?.[10]?.valeur).toBe(549500.5);
    expect(feuille.lignes.some((l) => l[0]?.valeur === 'Mesure inconnue du cadre : mesure_inventee')).toBe(
      true,
    );
  });

  it('refuse de produire un tableau avec un montant invalide, en disant lequel', () => {
    const brut = lireFixture('convention-calpae-2023.json') as {
      actions: { previsionnel: Record<string, unknown> }[];
    };
    const faux = structuredClone(brut);
    if (faux.actions[1] !== undefined) faux.actions[1].previsionnel.cd = -3;
    expect(() => preparerContexte(faux)).toThrow(/actions\[1\]\.previsionnel\.cd : montant négatif \(-3\)/u);
  });
});
