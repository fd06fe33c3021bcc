import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analyserManques,
  construireTerritoires,
  departementParPrefixe,
  genreZone,
  tableauEnCsv,
  tableauManques,
  territoiresSansTables,
  type JeuOffre,
  type Service,
  type Structure,
} from '../src/index.ts';

const EXEMPLE = resolve(import.meta.dirname, 'exemples/jeu-93');
const jeu93: JeuOffre = {
  structures: JSON.parse(readFileSync(`${EXEMPLE}/structures.json`, 'utf8')) as Structure[],
  services: JSON.parse(readFileSync(`${EXEMPLE}/services.json`, 'utf8')) as Service[],
};
// Table d'EPCI écrite à la main pour le test : la Métropole du Grand Paris couvre 75, 92, 93, 94.
const territoires = construireTerritoires({
  departementsDEpci: (code) => (code === '200054781' ? ['75', '92', '93', '94'] : undefined),
});

describe('rattachement des codes de zone', () => {
  it.each([
    ['france', 'france'],
    ['99100', 'france'],
    ['99134', 'pays'],
    ['200054781', 'epci'],
    ['93066', 'commune'],
    ['2A004', 'commune'],
    ['971', 'departement'],
    ['2B', 'departement'],
  ])('%s est un code %s', (code, genre) => expect(genreZone(code)).toBe(genre));

  it('département d’une commune par son préfixe (outre-mer sur 3 caractères)', () => {
    expect(departementParPrefixe('93066')).toBe('93');
    expect(departementParPrefixe('97411')).toBe('974');
    expect(departementParPrefixe('2A004')).toBe('2A');
    expect(departementParPrefixe('20004')).toBeUndefined();
  });

  it('sans table : EPCI non rattaché, pays étranger hors de France', () => {
    expect(territoiresSansTables.departementsDe('200054781')).toBeUndefined();
    expect(territoiresSansTables.departementsDe('99134')).toEqual([]);
    expect(territoiresSansTables.departementsDe('france')).toHaveLength(101);
    expect(territoiresSansTables.communeExiste('93066')).toBeUndefined();
  });
});

// Attendus comptés à la main sur test/exemples/jeu-93 (4 services) :
// diagnostic-mobilite : zone 93, mobilité, 3 h × 8 sem. ; parcours-intensif : communes 93008 et 93005,
// remobilisation, 15 h × 12 sem. ; referent-sante : EPCI 200054781, santé ; permis-national : france, mobilité.
describe('analyse des manques du 93', () => {
  const a = analyserManques(jeu93, '93', territoires);

  it('rattache les 4 services avec leur portée', () => {
    expect(a.services.map((s) => [s.id, s.portee])).toEqual([
      ['cd-93--diagnostic-mobilite', 'departement'],
      ['cd-93--parcours-intensif', 'infra'],
      ['cd-93--referent-sante', 'infra'],
      ['cd-93--permis-national', 'national'],
    ]);
    expect(a.nonRattaches).toEqual([]);
  });

  it('compte par catégorie et signale les segments non couverts', () => {
    const ligne = (c: string) => a.parCategorie.find((l) => l.categorie === c);
    expect(ligne('mobilite')).toMatchObject({
      services: 2,
      servicesToutLeDepartement: 2,
      frein: 'mobilite',
      manque: false,
    });
    expect(ligne('remobilisation')).toMatchObject({
      services: 1,
      servicesToutLeDepartement: 0,
      frein: undefined,
      manque: false,
    });
    expect(ligne('sante')).toMatchObject({ services: 1, servicesToutLeDepartement: 0, manque: false });
    expect(a.parCategorie.filter((l) => l.manque)).toHaveLength(13); // 16 catégories − 3 couvertes
  });

  it('met en avant les freins : garde d’enfants / famille et logement sans réponse', () => {
    expect(a.freins.map((f) => [f.frein, f.services, f.manque])).toEqual([
      ['mobilite', 2, false],
      ['garde-enfants-famille', 0, true],
      ['sante', 1, false],
      ['logement', 0, true],
    ]);
    expect(a.freins.find((f) => f.frein === 'sante')?.zonesCouvertes).toEqual(['200054781']);
  });

  it('zones : le département puis les zones infra, par catégorie', () => {
    expect(a.zones).toEqual([
      { zone: '93', genre: 'departement', services: 2, parCategorie: { mobilite: 2 } },
      { zone: '200054781', genre: 'epci', services: 1, parCategorie: { sante: 1 } },
      { zone: '93005', genre: 'commune', services: 1, parCategorie: { remobilisation: 1 } },
      { zone: '93008', genre: 'commune', services: 1, parCategorie: { remobilisation: 1 } },
    ]);
  });

  it('offres intensives : volume × semaines en minutes entières, seuil de 15 h par semaine', () => {
    expect(a.intensif.avecVolume).toEqual([
      {
        id: 'cd-93--parcours-intensif',
        nom: 'Parcours intensif de remobilisation',
        volume_horaire_hebdomadaire: 15,
        nombre_semaines: 12,
        minutesTotales: 15 * 60 * 12,
        atteintSeuil: true,
      },
      {
        id: 'cd-93--diagnostic-mobilite',
        nom: 'Diagnostic et accompagnement mobilité',
        volume_horaire_hebdomadaire: 3,
        nombre_semaines: 8,
        minutesTotales: 3 * 60 * 8,
        atteintSeuil: false,
      },
    ]);
    expect(a.intensif.atteignantSeuil).toBe(1);
    expect(a.intensif.sansVolume).toBe(2);
  });

  it('un autre département ne voit que l’offre nationale et celle de l’EPCI qui le couvre', () => {
    expect(analyserManques(jeu93, '75', territoires).services.map((s) => s.id)).toEqual([
      'cd-93--referent-sante',
      'cd-93--permis-national',
    ]);
    expect(analyserManques(jeu93, '44', territoires).services.map((s) => s.id)).toEqual([
      'cd-93--permis-national',
    ]);
  });

  it('liste les services non rattachables au lieu de les perdre', () => {
    const sansTable = analyserManques(jeu93, '93', territoiresSansTables);
    expect(sansTable.nonRattaches).toEqual([
      { id: 'cd-93--referent-sante', raison: 'zone(s) sans rattachement connu : 200054781' },
    ]);
    const sansZone: Service = {
      ...(jeu93.services[0] as Service),
      id: 'cd-93--sans-zone',
      zone_eligibilite: null,
      code_insee: null,
    };
    const a2 = analyserManques({ structures: [], services: [sansZone] }, '93', territoires);
    expect(a2.nonRattaches[0]?.raison).toMatch(/ni zone d’éligibilité ni code commune/);
  });

  it('sans zone : l’adresse du service ou de sa structure rattache', () => {
    const s: Service = { ...(jeu93.services[0] as Service), zone_eligibilite: null, code_insee: null };
    expect(
      analyserManques({ structures: jeu93.structures, services: [s] }, '93', territoires).services[0]?.portee,
    ).toBe('adresse');
  });

  it('tableau et CSV', () => {
    const t = tableauManques(a);
    expect(t.lignes).toHaveLength(16 + 4 + 2);
    expect(t.lignes.find((l) => l[0] === 'frein' && l[1] === 'logement')).toEqual([
      'frein',
      'logement',
      'Logement',
      '0',
      '0',
      'logement',
      'oui',
      '',
    ]);
    expect(t.lignes.find((l) => l[1] === 'cd-93--parcours-intensif')?.[7]).toBe(
      '15 h par semaine × 12 semaine(s) = 180 h (≥ 15 h)',
    );
    const csv = tableauEnCsv(t);
    expect(csv.split('\r\n')[0]).toBe(
      'section,code,libellé,services,dont tout le département,frein,manque,détail',
    );
    expect(csv.split('\r\n')).toHaveLength(1 + 22 + 1);
  });
});
