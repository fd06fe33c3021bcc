import { describe, expect, it } from 'vitest';
import { preparerContexte } from '../src/contexte.ts';
import { validerContenu } from '../src/contenu/lecture.ts';
import { documentTexte } from '../src/documents.ts';
import { planDocument, texteDocument } from '../src/docx/modele.ts';
import { feuillesBilanFinancier, feuillesPlanFinancement } from '../src/grille/france-travail.ts';
import { montantEnLettres } from '../src/montant-lettres.ts';
import { montantFr, typographier } from '../src/typographie.ts';
import { caseEn, evaluer, lireFixture } from './outils.ts';

const calpae = preparerContexte(
  lireFixture('convention-calpae-2023.json'),
  validerContenu(lireFixture('contenu-calpae-2023.json')),
);
const ft = preparerContexte(lireFixture('convention-france-travail-2024.json'));
const NBSP = '\u00a0';
const sansInsecables = (texte: string): string => texte.replaceAll(NBSP, ' ');

describe('typographie française', () => {
  it('écrit les montants « 1 234,56 € » avec espaces insécables', () => {
    expect(montantFr(123456)).toBe(`1${NBSP}234,56${NBSP}€`);
    expect(montantFr(22000000)).toBe(`220${NBSP}000,00${NBSP}€`);
  });
  it('met une espace insécable avant : ; ! ? € % et dans les guillemets, sauf heures et adresses', () => {
    expect(typographier('Budget: 10 € ; taux 45% ! « oui »')).toBe(
      `Budget${NBSP}: 10${NBSP}€${NBSP}; taux 45${NBSP}%${NBSP}! «${NBSP}oui${NBSP}»`,
    );
    expect(typographier('à 10:30 sur https://x.fr ?!')).toBe(`à 10:30 sur https://x.fr${NBSP}?!`);
  });
  it('écrit un montant en lettres (« un million d’euros »)', () => {
    expect(montantEnLettres(100_000_000)).toBe("un million d'euros");
    expect(montantEnLettres(11_500_050)).toBe('cent quinze mille euros et cinquante centimes');
  });
});

describe("rapport d'exécution (001 · annexe 5)", () => {
  const rapport = documentTexte('rapport-execution', calpae);
  it('suit le plan du modèle', () => {
    const plan = planDocument(rapport);
    expect(plan.slice(0, 4)).toEqual([
      "# Rapport d'exécution de la convention d'appui à la lutte contre la pauvreté et d'accès à l'emploi",
      '## 1. Mesures socle',
      "### 1.1. Réduire les délais de l'entrée en parcours d'accompagnement des allocataires du RSA",
      "#### 1.1.1. Action 1 : Plateforme d'orientation des nouveaux entrants (fiche action 4.1)",
    ]);
    expect(plan.filter((t) => t.startsWith('##### 1.1.1.'))).toEqual([
      "##### 1.1.1.1. Description de l'action",
      "##### 1.1.1.2. Date de mise en place de l'action",
      '##### 1.1.1.3. Partenaires et co-financeurs',
      "##### 1.1.1.4. Durée de l'action",
      '##### 1.1.1.5. Budget',
      '##### 1.1.1.6. Indicateurs',
      "##### 1.1.1.7. Bilan d'exécution",
      "##### 1.1.1.8. Perspectives futures de mise en œuvre de l'action",
    ]);
    expect(plan.filter((t) => /^### 1\.\d\. /u.test(t)).map((t) => t.slice(4, 9))).toEqual([
      '1.1. ',
      '1.2. ',
      '1.3. ',
      '1.4. ',
      '1.5. ',
      '1.6. ',
      '1.7. ',
      '1.8. ',
      '1.9. ',
    ]);
    expect(plan).toContain("## 2. Mesures à l'initiative du département");
    expect(plan).toContain('### 2.1. Action 1 : Épicerie solidaire itinérante (fiche action 8.1)');
    expect(plan.slice(-3)).toEqual([
      '## 3. Annexes',
      '### Annexe 1. Tableau des indicateurs',
      '### Annexe 2. Tableau financier 2023',
    ]);
  });
  it('donne le budget prévisionnel de l’exemple officiel (220 000 €) et le budget exécuté', () => {
    const texte = sansInsecables(texteDocument(rapport));
    // 001 · annexe 5 : Part Etat 100 000, Part CD 100 000, budget 200 000 ; reports 10 000 + 10 000 ; 220 000.
    expect(texte).toContain('Part Etat = 100 000,00 €\nPart CD = 100 000,00 €');
    expect(texte).toContain(
      'Budget global = 200 000,00 €\nCrédits reportés 2022 (et précédemment le cas échéant) sur 2023 part Etat = 10 000,00 €',
    );
    expect(texte).toContain('Budget global = 220 000,00 €');
    // Part État du réalisé au prorata (A+B)/F : 180 000 × 110 000 / 220 000 = 90 000 ; part CD = 90 000.
    expect(texte).toContain("Dépenses exécutées sur la part financée par l'Etat = 90 000,00 €");
    expect(texte).toContain('Dépenses exécutées sur la part financée par le département = 90 000,00 €');
    expect(texte).toContain("Dépenses à reporter sur 2024 sur la part financée par l'Etat = 5 000,00 €");
    // Indicateur d'action : 62 % atteint en 2023, cible 100 %, explication.
    expect(texte).toContain('Part des nouveaux entrants orientés en un mois et moins');
    expect(texte).toContain('Cible non atteinte : délais de transmission CAF.');
    expect(texte).toContain('La plateforme a reçu 1 250 personnes.');
  });
  it('refuse un cadre France Travail (bilan final)', () => {
    expect(() => documentTexte('rapport-execution', ft)).toThrow(/bilan-final/u);
  });
});

describe('conventions, avenant, fiches', () => {
  it('convention CALPAE 2023 : articles, montant de l’État, annexes A et B', () => {
    const convention = documentTexte('convention', calpae);
    const plan = planDocument(convention);
    expect(plan.filter((t) => t.startsWith('## ARTICLE')).map((t) => t.split(' – ')[0])).toEqual(
      ['1', '2', '3', '4', '5', '6', '7'].map((n) => `## ARTICLE ${n}`),
    );
    expect(plan).toContain('## Annexe A – Tableau des engagements du socle');
    expect(plan).toContain("## Annexe B – Tableau des engagements à l'initiative du département");
    expect(plan).toContain('### Annexe A : Fiche action 4.1');
    expect(plan).toContain('### Annexe B : Fiche action 8.1');
    const texte = sansInsecables(texteDocument(convention));
    expect(texte).toContain(
      "Au titre de l'année 2023, le soutien financier de l'Etat s'élève à un montant de 150 000,00 €.",
    );
    expect(texte).toContain('Préfet du Département de Loire-Atlantique');
    expect(texte).toContain(
      "La présente convention est conclue pour une durée d'un an, jusqu'au 31 décembre 2023.",
    );
    // Annexe B : réalisé 2022 de l'action 8.1 (15 000) et montant contractualisé F (22 000).
    expect(texte).toContain(
      'Action 8.1 : Épicerie solidaire itinérante |  |  |  | 15 000,00 € | 22 000,00 €',
    );
  });
  it('convention France Travail 2024 : montants par volet en chiffres et en lettres, annexes 1 à 4', () => {
    const convention = documentTexte('convention', ft);
    const texte = sansInsecables(texteDocument(convention));
    // A : volet 1 = 50 000 ; volet 2 = 30 000 + 10 000 ; volet 3 = 25 000 ; total 115 000.
    expect(texte).toContain(
      'Un montant de 115 000,00 € (cent quinze mille euros) est alloué au Conseil départemental.',
    );
    expect(texte).toContain('40 000,00 € (quarante mille euros) au titre du volet 2');
    expect(planDocument(convention).filter((t) => t.startsWith('## ANNEXE'))).toEqual([
      "## ANNEXE 1 - Plan d'action : Fiche action (volet 2)",
      "## ANNEXE 1 bis - Plan d'action : Feuille de route (volet 3)",
      '## ANNEXE 2 - Plan de financement',
      '## ANNEXE 3 - Trame de bilan financier',
      '## ANNEXE 4 - Indicateurs de pilotage',
    ]);
  });
  it('avenant 2020 : cadre calpae-2020 seulement', () => {
    expect(() => documentTexte('avenant', calpae)).toThrow(/calpae-2020/u);
    const brut = {
      ...(lireFixture('convention-calpae-2023.json') as object),
      cadre: 'calpae-2020',
      exercice: 2020,
    };
    const avenant = documentTexte('avenant', preparerContexte(brut));
    expect(planDocument(avenant).slice(0, 3)).toEqual([
      '# AVENANT n°',
      "# CONVENTION D'APPUI À LA LUTTE CONTRE LA PAUVRETÉ ET D'ACCÈS À L'EMPLOI (CALPAE)",
      '## ARTICLE 1',
    ]);
    expect(sansInsecables(texteDocument(avenant))).toContain(
      "Au titre de l'année 2020, le soutien financier de l'Etat s'élève à un montant de 150 000,00 €.",
    );
  });
  it('fiche action : modèle CALPAE socle et France Travail ; numéro inconnu refusé', () => {
    const fiche = sansInsecables(texteDocument(documentTexte('fiche-action', calpae, '4.1')));
    expect(fiche).toContain(
      'Thème de la contractualisation : Insertion des allocataires du RSA – Orientation et parcours des allocataires',
    );
    expect(fiche).toContain("Budget global de l'action : 220 000,00 €");
    const ficheFt = sansInsecables(texteDocument(documentTexte('fiche-action', ft, '2.2')));
    expect(ficheFt).toContain(
      "Montant apporté par l'État : 10 000,00 € ; montant apporté par la collectivité : 12 000,00 € ; autres financeurs : 1 000,00 €",
    );
    expect(() => documentTexte('fiche-action', calpae, '9.9')).toThrow(
      /Action « 9\.9 » absente de la convention/u,
    );
  });
  it('bilan final France Travail : versements calculés (003 · annexe 7 art. 6)', () => {
    const texte = sansInsecables(texteDocument(documentTexte('bilan-final', ft)));
    // Alloué 115 000 ; avance 60 % = 69 000 ; réalisé éligible 48 000 + 55 000 + 20 000 = 123 000 ; dû 115 000 ; solde 46 000.
    expect(texte).toContain('Montant alloué (article 4.1) | 115 000,00 €');
    expect(texte).toContain('Avance de 60 % versée à la signature | 69 000,00 €');
    expect(texte).toContain('Dépenses éligibles réalisées | 123 000,00 €');
    expect(texte).toContain('Solde restant à verser | 46 000,00 €');
  });
});

describe('France Travail : plan de financement et bilan financier (003 · annexe 7, annexes 2 et 3)', () => {
  const plan = feuillesPlanFinancement(ft);
  it('une feuille par volet, actions à la place des lignes d’exemple de leur type', () => {
    expect(plan.map((f) => f.nom)).toEqual([
      'Plan de financement volet 1',
      'Plan de financement volet 2',
      'Plan de financement volet 3',
    ]);
    const volet2 = plan[1];
    if (volet2 === undefined) throw new Error('volet 2');
    const libelles = volet2.lignes.map((l) => l[2]?.valeur ?? l[0]?.valeur);
    expect(libelles).toContain('2.1 – Coachs emploi pour allocataires');
    expect(libelles).toContain('2.2 – Aide au permis de conduire');
    // Lignes « Action 1 / 2 / 3 » remplacées par l'action 2.1 ; pas de ligne « Action 2 » restante.
    expect(libelles).not.toContain('Action 2');
  });
  it('totaux : formules justes, total du volet 2 = 60 000 + 23 000 = 83 000 €', () => {
    for (const feuille of [...plan, ...feuillesBilanFinancier(ft)]) {
      feuille.lignes.forEach((ligne) =>
        ligne.forEach((cellule) => {
          if (cellule?.formule !== undefined)
            expect(evaluer(feuille, cellule.formule)).toBe(Math.round(Number(cellule.valeur) * 100));
        }),
      );
    }
    const volet2 = plan[1];
    if (volet2 === undefined) throw new Error('volet 2');
    const total = volet2.lignes.find(
      (l) => l[0]?.valeur === 'TOTAL BESOINS DEPARTEMENTAUX AU TITRE DU VOLET 2 :',
    );
    expect(total?.[6]?.valeur).toBe(83000);
    expect(caseEn(volet2, 'G2')?.valeur).toBe(40000);
    const bilan2 = feuillesBilanFinancier(ft)[1];
    const totalBilan = bilan2?.lignes.find((l) => l[0]?.valeur === 'TOTAL DEPENSES AU TITRE DU VOLET 2');
    expect(totalBilan?.[6]?.valeur).toBe(75000);
  });
});
