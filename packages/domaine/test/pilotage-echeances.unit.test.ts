import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appliquerTransition,
  classerEcheance,
  echapperTexte,
  echeancesDeConvention,
  genererICalendar,
  nouvelleConvention,
  plierLigne,
  vueEcheancesTerritoire,
  type CollectivitePilotee,
  type ConventionPilotee,
  type EcheanceConvention,
} from '../src/index.ts';

const LOIRE_ATLANTIQUE: CollectivitePilotee = {
  code: '44',
  nom: 'Loire-Atlantique',
  departements: ['44'],
  region: '52',
  zone: 'metro',
};
const INDRE_ET_LOIRE: CollectivitePilotee = {
  code: '37',
  nom: 'Indre-et-Loire',
  departements: ['37'],
  region: '24',
  zone: 'metro',
};

const convention = (
  cadre: ConventionPilotee['cadre'],
  exercice: number,
  regime: ConventionPilotee['regime'],
  collectivite: CollectivitePilotee = LOIRE_ATLANTIQUE,
): ConventionPilotee =>
  nouvelleConvention({
    id: `${collectivite.code}-${cadre}-${String(exercice)}-${regime}`,
    cadre,
    exercice,
    regime,
    collectivite,
  });

const dates = (echeances: readonly EcheanceConvention[]): string[] =>
  echeances.map((e) => `${e.code} ${e.debut === undefined ? '' : `${e.debut}→`}${e.echeance}`).sort();

describe('échéances par cadre et régime, relues dans les textes', () => {
  it('CALPAE 2023, année civile (001 · annexe 4, synthèse du calendrier)', () => {
    expect(dates(echeancesDeConvention(convention('calpae-2023', 2023, 'civil')))).toEqual([
      'adoption_convention 2023-06-30',
      'bilan_partage 2023-01-01→2023-03-31', // « 1er trimestre 2023 »
      'diagnostic_territorial 2023-01-01→2023-06-30', // « au cours du 1er semestre 2023 »
      'note_analyse_commissaire 2023-05-05',
      'periode_exercice 2023-01-01→2023-12-31',
      'remise_rapport_execution 2024-03-31',
      'reporting_indicateurs 2024-03-01→2024-03-31', // « sur le mois de mars 2024 »
    ]);
  });

  it('CALPAE 2023, année glissante : note au 20/06, avenant avant le 30/06, adoption au 01/09', () => {
    expect(dates(echeancesDeConvention(convention('calpae-2023', 2023, 'glissant')))).toEqual([
      'adoption_convention 2023-09-01',
      'bilan_partage 2023-01-01→2023-03-31',
      'diagnostic_territorial 2023-01-01→2023-06-30',
      'note_analyse_commissaire 2023-06-20',
      'periode_exercice 2023-07-01→2023-12-31',
      'remise_rapport_execution 2024-03-31', // « simple annexe » au rapport 2022, pour le 31 mars 2024
      'reporting_indicateurs 2024-03-01→2024-03-31',
      'signature_avenant 2023-06-30',
    ]);
  });

  it('CALPAE 2022 : rapport au 31/03/2023 (civil) ou au 01/07/2023 (glissant), reporting du 1er au 20 mars', () => {
    expect(dates(echeancesDeConvention(convention('calpae-2022', 2022, 'civil')))).toEqual([
      'periode_exercice 2022-01-01→2022-12-31',
      'remise_rapport_execution 2023-03-31',
      'reporting_indicateurs 2023-03-01→2023-03-20',
    ]);
    expect(dates(echeancesDeConvention(convention('calpae-2022', 2022, 'glissant')))).toEqual([
      'periode_exercice 2022-07-01→2023-06-30',
      'remise_rapport_execution 2023-07-01',
      'reporting_indicateurs 2023-03-01→2023-03-20',
    ]);
  });

  it("CALPAE 2020 (000 · annexe 5) : rapport délibéré au 31 mars de l'année suivante, avenant 2020 au 30/06", () => {
    expect(dates(echeancesDeConvention(convention('calpae-2020', 2019, 'civil')))).toEqual([
      'periode_exercice 2019-01-01→2019-12-31',
      'remise_rapport_execution 2020-03-31',
    ]);
    expect(dates(echeancesDeConvention(convention('calpae-2020', 2020, 'civil')))).toEqual([
      'adoption_convention 2020-06-30',
      'periode_exercice 2020-01-01→2020-12-31',
      'remise_rapport_execution 2021-03-31',
      'transmission_dgcs 2020-06-30',
    ]);
  });

  it('France Travail 2024 (003 · III.4 ; annexe 7 art. 3.2 : bilan final trois mois après la fin, 31/03/2025)', () => {
    expect(dates(echeancesDeConvention(convention('france-travail-2024', 2024, 'civil')))).toEqual([
      'adoption_convention 2024-03-31',
      'bilan_final 2025-03-31',
      'finalisation_convention 2024-01-31',
      'periode_exercice 2024-01-01→2024-12-31',
      'prenotification_credits 2023-12-11',
    ]);
  });

  it('dit qui doit agir : le commissaire pour la note, la collectivité pour le rapport', () => {
    const e = echeancesDeConvention(convention('calpae-2023', 2023, 'civil'));
    expect(e.find((x) => x.code === 'note_analyse_commissaire')?.responsables).toEqual(['commissaire']);
    expect(e.find((x) => x.code === 'remise_rapport_execution')?.responsables).toEqual([
      'departement_valideur',
    ]);
    expect(e.find((x) => x.code === 'periode_exercice')).toMatchObject({ aFaire: false, responsables: [] });
  });
});

describe('classement à une date : à venir, proche, en retard, fait', () => {
  const e = echeancesDeConvention(convention('calpae-2023', 2023, 'civil'));
  const statut = (code: string, jour: string, joursProche?: number) => {
    const echeance = e.find((x) => x.code === code);
    if (echeance === undefined) throw new Error(code);
    return classerEcheance(echeance, jour, joursProche === undefined ? {} : { joursProche });
  };

  it('au 15/04/2023', () => {
    expect(statut('bilan_partage', '2023-04-15')).toBe('en_retard'); // fin du 1er trimestre passée
    expect(statut('diagnostic_territorial', '2023-04-15')).toBe('proche'); // période commencée
    expect(statut('note_analyse_commissaire', '2023-04-15')).toBe('proche'); // 05/05 à 20 jours
    expect(statut('adoption_convention', '2023-04-15')).toBe('a_venir'); // 30/06 à 76 jours
    expect(statut('periode_exercice', '2023-04-15')).toBe('repere');
  });

  it('la date limite est incluse (INT-REFERENTIELS-12) et le seuil « proche » se règle', () => {
    expect(statut('note_analyse_commissaire', '2023-05-05')).toBe('proche');
    expect(statut('note_analyse_commissaire', '2023-05-06')).toBe('en_retard');
    expect(statut('note_analyse_commissaire', '2023-04-05')).toBe('proche'); // J-30
    expect(statut('note_analyse_commissaire', '2023-04-04')).toBe('a_venir'); // J-31
    expect(statut('note_analyse_commissaire', '2023-05-04', 0)).toBe('a_venir');
    expect(statut('note_analyse_commissaire', '2023-05-05', 0)).toBe('proche');
    expect(() => statut('note_analyse_commissaire', '2023-05-05', -1)).toThrow(/joursProche/);
  });

  it("fait : d'après les réalisations fournies, ou le journal du cycle de vie", () => {
    const faites = echeancesDeConvention(convention('calpae-2023', 2023, 'civil'), {
      bilan_partage: '2023-03-20',
    });
    const bilan = faites.find((x) => x.code === 'bilan_partage');
    expect(bilan?.faitLe).toBe('2023-03-20');
    if (bilan === undefined) expect.fail('bilan partagé absent');
    expect(classerEcheance(bilan, '2023-04-15')).toBe('fait');

    // La délibération du 15/06 tient l'échéance d'adoption (001 · annexe 4 § 2).
    const trace = { acteur: 'x', role: 'ddets' as const, le: '2023-01-15' };
    const c = {
      ...convention('calpae-2023', 2023, 'civil'),
      etat: 'validee_conjointement' as const,
      fiches: [{ numero: '1', intitule: 'A', validations: { collectivite: trace, etat: trace } }],
    };
    const r = appliquerTransition(
      c,
      { code: 'deliberer', date: '2023-06-15' },
      { id: 'v', role: 'departement_valideur', territoire: { type: 'collectivite', code: '44' } },
      new Date('2023-06-20T10:00:00Z'),
    );
    if (!r.ok) expect.fail('délibération refusée');
    const apres = echeancesDeConvention(r.convention);
    expect(apres.find((x) => x.code === 'adoption_convention')?.faitLe).toBe('2023-06-15');
    expect(apres.find((x) => x.code === 'remise_rapport_execution')?.faitLe).toBeUndefined();
  });

  it("France Travail : l'adoption n'est tenue qu'à la dernière des trois signatures", () => {
    const base = { ...convention('france-travail-2024', 2024, 'civil'), etat: 'deliberee' as const };
    const signer = (
      c: ConventionPilotee,
      role: 'departement_valideur' | 'ddets' | 'commissaire',
      jour: string,
    ) => {
      const territoire =
        role === 'departement_valideur'
          ? ({ type: 'collectivite', code: '44' } as const)
          : role === 'ddets'
            ? ({ type: 'departement', code: '44' } as const)
            : ({ type: 'region', code: '52' } as const);
      const r = appliquerTransition(
        c,
        'signer',
        { id: role, role, territoire },
        new Date(`${jour}T10:00:00Z`),
      );
      if (!r.ok) expect.fail(r.refus[0]?.message);
      return r.convention;
    };
    const deux = signer(signer(base, 'departement_valideur', '2024-03-01'), 'ddets', '2024-03-02');
    expect(echeancesDeConvention(deux).find((x) => x.code === 'adoption_convention')?.faitLe).toBeUndefined();
    const trois = signer(deux, 'commissaire', '2024-04-03');
    expect(echeancesDeConvention(trois).find((x) => x.code === 'adoption_convention')?.faitLe).toBe(
      '2024-04-03',
    );
  });
});

describe('vue par territoire', () => {
  const toutes = [
    ...echeancesDeConvention(convention('calpae-2023', 2023, 'civil')),
    ...echeancesDeConvention(convention('calpae-2023', 2023, 'glissant', INDRE_ET_LOIRE)),
  ];

  it('le commissaire de la région 52 ne voit que la Loire-Atlantique ; le national voit tout', () => {
    const vue = vueEcheancesTerritoire(toutes, { type: 'region', code: '52' }, '2023-05-10');
    const codes = [...vue.enRetard, ...vue.proches, ...vue.aVenir, ...vue.faites, ...vue.reperes].map(
      (e) => e.collectivite.code,
    );
    expect(new Set(codes)).toEqual(new Set(['44']));
    expect(vue.enRetard.map((e) => e.code)).toEqual(['bilan_partage', 'note_analyse_commissaire']);
    expect(vue.retardsParCollectivite).toEqual({ '44': 2 });

    const national = vueEcheancesTerritoire(toutes, { type: 'national' }, '2023-05-10');
    expect(national.retardsParCollectivite).toEqual({ '37': 1, '44': 2 }); // 37 : bilan partagé
    // Groupes triés par date puis collectivité : les diagnostics (période commencée) sont proches ; la note
    // glissante du 20/06 est à 41 jours, donc à venir, avant l'avenant (30/06) et l'adoption (01/09).
    expect(national.proches.map((e) => `${e.collectivite.code} ${e.code}`)).toEqual([
      '37 diagnostic_territorial',
      '44 diagnostic_territorial',
    ]);
    expect(national.aVenir.map((e) => `${e.collectivite.code} ${e.code}`).slice(0, 4)).toEqual([
      '37 note_analyse_commissaire',
      '37 signature_avenant',
      '44 adoption_convention',
      '37 adoption_convention',
    ]);
  });
});

// ——— iCalendar ———

/** Lecture indépendante d'un flux RFC 5545 : déplie (§ 3.1), découpe nom;paramètres:valeur, déséchappe (§ 3.3.11). */
function lireICalendar(texte: string): Record<string, string>[] {
  const deplie = texte.replace(/\r\n[ \t]/g, '');
  const lignes = deplie.split('\r\n');
  expect(lignes.pop()).toBe('');
  const composants: Record<string, string>[] = [];
  let courant: Record<string, string> | undefined;
  for (const ligne of lignes) {
    const deuxPoints = ligne.indexOf(':');
    const nom = ligne.slice(0, deuxPoints);
    const valeur = ligne.slice(deuxPoints + 1);
    if (ligne === 'BEGIN:VEVENT') courant = {};
    else if (ligne === 'END:VEVENT' && courant !== undefined) {
      composants.push(courant);
      courant = undefined;
    } else if (courant !== undefined) {
      courant[nom] = valeur.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    }
  }
  return composants;
}

const octets = (texte: string) => Buffer.byteLength(texte, 'utf8');

describe('iCalendar (RFC 5545)', () => {
  const collectivite: CollectivitePilotee = {
    ...LOIRE_ATLANTIQUE,
    nom: 'Collectivité « très longue », avec ; virgules, points-virgules et \\ barres — Île-de-Saint-Étienne-du-Rouvray 🇫🇷',
  };
  const echeances = echeancesDeConvention(convention('calpae-2023', 2023, 'glissant', collectivite), {
    bilan_partage: '2023-03-20',
  });
  const texte = genererICalendar(echeances, {
    nom: 'Échéances — commissaire, région 52',
    genereLe: new Date('2023-04-01T08:09:10Z'),
  });

  it('CRLF partout, 75 octets au plus par ligne', () => {
    expect(texte.endsWith('\r\n')).toBe(true);
    expect(texte.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const ligne of texte.split('\r\n')) expect(octets(ligne)).toBeLessThanOrEqual(75);
    expect(texte.split('\r\n').some((ligne) => ligne.startsWith(' '))).toBe(true); // il y a bien des plis
  });

  it('relu, il rend chaque échéance : dates journée entière, texte intact, UID uniques', () => {
    const evenements = lireICalendar(texte);
    expect(evenements).toHaveLength(8);
    const note = evenements.find((e) => e['CATEGORIES'] === 'note_analyse_commissaire');
    expect(note).toMatchObject({
      'DTSTART;VALUE=DATE': '20230620',
      'DTEND;VALUE=DATE': '20230621', // fin exclusive
      DTSTAMP: '20230401T080910Z',
      SUMMARY: `${collectivite.nom} — Date limite de remise de l'analyse commissaires`,
    });
    expect(note?.['DESCRIPTION']).toBe(
      [
        'Date limite : 20/06/2023.',
        'Convention calpae-2023 2023 (année glissante).',
        'À faire par : commissaire à la lutte contre la pauvreté (région).',
        'Source : 001 · annexe 4 § 2 et synthèse du calendrier.',
      ].join('\n'),
    );
    const bilan = evenements.find((e) => e['CATEGORIES'] === 'bilan_partage');
    expect(bilan).toMatchObject({
      'DTSTART;VALUE=DATE': '20230101',
      'DTEND;VALUE=DATE': '20230401',
      STATUS: 'CONFIRMED',
    });
    expect(new Set(evenements.map((e) => e['UID'])).size).toBe(8);
    expect(lireICalendar(texte).length).toBe(8);
    expect(texte).toContain('X-WR-CALNAME:Échéances — commissaire\\, région 52');
  });

  it('échappe selon § 3.3.11', () => {
    expect(echapperTexte('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
  });

  it('plier puis déplier rend la ligne, jamais coupée dans un caractère (propriété)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (texte) => {
        const ligne = `SUMMARY:${echapperTexte(texte)}`;
        const pliee = plierLigne(ligne);
        for (const morceau of pliee.split('\r\n')) {
          expect(octets(morceau)).toBeLessThanOrEqual(75);
          expect(morceau).not.toMatch(/[\uD800-\uDBFF]$/); // pas de demi-paire de substitution en fin
        }
        expect(pliee.replace(/\r\n /g, '')).toBe(ligne);
      }),
    );
  });
});
