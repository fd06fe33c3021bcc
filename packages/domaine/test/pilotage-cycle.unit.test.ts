import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appliquerTransition,
  nouvelleConvention,
  transitionsPossibles,
  type Acteur,
  type CollectivitePilotee,
  type ConventionPilotee,
  type DemandeTransition,
  type ResultatControle,
  type ResultatTransition,
} from '../src/index.ts';

// Acteurs et collectivités de test (rôles de la plateforme, INT-PLATEFORME-1).
const LOIRE_ATLANTIQUE: CollectivitePilotee = {
  code: '44',
  nom: 'Loire-Atlantique',
  departements: ['44'],
  region: '52',
  zone: 'metro',
};
const CORSE: CollectivitePilotee = {
  code: '20R',
  nom: 'Collectivité de Corse',
  departements: ['2A', '2B'],
  region: '94',
  zone: 'metro',
};
const agent44: Acteur = {
  id: 'agent.44',
  role: 'departement_agent',
  territoire: { type: 'collectivite', code: '44' },
};
const valideur44: Acteur = {
  id: 'valideur.44',
  role: 'departement_valideur',
  territoire: { type: 'collectivite', code: '44' },
};
const ddets44: Acteur = { id: 'ddets.44', role: 'ddets', territoire: { type: 'departement', code: '44' } };
const commissaire52: Acteur = {
  id: 'commissaire.52',
  role: 'commissaire',
  territoire: { type: 'region', code: '52' },
};
const national: Acteur = { id: 'dgcs', role: 'national', territoire: { type: 'national' } };
const ddets37: Acteur = { id: 'ddets.37', role: 'ddets', territoire: { type: 'departement', code: '37' } };
const commissaire24: Acteur = {
  id: 'commissaire.24',
  role: 'commissaire',
  territoire: { type: 'region', code: '24' },
};
const valideur37: Acteur = {
  id: 'valideur.37',
  role: 'departement_valideur',
  territoire: { type: 'collectivite', code: '37' },
};
const TOUS = [agent44, valideur44, ddets44, commissaire52, national];

const jour = (texte: string): Date => new Date(`${texte}T10:00:00Z`);

const fiche = (numero: string) => ({ numero, intitule: `Action ${numero}`, validations: {} });

function conventionCalpae(autres: Partial<ConventionPilotee> = {}): ConventionPilotee {
  return {
    ...nouvelleConvention({
      id: 'c-44-2023',
      cadre: 'calpae-2023',
      exercice: 2023,
      regime: 'civil',
      collectivite: LOIRE_ATLANTIQUE,
      fiches: [fiche('1.1'), fiche('2.1')],
    }),
    ...autres,
  };
}

const PARITE: ResultatControle = {
  code: 'PARITE_ACTION',
  gravite: 'bloquant',
  actions: ['1.1'],
  message: 'parité non respectée',
  source: '001 · annexe 4',
};

/** Applique et exige le succès. */
function ok(
  convention: ConventionPilotee,
  demande: DemandeTransition | DemandeTransition['code'],
  acteur: Acteur,
  le: string,
): ConventionPilotee {
  const resultat = appliquerTransition(convention, demande, acteur, jour(le));
  if (!resultat.ok) expect.fail(`refus inattendu : ${resultat.refus.map((r) => r.message).join(' | ')}`);
  return resultat.convention;
}

function refus(resultat: ResultatTransition): { motif: string; message: string }[] {
  if (resultat.ok) expect.fail(`transition acceptée à tort (${resultat.entree.transition})`);
  return resultat.refus.map(({ motif, message }) => ({ motif, message }));
}

describe('cycle de vie CALPAE 2023 : le parcours annuel complet', () => {
  it('va du brouillon à la clôture, chaque acte au bon rôle, journalisé', () => {
    let c = conventionCalpae();
    c = ok(c, 'ouvrir_negociation', agent44, '2023-02-01');
    expect(c.etat).toBe('en_negociation');

    // Aucune fiche validée : la validation conjointe est refusée, fiche par fiche (001 · annexe 4 § 2).
    expect(refus(appliquerTransition(c, 'valider_conjointement', ddets44, jour('2023-02-02')))).toEqual([
      {
        motif: 'prerequis',
        message:
          "Fiches actions non validées par les deux parties : 1.1 (à valider par la collectivité et l'État), 2.1 (à valider par la collectivité et l'État).",
      },
    ]);
    c = ok(c, 'valider_fiches', valideur44, '2023-03-01');
    c = ok(c, { code: 'valider_fiches', fiches: ['1.1'] }, ddets44, '2023-03-02');
    expect(c.etat).toBe('en_negociation');
    expect(
      refus(appliquerTransition(c, 'valider_conjointement', ddets44, jour('2023-03-03')))[0]?.message,
    ).toBe("Fiches actions non validées par les deux parties : 2.1 (à valider par l'État).");
    c = ok(c, 'valider_fiches', ddets44, '2023-03-09');
    expect(c.fiches.map((f) => [f.validations.collectivite?.le, f.validations.etat?.le])).toEqual([
      ['2023-03-01', '2023-03-02'],
      ['2023-03-01', '2023-03-09'],
    ]);

    // Un contrôle financier bloquant arrête la validation conjointe.
    const bloquee = refus(
      appliquerTransition(
        { ...c, controles: [PARITE] },
        'valider_conjointement',
        ddets44,
        jour('2023-03-10'),
      ),
    );
    expect(bloquee).toEqual([
      {
        motif: 'prerequis',
        message: 'Contrôles financiers bloquants à corriger : PARITE_ACTION (1 constat).',
      },
    ]);
    c = ok(c, 'valider_conjointement', ddets44, '2023-03-10');
    expect(c.etat).toBe('validee_conjointement');

    // Délibération : le valideur seul ; date ni future, ni antérieure à la validation conjointe.
    expect(refus(appliquerTransition(c, 'deliberer', ddets44, jour('2023-06-20')))[0]?.motif).toBe('role');
    expect(
      refus(
        appliquerTransition(c, { code: 'deliberer', date: '2023-03-01' }, valideur44, jour('2023-06-20')),
      ),
    ).toEqual([
      {
        motif: 'date',
        message: 'La date 01/03/2023 précède la validation conjointe des fiches (10/03/2023).',
      },
    ]);
    expect(
      refus(
        appliquerTransition(c, { code: 'deliberer', date: '2023-06-21' }, valideur44, jour('2023-06-20')),
      ),
    ).toEqual([{ motif: 'date', message: 'La date 21/06/2023 est dans le futur.' }]);
    c = ok(c, { code: 'deliberer', date: '2023-06-15' }, valideur44, '2023-06-20');
    expect(c).toMatchObject({ etat: 'deliberee', dateDeliberation: '2023-06-15' });

    // Signature : président (valideur) puis préfet (DDETS) ; le commissaire ne signe pas une CALPAE.
    c = ok(c, 'signer', valideur44, '2023-06-20');
    expect(c.etat).toBe('deliberee');
    expect(refus(appliquerTransition(c, 'signer', valideur44, jour('2023-06-21')))).toEqual([
      { motif: 'deja_fait', message: 'Président du conseil départemental : signature déjà enregistrée.' },
    ]);
    expect(refus(appliquerTransition(c, 'signer', commissaire52, jour('2023-06-21')))[0]?.motif).toBe('role');
    c = ok(c, 'signer', ddets44, '2023-06-22');
    expect(c).toMatchObject({ etat: 'signee', dateSignature: '2023-06-22' });

    c = ok(c, 'demarrer_execution', ddets44, '2023-06-23');
    expect(c.etat).toBe('en_execution');

    // Rapport : après la fin de la période (31/12/2023), exécution saisie.
    expect(
      refus(
        appliquerTransition(
          { ...c, actionsSansExecution: ['2.1'] },
          'deposer_rapport',
          valideur44,
          jour('2023-12-15'),
        ),
      ),
    ).toEqual([
      {
        motif: 'prerequis',
        message: "La période d'exercice court jusqu'au 31/12/2023 : le rapport porte sur la période achevée.",
      },
      { motif: 'prerequis', message: 'Exécution financière non saisie pour les actions 2.1.' },
    ]);
    c = ok(c, 'deposer_rapport', valideur44, '2024-03-01');
    expect(c.etat).toBe('rapport_depose');

    // Note d'analyse : le commissaire de la région, note rédigée.
    expect(refus(appliquerTransition(c, 'deposer_note_analyse', commissaire24, jour('2024-04-02')))).toEqual([
      {
        motif: 'territoire',
        message: "La collectivité Loire-Atlantique (44) n'est pas dans votre territoire (région 24).",
      },
      { motif: 'prerequis', message: "La note d'analyse du commissaire n'est pas rédigée." },
    ]);
    c = { ...c, noteAnalyse: { acteur: 'commissaire.52', role: 'commissaire', le: '2024-04-01' } };
    c = ok(c, 'deposer_note_analyse', commissaire52, '2024-04-02');
    c = ok(c, 'cloturer', national, '2024-06-01');
    expect(c.etat).toBe('cloturee');

    // Journal : une ligne par acte accepté, dans l'ordre, avec l'auteur et l'instant.
    expect(c.journal.map((e) => [e.transition, e.de, e.vers, e.acteur, e.date])).toEqual([
      ['ouvrir_negociation', 'brouillon', 'en_negociation', 'agent.44', '2023-02-01'],
      ['valider_fiches', 'en_negociation', 'en_negociation', 'valideur.44', '2023-03-01'],
      ['valider_fiches', 'en_negociation', 'en_negociation', 'ddets.44', '2023-03-02'],
      ['valider_fiches', 'en_negociation', 'en_negociation', 'ddets.44', '2023-03-09'],
      ['valider_conjointement', 'en_negociation', 'validee_conjointement', 'ddets.44', '2023-03-10'],
      ['deliberer', 'validee_conjointement', 'deliberee', 'valideur.44', '2023-06-15'],
      ['signer', 'deliberee', 'deliberee', 'valideur.44', '2023-06-20'],
      ['signer', 'deliberee', 'signee', 'ddets.44', '2023-06-22'],
      ['demarrer_execution', 'signee', 'en_execution', 'ddets.44', '2023-06-23'],
      ['deposer_rapport', 'en_execution', 'rapport_depose', 'valideur.44', '2024-03-01'],
      ['deposer_note_analyse', 'rapport_depose', 'analysee', 'commissaire.52', '2024-04-02'],
      ['cloturer', 'analysee', 'cloturee', 'dgcs', '2024-06-01'],
    ]);
    expect(c.journal[0]?.horodatage).toBe('2023-02-01T10:00:00.000Z');
    expect(c.journal[2]?.details).toBe('État : 1.1');
  });

  it("prend le jour civil à Paris (UTC+1 l'hiver) pour juger la période", () => {
    const c = conventionCalpae({ etat: 'signee' });
    // 22 h 30 UTC le 31/12/2022 = 23 h 30 à Paris, encore 2022 : la période 2023 n'a pas commencé.
    expect(
      refus(appliquerTransition(c, 'demarrer_execution', ddets44, new Date('2022-12-31T22:30:00Z'))),
    ).toEqual([{ motif: 'prerequis', message: "La période d'exercice ne commence que le 01/01/2023." }]);
    // 23 h 30 UTC = 0 h 30 le 01/01/2023 à Paris.
    const resultat = appliquerTransition(c, 'demarrer_execution', ddets44, new Date('2022-12-31T23:30:00Z'));
    expect(resultat.ok && resultat.entree.date).toBe('2023-01-01');
  });
});

/** Une convention placée dans l'état voulu, tous prérequis remplis (fiches validées, note rédigée…). */
function prete(etat: ConventionPilotee['etat'], autres: Partial<ConventionPilotee> = {}): ConventionPilotee {
  const trace = { acteur: 'x', role: 'ddets' as const, le: '2023-01-15' };
  return conventionCalpae({
    etat,
    fiches: [{ numero: '1.1', intitule: 'A', validations: { collectivite: trace, etat: trace } }],
    noteAnalyse: trace,
    ...autres,
  });
}

describe('qui peut déclencher quoi (CALPAE) : matrice écrite depuis les textes', () => {
  // Attendu relu dans les textes (voir docs/pilotage.md) : agent, valideur, DDETS, commissaire, national.
  const ATTENDU: [DemandeTransition, ConventionPilotee, string[]][] = [
    [{ code: 'ouvrir_negociation' }, prete('brouillon'), ['agent.44', 'valideur.44', 'ddets.44']],
    [{ code: 'valider_fiches' }, conventionCalpae({ etat: 'en_negociation' }), ['valideur.44', 'ddets.44']],
    [{ code: 'valider_conjointement' }, prete('en_negociation'), ['valideur.44', 'ddets.44']],
    [
      { code: 'rouvrir_negociation', motif: 'fiche 1.1 à revoir' },
      prete('validee_conjointement'),
      ['valideur.44', 'ddets.44'],
    ],
    [{ code: 'deliberer' }, prete('validee_conjointement'), ['valideur.44']],
    [{ code: 'signer' }, prete('deliberee'), ['valideur.44', 'ddets.44']],
    [{ code: 'demarrer_execution' }, prete('signee'), ['valideur.44', 'ddets.44']],
    [{ code: 'deposer_rapport' }, prete('en_execution'), ['valideur.44']],
    [{ code: 'deposer_note_analyse' }, prete('rapport_depose'), ['commissaire.52']],
    [{ code: 'cloturer' }, prete('analysee'), ['commissaire.52', 'dgcs']],
    [{ code: 'ouvrir_avenant', motif: 'crédits 2023' }, prete('en_execution'), ['valideur.44', 'ddets.44']],
  ];
  it.each(ATTENDU)('$code', (demande, convention, autorises) => {
    const acceptes = TOUS.filter(
      (acteur) => appliquerTransition(convention, demande, acteur, jour('2024-04-01')).ok,
    ).map((a) => a.id);
    expect(acceptes).toEqual(autorises);
    for (const acteur of TOUS.filter((a) => !autorises.includes(a.id))) {
      const r = refus(appliquerTransition(convention, demande, acteur, jour('2024-04-01')));
      expect(r.map((x) => x.motif)).toEqual(['role']);
      expect(r[0]?.message).toMatch(/^Le rôle « .+ » ne peut pas « .+ » \(réservé à : .+\)\.$/);
    }
  });

  it('refuse hors territoire et avec un compte mal paramétré', () => {
    const c = prete('brouillon');
    expect(refus(appliquerTransition(c, 'ouvrir_negociation', ddets37, jour('2023-02-01')))).toEqual([
      {
        motif: 'territoire',
        message: "La collectivité Loire-Atlantique (44) n'est pas dans votre territoire (département 37).",
      },
    ]);
    expect(
      refus(appliquerTransition(c, 'ouvrir_negociation', valideur37, jour('2023-02-01')))[0]?.motif,
    ).toBe('territoire');
    const mal: Acteur = { id: 'x', role: 'ddets', territoire: { type: 'region', code: '52' } };
    expect(refus(appliquerTransition(c, 'ouvrir_negociation', mal, jour('2023-02-01')))).toEqual([
      {
        motif: 'territoire',
        message:
          'Compte mal paramétré : le rôle « DDETS (État au département) » ne peut pas avoir le territoire région 52.',
      },
    ]);
  });

  it('une collectivité sur deux départements relève de chacune des deux DDETS (Corse)', () => {
    const c = { ...prete('brouillon'), collectivite: CORSE };
    const ddets2B: Acteur = {
      id: 'ddets.2B',
      role: 'ddets',
      territoire: { type: 'departement', code: '2B' },
    };
    expect(appliquerTransition(c, 'ouvrir_negociation', ddets2B, jour('2023-02-01')).ok).toBe(true);
  });

  it("refuse un état qui ne convient pas, en nommant l'état attendu", () => {
    expect(refus(appliquerTransition(prete('brouillon'), 'signer', ddets44, jour('2023-06-01')))).toEqual([
      {
        motif: 'etat',
        message:
          "La convention est à l'état « Brouillon » : « Signer la convention » n'est possible qu'à l'état « Délibérée ».",
      },
    ]);
  });

  it('exige un motif pour rouvrir la négociation, et efface alors les validations', () => {
    expect(
      refus(
        appliquerTransition(
          prete('validee_conjointement'),
          'rouvrir_negociation',
          ddets44,
          jour('2023-04-01'),
        ),
      ),
    ).toEqual([{ motif: 'motif', message: '« Rouvrir la négociation » exige un motif écrit.' }]);
    const c = ok(
      prete('validee_conjointement'),
      { code: 'rouvrir_negociation', motif: ' action 1.1 ' },
      ddets44,
      '2023-04-01',
    );
    expect(c.etat).toBe('en_negociation');
    expect(c.fiches[0]?.validations).toEqual({});
    expect(c.journal[0]?.details).toBe('action 1.1');
  });

  it('refuse une transition inconnue du cadre (note du commissaire en France Travail)', () => {
    const c = { ...prete('rapport_depose'), cadre: 'france-travail-2024' as const, exercice: 2024 };
    const r = refus(appliquerTransition(c, 'deposer_note_analyse', commissaire52, jour('2025-04-01')));
    expect(r[0]?.motif).toBe('transition_inconnue');
    expect(r[0]?.message).toMatch(
      /^Transition « deposer_note_analyse » inconnue pour le cadre france-travail-2024/,
    );
  });

  it('ne modifie jamais la convention reçue', () => {
    const c = structuredClone(prete('validee_conjointement'));
    const copie = structuredClone(c);
    appliquerTransition(c, 'deliberer', valideur44, jour('2023-06-01'));
    appliquerTransition(c, 'deliberer', ddets44, jour('2023-06-01'));
    expect(c).toEqual(copie);
  });
});

describe('France Travail 2024 : trois signataires, bilan final par la DDETS, dénonciation', () => {
  const ft = (etat: ConventionPilotee['etat']): ConventionPilotee => ({
    ...prete(etat),
    cadre: 'france-travail-2024' as const,
    exercice: 2024,
  });

  it('la convention est signée à la signature du préfet de région (003 · III.4.b)', () => {
    let c = ft('deliberee');
    c = ok(c, 'signer', valideur44, '2024-03-01');
    c = ok(c, 'signer', ddets44, '2024-03-05');
    expect(c.etat).toBe('deliberee');
    const vue = transitionsPossibles(c, commissaire52, jour('2024-03-06'));
    expect(vue.prochaineEtape).toMatchObject({
      code: 'signer',
      roles: ['commissaire'],
      signaturesAttendues: ['Préfet de région (responsable du BOP 102)'],
    });
    c = ok(c, { code: 'signer', date: '2024-03-04' }, commissaire52, '2024-03-06');
    // Jour de signature : la dernière des trois (05/03), même si le préfet de région date la sienne du 04/03.
    expect(c).toMatchObject({ etat: 'signee', dateSignature: '2024-03-05' });
  });

  it('le bilan final est opéré par la DDETS (003 · III.3), pas par le commissaire', () => {
    const c = ft('rapport_depose');
    expect(
      refus(appliquerTransition(c, 'analyser_bilan_final', commissaire52, jour('2025-04-01')))[0]?.motif,
    ).toBe('role');
    expect(ok(c, 'analyser_bilan_final', ddets44, '2025-04-01').etat).toBe('analysee');
  });

  it('une partie signataire peut dénoncer la convention, motif écrit (003 · III.4.a)', () => {
    expect(
      refus(appliquerTransition(ft('en_execution'), 'denoncer', valideur44, jour('2024-09-01')))[0]?.motif,
    ).toBe('motif');
    expect(
      ok(ft('en_execution'), { code: 'denoncer', motif: 'désaccord' }, valideur44, '2024-09-01').etat,
    ).toBe('cloturee');
    expect(
      appliquerTransition(
        prete('en_execution'),
        { code: 'denoncer', motif: 'x' },
        valideur44,
        jour('2024-09-01'),
      ).ok,
    ).toBe(false);
  });
});

describe('avenants', () => {
  it("suivent leur propre parcours et bloquent le rapport tant qu'ils sont ouverts", () => {
    let c = prete('en_execution');
    c = ok(c, { code: 'ouvrir_avenant', motif: 'Crédits complémentaires' }, ddets44, '2023-09-01');
    expect(c.avenants).toEqual([
      { numero: 1, objet: 'Crédits complémentaires', etat: 'en_negociation', signatures: {} },
    ]);
    expect(refus(appliquerTransition(c, 'deposer_rapport', valideur44, jour('2024-03-01')))).toEqual([
      { motif: 'prerequis', message: "L'avenant n° 1 est en cours (en_negociation)." },
    ]);
    expect(
      refus(appliquerTransition(c, 'deliberer_avenant', valideur44, jour('2023-09-02')))[0]?.message,
    ).toBe(
      "L'avenant n° 1 est à l'état « en_negociation » : « Enregistrer la délibération sur l'avenant » attend l'état « validee_conjointement ».",
    );
    c = ok(c, 'valider_avenant', valideur44, '2023-09-10');
    c = ok(c, { code: 'deliberer_avenant', date: '2023-10-02' }, valideur44, '2023-10-03');
    c = ok(c, 'signer_avenant', valideur44, '2023-10-04');
    c = ok(c, 'signer_avenant', ddets44, '2023-10-05');
    expect(c.avenants[0]).toMatchObject({
      etat: 'signee',
      dateDeliberation: '2023-10-02',
      dateSignature: '2023-10-05',
    });
    expect(c.etat).toBe('en_execution');
    expect(c.journal.map((e) => [e.transition, e.objet, e.avenant, e.de, e.vers])).toEqual([
      ['ouvrir_avenant', 'avenant', 1, 'aucun', 'en_negociation'],
      ['valider_avenant', 'avenant', 1, 'en_negociation', 'validee_conjointement'],
      ['deliberer_avenant', 'avenant', 1, 'validee_conjointement', 'deliberee'],
      ['signer_avenant', 'avenant', 1, 'deliberee', 'deliberee'],
      ['signer_avenant', 'avenant', 1, 'deliberee', 'signee'],
    ]);
    c = ok(c, { code: 'ouvrir_avenant', motif: 'second' }, valideur44, '2023-11-01');
    expect(c.avenants.map((a) => a.numero)).toEqual([1, 2]);
  });

  it('en année glissante 2023, un avenant se signe au plus tard le 30/06/2023 (001 · annexe 4 § 2)', () => {
    const avenant = { numero: 1, objet: 'prolongation', etat: 'deliberee' as const, signatures: {} };
    const c = { ...prete('signee'), regime: 'glissant' as const, avenants: [avenant] };
    expect(
      refus(
        appliquerTransition(c, { code: 'signer_avenant', date: '2023-07-01' }, ddets44, jour('2023-07-02')),
      ),
    ).toEqual([
      {
        motif: 'date',
        message:
          'Un avenant doit être signé au plus tard le 30/06/2023 (un avenant ne peut être rétroactif).',
      },
    ]);
    expect(
      appliquerTransition(c, { code: 'signer_avenant', date: '2023-06-30' }, ddets44, jour('2023-07-02')).ok,
    ).toBe(true);
    // Année civile : pas de délai propre aux avenants.
    expect(
      appliquerTransition(
        { ...c, regime: 'civil' },
        { code: 'signer_avenant', date: '2023-07-01' },
        ddets44,
        jour('2023-07-02'),
      ).ok,
    ).toBe(true);
  });
});

describe("transitionsPossibles : ce que l'interface montre", () => {
  it('donne le parcours, la prochaine étape, ce qui manque, et ce que chaque acteur peut faire', () => {
    let c = ok(conventionCalpae(), 'ouvrir_negociation', agent44, '2023-02-01');
    c = ok(c, 'valider_fiches', valideur44, '2023-02-10');
    const vue = transitionsPossibles(c, ddets44, jour('2023-02-11'));
    expect(vue.libelleEtat).toBe('En négociation');
    expect(vue.parcours.map((e) => [e.etat, e.statut, e.le])).toEqual([
      ['brouillon', 'franchie', undefined],
      ['en_negociation', 'courante', '2023-02-01'],
      ['validee_conjointement', 'a_venir', undefined],
      ['deliberee', 'a_venir', undefined],
      ['signee', 'a_venir', undefined],
      ['en_execution', 'a_venir', undefined],
      ['rapport_depose', 'a_venir', undefined],
      ['analysee', 'a_venir', undefined],
      ['cloturee', 'a_venir', undefined],
    ]);
    expect(vue.prochaineEtape?.code).toBe('valider_conjointement');
    expect(vue.prochaineEtape?.prerequisManquants.map((r) => r.message)).toEqual([
      "Fiches actions non validées par les deux parties : 1.1 (à valider par l'État), 2.1 (à valider par l'État).",
    ]);
    expect(vue.transitions.map((t) => [t.code, t.possible])).toEqual([
      ['valider_fiches', true],
      ['valider_conjointement', false],
    ]);
    const pourAgent = transitionsPossibles(c, agent44, jour('2023-02-11'));
    expect(pourAgent.transitions.find((t) => t.code === 'valider_fiches')?.refus.map((r) => r.motif)).toEqual(
      ['role'],
    );
    // Le valideur a déjà validé toutes les fiches pour sa partie.
    const pourValideur = transitionsPossibles(c, valideur44, jour('2023-02-11'));
    expect(
      pourValideur.transitions.find((t) => t.code === 'valider_fiches')?.refus.map((r) => r.motif),
    ).toEqual(['deja_fait']);
  });

  it('une transition dite possible est acceptée, une transition dite impossible est refusée', () => {
    for (const etat of [
      'brouillon',
      'en_negociation',
      'validee_conjointement',
      'deliberee',
      'signee',
      'en_execution',
      'rapport_depose',
      'analysee',
    ] as const) {
      for (const acteur of TOUS) {
        const c = prete(etat);
        for (const t of transitionsPossibles(c, acteur, jour('2024-04-01')).transitions) {
          const r = appliquerTransition(c, { code: t.code, motif: 'm' }, acteur, jour('2024-04-01'));
          expect(r.ok, `${etat} ${acteur.id} ${t.code}`).toBe(t.possible);
        }
      }
    }
  });
});

describe('propriété : quelle que soit la suite de demandes, les états ne suivent que les arêtes des textes', () => {
  // Arêtes du parcours (001 · annexe 4 ; 003 · III.4), écrites ici indépendamment des données du cycle.
  const ARETES = new Set([
    'brouillon>en_negociation',
    'en_negociation>validee_conjointement',
    'validee_conjointement>en_negociation',
    'validee_conjointement>deliberee',
    'deliberee>signee',
    'signee>en_execution',
    'en_execution>rapport_depose',
    'rapport_depose>analysee',
    'analysee>cloturee',
  ]);
  const CODES = [
    'ouvrir_negociation',
    'valider_fiches',
    'valider_conjointement',
    'rouvrir_negociation',
    'deliberer',
    'signer',
    'demarrer_execution',
    'deposer_rapport',
    'deposer_note_analyse',
    'cloturer',
    'ouvrir_avenant',
    'valider_avenant',
    'deliberer_avenant',
    'signer_avenant',
  ] as const;

  it('et chaque acte accepté ajoute exactement une ligne au journal', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            code: fc.constantFrom(...CODES),
            acteur: fc.constantFrom(...TOUS, ddets37, commissaire24),
            jours: fc.integer({ min: 0, max: 500 }),
          }),
          { maxLength: 40 },
        ),
        (demandes) => {
          let c = conventionCalpae({ noteAnalyse: { acteur: 'c', role: 'commissaire', le: '2023-01-01' } });
          for (const demande of demandes) {
            const instant = new Date(Date.UTC(2023, 0, 1 + demande.jours, 10));
            const avant = c;
            const r = appliquerTransition(c, { code: demande.code, motif: 'm' }, demande.acteur, instant);
            if (!r.ok) {
              expect(r.refus.length).toBeGreaterThan(0);
              continue;
            }
            c = r.convention;
            expect(c.journal.length).toBe(avant.journal.length + 1);
            if (c.etat !== avant.etat) expect(ARETES.has(`${avant.etat}>${c.etat}`)).toBe(true);
            expect([ddets37.id, commissaire24.id]).not.toContain(demande.acteur.id);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
