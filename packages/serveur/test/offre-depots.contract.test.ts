import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Base } from '../src/base/ouvrir.ts';
import { persistanceKysely } from '../src/depots/kysely/index.ts';
import type { Persistance } from '../src/depots/ports.ts';
import { FABRIQUES } from './aide/bases.ts';
import { COLLECTIVITES_TEST, ficheVide } from './aide/donnees.ts';

/** Contrat du dépôt de l'offre (migration 0006) : le même sur PGlite et, avec DATABASE_URL_TEST, sur PostgreSQL. */
describe.each(FABRIQUES)('dépôt de l’offre sur $nom', (fabrique) => {
  let base: Base;
  let p: Persistance;

  beforeAll(async () => {
    base = await fabrique.ouvrir();
    p = persistanceKysely(base.db);
    await p.depots.collectivites.enregistrer(COLLECTIVITES_TEST);
  });
  afterAll(async () => {
    await base.fermer();
  });

  const structure = {
    source: 'cd44',
    id: 'cd44--s1',
    nom: 'Structure « é » 1',
    date_maj: '2025-01-01',
    reseaux_porteurs: ['departements'],
  };
  const service = {
    source: 'cd44',
    id: 'cd44--v1',
    structure_id: 'cd44--s1',
    nom: 'Service',
    description: 'Description',
    date_maj: '2025-01-01',
    volume_horaire_hebdomadaire: 2.5,
    zone_eligibilite: ['44'],
  };

  it('crée, relit (JSONB à l’identique, colonnes d’index), remplace, supprime ; id publié unique par collectivité', async () => {
    const ids = {
      structure: await p.depots.offre.creer({
        modele: 'structure',
        collectiviteId: 'departement:44',
        departement: '44',
        donnees: structure,
      }),
      service: await p.depots.offre.creer({
        modele: 'service',
        collectiviteId: 'departement:44',
        departement: '44',
        donnees: service,
      }),
    };
    const lu = await p.depots.offre.trouver('service', ids.service);
    expect(lu).toMatchObject({
      collectiviteId: 'departement:44',
      departement: '44',
      source: 'cd44',
      idPublie: 'cd44--v1',
      structurePublie: 'cd44--s1',
      donnees: service,
    });
    expect(
      (await p.depots.offre.trouverParIdPublie('structure', 'departement:44', 'cd44--s1'))?.donnees,
    ).toEqual(structure);
    expect(
      await p.depots.offre.trouverParIdPublie('structure', 'departement:37', 'cd44--s1'),
    ).toBeUndefined();
    // Le même id publié dans une autre collectivité est permis, pas deux fois dans la même.
    await p.depots.offre.creer({
      modele: 'structure',
      collectiviteId: 'departement:37',
      departement: '37',
      donnees: structure,
    });
    await expect(
      p.depots.offre.creer({
        modele: 'structure',
        collectiviteId: 'departement:44',
        departement: '44',
        donnees: structure,
      }),
    ).rejects.toThrow();
    expect((await p.depots.offre.lister('structure', 'departement:44')).map((s) => s.idPublie)).toEqual([
      'cd44--s1',
    ]);
    expect(
      (await p.depots.offre.listerPerimetre('structure', { type: 'region', code: '52' })).map(
        (s) => s.collectiviteId,
      ),
    ).toEqual(['departement:44']);
    expect(await p.depots.offre.listerPerimetre('structure', { type: 'tout' })).toHaveLength(2);

    await p.depots.offre.remplacer('service', ids.service, {
      ...service,
      nom: 'Renommé',
      structure_id: 'cd44--s2',
    });
    expect(await p.depots.offre.trouver('service', ids.service)).toMatchObject({
      structurePublie: 'cd44--s2',
      donnees: { nom: 'Renommé' },
    });
    await p.depots.offre.supprimer('service', ids.service);
    expect(await p.depots.offre.trouver('service', ids.service)).toBeUndefined();
  });

  it('liens fiche ↔ service : idempotents, lus des deux côtés, supprimés avec la fiche ou le service', async () => {
    const conventionId = await p.depots.conventions.creer({
      collectiviteId: 'departement:44',
      cadre: 'calpae-2023',
      exercice: 2023,
      regime: 'civil',
      dureeMois: 12,
      enveloppeEtat: 0,
      statut: 'brouillon',
    });
    const f1 = await p.depots.fiches.creer(conventionId, ficheVide('1.1'));
    const f2 = await p.depots.fiches.creer(conventionId, ficheVide('1.2'));
    const s = await p.depots.offre.creer({
      modele: 'service',
      collectiviteId: 'departement:44',
      departement: '44',
      donnees: { ...service, id: 'cd44--v2' },
    });
    expect(await p.depots.offre.lier(f1, s)).toBe(true);
    expect(await p.depots.offre.lier(f1, s)).toBe(false);
    expect(await p.depots.offre.lier(f2, s)).toBe(true);
    const parService = await p.depots.offre.financementsDesServices([s]);
    expect(parService.map((f) => [f.numero, f.conventionId, f.cadre, f.exercice])).toEqual([
      ['1.1', conventionId, 'calpae-2023', 2023],
      ['1.2', conventionId, 'calpae-2023', 2023],
    ]);
    expect((await p.depots.offre.financementsDeLaConvention(conventionId)).map((f) => f.ficheId)).toEqual([
      f1,
      f2,
    ]);
    expect(await p.depots.offre.financementsDesServices([])).toEqual([]);
    expect(await p.depots.offre.delier(f1, s)).toBe(true);
    expect(await p.depots.offre.delier(f1, s)).toBe(false);
    await p.depots.fiches.supprimer(f2);
    expect(await p.depots.offre.financementsDesServices([s])).toEqual([]);
    await p.depots.offre.lier(f1, s);
    await p.depots.offre.supprimer('service', s);
    expect(await p.depots.offre.financementsDeLaConvention(conventionId)).toEqual([]);
  });

  it('tout ou rien : une transaction qui échoue ne laisse aucun objet', async () => {
    const avant = (await p.depots.offre.lister('structure', 'departement:37')).length;
    await expect(
      p.transaction(async (d) => {
        await d.offre.creer({
          modele: 'structure',
          collectiviteId: 'departement:37',
          departement: '37',
          donnees: { ...structure, id: 'cd37--t' },
        });
        throw new Error('échec');
      }),
    ).rejects.toThrow('échec');
    expect(await p.depots.offre.lister('structure', 'departement:37')).toHaveLength(avant);
  });
});
