import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ETATS_DROIT, lireDonnees, ORGANISMES, type DossierPersonne } from '../src/index.ts';

/**
 * Propriété : un même jeu, écrit de n'importe quelle manière admise (UTF-8 ⇄ Windows-1252, BOM, séparateur,
 * dates ISO ⇄ françaises, ordre des lignes mélangé), se lit toujours en les mêmes dossiers — ceux du modèle généré.
 */
interface Modele {
  id: string;
  mois: {
    annee: number;
    mois: number;
    versable: boolean;
    sdd: boolean;
    etat: (typeof ETATS_DROIT)[number];
  }[];
  evenements: {
    annee: number;
    mois: number;
    jour: number;
    organisme: (typeof ORGANISMES)[number];
    motif: string;
  }[];
}

const lettres = fc.constantFrom('a', 'B', 'é', 'ç', 'Ö', '7', '_', 'ß');
const arbModele = fc.uniqueArray(
  fc.record({
    id: fc.array(lettres, { minLength: 1, maxLength: 6 }).map((x) => `P${x.join('')}`),
    mois: fc.uniqueArray(
      fc.record({
        annee: fc.integer({ min: 2020, max: 2024 }),
        mois: fc.integer({ min: 1, max: 12 }),
        versable: fc.boolean(),
        sdd: fc.boolean(),
        etat: fc.constantFrom(...ETATS_DROIT),
      }),
      { selector: (x) => x.annee * 12 + x.mois, maxLength: 6 },
    ),
    evenements: fc.uniqueArray(
      fc.record({
        annee: fc.integer({ min: 2020, max: 2024 }),
        mois: fc.integer({ min: 1, max: 12 }),
        jour: fc.integer({ min: 1, max: 28 }),
        organisme: fc.constantFrom(...ORGANISMES),
        motif: fc.constantFrom('', 'déménagement', 'a;b', 'dit "non"', 'ligne\nsuivante'),
      }),
      { selector: (x) => `${x.annee}-${x.mois}-${x.jour}`, maxLength: 4 },
    ),
  }),
  { selector: (p) => p.id, minLength: 1, maxLength: 8 },
);

const arbEcriture = fc.record({
  encodage: fc.constantFrom('utf8', 'win1252'),
  bom: fc.boolean(),
  separateur: fc.constantFrom(';', ','),
  datesFrancaises: fc.boolean(),
  oui: fc.constantFrom('oui', 'O', '1', 'Vrai', 'TRUE'),
  non: fc.constantFrom('non', 'n', '0', 'FAUX', 'false'),
  graine: fc.integer(),
});

const deux = (n: number): string => String(n).padStart(2, '0');

function melanger<T>(t: T[], graine: number): T[] {
  const r = [...t];
  let g = graine >>> 0;
  for (let i = r.length - 1; i > 0; i--) {
    g = (g * 1103515245 + 12345) >>> 0;
    const k = g % (i + 1);
    [r[i], r[k]] = [r[k] as T, r[i] as T];
  }
  return r;
}

type Ecriture = typeof arbEcriture extends fc.Arbitrary<infer T> ? T : never;

function ecrire(modele: Modele[], e: Ecriture) {
  const sep = e.separateur;
  const champ = (v: string): string =>
    v.includes(sep) || /["\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  const s = melanger(
    modele.flatMap((p) =>
      p.mois.map((x) =>
        [
          champ(p.id),
          e.datesFrancaises ? `${deux(x.mois)}/${x.annee}` : `${x.annee}-${deux(x.mois)}`,
          x.versable ? e.oui : e.non,
          x.sdd ? e.oui : e.non,
          x.etat.toUpperCase(),
        ].join(sep),
      ),
    ),
    e.graine,
  );
  const ev = melanger(
    modele.flatMap((p) =>
      p.evenements.map((x) =>
        [
          champ(p.id),
          'rdv',
          e.datesFrancaises
            ? `${deux(x.jour)}/${deux(x.mois)}/${x.annee}`
            : `${x.annee}-${deux(x.mois)}-${deux(x.jour)}`,
          x.organisme,
          champ(x.motif),
        ].join(sep),
      ),
    ),
    e.graine + 1,
  );
  const texteS = [
    ['Id_Personne', 'Mois', 'Droit_Versable', 'Soumis_Droits_Devoirs', 'État_Droit'].join(sep),
    ...s,
  ].join('\r\n');
  const texteE = [['id_personne', 'type', 'date', 'organisme', 'motif'].join(sep), ...ev].join('\n') + '\n';
  const octets = (t: string): Buffer => {
    const b = e.encodage === 'utf8' ? Buffer.from(t, 'utf8') : iconv.encode(t, 'win1252');
    return e.bom && e.encodage === 'utf8' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]) : b;
  };
  return { situations: octets(texteS), evenements: octets(texteE) };
}

/** Dossiers attendus, construits directement depuis le modèle (seconde méthode : Date.UTC pour les jours). */
function attendus(modele: Modele[]): DossierPersonne[] {
  return modele
    .filter((p) => p.mois.length > 0 || p.evenements.length > 0)
    .map((p) => ({
      id: p.id,
      situations: [...p.mois]
        .sort((a, b) => a.annee * 12 + a.mois - (b.annee * 12 + b.mois))
        .map((x) => ({
          mois: x.annee * 12 + x.mois - 1,
          droitVersable: x.versable,
          soumisDroitsDevoirs: x.sdd,
          etatDroit: x.etat,
        })),
      evenements: p.evenements
        .map((x) => ({ jour: Date.UTC(x.annee, x.mois - 1, x.jour) / 86_400_000, x }))
        .sort((a, b) => a.jour - b.jour)
        .map(({ jour, x }) => ({
          type: 'rdv' as const,
          jour,
          organisme: x.organisme,
          ...(x.motif === '' ? {} : { motif: x.motif }),
        })),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('lecture : propriété de réécriture', () => {
  it('toute écriture admise du même jeu donne les mêmes dossiers', async () => {
    await fc.assert(
      fc.asyncProperty(arbModele, arbEcriture, async (modele, ecriture) => {
        const d = mkdtempSync(join(tmpdir(), 'jalon-prop-'));
        try {
          const { situations, evenements } = ecrire(modele, ecriture);
          writeFileSync(join(d, 'situations_mensuelles.csv'), situations);
          writeFileSync(join(d, 'evenements.csv'), evenements);
          const lu = await lireDonnees(d);
          expect(lu.lignesInvalides).toEqual([]);
          const obtenus = [...lu.personnes()].sort((a, b) => (a.id < b.id ? -1 : 1));
          expect(obtenus).toEqual(attendus(modele));
        } finally {
          rmSync(d, { recursive: true, force: true });
        }
      }),
      { numRuns: 150 },
    );
  });
});
