/**
 * Validation XSD des flux VRSB0801 : faits du schéma lus à la main dans vrsb0801.xsd, erreurs claires (chemin, ligne,
 * raison) pour chaque sorte de non-conformité, et flux altérés au hasard (fast-check) qui ne font jamais planter
 * l'importeur : seulement une `ErreurFluxCaf` en français.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyserTexteFlux, ErreurFluxCaf, schemaVrsb, type FoyerCaf } from '../src/caf/index.ts';
import type { Declaration } from '../src/caf/schema-xsd.ts';
import { genererFluxSynthetique, type FluxSynthetique } from './fixtures/caf/generateur.ts';

const FLUX: FluxSynthetique = {
  type: 'M',
  dateReference: '2024-01-31',
  dateCreation: '2024-02-05',
  foyers: [
    {
      matricule: '1001',
      etat: '4',
      motifSuspensionVersement: '06',
      personnes: [{ nir: '1800175000001', role: 'DEM', sdd: true }, { role: 'ENF' }],
    },
  ],
};
const VALIDE = genererFluxSynthetique(FLUX);

const analyser = (texte: string): FoyerCaf[] => {
  const foyers: FoyerCaf[] = [];
  analyserTexteFlux(texte, 'flux.xml', { pseudonymiser: (s) => `p(${s})`, surFoyer: (f) => foyers.push(f) });
  return foyers;
};
const erreurDe = (texte: string): ErreurFluxCaf => {
  try {
    analyser(texte);
  } catch (e) {
    if (e instanceof ErreurFluxCaf) return e;
    throw e;
  }
  throw new Error('aucune erreur levée');
};

const enfant = (d: Declaration | undefined, nom: string): { min: number; max: number; d: Declaration } => {
  if (d?.sorte !== 'complexe') throw new Error('bloc attendu');
  const p = d.sequence.find((x) => x.nom === nom);
  if (p === undefined) throw new Error(`${nom} absent`);
  return { min: p.min, max: p.max, d: p.declaration };
};

describe('compilation du XSD VRSB0801', () => {
  it('reprend les cardinalités et types lus dans le XSD', () => {
    const s = schemaVrsb();
    // XSD : <xsd:element ref="Prestations" minOccurs="2" maxOccurs="2" />
    const personne = s.globales.get('Personne');
    expect(enfant(personne, 'Prestations')).toMatchObject({ min: 2, max: 2 });
    // XSD : <xsd:element ref="Adresse" minOccurs="1" maxOccurs="3" />
    expect(enfant(s.globales.get('DonneesAdministratives'), 'Adresse')).toMatchObject({ min: 1, max: 3 });
    // XSD : InfosFoyerRSA 0..unbounded sous Racine.
    expect(enfant(s.racine, 'InfosFoyerRSA')).toMatchObject({ min: 0, max: Number.POSITIVE_INFINITY });
    // XSD : NIR facultatif, string de 15 caractères au plus ; MATRICULE integer totalDigits 15.
    const nir = enfant(s.globales.get('Identification'), 'NIR');
    expect(nir).toMatchObject({
      min: 0,
      max: 1,
      d: { sorte: 'simple', type: { base: 'string', maxLength: 15 } },
    });
    expect(enfant(s.globales.get('Organisme'), 'MATRICULE').d).toMatchObject({
      type: { base: 'integer', totalDigits: 15 },
    });
    expect(enfant(s.globales.get('IdentificationFlux'), 'DTREF').d).toMatchObject({ type: { base: 'date' } });
  });
});

describe('flux valides', () => {
  it('extrait état, motifs, rôles et SDD, et pseudonymise le NIR tronqué à 13 caractères', () => {
    const texte = VALIDE.replace('<NIR>1800175000001</NIR>', '<NIR>180017500000142</NIR>');
    const [f] = analyser(texte);
    expect(f).toMatchObject({
      etat: '4',
      motifSuspensionVersement: '06',
      dossier: 'p(DOSSIER|CAF|999|1001)',
      personnes: [
        { id: 'p(1800175000001)', role: 'DEM', sdd: true, sansNir: false },
        { role: 'ENF', sdd: null, sansNir: true },
      ],
    });
  });
});

describe('flux non conformes au XSD : erreur claire', () => {
  it('élément obligatoire manquant : chemin, ligne et nom de l’élément', () => {
    const texte = VALIDE.replace(/ *<DTREF>.*<\/DTREF>\n/, '');
    const e = erreurDe(texte);
    expect(e.message).toContain('élément obligatoire « DTREF » manquant');
    expect(e.chemin).toBe('/Racine/IdentificationFlux');
    // Ligne de la balise fermante </IdentificationFlux> : 1 déclaration, 2 Racine, 3 ouverture, 4 à 9 les six champs restants.
    expect(e.ligne).toBe(10);
  });

  it('éléments dans le désordre', () => {
    const texte = VALIDE.replace(/(<TYPEFLUX>M<\/TYPEFLUX>)\n(\s*)(<NATFLUX>D<\/NATFLUX>)/, '$3\n$2$1');
    expect(erreurDe(texte).message).toContain('élément obligatoire « TYPEFLUX » manquant avant « NATFLUX »');
  });

  it('trois blocs Prestations pour une personne (2 exactement)', () => {
    const bloc = /( *<Prestations>[\s\S]*?<\/Prestations>\n)/.exec(VALIDE)?.[1] ?? '';
    const texte = VALIDE.replace(bloc, bloc + bloc + bloc);
    const e = erreurDe(texte);
    expect(e.message).toContain('« Prestations » présent plus de 2 fois');
    expect(e.chemin).toBe('/Racine/InfosFoyerRSA[1]/Personne[1]/Prestations[3]');
  });

  it('date impossible, texte trop long, entier invalide', () => {
    expect(erreurDe(VALIDE.replace('<DTREF>2024-01-31', '<DTREF>2024-02-30')).message).toMatch(
      /\(\/Racine\/IdentificationFlux\/DTREF\) : valeur « 2024-02-30 » invalide : date attendue/,
    );
    expect(erreurDe(VALIDE.replace('<TYPEFLUX>M', '<TYPEFLUX>MM')).message).toContain(
      '2 caractères, 1 au plus',
    );
    expect(erreurDe(VALIDE.replace('<MATRICULE>1001', '<MATRICULE>10A1')).message).toContain(
      'nombre entier attendu',
    );
  });

  it('élément inconnu, racine erronée, XML mal formé, document tronqué', () => {
    expect(erreurDe(VALIDE.replace('<NOM>', '<SURNOM>x</SURNOM><NOM>')).message).toContain(
      'élément « SURNOM » inattendu',
    );
    expect(erreurDe(VALIDE.replace(/Racine>/g, 'Raçine>')).message).toContain('racine « Raçine »');
    expect(erreurDe(VALIDE.replace('</NOM>', '</NOMM>')).message).toContain('XML mal formé');
    expect(erreurDe(VALIDE.slice(0, VALIDE.length / 2)).message).toMatch(/XML mal formé|incomplet/);
  });
});

describe('flux altérés au hasard', () => {
  it('ne font jamais planter l’analyse : résultat ou ErreurFluxCaf en français', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: VALIDE.length - 1 }),
        fc.nat({ max: 40 }),
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.constantFrom('<', '>', '&', '</Personne>', '<Personne>', ']]>', '<!DOCTYPE x>'),
        ),
        (position, longueur, insertion) => {
          const texte = VALIDE.slice(0, position) + insertion + VALIDE.slice(position + longueur);
          try {
            analyser(texte);
          } catch (e) {
            expect(e).toBeInstanceOf(ErreurFluxCaf);
            expect((e as Error).message).toMatch(/^flux\.xml/);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
