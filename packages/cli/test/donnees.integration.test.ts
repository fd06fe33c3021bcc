/**
 * `jalon donnees` en mémoire (Io capturé) et en vrai processus : import de flux CAF synthétiques, flux refusé sans
 * rien écrire, conversion RDV-Insertion en aperçu puis en écriture, indicateurs du volet 3 du dossier obtenu.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandeDonnees } from '../src/commandes/donnees.ts';
import type { Io } from '../src/io.ts';
import { genererFluxSynthetique } from '../../indicateurs/test/fixtures/caf/generateur.ts';

function ioCapture(cwd: string): Io & { sortie: () => string; erreurs: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    cwd,
    sortie: () => out,
    erreurs: () => err,
  };
}

const CLE = 'cd'.repeat(32);

function preparer(): string {
  const d = mkdtempSync(join(tmpdir(), 'jalon-donnees-'));
  writeFileSync(join(d, 'cle'), `${CLE}\n`);
  writeFileSync(
    join(d, 'RSABEM.xml'),
    genererFluxSynthetique({
      type: 'M',
      dateReference: '2024-01-31',
      dateCreation: '2024-02-05',
      foyers: [{ matricule: '7', etat: '2', personnes: [{ nir: '1800175000001', role: 'DEM', sdd: true }] }],
    }),
  );
  writeFileSync(
    join(d, 'RSABEI.xml'),
    genererFluxSynthetique({
      type: 'I',
      dateReference: '2024-02-12',
      dateCreation: '2024-02-12',
      foyers: [
        {
          matricule: '8',
          etat: '2',
          dateDemande: '2024-02-01',
          personnes: [{ nir: '2900175000005', role: 'DEM', sdd: true }],
        },
      ],
    }),
  );
  writeFileSync(
    join(d, 'usagers.csv'),
    "\uFEFFNom;ID interne au département;Date d'entrée flux;Date du dernier RDV;Statut du rdv;Type d'orientation;Date de début d'accompagnement;Date de fin d'accompagnement\n" +
      'Synthé;D1;01/02/2024;20/02/2024;Rendez-vous honoré;Sociale;15/02/2024;\n' +
      'Synthé;D2;;05/03/2024;Statut bizarre;;;\n',
  );
  return d;
}

describe('jalon donnees', () => {
  it('caf : importe deux flux, écrit le format d’échange sans NIR', async () => {
    const d = preparer();
    const io = ioCapture(d);
    expect(
      await commandeDonnees(
        ['caf', '--entree', 'RSABEI.xml', '--entree', 'RSABEM.xml', '--sortie', 'envoi', '--cle', 'cle'],
        io,
      ),
    ).toBe(0);
    expect(io.erreurs()).toContain('RSABEM.xml : flux M du 2024-01-31, 1 dossier(s) appliqué(s).');
    const situations = readFileSync(join(d, 'envoi', 'situations_mensuelles.csv'), 'utf8');
    // 1 personne en janvier (M), reportée en février ; la seconde arrive en février (I) : 3 lignes + en-tête.
    expect(situations.trim().split('\n')).toHaveLength(4);
    expect(situations).not.toContain('1800175000001');
    expect(readFileSync(join(d, 'envoi', 'evenements.csv'), 'utf8')).toContain(
      'reception_notification;2024-02-12',
    );
  });

  it('caf : un flux non conforme au XSD est refusé avec chemin et ligne, rien n’est écrit', async () => {
    const d = preparer();
    writeFileSync(
      join(d, 'RSABEM.xml'),
      readFileSync(join(d, 'RSABEM.xml'), 'utf8').replace(
        '<ETATDOSRSA>2</ETATDOSRSA>',
        '<ETATDOSRSA>22</ETATDOSRSA>',
      ),
    );
    const io = ioCapture(d);
    expect(
      await commandeDonnees(['caf', '--entree', 'RSABEM.xml', '--sortie', 'envoi', '--cle', 'cle'], io),
    ).toBe(2);
    expect(io.erreurs()).toMatch(
      /Flux CAF\/MSA refusé, rien n'a été écrit : RSABEM\.xml, ligne \d+, colonne \d+ \(\/Racine\/InfosFoyerRSA\[1\]\/PrestationRSA\/SituationDossierRSA\/EtatDossierRSA\/ETATDOSRSA\) : valeur « 22 » invalide/,
    );
    expect(existsSync(join(d, 'envoi', 'situations_mensuelles.csv'))).toBe(false);
  });

  it('convertir --apercu : premières lignes produites et lignes rejetées, rien d’écrit, code 1', async () => {
    const d = preparer();
    const io = ioCapture(d);
    expect(
      await commandeDonnees(
        ['convertir', '--profil', 'rdv-insertion', '--entree', 'usagers.csv', '--apercu', '--cle', 'cle'],
        io,
      ),
    ).toBe(1);
    const out = io.sortie();
    expect(out).toContain('Aperçu (3 première(s) ligne(s) produite(s) sur 3)');
    expect(out).toMatch(/;orientation;2024-02-15;departement;social/);
    expect(out).toContain(
      'usagers.csv, ligne 3, colonne « Statut du rdv » : valeur « Statut bizarre » sans correspondance',
    );
    expect(out).not.toContain('Synthé');
    expect(io.erreurs()).toContain('aperçu : rien n’est écrit');
  });

  it('convertir --sortie puis volet3 : le dossier assemblé (CAF + RDV-Insertion) se calcule', async () => {
    const d = preparer();
    await commandeDonnees(['caf', '--entree', '.', '--sortie', 'envoi', '--cle', 'cle'], ioCapture(d));
    expect(
      await commandeDonnees(
        [
          'convertir',
          '--profil',
          'rdv-insertion',
          '--entree',
          'usagers.csv',
          '--sortie',
          'envoi',
          '--cle',
          'cle',
        ],
        ioCapture(d),
      ),
    ).toBe(1);
    const evenements = readFileSync(join(d, 'envoi', 'evenements.csv'), 'utf8');
    expect(evenements).toContain('reception_notification'); // part CAF conservée
    expect(evenements).toContain(';rdv;2024-02-20;departement;;;honore'); // part RDV-Insertion
    const io = ioCapture(d);
    expect(await commandeDonnees(['volet3', '--donnees', 'envoi', '--annee', '2024'], io)).toBe(0);
    const r = JSON.parse(io.sortie()) as {
      indicateurs: Record<string, number>;
      volet3: Record<string, number | null>;
    };
    // D1 (RDV-Insertion) orientée le 15/02 : seule inscrite ; ouverture 01/02 → rdv honoré 20/02 : 19 jours.
    expect(r.volet3.deploiement_inscrits).toBe(1);
    expect(r.volet3.parcours_social).toBe(1);
    expect(r.volet3.delai_ouverture_droit_premier_entretien).toBe(19);
    expect(r.indicateurs.nouveaux_entrants).toBe(2);
  });

  it('options manquantes ou sous-commande inconnue : code 2 et message en français', async () => {
    const io = ioCapture(tmpdir());
    expect(await commandeDonnees(['caf'], io)).toBe(2);
    expect(io.erreurs()).toContain('Options « --entree », « --sortie » et « --cle » obligatoires.');
    expect(await commandeDonnees(['inconnue'], io)).toBe(2);
    expect(
      await commandeDonnees(['volet3', '--donnees', 'x', '--annee', '2024', '--expliquer', 'rien'], io),
    ).toBe(2);
    expect(io.erreurs()).toContain('Indicateur « rien » inconnu');
  });
});

describe('jalon donnees en vrai processus', () => {
  it('profil rdv-insertion : JSON valide sur la sortie standard, code 0', () => {
    // Tant que « donnees » n'est pas inscrite dans main.ts, on lance la commande par tsx directement.
    const racine = resolve(import.meta.dirname, '../../..');
    const script =
      "import { commandeDonnees } from './packages/cli/src/commandes/donnees.ts';" +
      'process.exitCode = await commandeDonnees(process.argv.slice(1), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });';
    const p = spawnSync('npx', ['tsx', '--input-type=module', '-e', script, 'profil', 'rdv-insertion'], {
      cwd: racine,
      encoding: 'utf8',
    });
    expect(p.status).toBe(0);
    expect(JSON.parse(p.stdout)).toMatchObject({ format: 'jalon.profil/1', cible: 'evenements' });
  });
});
