import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { JeuOffre } from '../src/index.ts';
import {
  ecrireOffre,
  ErreurIllisible,
  ExportRefuse,
  formaterConstat,
  lireOffre,
  type FormatOffre,
} from '../src/fichiers/index.ts';
import { jeuValide } from './arbitraires.ts';

const EXEMPLE = resolve(import.meta.dirname, 'exemples/jeu-93');
const PARTAGE = resolve(import.meta.dirname, '../../../../shared/reference/data-inclusion');
const SCHEMAS_OFFICIELS = existsSync(PARTAGE) ? PARTAGE : resolve(import.meta.dirname, '../data');
const contexte = { aujourdhui: '2025-06-30', mode: 'defaut' as const };
const dossier = (): string => mkdtempSync(join(tmpdir(), 'jalon-offre-'));

// Second validateur, indépendant du code testé : Ajv compilé directement sur les schémas officiels de shared/.
const ajv = new Ajv2020({ allErrors: true, strict: false });
(
  (ajvFormats as unknown as { default?: (a: Ajv2020) => void }).default ??
  (ajvFormats as unknown as (a: Ajv2020) => void)
)(ajv);
const officiel = {
  structure: ajv.compile(
    JSON.parse(readFileSync(join(SCHEMAS_OFFICIELS, 'structure.json'), 'utf8')) as object,
  ),
  service: ajv.compile(JSON.parse(readFileSync(join(SCHEMAS_OFFICIELS, 'service.json'), 'utf8')) as object),
};
function valideOfficiellement(jeu: JeuOffre): boolean {
  return jeu.structures.every((s) => officiel.structure(s)) && jeu.services.every((s) => officiel.service(s));
}

const lire = (...chemins: string[]) =>
  lireOffre(
    chemins.map((chemin) => ({ chemin, affiche: chemin.split('/').at(-1) ?? chemin })),
    contexte,
  );

describe('import de l’exemple JSON', () => {
  it('lit le dossier structures.json + services.json, valide', async () => {
    const l = await lire(EXEMPLE);
    expect(l.constats).toEqual([]);
    expect(l.valide).toBe(true);
    expect(l.jeu.structures).toHaveLength(2);
    expect(l.jeu.services).toHaveLength(4);
    expect(valideOfficiellement(l.jeu)).toBe(true);
  });
});

describe('export : chaque forme valide au schéma officiel et se relit à l’identique', () => {
  it.each(['json', 'csv', 'xlsx'] as const)('%s', async (format) => {
    const { jeu } = await lire(EXEMPLE);
    const d = dossier();
    const sortie = format === 'xlsx' ? join(d, 'offre.xlsx') : join(d, 'export');
    const ecrits = await ecrireOffre(jeu, format, sortie, contexte);
    expect(ecrits.map((e) => e.split('/').at(-1))).toEqual(
      format === 'xlsx' ? ['offre.xlsx'] : [`structures.${format}`, `services.${format}`],
    );
    if (format === 'json') {
      // Le fichier JSON lui-même, tel qu'écrit, passe le schéma officiel.
      const services = JSON.parse(readFileSync(join(sortie, 'services.json'), 'utf8')) as unknown[];
      expect(services.every((s) => officiel.service(s))).toBe(true);
    }
    const relu = await lire(sortie);
    expect(relu.valide).toBe(true);
    expect(valideOfficiellement(relu.jeu)).toBe(true);
    expect(relu.jeu).toEqual(jeu);
  });

  it.each(['json', 'csv', 'xlsx'] as const)(
    'aller-retour %s sur des jeux générés (fast-check)',
    async (format: FormatOffre) => {
      await fc.assert(
        fc.asyncProperty(jeuValide, async (jeu) => {
          expect(valideOfficiellement(jeu)).toBe(true);
          const d = dossier();
          const sortie = format === 'xlsx' ? join(d, 'offre.xlsx') : d;
          await ecrireOffre(jeu, format, sortie, contexte);
          const relu = await lire(sortie);
          expect(relu.constats.filter((c) => c.severite === 'erreur')).toEqual([]);
          expect(relu.jeu).toEqual(jeu);
        }),
        { numRuns: format === 'xlsx' ? 15 : 30 },
      );
    },
  );

  it('rien n’est écrit si le jeu est invalide', async () => {
    const { jeu } = await lire(EXEMPLE);
    const invalide: JeuOffre = {
      ...jeu,
      services: jeu.services.map((s) => ({ ...s, publics: ['tous-publics', 'jeunes'] })),
    };
    const d = dossier();
    await expect(ecrireOffre(invalide, 'json', join(d, 'export'), contexte)).rejects.toBeInstanceOf(
      ExportRefuse,
    );
    await expect(ecrireOffre(invalide, 'xlsx', join(d, 'offre.xlsx'), contexte)).rejects.toBeInstanceOf(
      ExportRefuse,
    );
    expect(readdirSync(d)).toEqual([]);
  });
});

const ENTETE_CSV = 'id,source,structure_id,nom,description,date_maj,publics,thematiques';
const LIGNE_CSV =
  'atelier-1,cd-93,espace,Atelier « Réussir son entretien »,Préparer un entretien d’embauche : posture et questions.,2025-01-15,"jeunes, femmes",trouver-un-emploi--convaincre-un-recruteur-en-entretien';

describe('CSV', () => {
  it('UTF-8, UTF-8 avec BOM et Windows-1252 donnent le même jeu', async () => {
    const d = dossier();
    const texte = `${ENTETE_CSV}\r\n${LIGNE_CSV}\r\n`;
    writeFileSync(join(d, 'utf8.csv'), texte);
    writeFileSync(join(d, 'bom.csv'), `\uFEFF${texte}`);
    writeFileSync(join(d, 'win.csv'), iconv.encode(texte, 'win1252'));
    const [a, b, c] = await Promise.all(['utf8.csv', 'bom.csv', 'win.csv'].map((f) => lire(join(d, f))));
    expect(a?.jeu.services[0]).toMatchObject({
      id: 'cd-93--atelier-1',
      structure_id: 'cd-93--espace',
      nom: 'Atelier « Réussir son entretien »',
      publics: ['jeunes', 'femmes'],
    });
    expect(b?.jeu).toEqual(a?.jeu);
    expect(c?.jeu).toEqual(a?.jeu);
  });

  it('accepte le point-virgule (Excel en français)', async () => {
    const d = dossier();
    writeFileSync(
      join(d, 'services.csv'),
      `${ENTETE_CSV.replaceAll(',', ';')}\n${LIGNE_CSV.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';')}\n`,
    );
    const l = await lire(join(d, 'services.csv'));
    expect(l.jeu.services[0]?.publics).toEqual(['jeunes', 'femmes']);
  });

  it('situe chaque faute : fichier, ligne, colonne, raison', async () => {
    const d = dossier();
    writeFileSync(
      join(d, 'services.csv'),
      `${ENTETE_CSV},nombre_semaines,couleur\n${LIGNE_CSV},2,bleu\n${LIGNE_CSV.replace('atelier-1', 'atelier-2').replace('"jeunes, femmes"', 'retraites')},deux,\n`,
    );
    const l = await lire(join(d, 'services.csv'));
    expect(l.valide).toBe(false);
    expect(l.constats.map(formaterConstat)).toEqual([
      'services.csv, ligne 1, colonne « couleur » : avertissement CHAMP_INCONNU — colonne « couleur » hors du schéma data·inclusion v1 : non reprise',
      'services.csv, ligne 3, colonne « nombre_semaines » : erreur CELLULE — « deux » n’est pas un nombre entier',
      'services.csv, ligne 3, colonne « publics » : erreur SCHEMA — valeur « retraites » hors référentiel',
    ]);
  });
});

async function classeurValideur(lignesServices: (string | Date)[][]): Promise<Buffer> {
  const classeur = new ExcelJS.Workbook();
  const structures = classeur.addWorksheet('Structures');
  structures.addRow(['id', 'nom', 'date_maj', 'reseaux_porteurs', '__ignore__']);
  structures.addRow(['Identifiant', 'Nom', 'Date', 'Réseaux', 'x']);
  structures.addRow([
    'espace',
    'Espace insertion',
    new Date(Date.UTC(2025, 0, 15)),
    'departements, france-travail',
    '',
  ]);
  const services = classeur.addWorksheet('Services');
  services.addRow(['id', 'structure_id', 'nom', 'description', 'date_maj', 'publics', '__ignore__']);
  services.addRow([
    'exemple',
    'espace',
    'Exemple à ne pas lire',
    'Ligne d’exemple du modèle.',
    '2025-01-01',
    'jeunes',
    'exemple',
  ]);
  for (const l of lignesServices) services.addRow(l);
  return Buffer.from(await classeur.xlsx.writeBuffer());
}

describe('XLSX « valideur »', () => {
  it('saute les lignes __ignore__, lit listes et dates, prend la source par défaut', async () => {
    const d = dossier();
    writeFileSync(
      join(d, 'offre.xlsx'),
      await classeurValideur([
        ['atelier', 'espace', 'Atelier CV', 'Écrire son CV et sa lettre.', '2025-02-01', 'jeunes,femmes', ''],
      ]),
    );
    const l = await lireOffre([{ chemin: join(d, 'offre.xlsx'), affiche: 'offre.xlsx' }], {
      ...contexte,
      sourceParDefaut: 'cd-93',
    });
    expect(l.constats).toEqual([]);
    expect(l.jeu.structures).toEqual([
      {
        source: 'cd-93',
        id: 'cd-93--espace',
        nom: 'Espace insertion',
        date_maj: '2025-01-15',
        reseaux_porteurs: ['departements', 'france-travail'],
      },
    ]);
    expect(l.jeu.services.map((s) => [s.id, s.structure_id, s.publics])).toEqual([
      ['cd-93--atelier', 'cd-93--espace', ['jeunes', 'femmes']],
    ]);
  });

  it('situe la faute par feuille et cellule ; sans source, le schéma la réclame', async () => {
    const d = dossier();
    writeFileSync(
      join(d, 'offre.xlsx'),
      await classeurValideur([
        ['atelier', 'espace', 'Atelier CV.', 'Écrire son CV.', '2025-02-01', 'jeunes,tous-publics', ''],
      ]),
    );
    const l = await lireOffre([{ chemin: join(d, 'offre.xlsx'), affiche: 'offre.xlsx' }], {
      ...contexte,
      mode: 'valideur',
      sourceParDefaut: 'cd-93',
    });
    expect(l.constats.map(formaterConstat)).toEqual([
      'offre.xlsx, feuille « Services », ligne 3, cellule C3 (nom) : erreur NOM_POINT_FINAL — le nom ne doit pas se terminer par un point (sauf « etc. ») : « Atelier CV. »',
      'offre.xlsx, feuille « Services », ligne 3, cellule F3 (publics) : erreur TOUS_PUBLICS_NON_EXCLUSIF — « tous-publics » doit être la seule valeur (aussi : jeunes)',
    ]);
    const sansSource = await lire(join(d, 'offre.xlsx'));
    expect(sansSource.constats.filter((c) => c.code === 'SCHEMA').map((c) => c.message)).toEqual([
      'champ obligatoire « source » absent',
      'champ obligatoire « source » absent',
    ]);
  });
});

describe('entrées illisibles', () => {
  it('fichier absent, JSON mal formé, extension inconnue, feuille manquante', async () => {
    const d = dossier();
    writeFileSync(join(d, 'casse.json'), '{ "structures": [');
    writeFileSync(join(d, 'offre.txt'), 'x');
    const classeur = new ExcelJS.Workbook();
    classeur.addWorksheet('Structures').addRow(['id']);
    writeFileSync(join(d, 'une-feuille.xlsx'), Buffer.from(await classeur.xlsx.writeBuffer()));
    await expect(lire(join(d, 'absent.json'))).rejects.toThrow(/absent.json : fichier introuvable/);
    await expect(lire(join(d, 'casse.json'))).rejects.toThrow(/JSON mal formé/);
    await expect(lire(join(d, 'offre.txt'))).rejects.toThrow(/extension inconnue/);
    await expect(lire(join(d, 'une-feuille.xlsx'))).rejects.toThrow(/feuille « Services » absente/);
    await expect(lire(join(d, 'absent.json'))).rejects.toBeInstanceOf(ErreurIllisible);
  });
});
