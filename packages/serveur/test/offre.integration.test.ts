import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ConventionDetail,
  ConventionResume,
  EcritureOffre,
  FinancementsConvention,
  Manques,
  OffreCollectivite,
  ResultatImportOffre,
} from '@jalon/schemas';
import { applicationDemo, type ApplicationTest } from './aide/application.ts';
import { Client, corps } from './aide/client.ts';

/**
 * Offre d'insertion (issue 8) par l'API : saisie validée (Ajv, messages français), score, import tout ou rien,
 * export validé par un Ajv INDÉPENDANT compilé sur les schémas officiels de shared/, aller-retour, liens, droits.
 */
const EXEMPLE = resolve(import.meta.dirname, '../../offre/test/exemples/jeu-93');
const PARTAGE = resolve(import.meta.dirname, '../../../../shared/reference/data-inclusion');
// En CI, shared/ est à côté du dépôt : son absence doit faire échouer, pas basculer sur la copie du paquet.
if (!existsSync(PARTAGE) && process.env.CI) throw new Error(`schémas officiels absents : ${PARTAGE}`);
const OFFICIELS = existsSync(PARTAGE) ? PARTAGE : resolve(import.meta.dirname, '../../offre/data');

const ajv = new Ajv2020({ allErrors: true, strict: false });
(
  (ajvFormats as unknown as { default?: (a: Ajv2020) => void }).default ??
  (ajvFormats as unknown as (a: Ajv2020) => void)
)(ajv);
const officiel = {
  structure: ajv.compile(JSON.parse(readFileSync(resolve(OFFICIELS, 'structure.json'), 'utf8')) as object),
  service: ajv.compile(JSON.parse(readFileSync(resolve(OFFICIELS, 'service.json'), 'utf8')) as object),
};

let t: ApplicationTest;
let agent: Client;
const D44 = '/api/offre/departement:44';

beforeAll(async () => {
  t = await applicationDemo();
  agent = new Client(t.app);
  await agent.connecter('agent.44');
});
afterAll(async () => {
  await t.base.fermer();
});

const offre = async (c: Client = agent, chemin = D44) => corps<OffreCollectivite>(await c.get(chemin));
const base64 = (b: Buffer | string) => Buffer.from(b).toString('base64');

async function auditOffre(
  entite: string,
): Promise<{ qui: string; action: string; convention_id: number | null }[]> {
  const r = await sql<{ qui: string; action: string; convention_id: number | null }>`
    select qui, action, convention_id from audit where entite = ${entite} order by id`.execute(t.base.db);
  return r.rows;
}

const STRUCTURE = {
  nom: 'Garage solidaire de test',
  description: 'Garage associatif qui répare à prix coûtant les véhicules des personnes en insertion.',
  code_insee: '44109',
  commune: 'Nantes',
  adresse: '3 rue de l’Essai',
};

/**
 * Score attendu, calculé à la main depuis derived · score_qualite_service : adresse (en présentiel, adresse) 1 ;
 * modes de mobilisation et « mobilisable par » 1 ; public 1 ; thématique 1 ; moyen de contact 1 ; courriel non
 * applicable (pas « envoyer-un-courriel ») ; date du jour 1 ; frais payant sans précision 0,5 ; description de
 * 50 à 199 caractères 0,5 ; téléphone (« telephoner », téléphone donné) 1 → 8 / 9 = 0,888… → 0,89.
 */
const serviceDe = (structureId: string) => ({
  structure_id: structureId,
  nom: 'Location de véhicules à un euro',
  description:
    'Location de voitures et de scooters pour se rendre en formation ou à un entretien d’embauche.',
  type: 'aide-materielle',
  thematiques: ['mobilite--acceder-a-un-vehicule'],
  frais: 'payant',
  publics: ['demandeurs-emploi'],
  modes_accueil: ['en-presentiel'],
  modes_mobilisation: ['telephoner'],
  mobilisable_par: ['professionnels'],
  telephone: '0240000000',
  adresse: '3 rue de l’Essai',
  code_insee: '44109',
  zone_eligibilite: ['44'],
  volume_horaire_hebdomadaire: 5,
  nombre_semaines: 4,
});

describe('saisie d’une structure et d’un service', () => {
  let structureId = '';

  it('crée une structure : source de la collectivité, id `<source>--<id local>`, date du jour, audit', async () => {
    const r = await agent.requete('POST', `${D44}/structures`, STRUCTURE);
    expect(r.statut, JSON.stringify(r.corps)).toBe(201);
    const e = corps<EcritureOffre>(r);
    expect(e.id_publie).toMatch(/^cd44--[0-9a-f-]{36}$/);
    expect(e.donnees).toMatchObject({
      ...STRUCTURE,
      source: 'cd44',
      date_maj: t.maintenant.toISOString().slice(0, 10),
    });
    expect(officiel.structure(e.donnees)).toBe(true);
    structureId = e.id_publie;
    expect((await auditOffre('offre_structure')).at(-1)).toMatchObject({
      qui: 'agent.44',
      action: 'creer_structure',
    });
  });

  it('un service invalide est refusé (422) avec les erreurs du schéma en français, et rien n’est écrit', async () => {
    const avant = (await offre()).services.length;
    const auditAvant = (await auditOffre('offre_service')).length;
    const { description: _d, ...sansDescription } = serviceDe(structureId);
    const r = await agent.requete('POST', `${D44}/services`, {
      ...sansDescription,
      publics: ['retraites'],
      courriel: 'pas-un-courriel',
    });
    expect(r.statut).toBe(422);
    const erreur = corps<{ erreur: string; details: { constats: { champ: string; message: string }[] } }>(r);
    expect(erreur.erreur).toContain('n’est pas conforme au schéma data·inclusion');
    const champs = erreur.details.constats.map((c) => c.champ).sort();
    expect(champs).toEqual(expect.arrayContaining(['courriel', 'description', 'publics']));
    expect(erreur.details.constats.find((c) => c.champ === 'publics')?.message).toContain('« retraites »');
    expect(erreur.details.constats.find((c) => c.champ === 'courriel')?.message).toContain('courriel');
    expect((await offre()).services.length).toBe(avant);
    expect((await auditOffre('offre_service')).length).toBe(auditAvant);
  });

  it('règle hors schéma : « tous-publics » avec un autre public est refusé', async () => {
    const r = await agent.requete('POST', `${D44}/services`, {
      ...serviceDe(structureId),
      publics: ['tous-publics', 'jeunes'],
    });
    expect(r.statut).toBe(422);
    expect(corps<{ erreur: string }>(r).erreur).toContain('tous-publics');
  });

  it('un service rattaché à une structure inconnue est refusé', async () => {
    const r = await agent.requete('POST', `${D44}/services`, serviceDe('cd44--inconnue'));
    expect(r.statut).toBe(422);
    expect(corps<{ erreur: string }>(r).erreur).toContain('cd44--inconnue');
  });

  it('crée un service valide, avec son score de qualité (0,89 calculé à la main)', async () => {
    const r = await agent.requete('POST', `${D44}/services`, serviceDe(structureId));
    expect(r.statut, JSON.stringify(r.corps)).toBe(201);
    const e = corps<EcritureOffre>(r);
    expect(e.score).toBe(0.89);
    expect(officiel.service(e.donnees)).toBe(true);
    const lu = (await offre()).services.find((s) => s.id === e.id);
    expect(lu?.score).toBe(0.89);
    expect(lu?.criteres.courriel_bien_defini).toBeNull();
    expect(lu?.criteres.frais_bien_definis).toBe(0.5);
    // La structure : moyenne de ses services (un seul ici).
    expect((await offre()).structures.find((s) => s.id_publie === structureId)?.score).toBe(0.89);
  });

  it('modifie un service (id et source inchangés) ; refuse de supprimer une structure qui a des services', async () => {
    const s = (await offre()).services.find((x) => x.structure_id_publie === structureId);
    if (s === undefined) throw new Error('service absent');
    const r = await agent.requete('PUT', `${D44}/services/${s.id}`, {
      ...s.donnees,
      id: 'autre',
      frais: 'gratuit',
    });
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
    expect(corps<EcritureOffre>(r)).toMatchObject({ id_publie: s.id_publie, score: 0.94 }); // frais gratuits : 8,5 / 9 = 0,944… → 0,94
    const structure = (await offre()).structures.find((x) => x.id_publie === structureId);
    const refus = await agent.requete('DELETE', `${D44}/structures/${structure?.id ?? 0}`);
    expect(refus.statut).toBe(422);
    expect(corps<{ erreur: string }>(refus).erreur).toContain('a encore 1 service');
  });
});

const fichierJson = (nom: string) => ({
  nom,
  contenu_base64: base64(readFileSync(resolve(EXEMPLE, nom))),
});

async function exporter(fichier: string, c: Client = agent) {
  const r = await c.get(`${D44}/export?fichier=${fichier}`);
  expect(r.statut, JSON.stringify(r.corps)).toBe(200);
  return r;
}

describe('import → export (aller-retour) au format data·inclusion', () => {
  const attendus = {
    structures: JSON.parse(readFileSync(resolve(EXEMPLE, 'structures.json'), 'utf8')) as Record<
      string,
      unknown
    >[],
    services: JSON.parse(readFileSync(resolve(EXEMPLE, 'services.json'), 'utf8')) as Record<
      string,
      unknown
    >[],
  };

  it('importe les exports JSON ; chaque export valide contre structure.json et service.json officiels', async () => {
    const r = await agent.requete('POST', `${D44}/import`, {
      fichiers: [fichierJson('structures.json'), fichierJson('services.json')],
    });
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
    expect(corps<ResultatImportOffre>(r)).toMatchObject({
      structures: { creees: attendus.structures.length, remplacees: 0 },
      services: { crees: attendus.services.length, remplaces: 0 },
    });
    const structures = corps<Record<string, unknown>[]>(await exporter('structures.json'));
    const services = corps<Record<string, unknown>[]>(await exporter('services.json'));
    for (const s of structures)
      expect(officiel.structure(s), JSON.stringify(officiel.structure.errors)).toBe(true);
    for (const s of services) expect(officiel.service(s), JSON.stringify(officiel.service.errors)).toBe(true);
    // Chaque objet importé ressort à l'identique (les champs absents valent null), id `<source>--<id local>`.
    for (const a of attendus.services) {
      const e = services.find((s) => s.id === a.id);
      expect(e).toMatchObject(a);
      expect(String(e?.id)).toMatch(/^cd-93--/);
    }
    for (const a of attendus.structures) expect(structures.find((s) => s.id === a.id)).toMatchObject(a);
  });

  it('CSV puis XLSX : réimporter l’export remplace les mêmes objets et redonne le même export JSON', async () => {
    const jsonAvant = (await exporter('services.json')).corps;
    const structuresAvant = (await exporter('structures.json')).corps;
    const csv = {
      structures: String((await exporter('structures.csv')).corps),
      services: String((await exporter('services.csv')).corps),
    };
    const nbStructures = (structuresAvant as unknown[]).length;
    const nbServices = (jsonAvant as unknown[]).length;
    const r = await agent.requete('POST', `${D44}/import`, {
      fichiers: [
        { nom: 'structures.csv', contenu_base64: base64(csv.structures) },
        { nom: 'services.csv', contenu_base64: base64(csv.services) },
      ],
    });
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
    expect(corps<ResultatImportOffre>(r)).toMatchObject({
      structures: { creees: 0, remplacees: nbStructures },
      services: { crees: 0, remplaces: nbServices },
    });
    expect((await exporter('services.json')).corps).toEqual(jsonAvant);

    const reponse = await t.app.request(`${D44}/export?fichier=offre.xlsx`, {
      headers: { cookie: agent.cookie ?? '' },
    });
    expect(reponse.headers.get('content-type')).toContain('spreadsheetml');
    const xlsx = Buffer.from(await reponse.arrayBuffer());
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(classeur.worksheets.map((f) => f.name)).toEqual(['Structures', 'Services']);
    const r2 = await agent.requete('POST', `${D44}/import`, {
      fichiers: [{ nom: 'offre.xlsx', contenu_base64: base64(xlsx) }],
    });
    expect(r2.statut, JSON.stringify(r2.corps)).toBe(200);
    expect(corps<ResultatImportOffre>(r2).services).toEqual({ crees: 0, remplaces: nbServices });
    expect((await exporter('services.json')).corps).toEqual(jsonAvant);
    expect((await exporter('structures.json')).corps).toEqual(structuresAvant);
  });

  it('un CSV fautif est refusé en entier : erreur française située (fichier, ligne, colonne), rien d’écrit', async () => {
    const avant = await offre();
    const auditAvant = (await auditOffre('offre_service')).length;
    const entete = 'source,structure_id,id,nom,description,date_maj,publics';
    const description = 'Un service de test dont la description est assez longue pour être acceptée ici.';
    const contenu = [
      entete,
      `cd44,cd44--x,bon,Bon service,${description},2025-01-01,jeunes`,
      `cd44,cd44--x,mauvais,Mauvais service,${description},2025-01-01,"jeunes,retraites"`,
    ].join('\n');
    const structures = 'source,id,nom,date_maj\ncd44,x,Structure X,2025-01-01\n';
    const r = await agent.requete('POST', `${D44}/import`, {
      fichiers: [
        { nom: 'structures.csv', contenu_base64: base64(structures) },
        { nom: 'services.csv', contenu_base64: base64(contenu) },
      ],
    });
    expect(r.statut).toBe(422);
    const e = corps<{ erreur: string; details: { constats: string[] } }>(r);
    expect(e.erreur).toContain('rien n’a été enregistré');
    expect(e.details.constats).toEqual([
      expect.stringMatching(/^services\.csv, ligne 3, colonne « publics » : erreur SCHEMA — .*« retraites »/),
    ]);
    const apres = await offre();
    expect(apres.services.length).toBe(avant.services.length);
    expect(apres.structures.length).toBe(avant.structures.length);
    expect((await auditOffre('offre_service')).length).toBe(auditAvant);
  });

  it('un fichier illisible est refusé avec un message français', async () => {
    const r = await agent.requete('POST', `${D44}/import`, {
      fichiers: [{ nom: 'offre.json', contenu_base64: base64('{ pas du json') }],
    });
    expect(r.statut).toBe(422);
    expect(corps<{ erreur: string }>(r).erreur).toMatch(/offre\.json : JSON mal formé/);
  });
});

async function conventionDe(code: string, exercice: number): Promise<ConventionDetail> {
  const national = new Client(t.app);
  await national.connecter('national');
  const [c] = corps<{ conventions: ConventionResume[] }>(
    await national.get(`/api/conventions?collectivite=departement:${code}&exercice=${exercice}`),
  ).conventions;
  if (c === undefined) throw new Error('convention absente');
  return corps<ConventionDetail>(await national.get(`/api/conventions/${c.id}`));
}

describe('liens fiche action ↔ services financés', () => {
  it('une fiche finance un service : visible des deux côtés, audité dans l’historique de la convention', async () => {
    const d = await conventionDe('44', 2023);
    const fiche = d.fiches_actions[0];
    const service = (await offre()).services.find((s) => s.id_publie === 'cd-93--parcours-intensif');
    if (fiche === undefined || service === undefined) throw new Error('données absentes');
    const chemin = `/api/conventions/${d.convention.id}/fiches/${fiche.id}/services`;
    const r = await agent.requete('POST', chemin, { service_id: service.id });
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
    const liens = corps<FinancementsConvention>(r).liens.filter((l) => l.service_id === service.id);
    expect(liens).toEqual([
      expect.objectContaining({
        fiche_id: fiche.id,
        numero: fiche.numero,
        convention_id: d.convention.id,
        exercice: 2023,
        service_id_publie: 'cd-93--parcours-intensif',
      }),
    ]);
    const vu = (await offre()).services.find((s) => s.id === service.id);
    expect(vu?.financements.map((f) => [f.convention_id, f.numero])).toEqual([
      [d.convention.id, fiche.numero],
    ]);
    expect((await auditOffre('offre_financement')).at(-1)).toEqual({
      qui: 'agent.44',
      action: 'lier_service',
      convention_id: d.convention.id,
    });
    // Idempotent, puis retrait.
    expect((await agent.requete('POST', chemin, { service_id: service.id })).statut).toBe(200);
    const retrait = await agent.requete('DELETE', `${chemin}/${service.id}`);
    expect(retrait.statut).toBe(200);
    expect(corps<FinancementsConvention>(retrait).liens.some((l) => l.service_id === service.id)).toBe(false);
    expect((await agent.requete('DELETE', `${chemin}/${service.id}`)).statut).toBe(404);
  });

  it('supprimer un service lié retire ses liens et garde les financements dans l’audit', async () => {
    const d = await conventionDe('44', 2024);
    const fiche = d.fiches_actions[0];
    const service = (await offre()).services.find((s) => s.id_publie === 'cd-93--diagnostic-mobilite');
    if (fiche === undefined || service === undefined) throw new Error('données absentes');
    await agent.requete('POST', `/api/conventions/${d.convention.id}/fiches/${fiche.id}/services`, {
      service_id: service.id,
    });
    expect((await agent.requete('DELETE', `${D44}/services/${service.id}`)).statut).toBe(200);
    const liens = corps<FinancementsConvention>(
      await agent.get(`/api/conventions/${d.convention.id}/offre`),
    ).liens;
    expect(liens.some((l) => l.service_id === service.id)).toBe(false);
    const r = await sql<{ avant: { financements: { numero: string }[] } }>`
      select avant from audit where action = 'supprimer_service' order by id desc limit 1`.execute(t.base.db);
    expect(r.rows[0]?.avant.financements.map((f) => f.numero)).toEqual([fiche.numero]);
  });
});

describe('droits (politique existante : territoire et rôle)', () => {
  it('hors territoire : lecture, saisie, import, export, manques et liens refusés (404), rien d’écrit', async () => {
    const agent37 = new Client(t.app);
    await agent37.connecter('agent.37');
    const service = (await offre()).services[0];
    if (service === undefined) throw new Error('service absent');
    const avant = (await auditOffre('offre_service')).length;
    const essais: [string, string, unknown?][] = [
      ['GET', D44],
      ['GET', `${D44}/manques`],
      ['GET', `${D44}/export?fichier=services.json`],
      ['POST', `${D44}/structures`, STRUCTURE],
      ['PUT', `${D44}/services/${service.id}`, service.donnees],
      ['DELETE', `${D44}/services/${service.id}`],
      ['POST', `${D44}/import`, { fichiers: [fichierJson('structures.json')] }],
    ];
    for (const [methode, chemin, envoi] of essais) {
      const r = await agent37.requete(methode, chemin, envoi);
      expect(r.statut, `${methode} ${chemin}`).toBe(404);
      expect(corps<{ erreur: string }>(r).erreur).toContain('hors de votre territoire');
    }
    // Un service du 44 lié à une fiche du 37 : le service n'est pas dans l'offre de la collectivité.
    const d37 = await conventionDe('37', 2023);
    const r = await agent37.requete(
      'POST',
      `/api/conventions/${d37.convention.id}/fiches/${d37.fiches_actions[0]?.id ?? 0}/services`,
      { service_id: service.id },
    );
    expect(r.statut).toBe(404);
    expect((await auditOffre('offre_service')).length).toBe(avant);
  });

  it('DDETS du département : lit et exporte, mais ne modifie pas (403)', async () => {
    const ddets = new Client(t.app);
    await ddets.connecter('ddets.44');
    const lu = await offre(ddets);
    expect(lu.modifier).toBe(false);
    expect(lu.services.length).toBeGreaterThan(0);
    await exporter('services.csv', ddets);
    const r = await ddets.requete('POST', `${D44}/structures`, STRUCTURE);
    expect(r.statut).toBe(403);
    expect(corps<{ erreur: string }>(r).erreur).toContain('agents et valideurs de la collectivité');
  });
});

describe('manques du département', () => {
  it('compte les services par catégorie pour le 44 et signale les freins sans réponse', async () => {
    const services = (await offre()).services.map((s) => s.donnees);
    const m = corps<Manques>(await agent.get(`${D44}/manques`));
    expect(m.departement).toBe('44');
    // Attendu recalculé ici, indépendamment (INT-OFFRE-5) : zone « 44 » ou « france », et une thématique « mobilite--… ».
    const mobilite = services.filter(
      (s) =>
        (s.zone_eligibilite as string[] | undefined)?.some((z) => z === '44' || z === 'france') === true &&
        (s.thematiques as string[] | undefined)?.some((x) => x.startsWith('mobilite--')) === true,
    ).length;
    expect(mobilite).toBeGreaterThan(0);
    expect(m.parCategorie.find((c) => c.categorie === 'mobilite')?.services).toBe(mobilite);
    expect(m.freins.find((f) => f.frein === 'mobilite')?.manque).toBe(false);
    expect(m.tableau.colonnes[0]).toBe('section');
  });
});
