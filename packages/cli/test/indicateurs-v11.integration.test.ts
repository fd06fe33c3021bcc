import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calculerIndicateurs, lireDonnees } from '@jalon/indicateurs';
import { commandeIndicateurs } from '../src/commandes/indicateurs.ts';
import type { Io } from '../src/io.ts';

/**
 * `jalon indicateurs calculer` lit aussi le format v1.1 (docs/donnees-reelles.md) : additif. Preuve par une seconde
 * méthode : le lecteur v1 strict (`lireDonnees`) et le moteur appelés directement, sur chaque jeu d'exemple des specs.
 */
const EXEMPLES = '/work/shared/specs/exemples';
const jeux = readdirSync(EXEMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join(EXEMPLES, d.name))
  .filter((d) => readdirSync(d).includes('situations_mensuelles.csv'));

function io(): Io & { sortie: () => string; erreurs: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    cwd: process.cwd(),
    sortie: () => out,
    erreurs: () => err,
  };
}

async function calculer(dossier: string, annee: number, ...options: string[]) {
  const sortie = io();
  const code = await commandeIndicateurs(
    ['calculer', '--donnees', dossier, '--annee', String(annee), ...options],
    sortie,
  );
  return { code, json: code === 0 ? (JSON.parse(sortie.sortie()) as Record<string, unknown>) : null, sortie };
}

const anneeDe = (dossier: string): number => {
  const attendu = readdirSync(dossier).find((f) => /^attendu-\d{4}\.json$/.test(f));
  return Number(attendu?.slice(8, 12) ?? '2022');
};

describe('jalon indicateurs calculer : v1.1 additive', () => {
  it('il y a au moins un jeu d’exemple dans les specs', () => {
    expect(jeux.length).toBeGreaterThan(0);
  });

  it.each(jeux)(
    '%s : même résultat que le lecteur v1 strict (indicateurs, anomalies, lignes, empreinte)',
    async (dossier) => {
      const annee = anneeDe(dossier);
      const r = await calculer(dossier, annee);
      expect(r.code).toBe(0);
      const v1 = await lireDonnees(dossier);
      const moteur = calculerIndicateurs(v1.personnes(), {
        annee,
        cadre: 'calpae-2023',
        fenetre: v1.fenetre,
      });
      const json = r.json as {
        indicateurs: Record<string, unknown>;
        anomalies: unknown[];
        lignes_ecartees: number;
        provenance: { empreinte: string };
      };
      expect(json.indicateurs).toEqual(moteur.indicateurs);
      expect(json.anomalies).toEqual([...moteur.anomalies, ...v1.anomaliesLecture]);
      expect(json.lignes_ecartees).toBe(v1.nombreLignesInvalides);
      expect(json.provenance.empreinte).toBe(v1.empreinte);
      const attendu = join(dossier, `attendu-${annee}.json`);
      const officiel = JSON.parse(readFileSync(attendu, 'utf8')) as { indicateurs: Record<string, unknown> };
      expect(json.indicateurs).toEqual(officiel.indicateurs);
    },
  );

  it.each(jeux)(
    '%s : ajouter des événements v1.1 ne change pas les indicateurs v1 (et le v1 strict les refuse)',
    async (dossier) => {
      const annee = anneeDe(dossier);
      const evenements = readFileSync(join(dossier, 'evenements.csv'), 'utf8').replace(/^\uFEFF/, '');
      const [entete = '', ...lignes] = evenements.split(/\r?\n/).filter((l) => l !== '');
      const sep = entete.includes(';') ? ';' : ',';
      const enPlus = ['freins', 'duree_heures', 'modalite', 'type_contrat', 'duree_mois'];
      const vides = sep.repeat(enPlus.length);
      const id = lignes[0]?.split(sep)[0] ?? 'A';
      const colonnes = entete.split(sep);
      const v11 = (type: string, date: string, extra: Record<string, string>) =>
        [
          ...colonnes.map((c) => (c === 'id_personne' ? id : c === 'type' ? type : c === 'date' ? date : '')),
          ...enPlus.map((c) => extra[c] ?? ''),
        ].join(sep);
      const d = mkdtempSync(join(tmpdir(), 'jalon-v11-'));
      writeFileSync(
        join(d, 'situations_mensuelles.csv'),
        readFileSync(join(dossier, 'situations_mensuelles.csv')),
      );
      writeFileSync(
        join(d, 'evenements.csv'),
        [
          [entete, ...enPlus].join(sep),
          ...lignes.map((l) => l + vides),
          v11('diagnostic', `${annee}-05-02`, { freins: 'mobilite|sante' }),
          v11('action_accompagnement', `${annee}-05-10`, {
            duree_heures: sep === ',' ? '3.5' : '3,5',
            modalite: 'collectif',
          }),
          v11('reprise_emploi', `${annee}-09-01`, { type_contrat: 'cdi' }),
          v11('sortie_rsa', `${annee}-11-30`, {}),
        ].join('\n') + '\n',
      );
      const strict = await lireDonnees(d);
      expect(strict.nombreLignesInvalides).toBe(4);
      const base = await calculer(dossier, annee);
      const r = await calculer(d, annee);
      expect(r.code, r.sortie.erreurs()).toBe(0);
      expect((r.json as { indicateurs: unknown }).indicateurs).toEqual(
        (base.json as { indicateurs: unknown }).indicateurs,
      );
      expect((r.json as { lignes_ecartees: number }).lignes_ecartees).toBe(0);
      expect(Object.keys(r.json ?? {})).toEqual([
        'annee',
        'cadre',
        'indicateurs',
        'lignes_ecartees',
        'anomalies',
        'provenance',
      ]);
    },
  );
});
