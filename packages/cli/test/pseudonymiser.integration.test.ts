import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { lireDonnees } from '@jalon/indicateurs';
import { commandePseudonymiser } from '../src/commandes/pseudonymiser.ts';
import type { Io } from '../src/io.ts';

function ioCapture(cwd: string): Io & { erreurs: () => string } {
  let err = '';
  return {
    stdout: { write: () => true },
    stderr: { write: (t: string) => (err += t) },
    cwd,
    erreurs: () => err,
  };
}

/** Seconde méthode : le pseudonyme attendu, recalculé ici depuis la clé en hexadécimal. */
function attendu(cleHex: string, nir13: string): string {
  return createHmac('sha256', Buffer.from(cleHex, 'hex')).update(nir13).digest('hex').slice(0, 32);
}

describe('jalon pseudonymiser', () => {
  it('génère une clé 0600, refuse de l’écraser', async () => {
    const d = mkdtempSync(join(tmpdir(), 'jalon-ps-'));
    expect(await commandePseudonymiser(['--generer-cle', 'cle.txt'], ioCapture(d))).toBe(0);
    expect(readFileSync(join(d, 'cle.txt'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(statSync(join(d, 'cle.txt')).mode & 0o777).toBe(0o600);
    const io = ioCapture(d);
    expect(await commandePseudonymiser(['--generer-cle', 'cle.txt'], io)).toBe(2);
    expect(io.erreurs()).toContain('existe déjà');
  });

  it('aller-retour : export brut (Windows-1252, « , », NIR, nom) → format d’échange lisible par le moteur', async () => {
    const d = mkdtempSync(join(tmpdir(), 'jalon-ps-'));
    const cle = 'ab'.repeat(32);
    writeFileSync(join(d, 'cle'), cle);
    mkdirSync(join(d, 'brut'));
    writeFileSync(
      join(d, 'brut', 'situations_mensuelles.csv'),
      iconv.encode(
        'NIR,Nom,Prénom,mois,droit_versable,soumis_droits_devoirs\n' +
          '1 84 12 75 123 456 78,Hébert,Zoé,2022-01,oui,oui\n' +
          '1841275123456,Hébert,Zoé,2022-02,oui,oui\n' +
          '2 90 01 2A 001 002 33,"Martin, dite ""Mo""",Léa,2022-01,non,oui\n',
        'win1252',
      ),
    );
    writeFileSync(
      join(d, 'brut', 'evenements.csv'),
      'nir;type;date;organisme\n1841275123456;orientation;2022-02-01;caf\n',
    );
    const io = ioCapture(d);
    expect(
      await commandePseudonymiser(
        ['--entree', 'brut', '--sortie', 'envoi', '--cle', 'cle', '--colonne-id', 'nir'],
        io,
      ),
    ).toBe(0);
    expect(io.erreurs()).toContain('colonnes d’identification directe retirées : « Nom », « Prénom »');
    const zoe = attendu(cle, '1841275123456');
    const lea = attendu(cle, '290012A001002');
    expect(readFileSync(join(d, 'envoi', 'situations_mensuelles.csv'), 'utf8')).toBe(
      'id_personne;mois;droit_versable;soumis_droits_devoirs\n' +
        `${zoe};2022-01;oui;oui\n${zoe};2022-02;oui;oui\n${lea};2022-01;non;oui\n`,
    );
    const lu = await lireDonnees(join(d, 'envoi'));
    expect(lu.nombreLignesInvalides).toBe(0);
    expect([...lu.personnes()].map((p) => [p.id, p.situations.length, p.evenements.length])).toEqual([
      [zoe, 2, 1],
      [lea, 1, 0],
    ]);
    // Même entrée, même clé : mêmes octets ; autre clé : autres identifiants.
    const premiere = readFileSync(join(d, 'envoi', 'evenements.csv'), 'utf8');
    expect(
      await commandePseudonymiser(['--entree', 'brut', '--sortie', 'envoi2', '--cle', 'cle'], ioCapture(d)),
    ).toBe(0);
    expect(readFileSync(join(d, 'envoi2', 'evenements.csv'), 'utf8')).toBe(premiere);
    writeFileSync(join(d, 'cle2'), 'cd'.repeat(32));
    expect(
      await commandePseudonymiser(['--entree', 'brut', '--sortie', 'envoi3', '--cle', 'cle2'], ioCapture(d)),
    ).toBe(0);
    expect(readFileSync(join(d, 'envoi3', 'evenements.csv'), 'utf8')).not.toContain(zoe);
  });

  it('refuse une clé invalide, une entrée absente, une colonne d’identifiant introuvable', async () => {
    const d = mkdtempSync(join(tmpdir(), 'jalon-ps-'));
    writeFileSync(join(d, 'mauvaise'), 'pas une clé');
    writeFileSync(join(d, 'cle'), 'ab'.repeat(32));
    writeFileSync(join(d, 'f.csv'), 'numero;mois\n1;2022-01\n');
    expect(
      await commandePseudonymiser(['--entree', 'f.csv', '--sortie', 'o', '--cle', 'mauvaise'], ioCapture(d)),
    ).toBe(2);
    expect(
      await commandePseudonymiser(['--entree', 'absent', '--sortie', 'o', '--cle', 'cle'], ioCapture(d)),
    ).toBe(2);
    const io = ioCapture(d);
    expect(await commandePseudonymiser(['--entree', 'f.csv', '--sortie', 'o', '--cle', 'cle'], io)).toBe(2);
    expect(io.erreurs()).toContain('--colonne-id');
  });
});
