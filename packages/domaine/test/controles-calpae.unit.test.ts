import { describe, expect, it } from 'vitest';
import { codes, controles, convention, type ActionTest } from './fabrique.ts';

const seul = (a: Omit<ActionTest, 'numero'> & { numero?: string }, autres: Record<string, unknown> = {}) =>
  convention([{ numero: '1', ...a }], autres);

describe('IMPUTATION_CHORUS (CALPAE ; 001 · annexe 10)', () => {
  it('code différent ou absent → bloquant', () => {
    const faux = controles(
      seul({ mesure: 'insertion_orientation', code_chorus: '030450191910' }),
      'IMPUTATION_CHORUS',
    );
    expect(faux).toMatchObject([{ gravite: 'bloquant', actions: ['1'], source: '001 · annexe 10' }]);
    expect(faux[0]?.message).toContain('030450191907');
    const document = seul({ mesure: 'insertion_orientation' });
    delete ((document.actions as Record<string, unknown>[])[0] ?? {}).code_chorus;
    expect(controles(document, 'IMPUTATION_CHORUS')[0]?.message).toContain('absent');
  });
  it('code conforme, même écrit avec des espaces → rien', () => {
    expect(codes(seul({ mesure: 'mobilite', code_chorus: '0304 50 19 19 07' }))).not.toContain(
      'IMPUTATION_CHORUS',
    );
    expect(codes(seul({ mesure: 'initiatives_departementales', code_chorus: '030450191910' }))).not.toContain(
      'IMPUTATION_CHORUS',
    );
  });
  it('accès aux droits 2023 : 02, 03 ou 04 admis ; en 2022, le code propre à la mesure seulement', () => {
    for (const code of ['030450191902', '030450191903', '030450191904']) {
      expect(codes(seul({ mesure: 'referents_parcours', code_chorus: code }))).not.toContain(
        'IMPUTATION_CHORUS',
      );
    }
    expect(codes(seul({ mesure: 'referents_parcours', code_chorus: '030450191905' }))).toContain(
      'IMPUTATION_CHORUS',
    );
    expect(
      codes(seul({ mesure: 'referents_parcours', code_chorus: '030450191903' }, { cadre: 'calpae-2022' })),
    ).toContain('IMPUTATION_CHORUS');
  });
  it('non jugé pour une mesure inconnue ; ni pour France Travail', () => {
    expect(codes(seul({ mesure: 'inconnue', code_chorus: '1' }))).toEqual(['MESURE_INCONNUE']);
    expect(
      codes(
        convention([{ numero: '1', mesure: 'chefferie_projet', volet: 1, code_chorus: 'x' }], {
          cadre: 'france-travail-2024',
        }),
      ),
    ).toEqual([]);
  });
});

describe('VALORISATION_SUPERIEURE_CD (tous cadres)', () => {
  it('valorisation > C → bloquant, source —', () => {
    expect(
      controles(
        seul({ mesure: 'mobilite', previsionnel: { cd: 1000, valorisation_cd: 1000.01 } }),
        'VALORISATION_SUPERIEURE_CD',
      ),
    ).toMatchObject([{ gravite: 'bloquant', actions: ['1'], source: '—' }]);
    expect(
      codes(
        convention(
          [
            {
              numero: '1',
              mesure: 'chefferie_projet',
              volet: 1,
              previsionnel: { cd: 10, valorisation_cd: 20 },
            },
          ],
          { cadre: 'france-travail-2024' },
        ),
      ),
    ).toEqual(['VALORISATION_SUPERIEURE_CD']);
  });
  it('valorisation = C → pas ce contrôle', () => {
    expect(
      codes(
        seul({ mesure: 'mobilite', previsionnel: { cd: 1000, valorisation_cd: 1000 }, justification: 'j' }),
      ),
    ).not.toContain('VALORISATION_SUPERIEURE_CD');
  });
});

describe('PARITE_ACTION (CALPAE ; 001 · annexe 4)', () => {
  it('C < A → bloquant avec les montants', () => {
    const [c] = controles(
      seul({ mesure: 'insertion_orientation', previsionnel: { etat: 100000, cd: 90000 } }),
      'PARITE_ACTION',
    );
    expect(c).toMatchObject({ gravite: 'bloquant', actions: ['1'], source: '001 · annexe 4' });
    expect(c?.message).toContain('90 000,00 €');
    expect(c?.message).toContain('100 000,00 €');
    expect(c?.message).toContain('10 000,00 €');
  });
  it('C = A → rien (borne)', () => {
    expect(
      codes(seul({ mesure: 'insertion_orientation', previsionnel: { etat: 100000, cd: 100000 } })),
    ).toEqual([]);
  });
  it('les reports ne comptent pas : A 1 000, C 900, D 200 → violation', () => {
    expect(
      codes(seul({ mesure: 'garantie_activite', previsionnel: { etat: 1000, cd: 900, report_cd: 200 } })),
    ).toContain('PARITE_ACTION');
  });
  it('mobilité exemptée', () => {
    expect(codes(seul({ mesure: 'mobilite', previsionnel: { etat: 5000 } }))).toEqual([]);
  });
  it('calpae-2020 aussi ; pas France Travail', () => {
    expect(
      codes(
        seul(
          { mesure: 'insertion_orientation', previsionnel: { etat: 2, cd: 1 } },
          { cadre: 'calpae-2020', exercice: 2020 },
        ),
      ),
    ).toContain('PARITE_ACTION');
    expect(
      codes(
        convention([{ numero: '1', mesure: 'chefferie_projet', volet: 1, previsionnel: { etat: 2 } }], {
          cadre: 'france-travail-2024',
        }),
      ),
    ).toEqual([]);
  });
});

describe('PARITE_CONVENTION (CALPAE ; 001 · annexe 4)', () => {
  it('Σ C < Σ A → une entrée, actions en défaut', () => {
    const resultat = controles(
      convention([
        { numero: '1', mesure: 'insertion_orientation', previsionnel: { etat: 1000, cd: 900 } },
        { numero: '2', mesure: 'garantie_activite', previsionnel: { etat: 1000, cd: 1000 } },
      ]),
      'PARITE_CONVENTION',
    );
    expect(resultat).toMatchObject([{ gravite: 'bloquant', actions: ['1'], source: '001 · annexe 4' }]);
    expect(resultat[0]?.message).toContain('1 900,00 €');
    expect(resultat[0]?.message).toContain('2 000,00 €');
  });
  it('une action compense l’autre : Σ C = 2 300 ≥ Σ A = 2 000 → seulement PARITE_ACTION', () => {
    const doc = convention([
      { numero: '1', mesure: 'insertion_orientation', previsionnel: { etat: 1000, cd: 1500 } },
      { numero: '2', mesure: 'garantie_activite', previsionnel: { etat: 1000, cd: 800 } },
    ]);
    expect(codes(doc)).toEqual(['PARITE_ACTION']);
  });
  it('mobilité exclue des deux sommes', () => {
    expect(
      codes(
        convention([
          { numero: '1', mesure: 'mobilite', previsionnel: { etat: 5000 } },
          { numero: '2', mesure: 'insertion_orientation', previsionnel: { etat: 1000, cd: 1000 } },
        ]),
      ),
    ).toEqual([]);
    const resultat = controles(
      convention([
        { numero: '1', mesure: 'mobilite', previsionnel: { cd: 5000 } },
        { numero: '2', mesure: 'insertion_orientation', previsionnel: { etat: 1000, cd: 900 } },
      ]),
      'PARITE_CONVENTION',
    );
    expect(resultat.map((c) => c.actions)).toEqual([['2']]);
  });
});

describe('VALORISATION_PLAFOND (CALPAE ; 001 · annexe 4 : 50 % maximum)', () => {
  it('50 % exactement → admis ; 50 % + 1 centime → bloquant', () => {
    expect(
      codes(
        seul({
          mesure: 'insertion_orientation',
          previsionnel: { cd: 1000, valorisation_cd: 500 },
          justification: 'j',
        }),
      ),
    ).toEqual([]);
    expect(
      controles(
        seul({
          mesure: 'insertion_orientation',
          previsionnel: { cd: 1000, valorisation_cd: 500.01 },
          justification: 'j',
        }),
        'VALORISATION_PLAFOND',
      ),
    ).toMatchObject([{ gravite: 'bloquant', actions: ['1'], source: '001 · annexe 4' }]);
  });
  it('pas France Travail', () => {
    expect(
      codes(
        convention(
          [
            {
              numero: '1',
              mesure: 'chefferie_projet',
              volet: 1,
              previsionnel: { cd: 10, valorisation_cd: 9 },
            },
          ],
          { cadre: 'france-travail-2024' },
        ),
      ),
    ).toEqual([]);
  });
});

describe('VALORISATION_JUSTIFIEE (CALPAE, alerte)', () => {
  it('valorisation sans justification (vide ou blanche) → alerte', () => {
    for (const justification of [undefined, '', '   ']) {
      expect(
        controles(
          seul({
            mesure: 'mobilite',
            previsionnel: { cd: 100, valorisation_cd: 10 },
            ...(justification === undefined ? {} : { justification }),
          }),
          'VALORISATION_JUSTIFIEE',
        ),
      ).toMatchObject([{ gravite: 'alerte', actions: ['1'], source: '001 · annexe 4' }]);
    }
  });
  it('justifiée, ou valorisation nulle → rien', () => {
    expect(
      codes(
        seul({
          mesure: 'mobilite',
          previsionnel: { cd: 100, valorisation_cd: 10 },
          justification: 'locaux mis à disposition',
        }),
      ),
    ).toEqual([]);
    expect(codes(seul({ mesure: 'mobilite', previsionnel: { cd: 100 } }))).toEqual([]);
  });
});

describe('ENVELOPPE_DEPASSEE (tous cadres)', () => {
  const doc = (a2: number) =>
    convention(
      [
        { numero: '1', mesure: 'mobilite', previsionnel: { etat: 100000 } },
        { numero: '2', mesure: 'mobilite', previsionnel: { etat: a2 } },
        { numero: '3', mesure: 'mobilite' },
      ],
      { enveloppe_etat: 150000 },
    );
  it('Σ A = enveloppe → admis', () => {
    expect(codes(doc(50000))).toEqual([]);
  });
  it('Σ A > enveloppe d’un centime → bloquant, actions dotées de crédits État', () => {
    const resultat = controles(doc(50000.01), 'ENVELOPPE_DEPASSEE');
    expect(resultat).toMatchObject([
      {
        gravite: 'bloquant',
        actions: ['1', '2'],
        source: '001 · annexe 7 art. 2.2 ; 003 · annexe 7 art. 4.1',
      },
    ]);
    expect(resultat[0]?.message).toContain('0,01 €');
  });
  it('pas de prorata pour une convention de 6 mois', () => {
    expect(
      codes(
        convention([{ numero: '1', mesure: 'mobilite', previsionnel: { etat: 100 } }], {
          enveloppe_etat: 100,
          duree_mois: 6,
          regime: 'glissant',
        }),
      ),
    ).toEqual([]);
  });
});

describe('ACTION_SANS_DEPENSE (CALPAE 2023 ; 001 · annexe 4)', () => {
  const base = {
    mesure: 'insertion_orientation',
    previsionnel: { etat: 1000, cd: 1000 },
    realise_exercice_precedent: 0,
  };
  it('ni justification ni validation → bloquant, le message nomme les deux manques', () => {
    const [c] = controles(seul(base), 'ACTION_SANS_DEPENSE');
    expect(c).toMatchObject({ gravite: 'bloquant', actions: ['1'], source: '001 · annexe 4' });
    expect(c?.message).toContain('justification');
    expect(c?.message).toContain('validation du commissaire');
  });
  it('justifiée mais non validée, ou validée sans justification → bloquant', () => {
    expect(
      controles(seul({ ...base, justification: 'renforcement' }), 'ACTION_SANS_DEPENSE')[0]?.message,
    ).not.toContain('« justification »');
    expect(codes(seul({ ...base, justification: 'renforcement' }))).toContain('ACTION_SANS_DEPENSE');
    expect(codes(seul({ ...base, validee_par_commissaire: true }))).toContain('ACTION_SANS_DEPENSE');
  });
  it('justifiée et validée ; ou dépense précédente ; ou sans crédits État ; ou non renseignée → rien', () => {
    expect(codes(seul({ ...base, justification: 'renforcement', validee_par_commissaire: true }))).toEqual(
      [],
    );
    expect(codes(seul({ ...base, realise_exercice_precedent: 0.01 }))).toEqual([]);
    expect(codes(seul({ ...base, previsionnel: { etat: 0, cd: 10 } }))).toEqual([]);
    expect(codes(seul({ mesure: 'insertion_orientation', previsionnel: { etat: 1000, cd: 1000 } }))).toEqual(
      [],
    );
  });
  it('calpae-2022 : non applicable', () => {
    expect(codes(seul(base, { cadre: 'calpae-2022', exercice: 2022 }))).toEqual([]);
  });
});

describe('NUMERIQUE_PLAFOND (CALPAE 2023 ; 001 · annexe 1 § 4 : 100 000 € au plus)', () => {
  const doc = (a2: number, cadre = 'calpae-2023') =>
    convention(
      [
        { numero: 'N1', mesure: 'numerique_insertion', previsionnel: { etat: 60000, cd: 60000 } },
        { numero: 'X', mesure: 'mobilite' },
        { numero: 'N2', mesure: 'numerique_insertion', previsionnel: { etat: a2, cd: a2 } },
      ],
      { cadre },
    );
  it('100 000 € exactement → admis', () => {
    expect(codes(doc(40000))).toEqual([]);
  });
  it('au-delà → bloquant, les actions numériques', () => {
    expect(controles(doc(40000.01), 'NUMERIQUE_PLAFOND')).toMatchObject([
      { gravite: 'bloquant', actions: ['N1', 'N2'], source: '001 · annexe 1 § 4' },
    ]);
    expect(codes(doc(40000.01, 'calpae-2022'))).toEqual([]);
  });
});

describe('FONGIBILITE_ASYMETRIQUE (CALPAE ; 001 · annexe 4)', () => {
  // insertion_orientation : F = 1 000 ; initiatives : F = 400.
  const doc = (realiseSocle: number | undefined, realiseInit: number | undefined, extra: ActionTest[] = []) =>
    convention(
      [
        {
          numero: '4.1',
          mesure: 'insertion_orientation',
          previsionnel: { etat: 500, cd: 500 },
          ...(realiseSocle === undefined ? {} : { execution: { realise: realiseSocle } }),
        },
        {
          numero: '9.1',
          mesure: 'initiatives_departementales',
          previsionnel: { etat: 200, cd: 200 },
          ...(realiseInit === undefined ? {} : { execution: { realise: realiseInit } }),
        },
        ...extra,
      ],
      { cadre: 'calpae-2022', exercice: 2022 },
    );
  it('dépassement socle (200) couvert exactement par la sous-consommation des initiatives (400 − 200) → admis', () => {
    expect(codes(doc(1200, 200))).toEqual([]);
  });
  it('dépassement socle d’un centime de trop → bloquant, actions de la mesure en excès', () => {
    const resultat = controles(doc(1200.01, 200), 'FONGIBILITE_ASYMETRIQUE');
    expect(resultat).toMatchObject([{ gravite: 'bloquant', actions: ['4.1'], source: '001 · annexe 4' }]);
    expect(resultat[0]?.message).toContain('200,01 €');
  });
  it('initiatives au-delà de leur prévisionnel → bloquant (jamais du socle vers les initiatives)', () => {
    expect(controles(doc(500, 400.01), 'FONGIBILITE_ASYMETRIQUE').map((c) => c.actions)).toEqual([['9.1']]);
  });
  it('pas de fongibilité entre mesures socles', () => {
    const resultat = controles(
      doc(1100, 400, [
        {
          numero: '5.1',
          mesure: 'garantie_activite',
          previsionnel: { etat: 500, cd: 500 },
          execution: { realise: 800 },
        },
      ]),
      'FONGIBILITE_ASYMETRIQUE',
    );
    expect(resultat.map((c) => c.actions)).toEqual([['4.1']]);
  });
  it('sans exécution saisie → non jugé', () => {
    expect(codes(doc(undefined, undefined))).toEqual([]);
  });
});

describe('REPORT_AU_DELA_CONVENTION (CALPAE 2023 ; 001 · annexe 7 art. 5)', () => {
  it('montant à reporter non nul → alerte par action', () => {
    const resultat = controles(
      convention([
        {
          numero: '1',
          mesure: 'mobilite',
          previsionnel: { etat: 10 },
          execution: { realise: 5, a_reporter_etat: 5 },
        },
        { numero: '2', mesure: 'mobilite', previsionnel: { etat: 10 }, execution: { realise: 10 } },
        { numero: '3', mesure: 'mobilite', previsionnel: { cd: 10 }, execution: { a_reporter_cd: 0.01 } },
      ]),
      'REPORT_AU_DELA_CONVENTION',
    );
    expect(resultat.map((c) => [c.gravite, c.actions, c.source])).toEqual([
      ['alerte', ['1'], '001 · annexe 7 art. 5'],
      ['alerte', ['3'], '001 · annexe 7 art. 5'],
    ]);
  });
  it('calpae-2022 : les reports sont permis', () => {
    expect(
      codes(
        convention([{ numero: '1', mesure: 'mobilite', execution: { a_reporter_etat: 5 } }], {
          cadre: 'calpae-2022',
        }),
      ),
    ).toEqual([]);
  });
});
