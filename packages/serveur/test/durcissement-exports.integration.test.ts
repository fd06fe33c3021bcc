import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as jalon } from '@jalon/cli';
import { genererCsv } from '@jalon/domaine';
import { ligneExplicationCsv } from '@jalon/indicateurs/plateforme';
import { tableauEnCsv } from '@jalon/offre';

/**
 * Neutralisation des formules dans les exports destinés à un tableur (docs/securite.md § Formules,
 * INT-SECURITE-5) : un texte venu des utilisateurs ou des fichiers des départements qui commence par = + - @ est
 * préfixé d'une apostrophe ; un nombre (même négatif) reste un nombre. Un test par export (les documents XLSX :
 * packages/documents/test/importer-tableau.unit.test.ts).
 */
const DANGEREUX = ['=HYPERLINK("http://pirate.test","clic")', '+33 1 23', '-2+3', '@SOMME(A1)'];

/** Cellules d'une ligne CSV « ; » (guillemets RFC 4180). */
function cellules(ligne: string, separateur = ';'): string[] {
  const sortie: string[] = [];
  let courant = '';
  let entre = false;
  for (let i = 0; i < ligne.length; i++) {
    const c = ligne[i];
    if (entre) {
      if (c === '"' && ligne[i + 1] === '"') {
        courant += '"';
        i++;
      } else if (c === '"') entre = false;
      else courant += c;
    } else if (c === '"') entre = true;
    else if (c === separateur) {
      sortie.push(courant);
      courant = '';
    } else courant += c;
  }
  sortie.push(courant);
  return sortie;
}

describe('exports CSV : aucune cellule texte ne commence par un signe de formule', () => {
  it('explications d’un indicateur (plateforme : listes gardées en base et téléchargées)', () => {
    for (const texte of DANGEREUX) {
      const ligne = ligneExplicationCsv({
        id_personne: texte,
        indicateur: 'orientes_1_mois',
        compte: false,
        raison: 'HORS_DELAI',
        mois_entree: '2022-01',
        t0: null,
        date_orientation: null,
        organisme_orientation: texte,
        date_reference: null,
        ecart_jours: -5,
        detail: texte,
      });
      const c = cellules(ligne);
      expect(c[0]).toBe(`'${texte}`);
      expect(c[7]).toBe(`'${texte}`);
      expect(c[9]).toBe('-5'); // nombre : intact
      expect(c[10]).toBe(`'${texte}`);
    }
  });

  it('`jalon indicateurs expliquer --format csv` (vraie commande, vrai jeu de données)', async () => {
    const dossier = mkdtempSync(join(tmpdir(), 'jalon-exports-'));
    const id = '=HYPERLINK("http://pirate.test")';
    writeFileSync(
      join(dossier, 'situations_mensuelles.csv'),
      'id_personne;mois;droit_versable;soumis_droits_devoirs;etat_droit\n' +
        `"${id.replace(/"/g, '""')}";2022-01;oui;oui;ouvert\n"${id.replace(/"/g, '""')}";2022-02;oui;oui;ouvert\n`,
    );
    writeFileSync(
      join(dossier, 'evenements.csv'),
      `id_personne;type;date;organisme\n"${id.replace(/"/g, '""')}";orientation;2022-02-10;departement\n`,
    );
    let csv = '';
    const code = await jalon(
      [
        'indicateurs',
        'expliquer',
        '--donnees',
        dossier,
        '--annee',
        '2022',
        '--indicateur',
        'orientes_1_mois',
        '--format',
        'csv',
      ],
      { stdout: { write: (t: string) => (csv += t) }, stderr: { write: () => true }, cwd: dossier },
    );
    expect(code).toBe(0);
    const lignes = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lignes.length).toBeGreaterThan(1);
    for (const l of lignes.slice(1)) {
      expect(cellules(l)[0]).toBe(`'${id}`);
      for (const c of cellules(l)) expect(c).not.toMatch(/^[=+@]/);
    }
  });

  it('tableaux de bord du pilotage (genererCsv du domaine)', () => {
    const csv = genererCsv(
      ['texte', 'nombre'],
      DANGEREUX.map((t) => [t, -5]),
    );
    const lignes = csv.trim().split('\r\n').slice(1);
    expect(lignes.map((l) => cellules(l))).toEqual(DANGEREUX.map((t) => [`'${t}`, '-5']));
  });

  it('tableau des manques de l’offre (CSV ouvert dans un tableur)', () => {
    const csv = tableauEnCsv({ colonnes: ['nom', 'raison'], lignes: DANGEREUX.map((t) => [t, 'ok']) });
    const lignes = csv.trim().split('\r\n').slice(1);
    expect(lignes.map((l) => cellules(l, ','))).toEqual(DANGEREUX.map((t) => [`'${t}`, 'ok']));
  });
});
