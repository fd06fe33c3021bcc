/**
 * Profils de correspondance : profil RDV-Insertion sur un export synthétique (attendus écrits à la main), aller-retour
 * d'un profil départemental (événements → export aux libellés du département → événements), et CSV quelconques
 * (fast-check) qui ne font jamais planter la conversion : lignes rejetées avec raison, ou `ErreurProfil`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appliquerProfil,
  ErreurProfil,
  lireCsv,
  PROFIL_RDV_INSERTION,
  validerProfil,
  type Profil,
} from '../src/profils/index.ts';

const pseudo = (id: string): string => `p-${id}`;

describe('profil intégré RDV-Insertion', () => {
  const csv = [
    "Civilité;Nom;Prénom;Numéro CAF;ID interne au département;Date d'entrée flux;Date du dernier RDV;Statut du rdv;Date d'orientation;Type d'orientation;Date de début d'accompagnement;Date de fin d'accompagnement",
    'madame;Synthé;Une;12345;D1;18/05/2024;25/05/2024;Rendez-vous honoré;25/05/2024;Sociale;01/06/2024;',
    'monsieur;Synthé;Deux;12346;D2;02/03/2024;;;;;;',
    'monsieur;Synthé;Trois;12347;D3;;10/04/2024;Statut inconnu;;Professionnelle;12/04/2024;30/09/2024',
    'madame;Synthé;Quatre;12348;;01/01/2024;;;;;;',
  ].join('\r\n');
  const t = lireCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]), 'export.csv');
  const r = appliquerProfil(PROFIL_RDV_INSERTION, t.entete, t.lignes, pseudo);

  it('produit les événements attendus, jamais de nom', () => {
    expect(r.lignes).toEqual([
      { id_personne: 'p-D1', type: 'ouverture_droit', date: '2024-05-18' },
      {
        id_personne: 'p-D1',
        type: 'orientation',
        date: '2024-06-01',
        organisme: 'departement',
        parcours: 'social',
      },
      { id_personne: 'p-D1', type: 'rdv', date: '2024-05-25', statut: 'honore', organisme: 'departement' },
      { id_personne: 'p-D2', type: 'ouverture_droit', date: '2024-03-02' },
      {
        id_personne: 'p-D3',
        type: 'orientation',
        date: '2024-04-12',
        organisme: 'france_travail',
        parcours: 'professionnel',
      },
      { id_personne: 'p-D3', type: 'fin_suivi', date: '2024-09-30' },
    ]);
    expect(JSON.stringify(r.lignes)).not.toContain('Synthé');
  });

  it('rejette avec ligne, colonne et raison : statut sans correspondance, identifiant vide', () => {
    expect(r.rejets).toEqual([
      {
        ligne: 4,
        colonne: 'Statut du rdv',
        raison: expect.stringContaining(
          'valeur « Statut inconnu » sans correspondance pour « statut »',
        ) as string,
      },
      { ligne: 5, colonne: 'ID interne au département', raison: 'identifiant vide' },
    ]);
    expect(r.lues).toBe(4);
  });

  it('exige une clé pour pseudonymiser, et nomme une colonne absente', () => {
    expect(() => appliquerProfil(PROFIL_RDV_INSERTION, t.entete, t.lignes, null)).toThrow(
      /une clé est nécessaire/,
    );
    expect(() => appliquerProfil(PROFIL_RDV_INSERTION, ['Nom'], [], pseudo)).toThrow(
      /colonne « ID interne au département » .* absente de l'export/,
    );
  });
});

/** Profil d'un logiciel départemental fictif : ses propres libellés. */
const PROFIL_DEPARTEMENT: Profil = validerProfil({
  format: 'jalon.profil/1',
  nom: 'Logiciel fictif CD 99',
  cible: 'evenements',
  identifiant: { colonne: 'Identifiant', pseudonymiser: false },
  formatsDate: ['JJ/MM/AAAA'],
  regles: [
    {
      champs: {
        type: {
          colonne: 'Nature',
          correspondances: { Convocation: 'rdv', 'Décision orientation': 'orientation', Contrat: 'cer' },
        },
        date: { colonne: 'Le' },
        organisme: {
          colonne: 'Structure',
          correspondances: {
            'Pôle emploi': 'france_travail',
            'Conseil départemental': 'departement',
            'Association X': 'delegataire',
          },
        },
        statut: {
          colonne: 'Présence',
          correspondances: { Venu: 'honore', 'Pas venu': 'absent', Annulé: 'annule', 'À venir': 'prevu' },
        },
      },
    },
  ],
});

const INVERSE = {
  type: { rdv: 'Convocation', orientation: 'Décision orientation', cer: 'Contrat' },
  organisme: {
    france_travail: 'Pôle emploi',
    departement: 'Conseil départemental',
    delegataire: 'Association X',
  },
  statut: { honore: 'Venu', absent: 'Pas venu', annule: 'Annulé', prevu: 'À venir' },
} as const;

describe('aller-retour d’un profil départemental', () => {
  const arbEvenement = fc.record({
    id: fc.stringMatching(/^[A-Z0-9]{1,8}$/),
    type: fc.constantFrom('rdv', 'orientation', 'cer'),
    date: fc.date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
    organisme: fc.option(fc.constantFrom('france_travail', 'departement', 'delegataire'), { nil: undefined }),
    statut: fc.option(fc.constantFrom('honore', 'absent', 'annule', 'prevu'), { nil: undefined }),
  });

  it('événements → export aux libellés du département → mêmes événements', () => {
    fc.assert(
      fc.property(fc.array(arbEvenement, { maxLength: 30 }), (evenements) => {
        const iso = (d: Date): string => d.toISOString().slice(0, 10);
        const fr = (d: Date): string => iso(d).split('-').reverse().join('/');
        const lignes = evenements.map((e, k) => ({
          numero: k + 2,
          valeurs: [
            e.id,
            INVERSE.type[e.type],
            fr(e.date),
            e.organisme === undefined ? '' : INVERSE.organisme[e.organisme],
            e.statut === undefined ? '' : INVERSE.statut[e.statut],
          ],
        }));
        const r = appliquerProfil(
          PROFIL_DEPARTEMENT,
          ['Identifiant', 'Nature', 'Le', 'Structure', 'Présence'],
          lignes,
          null,
        );
        expect(r.rejets).toEqual([]);
        expect(r.lignes).toEqual(
          evenements.map((e) => ({
            id_personne: e.id,
            type: e.type,
            date: iso(e.date),
            ...(e.organisme === undefined ? {} : { organisme: e.organisme }),
            ...(e.statut === undefined ? {} : { statut: e.statut }),
          })),
        );
      }),
    );
  });
});

describe('CSV quelconques', () => {
  it('ne font jamais planter la lecture ni la conversion', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.string({ maxLength: 200 }), (octets, texte) => {
        for (const b of [
          Buffer.from(octets),
          Buffer.from(`Identifiant;Nature;Le;Structure;Présence\n${texte}`),
        ]) {
          try {
            const t = lireCsv(b, 'x.csv');
            const r = appliquerProfil(PROFIL_DEPARTEMENT, t.entete, t.lignes, null);
            for (const rejet of r.rejets) expect(rejet.raison.length).toBeGreaterThan(0);
          } catch (e) {
            expect(e).toBeInstanceOf(ErreurProfil);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuse un profil mal formé avec le chemin de chaque problème', () => {
    expect(() =>
      validerProfil({ format: 'jalon.profil/1', nom: 'x', cible: 'autre', regles: [] }, 'p.json'),
    ).toThrow(/p\.json : profil invalide[\s\S]*cible[\s\S]*identifiant[\s\S]*regles/);
  });
});
