import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Base } from '../src/base/ouvrir.ts';
import { persistanceKysely } from '../src/depots/kysely/index.ts';
import type { Persistance } from '../src/depots/ports.ts';
import { FABRIQUES } from './aide/bases.ts';
import { COLLECTIVITES_TEST } from './aide/donnees.ts';

/**
 * Contrat du dépôt des documents (textes du rapport, dépôts figés), le même sur PGlite et PostgreSQL : octets
 * rendus à l'identique, numérotation, et immuabilité garantie PAR LA BASE (déclencheur de la migration 0004),
 * sans passer par le code de l'application.
 */
const empreinte = (octets: Uint8Array) => createHash('sha256').update(octets).digest('hex');

describe.each(FABRIQUES)('documents sur $nom', (fabrique) => {
  let base: Base;
  let p: Persistance;
  let conventionId: number;
  let autreId: number;

  beforeAll(async () => {
    base = await fabrique.ouvrir();
    p = persistanceKysely(base.db);
    await p.depots.collectivites.enregistrer(COLLECTIVITES_TEST);
    const nouvelle = {
      collectiviteId: 'departement:44',
      cadre: 'calpae-2023',
      exercice: 2023,
      regime: 'civil',
      dureeMois: 12,
      enveloppeEtat: 0,
      statut: 'brouillon',
    } as const;
    conventionId = await p.depots.conventions.creer(nouvelle);
    autreId = await p.depots.conventions.creer({ ...nouvelle, collectiviteId: 'departement:37' });
  });
  afterAll(async () => {
    await base.fermer();
  });

  it('textes : absents, écrits, remplacés ; par convention', async () => {
    expect(await p.depots.documents.lireTextes(conventionId)).toBeUndefined();
    await p.depots.documents.ecrireTextes(conventionId, { introduction: 'Première' }, 'agent.44');
    await p.depots.documents.ecrireTextes(
      conventionId,
      { introduction: 'Seconde', actions: { '1.1': { bilan: 'é « » €' } } },
      'valideur.44',
    );
    const lu = await p.depots.documents.lireTextes(conventionId);
    expect(lu?.textes).toEqual({ introduction: 'Seconde', actions: { '1.1': { bilan: 'é « » €' } } });
    expect(lu?.modifiePar).toBe('valideur.44');
    expect(lu?.modifieLe).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await p.depots.documents.lireTextes(autreId)).toBeUndefined();
  });

  it('dépôts : numérotés par convention, fichiers rendus octet pour octet, listés du plus récent au plus ancien', async () => {
    // Octets arbitraires (dont des zéros et des octets > 127) : un bytea mal transmis se verrait.
    const a = new Uint8Array([0, 255, 1, 0, 128, 10, 13, 0]);
    const b = randomBytes(70_000);
    const premier = await p.depots.documents.deposer({
      conventionId,
      typeDocument: 'rapport-execution',
      versionConvention: 3,
      deposePar: 'valideur.44',
      role: 'departement_valideur',
      utilisateurId: null,
      fichiers: [
        { nom: 'rapport.docx', typeMime: 'application/x-test', octets: a, sha256: empreinte(a) },
        { nom: 'donnees.json', typeMime: 'application/json', octets: b, sha256: empreinte(b) },
      ],
    });
    expect(premier).toMatchObject({
      numero: 1,
      conventionId,
      versionConvention: 3,
      deposePar: 'valideur.44',
    });
    expect(premier.fichiers).toEqual([
      { nom: 'rapport.docx', typeMime: 'application/x-test', taille: 8, sha256: empreinte(a) },
      { nom: 'donnees.json', typeMime: 'application/json', taille: 70_000, sha256: empreinte(b) },
    ]);
    const second = await p.depots.documents.deposer({
      conventionId,
      typeDocument: 'rapport-execution',
      versionConvention: 5,
      deposePar: 'valideur.44',
      role: 'departement_valideur',
      utilisateurId: null,
      fichiers: [{ nom: 'rapport.docx', typeMime: 'application/x-test', octets: b, sha256: empreinte(b) }],
    });
    expect(second.numero).toBe(2);
    const autre = await p.depots.documents.deposer({
      conventionId: autreId,
      typeDocument: 'bilan-final',
      versionConvention: 1,
      deposePar: 'valideur.37',
      role: 'departement_valideur',
      utilisateurId: null,
      fichiers: [],
    });
    expect(autre.numero).toBe(1);

    expect((await p.depots.documents.listerDepots(conventionId)).map((d) => d.numero)).toEqual([2, 1]);
    const lu = await p.depots.documents.lireFichier(conventionId, premier.id, 'rapport.docx');
    expect(Buffer.isBuffer(lu?.octets)).toBe(true);
    expect([...(lu?.octets ?? [])]).toEqual([...a]);
    const gros = await p.depots.documents.lireFichier(conventionId, premier.id, 'donnees.json');
    expect(gros?.octets.equals(b)).toBe(true);
    // Un fichier n'est lu que dans SA convention.
    expect(await p.depots.documents.lireFichier(autreId, premier.id, 'rapport.docx')).toBeUndefined();
    expect(await p.depots.documents.lireFichier(conventionId, premier.id, 'absent.pdf')).toBeUndefined();
  });

  it('la base refuse toute modification ou suppression d’un dépôt (UPDATE, DELETE, TRUNCATE), même en SQL direct', async () => {
    const [depot] = await p.depots.documents.listerDepots(conventionId);
    if (depot === undefined) throw new Error('dépôt attendu');
    const tentatives = [
      sql`update depot_fige set depose_par = 'intrus' where id = ${depot.id}`,
      sql`delete from depot_fige where id = ${depot.id}`,
      sql`update depot_fichier set octets = ${new Uint8Array([1])}, taille = 1 where depot_id = ${depot.id}`,
      sql`delete from depot_fichier where depot_id = ${depot.id}`,
      sql`truncate depot_fichier`,
      sql`truncate depot_fige cascade`,
    ];
    for (const requete of tentatives) {
      await expect(requete.execute(base.db)).rejects.toThrow(/Dépôt figé/);
    }
    // Supprimer la convention d'un dépôt est refusé aussi (clé étrangère sans cascade).
    await expect(p.depots.conventions.supprimer(conventionId)).rejects.toThrow();
    const apres = await p.depots.documents.listerDepots(conventionId);
    expect(apres.find((d) => d.id === depot.id)).toEqual(depot);
    const lu = await p.depots.documents.lireFichier(conventionId, depot.id, 'rapport.docx');
    expect(lu?.sha256).toBe(depot.fichiers[0]?.sha256);
    expect(empreinte(lu?.octets ?? new Uint8Array())).toBe(depot.fichiers[0]?.sha256);
  });

  it('la base refuse une empreinte mal formée, et un dépôt refusé ne laisse rien (tout ou rien)', async () => {
    const octets = new Uint8Array([1, 2, 3]);
    const avant = (await p.depots.documents.listerDepots(autreId)).length;
    const fautif = {
      conventionId: autreId,
      typeDocument: 'bilan-final',
      versionConvention: 2,
      deposePar: 'x',
      role: 'departement_valideur',
      utilisateurId: null,
      fichiers: [
        { nom: 'bon', typeMime: 'x', octets, sha256: empreinte(octets) },
        { nom: 'f', typeMime: 'x', octets, sha256: 'pas-une-empreinte' },
      ],
    } as const;
    await expect(p.depots.documents.deposer(fautif)).rejects.toThrow();
    await expect(p.transaction((depots) => depots.documents.deposer(fautif))).rejects.toThrow();
    expect((await p.depots.documents.listerDepots(autreId)).length).toBe(avant);
  });
});
