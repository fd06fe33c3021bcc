import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ErreurLecture, lireDonnees, type DonneesLues, type DossierPersonne } from '../src/index.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Écrit un jeu (contenus en octets ou en texte UTF-8) dans un dossier temporaire. */
function jeu(situations: string | Buffer, evenements: string | Buffer): string {
  const d = mkdtempSync(join(tmpdir(), 'jalon-lecture-'));
  writeFileSync(join(d, 'situations_mensuelles.csv'), situations);
  writeFileSync(join(d, 'evenements.csv'), evenements);
  return d;
}

const S_ENTETE = 'id_personne;mois;droit_versable;soumis_droits_devoirs;etat_droit\n';
const E_ENTETE = 'id_personne;type;date;organisme;parcours;dispositif;statut;conseiller;motif\n';

function tous(d: DonneesLues): DossierPersonne[] {
  return [...d.personnes()];
}

/** Mois absolu calculé à la main : année × 12 + mois − 1. */
const m = (a: number, mo: number): number => a * 12 + mo - 1;
/** Jour depuis 1970-01-01, seconde méthode (Date.UTC). */
const j = (a: number, mo: number, jo: number): number => Date.UTC(a, mo - 1, jo) / 86_400_000;

async function refus(chemin: string): Promise<ErreurLecture> {
  try {
    await lireDonnees(chemin);
  } catch (e) {
    if (e instanceof ErreurLecture) return e;
    throw e;
  }
  throw new Error('lecture acceptée alors qu’un refus était attendu');
}

describe('lecture : encodages, séparateurs, formats', () => {
  it('lit un UTF-8 avec BOM, séparateur « , », dates françaises et toutes les écritures de booléens', async () => {
    const s =
      '\uFEFFid_personne,mois,droit_versable,soumis_droits_devoirs\n' +
      'A,01/2022,oui,NON\nA,2022-02,O,n\nA,03/2022,1,0\nA,2022-04,Vrai,faux\nA,2022-05, TRUE ,False\n';
    const e =
      '\uFEFFid_personne,type,date,organisme\nA,orientation,31/03/2022,Departement\nA,CER,2022-04-30,\n';
    const d = await lireDonnees(jeu(s, e));
    expect(d.nombreLignesInvalides).toBe(0);
    const [a] = tous(d);
    expect(a?.situations.map((x) => [x.mois, x.droitVersable, x.soumisDroitsDevoirs, x.etatDroit])).toEqual([
      [m(2022, 1), true, false, 'ouvert'],
      [m(2022, 2), true, false, 'ouvert'],
      [m(2022, 3), true, false, 'ouvert'],
      [m(2022, 4), true, false, 'ouvert'],
      [m(2022, 5), true, false, 'ouvert'],
    ]);
    expect(a?.evenements).toEqual([
      { type: 'orientation', jour: j(2022, 3, 31), organisme: 'departement' },
      { type: 'cer', jour: j(2022, 4, 30) },
    ]);
    expect(d.fenetre).toEqual({ premierMois: m(2022, 1), dernierMois: m(2022, 5) });
  });

  it('lit du Windows-1252 avec accents dans les en-têtes et les valeurs ; défaut de etat_droit', async () => {
    const s = iconv.encode(
      'Identifiant;Mois;Droit versable;Soumis droits devoirs;État droit\n' +
        'Zoé;2022-01;non;oui;\nZoé;2022-02;oui;oui;\n',
      'win1252',
    );
    // « Identifiant » n'est pas une colonne connue : il faut « id_personne » ; on le met, avec accents et casse.
    const s2 = iconv.encode(
      'ID_Personne;Mois;Droit_Versable;Soumis_Droits_Devoirs;ÉTAT_DROIT\nZoé;2022-01;non;oui;\nZoé;2022-02;oui;oui;Radie\n',
      'win1252',
    );
    const e = iconv.encode(
      'id_personne;type;date;conseiller;motif\nZoé;fin_suivi;2022-02-03;;déménagé à Orléans\n',
      'win1252',
    );
    await expect(lireDonnees(jeu(s, e))).rejects.toThrow(/id_personne/);
    const d = await lireDonnees(jeu(s2, e));
    const [z] = tous(d);
    expect(z?.id).toBe('Zoé');
    expect(z?.situations.map((x) => x.etatDroit)).toEqual(['suspendu', 'radie']);
    expect(z?.evenements[0]?.motif).toBe('déménagé à Orléans');
    expect(d.avertissements.some((a) => a.includes('Windows-1252'))).toBe(true);
  });

  it('relit en Windows-1252 un fichier dont le début est de l’UTF-8 valide et la suite non', async () => {
    const debut = `${S_ENTETE}${'A;2022-01;oui;oui;ouvert\n'.repeat(80_000)}`; // ≈ 2 Mo d'ASCII
    const s = Buffer.concat([Buffer.from(debut), iconv.encode('Hélène;2022-01;oui;oui;ouvert\n', 'win1252')]);
    const d = await lireDonnees(jeu(s, E_ENTETE));
    // 80 000 lignes identiques : 79 999 doublons exacts de la ligne 2 — l'important ici est l'identifiant relu.
    expect(tous(d).map((p) => p.id)).toEqual(['A', 'Hélène']);
    expect(d.nombreLignesInvalides).toBe(79_999);
  });

  it('accepte les champs entre guillemets, les "" et les retours à la ligne dans un champ ; les lignes blanches sont sautées', async () => {
    const s = `${S_ENTETE}"A";"2022-01";oui;oui;ouvert\r\n\r\n   \nB;2022-01;oui;oui;\n`;
    const e =
      `${E_ENTETE}` +
      'A;fin_suivi;2022-01-15;;;;;;"motif sur\ndeux lignes, avec ""guillemets"" et ; point-virgule"\n' +
      'A;type_inconnu;2022-01-16;;;;;;\n';
    const d = await lireDonnees(jeu(s, e));
    const [a] = tous(d);
    expect(a?.evenements[0]?.motif).toBe('motif sur\ndeux lignes, avec "guillemets" et ; point-virgule');
    // L'événement inconnu commence à la ligne physique 4 (le motif de la ligne 2 occupe les lignes 2 et 3).
    expect(d.lignesInvalides).toEqual([
      {
        fichier: 'evenements.csv',
        ligne: 4,
        colonne: 'type',
        raison: expect.stringContaining('type_inconnu'),
      },
    ]);
    expect(tous(d).map((p) => p.id)).toEqual(['A', 'B']);
  });

  it('trie situations par mois et événements par jour (ordre du fichier à jour égal), sans doublons', async () => {
    const s = `${S_ENTETE}A;2022-03;oui;oui;\nA;2022-01;oui;oui;\nA;2022-02;non;non;clos\n`;
    const e = `${E_ENTETE}A;cer;2022-02-01;;;;;;\nA;rdv;2022-01-05;caf;;;annule;;\nA;orientation;2022-01-05;msa;social;;;;\n`;
    const [a] = tous(await lireDonnees(jeu(s, e)));
    expect(a?.situations.map((x) => x.mois)).toEqual([m(2022, 1), m(2022, 2), m(2022, 3)]);
    expect(a?.evenements).toEqual([
      { type: 'rdv', jour: j(2022, 1, 5), organisme: 'caf', statut: 'annule' },
      { type: 'orientation', jour: j(2022, 1, 5), organisme: 'msa', parcours: 'social' },
      { type: 'cer', jour: j(2022, 2, 1) },
    ]);
  });
});

describe('lecture : lignes invalides, chacune avec fichier, ligne, colonne et raison', () => {
  it('signale chaque raison à la bonne ligne', async () => {
    const s =
      S_ENTETE +
      'A;2022-01;oui;oui;ouvert\n' + // 2 valide
      ';2022-02;oui;oui;\n' + // 3 id vide
      'A;2022-13;oui;oui;\n' + // 4 mois impossible
      'A;2022-03;peut-être;oui;\n' + // 5 booléen inconnu
      'A;2022-04;oui;oui;ferme\n' + // 6 etat_droit inconnu
      'A;2022-05;oui\n' + // 7 nombre de champs
      'A;01/2022;OUI;oui;Ouvert\n' + // 8 doublon exact de la ligne 2 (après normalisation)
      'A;2022-01;non;oui;\n' + // 9 conflit avec la ligne 2
      'A;;oui;oui;\n'; // 10 mois vide
    const e =
      E_ENTETE +
      'A;orientation;30/02/2022;departement;;;;;\n' + // 2 date impossible
      'A;orientation;2022-03-01;;;;;;\n' + // 3 organisme manquant
      'A;entree_dispositif;2022-03-01;;;;;c1;\n' + // 4 dispositif manquant
      'A;rdv;2022-03-02;pole_emploi;;;;;\n' + // 5 organisme inconnu
      'A;rdv;2022-03-02;caf;;;reporte;;\n' + // 6 statut inconnu
      'A;orientation;2022-03-01;caf;pro;;;;\n' + // 7 parcours inconnu
      'A;proposition_dispositif;2022-03-01;;;ga;;;\n' + // 8 dispositif inconnu
      'A;cer;2022-03-10;;;;;;\n' + // 9 valide
      'A;cer;10/03/2022;;;;;;\n' + // 10 doublon exact de la ligne 9
      'A;cer;;;;;;;\n'; // 11 date vide
    const d = await lireDonnees(jeu(s, e));
    const vues = d.lignesInvalides.map((x) => [x.fichier, x.ligne, x.colonne]);
    expect(vues).toEqual([
      ['situations_mensuelles.csv', 3, 'id_personne'],
      ['situations_mensuelles.csv', 4, 'mois'],
      ['situations_mensuelles.csv', 5, 'droit_versable'],
      ['situations_mensuelles.csv', 6, 'etat_droit'],
      ['situations_mensuelles.csv', 7, null],
      ['situations_mensuelles.csv', 8, null],
      ['situations_mensuelles.csv', 9, 'mois'],
      ['situations_mensuelles.csv', 10, 'mois'],
      ['evenements.csv', 2, 'date'],
      ['evenements.csv', 3, 'organisme'],
      ['evenements.csv', 4, 'dispositif'],
      ['evenements.csv', 5, 'organisme'],
      ['evenements.csv', 6, 'statut'],
      ['evenements.csv', 7, 'parcours'],
      ['evenements.csv', 8, 'dispositif'],
      ['evenements.csv', 10, null],
      ['evenements.csv', 11, 'date'],
    ]);
    expect(d.nombreLignesInvalides).toBe(17);
    const raison = (f: string, l: number): string =>
      d.lignesInvalides.find((x) => x.fichier === f && x.ligne === l)?.raison ?? '';
    expect(raison('situations_mensuelles.csv', 8)).toBe('doublon exact de la ligne 2');
    expect(raison('situations_mensuelles.csv', 9)).toMatch(/^conflit avec la ligne 2/);
    expect(raison('situations_mensuelles.csv', 7)).toMatch(/3 champ\(s\) au lieu de 5/);
    expect(raison('evenements.csv', 10)).toBe('doublon exact de la ligne 9');
    expect(raison('evenements.csv', 2)).toContain('30/02/2022');
    // Les lignes valides restent : une situation (2022-01, ligne 2) et un CER.
    const [a] = tous(d);
    expect(a?.situations).toEqual([
      { mois: m(2022, 1), droitVersable: true, soumisDroitsDevoirs: true, etatDroit: 'ouvert' },
    ]);
    expect(a?.evenements).toEqual([{ type: 'cer', jour: j(2022, 3, 10) }]);
  });

  it('compte toutes les lignes invalides mais n’en garde que la limite en détail', async () => {
    const s = S_ENTETE + 'A;2022-13;oui;oui;\n'.repeat(30);
    const d = await lireDonnees(jeu(s, E_ENTETE), { limiteErreurs: 10 });
    expect(d.nombreLignesInvalides).toBe(30);
    expect(d.lignesInvalides.map((x) => x.ligne)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('avertit des colonnes inconnues et refuse une colonne obligatoire manquante', async () => {
    const d = await lireDonnees(
      jeu(
        `id_personne;mois;droit_versable;soumis_droits_devoirs;commune\nA;2022-01;oui;oui;Lyon\n`,
        E_ENTETE,
      ),
    );
    expect(d.avertissements).toEqual(['situations_mensuelles.csv : colonne inconnue « commune » ignorée.']);
    const e = await refus(jeu('id_personne;mois;droit_versable\nA;2022-01;oui\n', E_ENTETE));
    expect(e.message).toContain('« soumis_droits_devoirs »');
  });
});

describe('lecture : données personnelles refusées', () => {
  it.each(['NIR', 'Nom', 'prénom', 'Date de naissance', 'adresse', 'Téléphone', 'courriel', 'e-mail'])(
    'refuse une colonne « %s »',
    async (colonne) => {
      const e = await refus(
        jeu(`id_personne;mois;droit_versable;soumis_droits_devoirs;${colonne}\n`, E_ENTETE),
      );
      expect(e.nature).toBe('confidentialite');
      expect(e.message).toContain('jalon pseudonymiser');
    },
  );

  it.each(['1841275123456', '2 84 12 75 123 456 78', '184122A123456'])(
    'refuse un id_personne en forme de NIR (%s)',
    async (id) => {
      const e = await refus(
        jeu(`${S_ENTETE}P1;2022-01;oui;oui;\n`, `${E_ENTETE}${id};cer;2022-01-01;;;;;;\n`),
      );
      expect(e.nature).toBe('confidentialite');
      expect(e.message).toContain('evenements.csv, ligne 2');
    },
  );

  it('accepte des identifiants numériques qui n’ont pas la forme d’un NIR', async () => {
    const d = await lireDonnees(
      jeu(`${S_ENTETE}3841275123456;2022-01;oui;oui;\n184127512345;2022-01;oui;oui;\n`, E_ENTETE),
    );
    expect(tous(d)).toHaveLength(2);
  });
});

describe('lecture : archives .zip', () => {
  it('lit une archive dont les fichiers sont dans un sous-dossier, noms sans casse', async () => {
    const d = await lireDonnees(join(FIXTURES, 'archive-sous-dossier.zip'));
    expect(d.fichiers).toEqual({
      situations: 'export-2022/Situations_Mensuelles.CSV',
      evenements: 'export-2022/evenements.csv',
    });
    const [a] = tous(d);
    expect(a?.situations.map((x) => x.mois)).toEqual([m(2022, 1), m(2022, 2)]);
    expect(a?.evenements).toEqual([{ type: 'orientation', jour: j(2022, 2, 10), organisme: 'departement' }]);
  });

  it('donne la même empreinte pour l’archive et le dossier des mêmes octets', async () => {
    const S = 'id_personne;mois;droit_versable;soumis_droits_devoirs\nA;2022-01;oui;oui\nA;2022-02;oui;oui\n';
    const E = 'id_personne;type;date;organisme\nA;orientation;2022-02-10;departement\n';
    const { createHash } = await import('node:crypto');
    const attendue = `sha256:${createHash('sha256').update(S).update(E).digest('hex')}`;
    expect((await lireDonnees(jeu(S, E))).empreinte).toBe(attendue);
    expect((await lireDonnees(join(FIXTURES, 'archive-sous-dossier.zip'))).empreinte).toBe(attendue);
  });

  it('refuse une archive qui contient un chemin « ../ »', async () => {
    const e = await refus(join(FIXTURES, 'archive-traversee.zip'));
    expect(e.message).toMatch(/\.\.\/\.\.\/etc\/evenements\.csv.*hors de l'archive/);
  });

  it('refuse une entrée au taux de compression supérieur à 1000 (bombe)', async () => {
    const e = await refus(join(FIXTURES, 'archive-bombe.zip'));
    expect(e.message).toContain('bombe de décompression');
  });

  it('refuse un dossier absent, un fichier manquant, un faux zip', async () => {
    expect((await refus('/nulle/part')).message).toContain('introuvable');
    const d = mkdtempSync(join(tmpdir(), 'jalon-lecture-'));
    writeFileSync(join(d, 'situations_mensuelles.csv'), S_ENTETE);
    expect((await refus(d)).message).toContain('« evenements.csv » introuvable');
    const faux = join(d, 'faux.zip');
    writeFileSync(faux, 'pas une archive');
    expect((await refus(faux)).message).toContain('archive .zip illisible');
  });
});
