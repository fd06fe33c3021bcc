/**
 * Cœur du téléversement (`@jalon/indicateurs/plateforme`) : formes de lot, archive zip réelle (écrite par Python),
 * refus motivés, noms de fichier sûrs, aller-retour de l'historique CAF en lignes de base.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculerIndicateurs, lireDonnees } from '../src/index.ts';
import {
  ErreurLot,
  historiqueDepuisLignes,
  historiqueEnLignes,
  natureDe,
  nomSur,
  traiterLot,
} from '../src/plateforme/index.ts';
import type { ObservationCaf } from '../src/caf/historique.ts';

const MINI = '/work/shared/specs/exemples/parcours-mini';
const manque = !existsSync(MINI) && !process.env.CI;
const travail = () => mkdtempSync(join(tmpdir(), 'jalon-lot-'));
const options = {
  annee: 2022,
  cadre: 'calpae-2023' as const,
  profil: null,
  cle: null,
  historiqueCaf: null,
  maintenant: new Date('2026-01-02T03:04:05Z'),
};

describe.skipIf(manque)('traiterLot', () => {
  it('une archive zip donne le même résultat que le dossier lu par le lecteur v1', async () => {
    const d = travail();
    const zip = join(d, 'envoi.zip');
    execFileSync('python3', [
      '-c',
      'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:\n  z.write(sys.argv[2] + "/situations_mensuelles.csv", "situations_mensuelles.csv")\n  z.write(sys.argv[2] + "/evenements.csv", "evenements.csv")',
      zip,
      MINI,
    ]);
    const r = await traiterLot({
      ...options,
      fichiers: [{ chemin: zip, nom: 'envoi.zip' }],
      dossierTravail: travail(),
    });
    const v1 = await lireDonnees(MINI);
    const attendu = calculerIndicateurs(v1.personnes(), {
      annee: 2022,
      cadre: 'calpae-2023',
      fenetre: v1.fenetre,
    });
    expect(r.forme).toBe('archive');
    expect(r.resultat.indicateurs).toEqual(attendu.indicateurs);
    expect(r.resultat.provenance.empreinte).toBe(v1.empreinte);
    expect(r.resultat.provenance.calcule_le).toBe('2026-01-02T03:04:05.000Z');
    expect(r.volet3).toBeNull();
    expect(r.explications.length).toBe(Object.keys(attendu.indicateurs).length);
  });

  it('refus motivés : archive accompagnée, échange incomplet, sources sans historique, flux sans clé, export sans profil', async () => {
    const f = (nom: string) => ({ chemin: join(MINI, 'evenements.csv'), nom });
    const cas: [string, { chemin: string; nom: string }[], RegExp][] = [
      ['archive + autre', [f('a.zip'), f('b.csv')], /archive zip se téléverse seule/],
      ['échange incomplet', [f('evenements.csv')], /ensemble situations_mensuelles\.csv et evenements\.csv/],
      ['export sans historique', [f('usagers.csv')], /Aucune situation mensuelle/],
      ['type refusé', [f('rapport.pdf')], /rapport\.pdf : type de fichier non accepté/],
      ['rien', [], /Aucun fichier reçu/],
    ];
    for (const [nom, fichiers, motif] of cas) {
      const e = await traiterLot({ ...options, fichiers, dossierTravail: travail() }).catch(
        (x: unknown) => x,
      );
      expect(e, nom).toBeInstanceOf(ErreurLot);
      expect((e as Error).message, nom).toMatch(motif);
    }
    const sansCle = await traiterLot({
      ...options,
      fichiers: [f('flux.xml')],
      dossierTravail: travail(),
    }).catch((x: unknown) => x);
    expect((sansCle as Error).message).toMatch(/clé de pseudonymisation du département est obligatoire/);
  });
});

describe('noms et natures de fichier', () => {
  it('natureDe', () => {
    expect(
      ['x.ZIP', 'f.xml', 'situations_mensuelles.csv', 'Evenements.csv', 'u.csv', 'u.xlsx', 'u.pdf'].map(
        natureDe,
      ),
    ).toEqual(['archive', 'flux_caf', 'situations', 'evenements', 'export', 'export', null]);
  });

  it('nomSur : jamais de chemin, de caractère de contrôle ni de nom caché, jamais vide', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (nom) => {
        const s = nomSur(nom);
        expect(s).not.toMatch(/[\\/]/);
        expect([...s].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)).toBe(true);
        expect(s.startsWith('.')).toBe(false);
        expect(s.length).toBeGreaterThan(0);
        expect(s.length).toBeLessThanOrEqual(120);
      }),
    );
    expect(nomSur('../../etc/passwd')).toBe('passwd');
    expect(nomSur('C:\\\\temp\\\\RSABEM.xml')).toBe('RSABEM.xml');
  });
});

describe('historique CAF ↔ lignes de base', () => {
  const observation: fc.Arbitrary<ObservationCaf> = fc.record({
    flux: fc.string(),
    dossier: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 8 }),
    etat: fc.constantFrom('0', '1', '2', '3', '4', '5', '6'),
    sdd: fc.constantFrom(true, false, null),
    dateDemande: fc.constant('2024-01-03'),
    motifSuspensionDroit: fc.constantFrom(null, '01'),
    dateSuspensionDroit: fc.constantFrom(null, '2024-02-01'),
    motifSuspensionVersement: fc.constantFrom(null, '06'),
    dateSuspensionVersement: fc.constant(null),
    motifCloture: fc.constant(null),
    dateCloture: fc.constant(null),
    motifRefus: fc.constant(null),
    premiereReceptionSdd: fc.constantFrom(null, '2024-02-05'),
  });
  it('aller-retour sans perte (mois, personnes, observations)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            personne: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 4, maxLength: 8 }),
            mois: fc
              .integer({ min: 2018, max: 2030 })
              .chain((a) => fc.integer({ min: 1, max: 12 }).map((m) => `${a}-${String(m).padStart(2, '0')}`)),
            observation,
          }),
          { selector: (l) => `${l.personne}|${l.mois}`, maxLength: 40 },
        ),
        (lignes) => {
          const h = historiqueDepuisLignes(lignes, []);
          const cle = (l: { personne: string; mois: string }) => `${l.personne}|${l.mois}`;
          expect([...historiqueEnLignes(h)].sort((a, b) => (cle(a) < cle(b) ? -1 : 1))).toEqual(
            [...lignes].sort((a, b) => (cle(a) < cle(b) ? -1 : 1)),
          );
        },
      ),
    );
  });
});
