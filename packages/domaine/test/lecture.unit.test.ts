import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formaterErreurFormat,
  lireConvention,
  serialiserConvention,
  validerConvention,
} from '../src/index.ts';
import { action, convention } from './fabrique.ts';

const erreurs = (document: unknown): string[] => {
  const lecture = validerConvention(JSON.parse(JSON.stringify(document)));
  return lecture.ok ? [] : lecture.erreurs.map(formaterErreurFormat);
};
const base = () =>
  convention([{ numero: '4.1', mesure: 'insertion_orientation', previsionnel: { etat: 1, cd: 1 } }]);
const avecAction = (modif: (a: Record<string, unknown>) => void) => {
  const document = base();
  const premiere = (document.actions as Record<string, unknown>[])[0];
  if (premiere === undefined) throw new Error('action absente');
  modif(premiere);
  return document;
};

describe('lecture du document jalon.convention/1 : erreurs de format (sortie 2)', () => {
  it('un document conforme est lu, avec les valeurs par défaut', () => {
    const lecture = validerConvention(base());
    expect(lecture.ok).toBe(true);
    if (lecture.ok) {
      expect(lecture.document.actions[0]?.justification).toBe('');
      expect(lecture.document.actions[0]?.validee_par_commissaire).toBe(false);
    }
  });

  it('JSON invalide : ligne et colonne', () => {
    const lecture = lireConvention('{\n  "format": "jalon.convention/1",\n  "cadre" "calpae-2023"\n}');
    expect(lecture.ok).toBe(false);
    if (!lecture.ok)
      expect(formaterErreurFormat(lecture.erreurs[0] ?? { chemin: '', raison: '' })).toMatch(
        /^ligne 3, colonne \d+ : JSON invalide/,
      );
  });

  it.each<[string, (d: Record<string, unknown>) => void, string]>([
    ['format', (d) => (d.format = 'jalon.convention/2'), 'format : valeur « jalon.convention/2 » non admise'],
    ['cadre inconnu', (d) => (d.cadre = 'calpae-2024'), 'cadre : valeur « calpae-2024 » non admise'],
    [
      'collectivite.type',
      (d) => (d.collectivite = { type: 'commune', code: '44' }),
      'collectivite.type : valeur',
    ],
    [
      'collectivite.code',
      (d) => (d.collectivite = { type: 'region', code: 44 }),
      'collectivite.code : texte attendu, reçu nombre',
    ],
    ['exercice non entier', (d) => (d.exercice = 2023.5), 'exercice : nombre entier attendu'],
    ['exercice texte', (d) => (d.exercice = '2023'), 'exercice : nombre attendu, reçu texte'],
    ['regime', (d) => (d.regime = 'annuel'), 'regime : valeur « annuel » non admise'],
    ['duree_mois', (d) => (d.duree_mois = 9), 'duree_mois : valeur 9 non admise'],
    ['actions', (d) => (d.actions = {}), 'actions : tableau attendu, reçu objet'],
    ['enveloppe absente', (d) => delete d.enveloppe_etat, 'enveloppe_etat : champ obligatoire manquant'],
  ])('%s', (_nom, modif, attendu) => {
    const document = base();
    modif(document);
    expect(erreurs(document).join('\n')).toContain(attendu);
  });

  it.each<[string, (a: Record<string, unknown>) => void, string]>([
    ['numero manquant', (a) => delete a.numero, 'actions[0].numero : champ obligatoire manquant'],
    ['numero nombre', (a) => (a.numero = 4.1), 'actions[0].numero : texte attendu, reçu nombre'],
    ['intitule manquant', (a) => delete a.intitule, 'actions[0].intitule : champ obligatoire manquant'],
    ['mesure manquante', (a) => delete a.mesure, 'actions[0].mesure : champ obligatoire manquant'],
    [
      'previsionnel manquant',
      (a) => delete a.previsionnel,
      'actions[0].previsionnel : champ obligatoire manquant',
    ],
    [
      'previsionnel.cd manquant',
      (a) => delete (a.previsionnel as Record<string, unknown>).cd,
      'actions[0].previsionnel.cd : champ obligatoire manquant',
    ],
    ['execution non objet', (a) => (a.execution = 12), 'actions[0].execution : objet attendu, reçu nombre'],
    ['execution null', (a) => (a.execution = null), 'actions[0].execution : objet attendu, reçu null'],
    [
      'execution incomplète',
      (a) => (a.execution = { realise: 1, valorisation_cd: 0, a_reporter_etat: 0 }),
      'actions[0].execution.a_reporter_cd : champ obligatoire manquant',
    ],
    [
      'nature_depense inconnue',
      (a) => (a.nature_depense = 'cafe'),
      'actions[0].nature_depense : valeur « cafe » non admise',
    ],
    ['justification non texte', (a) => (a.justification = 3), 'actions[0].justification : texte attendu'],
    [
      'validee_par_commissaire non booléen',
      (a) => (a.validee_par_commissaire = 'oui'),
      'actions[0].validee_par_commissaire : booléen',
    ],
    ['code_chorus non texte', (a) => (a.code_chorus = 30450191907), 'actions[0].code_chorus : texte attendu'],
  ])('%s', (_nom, modif, attendu) => {
    expect(erreurs(avecAction(modif)).join('\n')).toContain(attendu);
  });

  it('numéro en double', () => {
    const document = convention([
      { numero: '1', mesure: 'mobilite' },
      { numero: '2', mesure: 'mobilite' },
      { numero: '1', mesure: 'mobilite' },
    ]);
    expect(erreurs(document)).toEqual([
      'actions[2].numero : numéro « 1 » en double (déjà porté par actions[0])',
    ]);
  });

  it('France Travail : volet obligatoire, 1, 2 ou 3', () => {
    const sansVolet = convention([{ numero: '1', mesure: 'chefferie_projet' }], {
      cadre: 'france-travail-2024',
    });
    expect(erreurs(sansVolet).join('\n')).toContain('actions[0].volet : champ obligatoire manquant');
    const voletFaux = convention([{ numero: '1', mesure: 'chefferie_projet', volet: 4 }], {
      cadre: 'france-travail-2024',
    });
    expect(erreurs(voletFaux).join('\n')).toContain('actions[0].volet : volet 1, 2 ou 3 attendu, reçu 4');
    const voletTexte = convention([{ numero: '1', mesure: 'chefferie_projet', volet: 1 }], {
      cadre: 'france-travail-2024',
    });
    ((voletTexte.actions as Record<string, unknown>[])[0] ?? {}).volet = '1';
    expect(erreurs(voletTexte).join('\n')).toContain('actions[0].volet : volet 1, 2 ou 3 attendu, reçu "1"');
  });

  it('document non objet', () => {
    expect(erreurs([])).toEqual(['document : objet JSON attendu']);
  });

  it('les montants invalides et la mesure inconnue ne sont pas des erreurs de format', () => {
    const document = convention(
      [
        {
          numero: '1',
          mesure: 'inconnue',
          previsionnel: { etat: -1, cd: 'cent', autres: null, report_cd: 1.234 },
        },
      ],
      { enveloppe_etat: true },
    );
    expect(erreurs(document)).toEqual([]);
  });

  it('les clés inconnues sont acceptées et conservées', () => {
    const document: Record<string, unknown> = { ...base(), commentaire: 'à revoir' };
    ((document.actions as Record<string, unknown>[])[0] ?? {}).couleur = 'bleu';
    const lecture = validerConvention(document);
    expect(lecture.ok).toBe(true);
    if (lecture.ok) {
      expect(lecture.document.commentaire).toBe('à revoir');
      expect(lecture.document.actions[0]?.couleur).toBe('bleu');
    }
  });
});

describe('aller-retour JSON (propriété)', () => {
  const montant = fc.oneof(
    fc.integer({ min: 0, max: 10_000_000_00 }).map((c) => c / 100),
    fc.constant(-5),
    fc.constant('x'),
    fc.constant(null),
  );
  const previsionnel = fc.record({
    etat: montant,
    report_etat: montant,
    cd: montant,
    valorisation_cd: montant,
    report_cd: montant,
    autres: montant,
  });
  const actionArb = fc.record(
    {
      intitule: fc.string(),
      mesure: fc.constantFrom('insertion_orientation', 'mobilite', 'initiatives_departementales', 'inconnue'),
      code_chorus: fc.string({ maxLength: 14 }),
      previsionnel,
      execution: fc.record({
        realise: montant,
        valorisation_cd: montant,
        a_reporter_etat: montant,
        a_reporter_cd: montant,
      }),
      realise_exercice_precedent: montant,
      justification: fc.string(),
      validee_par_commissaire: fc.boolean(),
      extra: fc.jsonValue(),
    },
    { requiredKeys: ['intitule', 'mesure', 'previsionnel'] },
  );

  it('lire → réécrire → relire redonne le même document', () => {
    fc.assert(
      fc.property(
        fc.array(actionArb, { maxLength: 6 }),
        montant,
        fc.constantFrom(12, 6),
        (actions, enveloppe, duree) => {
          const document = convention([], {
            enveloppe_etat: enveloppe,
            duree_mois: duree,
            actions: actions.map((a, i) => ({ numero: `${i + 1}`, ...a })),
          });
          const premiere = lireConvention(JSON.stringify(document));
          expect(premiere.ok).toBe(true);
          if (!premiere.ok) return;
          const seconde = lireConvention(serialiserConvention(premiere.document));
          expect(seconde).toEqual(premiere);
        },
      ),
    );
  });
});

it('action() de la fabrique produit un document lisible', () => {
  expect(action({ numero: '1', mesure: 'mobilite' })).toMatchObject({ code_chorus: '030450191907' });
});
