import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES_THEMATIQUES,
  chargerCategories,
  chargerReferentiel,
  REFERENTIEL_DU_CHAMP,
  REFERENTIELS_OFFRE,
  SCHEMAS,
} from '../src/index.ts';

const DATA = resolve(import.meta.dirname, '../data');
const PARTAGE = resolve(import.meta.dirname, '../../../../shared/reference/data-inclusion');
const lire = (chemin: string): unknown => JSON.parse(readFileSync(chemin, 'utf8'));

describe('copie des fichiers data·inclusion', () => {
  const fichiers = [
    'structure.json',
    'service.json',
    ...['extra', 'derived'].flatMap((d) => readdirSync(join(DATA, d)).map((f) => `${d}/${f}`)),
  ];

  it('contient les 2 schémas, les 9 référentiels et les 3 fichiers dérivés', () => {
    expect(fichiers).toHaveLength(14);
  });

  it.skipIf(!existsSync(PARTAGE) && !process.env.CI).each(fichiers)(
    '%s a le même contenu JSON que shared/',
    (f) => {
      expect(lire(join(DATA, f))).toEqual(lire(join(PARTAGE, f)));
    },
  );
});

/** Valeurs d'une énumération `$defs` d'un schéma officiel. */
function enumDuSchema(modele: 'structure' | 'service', nom: string): string[] {
  const defs = (SCHEMAS[modele] as unknown as { $defs: Record<string, { enum: string[] }> }).$defs;
  return [...(defs[nom]?.enum ?? [])].sort();
}

describe('référentiels chargés depuis les données', () => {
  it.each([
    ['service', 'Thematique', REFERENTIEL_DU_CHAMP.service.thematiques],
    ['service', 'TypeService', REFERENTIEL_DU_CHAMP.service.type],
    ['service', 'Frais', REFERENTIEL_DU_CHAMP.service.frais],
    ['service', 'Public', REFERENTIEL_DU_CHAMP.service.publics],
    ['service', 'ModeAccueil', REFERENTIEL_DU_CHAMP.service.modes_accueil],
    ['service', 'ModeMobilisation', REFERENTIEL_DU_CHAMP.service.modes_mobilisation],
    ['service', 'PersonneMobilisatrice', REFERENTIEL_DU_CHAMP.service.mobilisable_par],
    ['structure', 'ReseauPorteur', REFERENTIEL_DU_CHAMP.structure.reseaux_porteurs],
  ] as const)('%s.%s = référentiel extra/', (modele, nom, referentiel) => {
    expect([...referentiel.valeurs].sort()).toEqual(enumDuSchema(modele, nom));
  });

  it('compte les valeurs annoncées par le README de la référence (v1.0.8)', () => {
    expect(REFERENTIELS_OFFRE.thematiques.valeurs).toHaveLength(69);
    expect(REFERENTIELS_OFFRE.reseauxPorteurs.valeurs).toHaveLength(108);
    expect(REFERENTIELS_OFFRE.publics.valeurs).toHaveLength(14);
    expect(REFERENTIELS_OFFRE.typesDeServices.valeurs).toHaveLength(6);
    expect(REFERENTIELS_OFFRE.modesMobilisation.valeurs).toHaveLength(4);
    expect(REFERENTIELS_OFFRE.typologiesDeServices.valeurs).toHaveLength(11);
    expect(CATEGORIES_THEMATIQUES.liste).toHaveLength(16);
  });

  it('les 16 catégories partitionnent les 69 thématiques, chacune préfixée par sa catégorie', () => {
    const toutes = CATEGORIES_THEMATIQUES.liste.flatMap((c) => c.thematiques);
    expect([...toutes].sort()).toEqual([...REFERENTIELS_OFFRE.thematiques.valeurs].sort());
    for (const c of CATEGORIES_THEMATIQUES.liste)
      for (const t of c.thematiques) expect(t.startsWith(`${c.value}--`)).toBe(true);
  });

  it('donne libellés et catégorie', () => {
    expect(REFERENTIELS_OFFRE.frais.libelle('gratuit')).toBe('Gratuit');
    expect(REFERENTIELS_OFFRE.frais.libelle('inconnu')).toBe('inconnu');
    expect(CATEGORIES_THEMATIQUES.categorieDe('famille--garde-denfants')?.label).toBe('Famille');
    // une thématique ajoutée par une version correctif se range dans sa catégorie par son préfixe
    expect(CATEGORIES_THEMATIQUES.categorieDe('sante--nouvelle-thematique')?.value).toBe('sante');
    expect(CATEGORIES_THEMATIQUES.categorieDe('sans-separateur')).toBeUndefined();
  });

  it('une valeur ajoutée par une version correctif est une donnée, sans code', () => {
    const frais = [
      ...(lire(join(DATA, 'extra/frais.json')) as object[]),
      { value: 'sur-devis', label: 'Sur devis', description: null },
    ];
    const r = chargerReferentiel('frais', frais);
    expect(r.contient('sur-devis')).toBe(true);
    expect(r.valeurs).toEqual(['gratuit', 'payant', 'sur-devis']);
  });

  it('refuse un référentiel mal formé', () => {
    expect(() => chargerReferentiel('x', {})).toThrow(/liste est attendue/);
    expect(() => chargerReferentiel('x', [{ value: 'a' }])).toThrow(/entrée 0/);
    expect(() =>
      chargerReferentiel('x', [
        { value: 'a', label: 'A', description: null },
        { value: 'a', label: 'B', description: null },
      ]),
    ).toThrow(/en double/);
    expect(() => chargerCategories({ categories: [{ value: 'a' }] })).toThrow(/entrée 0/);
  });
});
