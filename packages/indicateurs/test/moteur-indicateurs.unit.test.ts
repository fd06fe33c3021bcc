import { describe, expect, it } from 'vitest';
import { calculerIndicateurs, expliquerIndicateur } from '../src/moteur/index.ts';
import { calculer, dossier, ev, parametres, plage } from './aide-moteur.ts';
import type { Evenement } from '../src/moteur/index.ts';

/** Chaque indicateur du tableau de la spec (§ 2), avec des valeurs calculées à la main. */
const entrantMars = (id: string, evenements: Evenement[]) =>
  dossier(id, [plage('2022-03', '2022-12')], [ev('reception_notification', '2022-03-01'), ...evenements]);
const oriente = (date: string, organisme: Evenement['organisme'] = 'departement') =>
  ev('orientation', date, { organisme });

describe('orientation (nouveaux_entrants_orientes, hors France Travail)', () => {
  it('orientée après le 31/12 de P : pas « orientée » dans P, mais « en 1 mois » (non borné par P)', () => {
    const dec = dossier(
      'DEC',
      [plage('2022-12', '2023-02')],
      [ev('reception_notification', '2022-12-20'), oriente('2023-01-05')],
    );
    const r = calculer(2022, [dec]);
    expect(r.nouveaux_entrants).toBe(1);
    expect(r.nouveaux_entrants_orientes).toBe(0);
    expect(r.orientes_1_mois).toBe(1); // INT-IND-6 : le délai part du T0, sans borne de fin de période
  });
  it('désignation de référent = orientation ; sans organisme = hors France Travail', () => {
    const p = entrantMars('REF', [ev('designation_referent', '2022-03-20')]);
    const r = calculer(2022, [p]);
    expect(r.nouveaux_entrants_orientes).toBe(1);
    expect(r.nouveaux_entrants_orientes_hors_france_travail).toBe(1);
  });
  it('l’orientation retenue est la première datée à partir du mois d’entrée', () => {
    const p = entrantMars('PREM', [
      oriente('2022-03-10', 'france_travail'),
      oriente('2022-03-20', 'departement'),
    ]);
    const r = calculer(2022, [p]);
    expect(r.nouveaux_entrants_orientes_hors_france_travail).toBe(0);
    expect(r.premiers_rdv).toBe(0);
  });
  it('le T0 est le premier reçu à partir du mois M−1, pas avant', () => {
    const p = dossier(
      'T0',
      [plage('2022-03', '2022-12')],
      [
        ev('reception_notification', '2022-01-15'),
        ev('reception_notification', '2022-02-20'),
        oriente('2022-03-25'),
      ],
    );
    const [ligne] = [...expliquerIndicateur([p], parametres(2022, [p]), 'orientes_1_mois')];
    expect(ligne?.t0).toBe('2022-02-20');
    expect(ligne?.ecart_jours).toBe(33);
    expect(ligne?.raison).toBe('HORS_DELAI'); // 25/03 ≥ 20/02 + 1 mois = 20/03
  });
});

describe('premiers rendez-vous (001 · annexe 6 § 1.1)', () => {
  it('premier rdv non annulé à partir de l’orientation ; 14 jours = 2 semaines, 15 jours non', () => {
    const a = entrantMars('A', [oriente('2022-03-10'), ev('rdv', '2022-03-24', { statut: 'honore' })]);
    const b = entrantMars('B', [oriente('2022-03-10'), ev('rdv', '2022-03-25', { statut: 'absent' })]);
    const c = entrantMars('C', [
      oriente('2022-03-10'),
      ev('rdv', '2022-03-12', { statut: 'annule' }),
      ev('rdv', '2022-04-30', { statut: 'prevu' }),
    ]);
    const d = entrantMars('D', [oriente('2022-03-10', 'france_travail'), ev('rdv', '2022-03-12')]);
    const r = calculer(2022, [a, b, c, d]);
    expect(r.premiers_rdv).toBe(3);
    expect(r.premiers_rdv_2_semaines).toBe(1);
  });
  it('un rdv après le 31/12 de P ne compte pas', () => {
    const p = dossier('X', [plage('2022-11', '2022-12')], [oriente('2022-12-20'), ev('rdv', '2023-01-02')]);
    expect(calculer(2022, [p]).premiers_rdv).toBe(0);
  });
});

describe('premiers CER (001 · annexe 6 § 1.1 : le délai de 2 mois part du T0 — INT-IND-5)', () => {
  it('CER « dans les 2 mois » depuis T0, pas depuis l’orientation', () => {
    // T0 01/03 → avant le 01/05. Orientation tardive le 25/04, CER le 30/04 : dans les 2 mois.
    const a = entrantMars('A', [oriente('2022-04-25'), ev('cer', '2022-04-30')]);
    // CER le 01/05 : hors délai même s'il suit l'orientation de 6 jours.
    const b = entrantMars('B', [oriente('2022-04-25'), ev('cer', '2022-05-01')]);
    // CER avant l'orientation : pas un « premier CER » au sens de l'indicateur.
    const c = entrantMars('C', [ev('cer', '2022-03-05'), oriente('2022-03-10')]);
    const r = calculer(2022, [a, b, c]);
    expect(r.premiers_cer).toBe(2);
    expect(r.premiers_cer_2_mois).toBe(1);
  });
  it('sans T0 : compté dans premiers_cer, pas dans premiers_cer_2_mois', () => {
    const p = dossier('S', [plage('2022-03', '2022-12')], [oriente('2022-03-10'), ev('cer', '2022-03-20')]);
    const r = calculer(2022, [p]);
    expect([r.premiers_cer, r.premiers_cer_2_mois]).toEqual([1, 0]);
  });
});

describe('garantie d’activité et accompagnement global (001 · annexe 6 § 1.2)', () => {
  const ga = 'garantie_activite_departementale' as const;
  const ag = 'accompagnement_global' as const;
  it('ga_orientes : nouveaux entrants de P entrés en GA dans P ; ga_en_cours : stock de tous au 31/12', () => {
    const entrant = entrantMars('E', [
      oriente('2022-03-10'),
      ev('entree_dispositif', '2022-05-01', { dispositif: ga }),
    ]);
    const ancien = dossier(
      'V',
      [plage('2021-01', '2022-12')],
      [ev('entree_dispositif', '2021-06-01', { dispositif: ga })],
    );
    const sorti = dossier(
      'S',
      [plage('2021-01', '2022-12')],
      [
        ev('entree_dispositif', '2022-02-01', { dispositif: ga }),
        ev('sortie_dispositif', '2022-12-31', { dispositif: ga }),
      ],
    );
    const revenu = dossier(
      'R',
      [plage('2021-01', '2022-12')],
      [
        ev('entree_dispositif', '2021-02-01', { dispositif: ga }),
        ev('sortie_dispositif', '2021-10-01', { dispositif: ga }),
        ev('entree_dispositif', '2022-11-01', { dispositif: ga }),
        ev('sortie_dispositif', '2023-01-15', { dispositif: ga }),
      ],
    );
    const r = calculer(2022, [entrant, ancien, sorti, revenu]);
    expect(r.ga_orientes).toBe(1);
    expect(r.ga_en_cours).toBe(3); // E, V, R (sorti le 15/01/2023 seulement) ; S sorti le 31/12
  });
  it('même jour : une sortie le jour de l’entrée clôt l’entrée (INT-IND-8)', () => {
    const p = dossier(
      'J',
      [plage('2022-01', '2022-12')],
      [
        ev('sortie_dispositif', '2022-06-01', { dispositif: ag }),
        ev('entree_dispositif', '2022-06-01', { dispositif: ag }),
      ],
    );
    const r = calculer(2022, [p]);
    expect([r.ag_orientes, r.ag_en_cours]).toEqual([1, 0]);
  });
  it('ag_par_conseiller : stock ÷ conseillers distincts, arrondi au dixième ; vide sans conseiller', () => {
    const entre = (id: string, conseiller?: string) =>
      dossier(
        id,
        [plage('2022-01', '2022-12')],
        [
          ev(
            'entree_dispositif',
            '2022-03-01',
            conseiller ? { dispositif: ag, conseiller } : { dispositif: ag },
          ),
        ],
      );
    // 7 personnes en cours, 3 conseillers distincts (une sans conseiller) : 7 / 3 = 2,33 → 2,3
    const personnes = [
      entre('1', 'c1'),
      entre('2', 'c1'),
      entre('3', 'c2'),
      entre('4', 'c2'),
      entre('5', 'c3'),
      entre('6', 'c3'),
      entre('7'),
    ];
    expect(calculer(2022, personnes).ag_par_conseiller).toBe(2.3);
    expect(calculer(2022, [entre('1', 'c1'), entre('2', 'c2')]).ag_par_conseiller).toBe(1);
    expect(calculer(2022, personnes.slice(0, 5)).ag_par_conseiller).toBe(1.7); // 5 / 3 = 1,67 → 1,7
    expect(calculer(2022, [entre('7')]).ag_par_conseiller).toBeNull();
    expect(calculer(2022, []).ag_par_conseiller).toBeNull();
  });
  it('ag_delai_moyen_jours : dernière proposition antérieure ou égale, moyenne par entrée, demi supérieur', () => {
    const p = (id: string, proposition: string | null, entree: string) =>
      dossier(
        id,
        [plage('2022-01', '2022-12')],
        [
          ...(proposition ? [ev('proposition_dispositif', proposition, { dispositif: ag })] : []),
          ev('entree_dispositif', entree, { dispositif: ag }),
        ],
      );
    // écarts : 10, 21, 0 (même jour) → 31 / 3 = 10,33 → 10,3 ; sans proposition : ignorée
    const r = calculer(2022, [
      p('a', '2022-03-01', '2022-03-11'),
      p('b', '2022-04-01', '2022-04-22'),
      p('c', '2022-05-05', '2022-05-05'),
      p('d', null, '2022-06-01'),
      p('e', '2022-12-20', '2023-01-05'), // entrée hors P : ignorée
    ]);
    expect(r.ag_delai_moyen_jours).toBe(10.3);
    // 1,15 en flottant donnerait 1,1 : l'arithmétique entière donne 1,2 (23 / 20 = 1,15)
    const vingt = Array.from({ length: 20 }, (_, i) =>
      p(`p${i}`, '2022-03-01', i < 3 ? '2022-03-03' : '2022-03-02'),
    );
    // 3 écarts de 2 jours + 17 écarts de 1 jour = 23 jours / 20 entrées = 1,15 → 1,2
    expect(calculer(2022, vingt).ag_delai_moyen_jours).toBe(1.2);
    expect(calculer(2022, [p('d', null, '2022-06-01')]).ag_delai_moyen_jours).toBeNull();
  });
});

describe('anomalies', () => {
  it('signale entrants sans T0, rdv et CER avant l’orientation, orientation longtemps avant T0, événements orphelins', () => {
    const sansT0 = dossier('S', [plage('2022-03', '2022-12')], [oriente('2022-03-10')]);
    const avant = entrantMars('A', [ev('rdv', '2022-03-05'), ev('cer', '2022-03-06'), oriente('2022-03-10')]);
    const tot = dossier(
      'T',
      [plage('2022-05', '2022-12')],
      [oriente('2022-05-02'), ev('reception_notification', '2022-06-10')],
    );
    const orphelin = dossier('O', [], [ev('rdv', '2022-03-05')]);
    const personnes = [sansT0, avant, tot, orphelin];
    const { anomalies } = calculerIndicateurs(personnes, parametres(2022, personnes));
    const parCode = Object.fromEntries(anomalies.map((a) => [a.code, a.exemples]));
    expect(parCode).toEqual({
      NOUVEL_ENTRANT_SANS_T0: ['S'],
      ORIENTATION_LONGTEMPS_AVANT_T0: ['T'],
      RDV_AVANT_ORIENTATION: ['A'],
      CER_AVANT_ORIENTATION: ['A'],
      EVENEMENTS_SANS_SITUATION: ['O'],
    });
  });
});
