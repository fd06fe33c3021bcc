import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { genererCsv } from '@jalon/domaine';
import { ecrireXlsx } from '@jalon/documents';
import type { TableauBordApi } from '@jalon/schemas';
import { classeur, lignesExport } from '../src/http/routes/tableaux-bord.ts';

/** Exports des tableaux de bord : une cellule qui ressemble à une formule reste du texte (CSV et XLSX). */
const piege = '=HYPERLINK("http://exemple.invalid","x")';
const t: TableauBordApi = {
  territoire: { type: 'region', code: '52', nom: 'Pays de la Loire' },
  annee: 2022,
  cadre: 'calpae-2022',
  seuil_secret: 11,
  indicateurs: [{ code: 'n', libelle: '@SUM(A1:A9)', comptage: true }],
  departements: ['44'],
  lignes: [
    {
      departement: '44',
      nom: piege,
      collectivite_id: 'departement:44',
      convention_id: 1,
      etat: 'rapport_depose',
      taux_consommation: 92.5,
      taux_atteinte: { type: 'secret', affichage: '< 11' },
      indicateurs: { n: { type: 'valeur', valeur: 1234 } },
      en_retard: true,
    },
  ],
  series: [],
};

describe('exports des tableaux de bord', () => {
  it('CSV : formules neutralisées par une apostrophe, virgule décimale, secret en clair « < 11 »', () => {
    const { entetes, lignes } = lignesExport(t);
    const csv = genererCsv(entetes, lignes);
    const [entete, ligne] = csv.split('\r\n');
    expect(entete?.split(';').at(-1)).toBe("'@SUM(A1:A9)");
    // Le champ contient des guillemets : il est entouré de guillemets, les siens doublés (RFC 4180).
    expect(ligne).toBe(
      `44;"'=HYPERLINK(""http://exemple.invalid"",""x"")";rapport_depose;92,5;< 11;oui;1234`,
    );
  });

  it('XLSX relu par exceljs : le texte piégé est une chaîne, aucune cellule n’a de formule', async () => {
    const octets = await ecrireXlsx(classeur(t));
    const lu = new ExcelJS.Workbook();
    await lu.xlsx.load(
      octets.buffer.slice(octets.byteOffset, octets.byteOffset + octets.byteLength) as ArrayBuffer,
    );
    const feuille = lu.worksheets[0];
    if (feuille === undefined) throw new Error('feuille absente');
    const ligne = feuille.getRow(4);
    expect(ligne.getCell(1).value).toBe('44');
    expect(ligne.getCell(2).value).toBe(piege);
    expect(ligne.getCell(2).formula).toBeUndefined();
    expect(ligne.getCell(4).value).toBe(92.5);
    expect(ligne.getCell(5).value).toBe('< 11');
    expect(feuille.getRow(3).getCell(7).value).toBe('@SUM(A1:A9)');
    feuille.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
  });
});
