import { describe, expect, test } from 'vitest';
import {
  CADRES,
  FORMULE_F,
  PLAN_FINANCEMENT_FRANCE_TRAVAIL,
  BILAN_FINANCIER_FRANCE_TRAVAIL,
  intitule,
} from '../src/index.ts';
import type { Cadre, ColonneFinanciere, TableauFinancierCalpae } from '../src/index.ts';

function tableaux(cadre: Cadre): { previsionnel: TableauFinancierCalpae; execution: TableauFinancierCalpae } {
  const modeles = cadre.modelesFinanciers;
  if (modeles.famille !== 'calpae') throw new Error(`${cadre.code} n'est pas un cadre CALPAE`);
  return modeles;
}
const entete = (colonne: ColonneFinanciere<string>, exercice: number): string =>
  `${colonne.lettre === undefined ? '' : `${colonne.lettre} `}${intitule(colonne.intitule, exercice)}`;

describe('annexe 9 CALPAE (001 · annexe 9)', () => {
  test('exécution 2022 : en-têtes recopiés du texte', () => {
    const { execution } = tableaux(CADRES['calpae-2022']);
    expect(execution.officiel).toBe(true);
    expect(
      [...execution.colonnesPrevisionnel, ...execution.colonnesExecution].map((c) => entete(c, 2022)),
    ).toEqual([
      'A Crédits Etats versés en 2022',
      'B Crédits Etat 2021 (le cas échéant 2020) reportés sur 2022 (le cas échéant)',
      'C Crédits CD affectés en 2022',
      'D Crédits CD 2021 (le cas échéant 2020) reprogrammés sur 2022 (le cas échéant)',
      "E Participation d'autres financeurs le cas échéant",
      "F Budget global de l'action prévu en 2022 A+B+C+D+E",
      'Montant total réalisé au 31/12/2022 ou 30/06/2023',
      'Dont valorisation de dépenses du CD',
      'Montant à reporter en 2023 - Part Etat',
      'Montant à reporter en 2023 - Part CD',
    ]);
    expect(intitule(execution.intitule, 2022)).toBe('Exécution budgétaire 2022');
  });

  test('prévisionnel 2023 : en-têtes recopiés du texte', () => {
    const { previsionnel } = tableaux(CADRES['calpae-2023']);
    expect(previsionnel.officiel).toBe(true);
    expect(previsionnel.colonnesPrevisionnel.map((c) => entete(c, 2023))).toEqual([
      'A Participation État notifiée pour la convention 2023 (nouveaux crédits Etat 2023)',
      'B Crédits Etat 2022 reportés sur 2023 (le cas échéant)',
      'C Crédits CD affectés pour la convention 2023',
      'Dont valorisation CD',
      'D Crédits CD 2022 reportés sur 2023 (le cas échéant)',
      "E Participation d'autres financeurs le cas échéant",
      "F Budget global de l'action prévu en 2023 (A+B+C+D+E)",
    ]);
    expect(previsionnel.colonnesExecution).toEqual([]);
    expect(intitule(previsionnel.intitule, 2023)).toBe('Prévisionnel Année 2023');
  });

  test('clés du format jalon.convention/1 (spec convention-v1 § 1)', () => {
    const { previsionnel, execution } = tableaux(CADRES['calpae-2023']);
    expect(previsionnel.colonnesPrevisionnel.map((c) => c.cle)).toEqual([
      'etat',
      'report_etat',
      'cd',
      'valorisation_cd',
      'report_cd',
      'autres',
      'total',
    ]);
    expect(execution.colonnesExecution.map((c) => c.cle)).toEqual([
      'realise',
      'valorisation_cd',
      'a_reporter_etat',
      'a_reporter_cd',
    ]);
  });

  test('F = A+B+C+D+E : exemple officiel de 001 · annexe 5 (220 000 €), la valorisation n’y entre pas', () => {
    const { previsionnel } = tableaux(CADRES['calpae-2023']);
    const f = previsionnel.colonnesPrevisionnel.find((c) => c.lettre === 'F');
    expect(f?.somme).toEqual(FORMULE_F);
    // Montants en centimes : part État 100 000 €, part CD 100 000 € dont 30 000 € valorisés, reports 10 000 €.
    const action = {
      etat: 10_000_000,
      report_etat: 1_000_000,
      cd: 10_000_000,
      valorisation_cd: 3_000_000,
      report_cd: 1_000_000,
      autres: 0,
      total: 0,
    };
    const total = (f?.somme ?? []).reduce((somme, cle) => somme + action[cle], 0);
    expect(total).toBe(22_000_000);
    const lettres = (f?.somme ?? []).map(
      (cle) => previsionnel.colonnesPrevisionnel.find((c) => c.cle === cle)?.lettre,
    );
    expect(lettres).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  test('libellés des totaux, exacts pour chaque tableau', () => {
    const { previsionnel, execution } = tableaux(CADRES['calpae-2023']);
    expect(execution.libellesTotaux).toEqual({
      sousTotal: 'Sous total',
      sousTotalSocle: 'Sous-total engagements de mesures socle',
      sousTotalInitiatives: "Sous total engagements à l'initiative du département",
      totaux: 'TOTAUX FINANCIERS',
      totalControle: 'Total de contrôle',
    });
    expect(previsionnel.libellesTotaux.sousTotalSocle).toBe('Sous-total engagements des mesures socle');
  });

  test('ordre des thèmes : exécution 2022 (ajouts marqués non officiels avant les initiatives)', () => {
    const { execution } = tableaux(CADRES['calpae-2022']);
    expect(execution.themes.map((t) => [t.mesure, t.officiel, t.prefixeFiche ?? ''])).toEqual([
      ['maraudes_mixtes', true, ''],
      ['prevention_specialisee', true, ''],
      ['formation_travailleurs_sociaux', true, '6'],
      ['premier_accueil_social', true, '2'],
      ['referents_parcours', true, '3'],
      ['insertion_orientation', true, '4'],
      ['garantie_activite', true, '5'],
      ['mobilite', true, '7'],
      ['sorties_ase', false, ''],
      ['numerique_insertion', false, ''],
      ['initiatives_departementales', true, ''],
    ]);
    expect(execution.themes[0]?.imputationChorus).toBe(
      '0304 50 19 19 05 - Maraudes Etat (sans abri) / conseil départemental (ASE)',
    );
    expect(execution.themes[8]?.imputationChorus).toBe(
      "0304 50 19 19 01 - Accompagnement des jeunes sortant de l'ASE",
    );
  });

  test('ordre des thèmes : prévisionnel 2023', () => {
    const { previsionnel } = tableaux(CADRES['calpae-2023']);
    expect(previsionnel.themes.map((t) => t.mesure)).toEqual([
      'maraudes_mixtes',
      'prevention_specialisee',
      'premier_accueil_social',
      'referents_parcours',
      'insertion_orientation',
      'garantie_activite',
      'formation_travailleurs_sociaux',
      'mobilite',
      'numerique_insertion',
      'initiatives_departementales',
    ]);
    expect(previsionnel.themes[2]?.theme).toBe(
      'Refonder et revaloriser le travail social au service de toutes les familles – Premier accueil social inconditionnel de proximité (le cas échéant)',
    );
  });

  test('cadre 2020 : modèles repris, petite enfance ajoutée avec le libellé Chorus de 000', () => {
    const { previsionnel, execution } = tableaux(CADRES['calpae-2020']);
    expect([previsionnel.officiel, execution.officiel]).toEqual([false, false]);
    expect(previsionnel.themes.find((t) => t.mesure === 'petite_enfance')?.imputationChorus).toBe(
      '0304 50 19 19 11 - Formation des professionnels de la petite enfance',
    );
  });
});

describe('marques d’année', () => {
  test('{n}, {n-1}, {n-2}, {n+1}, {aa}', () => {
    expect(intitule('{n-2} {n-1} {n} {n+1} 01/01/{aa}', 2024)).toBe('2022 2023 2024 2025 01/01/24');
  });
  test('marque inconnue ou exercice invalide : erreur en français', () => {
    expect(() => intitule('en {annee}', 2023)).toThrow("Marque d'année inconnue « {annee} »");
    expect(() => intitule('{n}', 23)).toThrow('Exercice « 23 » invalide');
  });
});

describe('France Travail 2024 (003 · annexe 7, annexes 2 et 3)', () => {
  test('titres du plan de financement pour 2024', () => {
    expect(PLAN_FINANCEMENT_FRANCE_TRAVAIL.map((v) => intitule(v.titres[0] ?? '', 2024))).toEqual([
      'Construction du plan de financement - VOLET 1 - Période du 01/01/24 au 31/12/24',
      'Construction du plan de financement - VOLET 2 - Période du 01/01/24 au 31/12/24',
      'Construction du plan de financement - VOLET 3 - Période du 01/01/24 au 31/12/24',
    ]);
  });

  test('colonnes : 8 au plan (3 + 3 + 2), 7 au bilan', () => {
    for (const volet of PLAN_FINANCEMENT_FRANCE_TRAVAIL) expect(volet.colonnes).toHaveLength(8);
    expect(PLAN_FINANCEMENT_FRANCE_TRAVAIL[2]?.colonnes[4]).toBe(
      'Cible (besoins et ETP ou volumes financiers)',
    );
    expect(BILAN_FINANCIER_FRANCE_TRAVAIL[0]?.colonnes).toEqual([
      'Nature de la dépense',
      'Unité (si pertinent)',
      "Nombre d'unités",
      'coût unitaire',
      'Date ou période',
      'Objet de la dépense',
      'Montant',
    ]);
  });

  test('chaque volet se clôt sur son total officiel', () => {
    const derniers = (modeles: typeof PLAN_FINANCEMENT_FRANCE_TRAVAIL) =>
      modeles.map((v) => {
        const ligne = v.lignes.at(-1);
        return ligne?.type === 'total' ? ligne.libelle : '';
      });
    expect(derniers(PLAN_FINANCEMENT_FRANCE_TRAVAIL)).toEqual([
      'TOTAL BESOINS DEPARTEMENTAUX AU TITRE DU VOLET 1 :',
      'TOTAL BESOINS DEPARTEMENTAUX AU TITRE DU VOLET 2 :',
      'TOTAL BESOINS DEPARTEMENTAUX AU TITRE DU VOLET 3 :',
    ]);
    expect(derniers(BILAN_FINANCIER_FRANCE_TRAVAIL)).toEqual([
      'TOTAL DEPENSES AU TITRE DU VOLET 1',
      'TOTAL DEPENSES AU TITRE DU VOLET 2',
      'TOTAL DEPENSES AU TITRE DU VOLET 3',
    ]);
  });

  test('levée des freins du volet 2 : mobilité, garde d’enfant, santé, autre', () => {
    const freins = PLAN_FINANCEMENT_FRANCE_TRAVAIL[1]?.lignes.flatMap((l) =>
      l.type === 'ligne' && l.mesure?.startsWith('freins_') === true ? [[l.objet, l.mesure]] : [],
    );
    expect(freins).toEqual([
      ['Mobilité', 'freins_mobilite'],
      ["Garde d'enfant", 'freins_garde_enfant'],
      ['Santé', 'freins_sante'],
      ['Autre', 'freins_autre'],
    ]);
  });
});
