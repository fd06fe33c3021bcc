/**
 * Flux VRSB0801 synthétiques de plusieurs mois (générés depuis le XSD) → historique mensuel, événements et indicateurs.
 * Les attendus sont calculés à la main depuis la règle d'issue 7 § 1 (ETATDOSRSA 2 → versable ; 3/4 → suspendu ;
 * 5/6 → clos ; 0/1 → pas de droit) et INT-DONNEES-1 à 5 ; les pseudonymes attendus par un HMAC calculé ici.
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { importerFluxCaf } from '../src/caf/import.ts';
import { calculerIndicateurs, lireDonnees } from '../src/index.ts';
import { genererFluxSynthetique, type FluxSynthetique } from './fixtures/caf/generateur.ts';

const CLE = Buffer.from('0f'.repeat(32), 'hex');
const pseudo = (nir: string): string => createHmac('sha256', CLE).update(nir).digest('hex').slice(0, 32);

const NIR = { A: '1800175000001', B: '2800175000002', D: '1850175000004', E: '2900175000005' };
const ID = { A: pseudo(NIR.A), B: pseudo(NIR.B), D: pseudo(NIR.D), E: pseudo(NIR.E) };

const M1: FluxSynthetique = {
  type: 'M',
  dateReference: '2024-01-31',
  dateCreation: '2024-02-05',
  foyers: [
    {
      matricule: '1001',
      etat: '2',
      personnes: [
        { nir: NIR.A, role: 'DEM', sdd: true },
        { nir: NIR.B, role: 'CJT', sdd: false },
        { role: 'ENF', prenom: 'ENFANT' },
      ],
    },
    {
      matricule: '1002',
      etat: '4',
      motifSuspensionVersement: '06',
      personnes: [{ nir: NIR.D, role: 'DEM', sdd: true }],
    },
  ],
};
const I1: FluxSynthetique = {
  type: 'I',
  dateReference: '2024-02-10',
  dateCreation: '2024-02-10',
  foyers: [
    {
      matricule: '1003',
      etat: '2',
      dateDemande: '2024-02-03',
      personnes: [{ nir: NIR.E, role: 'DEM', sdd: true }],
    },
    {
      matricule: '1001',
      etat: '2',
      personnes: [
        { nir: NIR.A, role: 'DEM', sdd: true },
        { nir: NIR.B, role: 'CJT', sdd: true },
      ],
    },
  ],
};
const M2: FluxSynthetique = {
  type: 'M',
  dateReference: '2024-02-29',
  dateCreation: '2024-03-05',
  foyers: [
    {
      matricule: '1001',
      etat: '2',
      personnes: [
        { nir: NIR.A, role: 'DEM', sdd: true },
        { nir: NIR.B, role: 'CJT', sdd: true },
      ],
    },
    { matricule: '1002', etat: '2', personnes: [{ nir: NIR.D, role: 'DEM', sdd: true }] },
    {
      matricule: '1003',
      etat: '2',
      dateDemande: '2024-02-03',
      personnes: [{ nir: NIR.E, role: 'DEM', sdd: true }],
    },
  ],
};
const I2: FluxSynthetique = {
  type: 'I',
  dateReference: '2024-03-12',
  dateCreation: '2024-03-12',
  foyers: [
    {
      matricule: '1002',
      etat: '5',
      cloture: { motif: 'RFD', date: '2024-03-31' },
      personnes: [{ nir: NIR.D, role: 'DEM', sdd: true }],
    },
  ],
};

/** Attendu à la main (voir l'en-tête) : mars n'a pas de flux mensuel, on reporte février sauf pour D (clôture). */
const SITUATIONS_ATTENDUES = [
  `${ID.A};2024-01;oui;oui;ouvert`,
  `${ID.A};2024-02;oui;oui;ouvert`,
  `${ID.A};2024-03;oui;oui;ouvert`,
  `${ID.B};2024-01;oui;non;ouvert`,
  `${ID.B};2024-02;oui;oui;ouvert`,
  `${ID.B};2024-03;oui;oui;ouvert`,
  `${ID.D};2024-01;non;oui;suspendu`,
  `${ID.D};2024-02;oui;oui;ouvert`,
  `${ID.D};2024-03;non;oui;clos`,
  `${ID.E};2024-02;oui;oui;ouvert`,
  `${ID.E};2024-03;oui;oui;ouvert`,
].sort();

const EVENEMENTS_ATTENDUS = [
  // Ouverture : DTDEMRSA du dossier (INT-DONNEES-4).
  `${ID.A};ouverture_droit;2020-01-01`,
  `${ID.B};ouverture_droit;2020-01-01`,
  `${ID.D};ouverture_droit;2020-01-01`,
  `${ID.E};ouverture_droit;2024-02-03`,
  // T0 : premier flux du mois montrant « ouvert et SDD » (le quotidien du 10/02, pas le mensuel du 05/03).
  `${ID.B};reception_notification;2024-02-10`,
  `${ID.E};reception_notification;2024-02-10`,
].sort();

let dossier: string;
let entree: string;
beforeEach(async () => {
  dossier = await mkdtemp(join(tmpdir(), 'jalon-caf-'));
  entree = await mkdtemp(join(tmpdir(), 'jalon-caf-xml-'));
});

async function ecrireFlux(nom: string, f: FluxSynthetique): Promise<string> {
  const chemin = join(entree, nom);
  await writeFile(chemin, genererFluxSynthetique(f));
  return chemin;
}

async function lignes(fichier: string): Promise<string[]> {
  const t = await readFile(join(dossier, fichier), 'utf8');
  return t
    .trim()
    .split('\n')
    .slice(1)
    .map((l) =>
      l
        .split(';')
        .slice(0, fichier.startsWith('situations') ? 5 : 3)
        .join(';'),
    )
    .sort();
}

describe('import de flux VRSB0801 de plusieurs mois', () => {
  it('construit l’historique mensuel et les événements attendus, quel que soit l’ordre des fichiers', async () => {
    // Fichiers donnés dans le désordre : l'ordre chronologique vient de DTREF.
    const fichiers = [
      await ecrireFlux('RSABEI-2.xml', I2),
      await ecrireFlux('RSABEM-2.xml', M2),
      await ecrireFlux('RSABEM-1.xml', M1),
      await ecrireFlux('RSABEI-1.xml', I1),
    ];
    const r = await importerFluxCaf({ fichiers, dossierSortie: dossier, cle: CLE });
    expect(r.fluxAppliques.map((f) => f.fichier)).toEqual([
      'RSABEM-1.xml',
      'RSABEI-1.xml',
      'RSABEM-2.xml',
      'RSABEI-2.xml',
    ]);
    expect(await lignes('situations_mensuelles.csv')).toEqual(SITUATIONS_ATTENDUES);
    expect(await lignes('evenements.csv')).toEqual(EVENEMENTS_ATTENDUS);
  });

  it('donne le même résultat en deux imports successifs (historique conservé) et ignore un flux déjà importé', async () => {
    await importerFluxCaf({
      fichiers: [await ecrireFlux('m1.xml', M1), await ecrireFlux('i1.xml', I1)],
      dossierSortie: dossier,
      cle: CLE,
    });
    const r = await importerFluxCaf({
      fichiers: [await ecrireFlux('m2.xml', M2), await ecrireFlux('i2.xml', I2), join(entree, 'm1.xml')],
      dossierSortie: dossier,
      cle: CLE,
    });
    expect(r.fluxIgnores.map((f) => f.fichier)).toEqual(['m1.xml']);
    expect(await lignes('situations_mensuelles.csv')).toEqual(SITUATIONS_ATTENDUES);
    expect(await lignes('evenements.csv')).toEqual(EVENEMENTS_ATTENDUS);
  });

  it('ne garde ni NIR, ni nom dans les fichiers écrits', async () => {
    await importerFluxCaf({
      fichiers: [await ecrireFlux('m1.xml', M1), await ecrireFlux('i1.xml', I1)],
      dossierSortie: dossier,
      cle: CLE,
    });
    const tout: string[] = [];
    const parcourir = async (rep: string): Promise<void> => {
      for (const e of await readdir(rep, { withFileTypes: true })) {
        if (e.isDirectory()) await parcourir(join(rep, e.name));
        else tout.push(await readFile(join(rep, e.name), 'utf8'));
      }
    };
    await parcourir(dossier);
    const texte = tout.join('\n');
    for (const nir of Object.values(NIR)) expect(texte).not.toContain(nir);
    expect(texte).not.toContain('SYNTHETIQUE');
    expect(texte).not.toContain('ENFANT');
    expect(texte).not.toMatch(/\b1001\b/); // matricule CAF
  });

  it('produit un dossier lisible par le moteur v1 : 3 nouveaux entrants en 2024 (A en janvier, B et E en février)', async () => {
    const fichiers = [
      await ecrireFlux('a.xml', M1),
      await ecrireFlux('b.xml', I1),
      await ecrireFlux('c.xml', M2),
      await ecrireFlux('d.xml', I2),
    ];
    await importerFluxCaf({ fichiers, dossierSortie: dossier, cle: CLE });
    const d = await lireDonnees(dossier);
    expect(d.nombreLignesInvalides).toBe(0);
    const r = calculerIndicateurs(d.personnes(), {
      annee: 2024,
      cadre: 'france-travail-2024',
      fenetre: d.fenetre,
    });
    // A : janvier versable et SDD, absent en décembre 2023 ; B : SDD en février seulement ; E : arrive en février ;
    // D : SDD dès janvier (suspendu), donc pas d'entrée en février.
    expect(r.indicateurs.nouveaux_entrants).toBe(3);
    expect(r.indicateurs.nouveaux_entrants_orientes).toBe(0);
  });

  it('lit un flux encodé en windows-1252 comme le déclare son en-tête', async () => {
    const texte = genererFluxSynthetique(
      {
        ...M1,
        foyers: [
          {
            matricule: '1001',
            etat: '2',
            personnes: [{ nir: NIR.A, role: 'DEM', sdd: true, prenom: 'HÉLÈNE' }],
          },
        ],
      },
      'windows-1252',
    );
    const chemin = join(entree, 'w.xml');
    const iconv = (await import('iconv-lite')).default;
    await writeFile(chemin, iconv.encode(texte, 'windows-1252'));
    const r = await importerFluxCaf({ fichiers: [chemin], dossierSortie: dossier, cle: CLE });
    expect(r.personnes).toBe(1);
    expect(await lignes('situations_mensuelles.csv')).toEqual([`${ID.A};2024-01;oui;oui;ouvert`]);
  });
});
