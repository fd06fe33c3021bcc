import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Base } from '../src/base/ouvrir.ts';
import { persistanceKysely } from '../src/depots/kysely/index.ts';
import type { Persistance } from '../src/depots/ports.ts';
import type { NouvelImport } from '../src/depots/ports-donnees.ts';
import { FABRIQUES } from './aide/bases.ts';
import { COLLECTIVITES_TEST } from './aide/donnees.ts';

/** Contrat du dépôt des données réelles (profils, imports, explications, historique CAF) : PGlite et PostgreSQL. */
describe.each(FABRIQUES)('dépôt des données réelles sur $nom', (fabrique) => {
  let base: Base;
  let p: Persistance;
  let conventionId: number;

  beforeAll(async () => {
    base = await fabrique.ouvrir();
    p = persistanceKysely(base.db);
    await p.depots.collectivites.enregistrer(COLLECTIVITES_TEST);
    conventionId = await p.depots.conventions.creer({
      collectiviteId: 'departement:37',
      cadre: 'calpae-2023',
      exercice: 2023,
      regime: 'civil',
      dureeMois: 12,
      enveloppeEtat: 0,
      statut: 'brouillon',
    });
  });
  afterAll(async () => {
    await base.fermer();
  });

  const PROFIL = {
    format: 'jalon.profil/1',
    nom: 'X',
    regles: [{ nom: 'r', champs: { type: { valeur: 'rdv' } } }],
  };

  it('profils : création, liste par collectivité, version (verrou optimiste), nom unique, suppression', async () => {
    const d = p.depots.donnees;
    const id = await d.creerProfil({
      collectiviteId: 'departement:37',
      nom: 'B',
      profil: PROFIL,
      modifiePar: 'a',
    });
    await d.creerProfil({
      collectiviteId: 'departement:37',
      nom: 'A',
      profil: { ...PROFIL, nom: 'A' },
      modifiePar: 'a',
    });
    await d.creerProfil({ collectiviteId: 'departement:44', nom: 'B', profil: PROFIL, modifiePar: 'c' });
    expect((await d.listerProfils('departement:37')).map((x) => x.nom)).toEqual(['A', 'B']);
    const lu = await d.trouverProfil(id);
    expect(lu).toMatchObject({
      id,
      collectivite_id: 'departement:37',
      nom: 'B',
      profil: PROFIL,
      version: 1,
      modifie_par: 'a',
    });
    expect(lu?.modifie_le).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await expect(
      d.creerProfil({ collectiviteId: 'departement:37', nom: 'A', profil: PROFIL, modifiePar: 'a' }),
    ).rejects.toThrow();
    expect(await d.modifierProfil(id, 2, { nom: 'B2', profil: PROFIL, modifiePar: 'b' })).toBe(false);
    expect(
      await d.modifierProfil(id, 1, { nom: 'B2', profil: { ...PROFIL, nom: 'B2' }, modifiePar: 'b' }),
    ).toBe(true);
    expect(await d.trouverProfil(id)).toMatchObject({
      nom: 'B2',
      version: 2,
      modifie_par: 'b',
      profil: { nom: 'B2' },
    });
    expect(await d.supprimerProfil(id, 1)).toBe(false);
    expect(await d.supprimerProfil(id, 2)).toBe(true);
    expect(await d.trouverProfil(id)).toBeUndefined();
  });

  it('imports : enregistrement, liste la plus récente d’abord, explications en octets exacts', async () => {
    const d = p.depots.donnees;
    const entree: NouvelImport = {
      convention_id: conventionId,
      annee: 2022,
      qui: 'agent',
      forme: 'echange',
      profil: null,
      fichiers: [{ nom: 'evenements.csv', octets: 12, empreinte: 'sha256:ab' }],
      empreinte: 'sha256:cd',
      moteur_version: 'jalon-indicateurs 0.1.0',
      lignes: { situations: 10, evenements: 3 },
      anomalies: [{ code: 'X', message: 'm', nombre: 1, exemples: ['p1'] }],
      avertissements: ['a'],
      indicateurs: { orientes_1_mois: 2, taux: 0.5, rien: null },
      ignores: [{ indicateur: 'z', raison: 'r' }],
    };
    const texte = '\uFEFFid_personne;compte\r\np1;oui\r\n';
    const premier = await d.enregistrerImport(entree, [
      { indicateur: 'orientes_1_mois', lignes: 1, retenues: 1, csvGz: gzipSync(texte) },
      { indicateur: 'cer_2_mois', lignes: 0, retenues: 0, csvGz: gzipSync('') },
    ]);
    expect(premier).toMatchObject({ ...entree, id: premier.id });
    expect(premier.explications).toEqual([
      { indicateur: 'cer_2_mois', lignes: 0, retenues: 0 },
      { indicateur: 'orientes_1_mois', lignes: 1, retenues: 1 },
    ]);
    const second = await d.enregistrerImport({ ...entree, profil: 'rdv-insertion', forme: 'sources' }, []);
    expect(second.explications).toEqual([]);
    expect((await d.listerImports(conventionId)).map((i) => i.id)).toEqual([second.id, premier.id]);
    const gz = await d.explication(premier.id, 'orientes_1_mois');
    expect(gunzipSync(gz ?? new Uint8Array()).toString('utf8')).toBe(texte);
    expect(await d.explication(premier.id, 'inconnu')).toBeUndefined();
    expect(await d.trouverImport(999_999)).toBeUndefined();
  });

  it('historique CAF : remplacé en entier, par collectivité, relu à l’identique (plusieurs paquets)', async () => {
    const d = p.depots.donnees;
    const observations = Array.from({ length: 4500 }, (_, k) => ({
      personne: `p${String(k).padStart(5, '0')}`,
      mois: `2024-0${(k % 9) + 1}`,
      observation: { etat: String(k % 7), sdd: k % 2 === 0, motif: null },
    }));
    const flux = [{ cle: 'M|2024-01-31|2024-02-05|120000', flux: { typeFlux: 'M', dossiers: 2 } }];
    await d.remplacerHistoriqueCaf(
      'departement:44',
      [{ personne: 'autre', mois: '2024-01', observation: {} }],
      [],
    );
    await d.remplacerHistoriqueCaf('departement:37', observations, flux);
    expect(await d.compterHistoriqueCaf('departement:37')).toEqual({ observations: 4500, flux: 1 });
    const lu = await d.lireHistoriqueCaf('departement:37');
    expect(lu.observations).toEqual([...observations].sort((a, b) => (a.personne < b.personne ? -1 : 1)));
    expect(lu.flux).toEqual(flux);
    await d.remplacerHistoriqueCaf('departement:37', observations.slice(0, 2), []);
    expect(await d.compterHistoriqueCaf('departement:37')).toEqual({ observations: 2, flux: 0 });
    expect(await d.compterHistoriqueCaf('departement:44')).toEqual({ observations: 1, flux: 0 });
  });
});
