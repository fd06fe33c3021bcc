import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ErreurLecture, lireDonnees } from '../src/index.ts';
import { ouvrirSources } from '../src/lecture/sources.ts';

/**
 * Garde-fous des archives (issue 9 § 2, docs/securite.md § Archives) : nombre d'entrées, taille totale, taux de
 * compression, tailles annoncées mensongères, noms « ../ ». Les archives sont fabriquées ici octet par octet
 * (format ZIP, APPNOTE § 4.3) pour pouvoir mentir sur les tailles, ce qu'aucun outil d'archivage ne fait.
 */
interface Entree {
  readonly nom: string;
  readonly contenu: Buffer;
  /** Compressée (deflate) ou stockée. */
  readonly deflate?: boolean;
  /** Taille décompressée ANNONCÉE (par défaut la vraie). */
  readonly tailleAnnoncee?: number;
}

function zip(entrees: readonly Entree[]): Buffer {
  const locaux: Buffer[] = [];
  const centraux: Buffer[] = [];
  let decalage = 0;
  for (const e of entrees) {
    const nom = Buffer.from(e.nom, 'utf8');
    const donnees = e.deflate ? deflateRawSync(e.contenu) : e.contenu;
    const crc = crc32(e.contenu);
    const taille = e.tailleAnnoncee ?? e.contenu.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // noms en UTF-8
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(donnees.length, 18);
    local.writeUInt32LE(taille, 22);
    local.writeUInt16LE(nom.length, 26);
    locaux.push(local, nom, donnees);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(donnees.length, 20);
    central.writeUInt32LE(taille, 24);
    central.writeUInt16LE(nom.length, 28);
    central.writeUInt32LE(decalage, 42);
    centraux.push(central, nom);
    decalage += 30 + nom.length + donnees.length;
  }
  const repertoire = Buffer.concat(centraux);
  const fin = Buffer.alloc(22);
  fin.writeUInt32LE(0x06054b50, 0);
  fin.writeUInt16LE(entrees.length, 8);
  fin.writeUInt16LE(entrees.length, 10);
  fin.writeUInt32LE(repertoire.length, 12);
  fin.writeUInt32LE(decalage, 16);
  return Buffer.concat([...locaux, repertoire, fin]);
}

const S = 'id_personne;mois;droit_versable;soumis_droits_devoirs;etat_droit\nA;2022-01;oui;oui;ouvert\n';
const E = 'id_personne;type;date;organisme\nA;orientation;2022-02-10;departement\n';
const dossier = mkdtempSync(join(tmpdir(), 'jalon-archives-'));
let n = 0;
const ecrire = (octets: Buffer): string => {
  const chemin = join(dossier, `archive-${n++}.zip`);
  writeFileSync(chemin, octets);
  return chemin;
};
const valides = (): Entree[] => [
  { nom: 'situations_mensuelles.csv', contenu: Buffer.from(S), deflate: true },
  { nom: 'evenements.csv', contenu: Buffer.from(E), deflate: true },
];

async function refus(promesse: Promise<unknown>): Promise<ErreurLecture> {
  try {
    await promesse;
  } catch (e) {
    if (e instanceof ErreurLecture) return e;
    throw e;
  }
  throw new Error('archive acceptée à tort');
}

describe('garde-fous des archives .zip', () => {
  it('contrôle positif : l’archive fabriquée ici est lue normalement', async () => {
    const donnees = await lireDonnees(ecrire(zip(valides())));
    expect(donnees.nombreLignes).toEqual({ situations: 1, evenements: 1 });
  });

  it('refuse une archive de plus de 10 000 entrées, avant de les lister', async () => {
    const beaucoup = [
      ...valides(),
      ...Array.from({ length: 10_000 }, (_, i) => ({ nom: `vide/${i}.txt`, contenu: Buffer.alloc(0) })),
    ];
    const e = await refus(lireDonnees(ecrire(zip(beaucoup))));
    expect(e.message).toMatch(/archive refusée, 10002 entrées \(plafond : 10000\)/);
    // 10 000 entrées exactement (2 + 9 998) : acceptée.
    const limite = [...valides(), ...beaucoup.slice(2, 10_000)];
    expect((await lireDonnees(ecrire(zip(limite)))).nombreLignes.situations).toBe(1);
  });

  it('refuse une taille totale décompressée au-delà du plafond (plafonds réduits pour le test)', async () => {
    const chemin = ecrire(zip(valides()));
    const total = S.length + E.length;
    const plafonds = { tailleEntree: 10_000, tailleTotale: total - 1, taux: 1000, entrees: 10 };
    const e = await refus(ouvrirSources(chemin, plafonds));
    expect(e.message).toContain(`${total} octets décompressés au total (plafond : ${total - 1})`);
    (await ouvrirSources(chemin, { ...plafonds, tailleTotale: total })).fermer();
  });

  it('refuse un taux de compression supérieur à 1000 (bombe)', async () => {
    const bombe = zip([
      {
        nom: 'situations_mensuelles.csv',
        contenu: Buffer.from(S + ' '.repeat(20 * 1024 * 1024)),
        deflate: true,
      },
      { nom: 'evenements.csv', contenu: Buffer.from(E), deflate: true },
    ]);
    const e = await refus(lireDonnees(ecrire(bombe)));
    expect(e.message).toMatch(/situations_mensuelles\.csv.*bombe de décompression probable/);
  });

  it('une entrée plus grande que sa taille annoncée est arrêtée pendant la lecture (erreur de lecture, rien de rendu)', async () => {
    const menteuse = zip([
      {
        nom: 'situations_mensuelles.csv',
        contenu: Buffer.from(S + 'B;2022-01;oui;oui;ouvert\n'.repeat(2000)),
        deflate: true,
        tailleAnnoncee: S.length,
      },
      { nom: 'evenements.csv', contenu: Buffer.from(E), deflate: true },
    ]);
    const e = await refus(lireDonnees(ecrire(menteuse)));
    expect(e.message).toMatch(
      /^situations_mensuelles\.csv : lecture impossible \(too many bytes in the stream/,
    );
  });

  it.each([
    '../evenements.csv',
    '../../etc/passwd',
    '/etc/evenements.csv',
    'a/../../evenements.csv',
    'dos\\..\\x.csv',
  ])('refuse le nom d’entrée « %s » (traversée de chemin)', async (nom) => {
    const e = await refus(lireDonnees(ecrire(zip([...valides(), { nom, contenu: Buffer.from(E) }]))));
    expect(e.message).toMatch(/hors de l'archive/);
  });
});
