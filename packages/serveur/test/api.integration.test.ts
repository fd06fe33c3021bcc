import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '@jalon/cli';
import { lireConvention } from '@jalon/domaine';
import type {
  ConventionDetail,
  ConventionResume,
  EntreeHistorique,
  FranceTravail,
  MatriceIndicateurs,
  Session,
  VueCycleApi,
} from '@jalon/schemas';
import { applicationDemo, type ApplicationTest } from './aide/application.ts';
import { Client, corps } from './aide/client.ts';

const RACINE = resolve(import.meta.dirname, '../../..');
let t: ApplicationTest;

beforeAll(async () => {
  const web = mkdtempSync(join(tmpdir(), 'jalon-web-'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Jalon</title>');
  writeFileSync(join(web, 'app.js'), 'console.log(1)');
  t = await applicationDemo(web);
});
afterAll(async () => {
  await t.base.fermer();
});

async function connecte(identifiant: string) {
  const client = new Client(t.app);
  const r = await client.connecter(identifiant);
  expect(r.statut).toBe(200);
  return client;
}

async function conventionDe(client: Client, code: string, exercice: number): Promise<ConventionResume> {
  const r = await client.get(`/api/conventions?collectivite=departement:${code}&exercice=${exercice}`);
  const [convention] = corps<{ conventions: ConventionResume[] }>(r).conventions;
  if (convention === undefined) throw new Error(`pas de convention ${code} ${exercice}`);
  return convention;
}

const detail = async (client: Client, id: number) =>
  corps<ConventionDetail>(await client.get(`/api/conventions/${id}`));

describe('système', () => {
  it('GET /api/sante répond {"statut":"ok"} sans session', async () => {
    const r = await new Client(t.app).get('/api/sante');
    expect(r).toMatchObject({ statut: 200, corps: { statut: 'ok' } });
  });

  it('GET /api/openapi.json : OpenAPI 3.1 avec les routes de l’API', async () => {
    const r = await new Client(t.app).get('/api/openapi.json');
    const doc = corps<{ openapi: string; paths: Record<string, unknown> }>(r);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/conventions',
        '/api/conventions/{id}',
        '/api/conventions/{id}/lignes-financieres',
      ]),
    );
  });

  it('sert l’application web avec repli SPA, mais jamais pour /api', async () => {
    const client = new Client(t.app);
    expect((await client.get('/')).corps).toContain('<title>Jalon</title>');
    expect((await client.get('/app.js')).corps).toBe('console.log(1)');
    expect((await client.get('/conventions/12/tableau')).corps).toContain('<title>Jalon</title>');
    const api = await (await connecte('national')).get('/api/inconnue');
    expect(api.statut).toBe(404);
    expect(corps<{ erreur: string }>(api).erreur).toContain('Adresse inconnue');
  });
});

describe('session', () => {
  it('refuse par défaut sans session (401, message français)', async () => {
    const r = await new Client(t.app).get('/api/conventions');
    expect(r.statut).toBe(401);
    expect(corps<{ erreur: string }>(r).erreur).toMatch(/connect/);
  });

  it('mauvais mot de passe : 401 ; bon : cookie HttpOnly SameSite=Strict, jeton CSRF, mode démo', async () => {
    const client = new Client(t.app);
    expect((await client.connecter('agent.44', 'faux')).statut).toBe(401);
    expect((await client.connecter('inconnu', 'demo-jalon')).statut).toBe(401);
    const r = await client.connecter('agent.44');
    const cookie = r.entetes.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const session = corps<Session>(r);
    expect(session).toMatchObject({
      demo: true,
      utilisateur: { identifiant: 'agent.44', role: 'departement_agent' },
    });
    expect(session.csrf).toMatch(/^[\w-]{40,}$/);
    expect(corps<Session>(await client.get('/api/session')).utilisateur?.identifiant).toBe('agent.44');
  });

  it('cookie Secure derrière https (X-Forwarded-Proto)', async () => {
    const client = new Client(t.app);
    const r = await client.requete(
      'POST',
      '/api/session',
      { identifiant: 'agent.44', mot_de_passe: 'demo-jalon' },
      { entetes: { 'x-forwarded-proto': 'https' } },
    );
    expect(r.entetes.get('set-cookie')).toMatch(/Secure/);
  });

  it('connexion sans corps JSON refusée (protection CSRF de la connexion)', async () => {
    const r = await new Client(t.app).requete('POST', '/api/session', undefined, {
      entetes: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r.statut).toBe(415);
  });

  it('toute modification sans jeton CSRF est refusée (403)', async () => {
    const client = await connecte('agent.44');
    const convention = await conventionDe(client, '44', 2023);
    const r = await client.requete(
      'PATCH',
      `/api/conventions/${convention.id}`,
      { version: convention.version },
      { csrf: false },
    );
    expect(r.statut).toBe(403);
    expect(corps<{ erreur: string }>(r).erreur).toContain('CSRF');
  });

  it('déconnexion : la session est supprimée côté serveur (l’ancien cookie ne vaut plus rien)', async () => {
    const client = await connecte('agent.37');
    const ancienCookie = client.cookie;
    expect((await client.requete('DELETE', '/api/session')).statut).toBe(204);
    client.cookie = ancienCookie;
    expect((await client.get('/api/conventions')).statut).toBe(401);
  });

  it('une session expirée (8 h) ne vaut plus rien', async () => {
    const client = await connecte('agent.37');
    const avant = t.maintenant;
    try {
      t.maintenant = new Date(avant.getTime() + 8 * 3600 * 1000 + 1000);
      expect((await client.get('/api/conventions')).statut).toBe(401);
    } finally {
      t.maintenant = avant;
    }
  });
});

describe('lecture par territoire', () => {
  it.each([
    ['agent.44', ['44']],
    ['ddets.59', ['59']],
    ['commissaire.52', ['44']],
    ['commissaire.24', ['37']],
    ['national', ['37', '44', '59']],
  ])('%s voit les conventions de %j', async (identifiant, codes) => {
    const client = await connecte(identifiant);
    const liste = corps<{ conventions: ConventionResume[] }>(
      await client.get('/api/conventions'),
    ).conventions;
    expect([...new Set(liste.map((c) => c.collectivite.code))]).toEqual(codes);
    // 6 conventions par département de démonstration : 2019 à 2024.
    expect(liste).toHaveLength(6 * codes.length);
  });

  it('filtres exercice, cadre, statut', async () => {
    const client = await connecte('national');
    const lister = async (q: string) =>
      corps<{ conventions: ConventionResume[] }>(await client.get(`/api/conventions?${q}`)).conventions;
    expect(await lister('exercice=2021')).toHaveLength(3);
    expect(await lister('cadre=calpae-2020')).toHaveLength(9);
    // Démonstration (demo/cycle.ts) : 2023 en négociation partout, 2024 en négociation à Tours et Lille.
    expect(await lister('statut=en_negociation')).toHaveLength(5);
    expect(await lister('statut=cloturee')).toHaveLength(10);
    expect((await client.get('/api/conventions?cadre=calpae-1999')).statut).toBe(422);
  });

  it('détail : totaux du domaine égaux à la somme des fiches (calcul indépendant), contrôles et droits', async () => {
    const client = await connecte('agent.44');
    const convention = await conventionDe(client, '44', 2023);
    const d = await detail(client, convention.id);
    expect(d.fiches_actions.length).toBeGreaterThan(3);
    const somme = (f: (x: ConventionDetail['fiches_actions'][number]) => number) =>
      d.fiches_actions.reduce((s, x) => s + f(x), 0);
    expect(d.totaux.general.previsionnel.etat).toBe(somme((x) => x.previsionnel.etat));
    expect(d.totaux.general.previsionnel.total).toBe(
      somme(
        (x) =>
          x.previsionnel.etat +
          x.previsionnel.report_etat +
          x.previsionnel.cd +
          x.previsionnel.report_cd +
          x.previsionnel.autres,
      ),
    );
    expect(d.controles).toEqual([]);
    expect(d.depot_possible).toBe(true);
    expect(d.droits).toEqual({
      lire: true,
      modifier: true,
      deposer: false,
      valider: false,
      saisir_execution: true,
    });
  });

  it('démonstration : les infractions prévues apparaissent', async () => {
    const client = await connecte('national');
    const codes = async (dep: string, exercice: number) =>
      (await detail(client, (await conventionDe(client, dep, exercice)).id)).controles.map((c) => c.code);
    expect(await codes('59', 2023)).toEqual(['PARITE_ACTION']);
    expect(await codes('37', 2023)).toEqual(['VALORISATION_JUSTIFIEE']);
    expect(await codes('44', 2024)).toEqual(['DEPENSE_INELIGIBLE']);
    expect(await codes('59', 2024)).toEqual(['COFINANCEMENT_VOLET2']);
  });
});

describe('modifications, versions et audit', () => {
  it('parité : baisser la part CD fait apparaître PARITE_ACTION, la corriger la fait disparaître ; historique', async () => {
    const client = await connecte('agent.44');
    const convention = await conventionDe(client, '44', 2023);
    const d0 = await detail(client, convention.id);
    const fiche = d0.fiches_actions.find((f) => f.numero === '1.1');
    if (fiche === undefined) throw new Error('fiche 1.1 absente');
    const cdInitial = fiche.previsionnel.cd;
    const r1 = await client.requete('PUT', `/api/conventions/${convention.id}/lignes-financieres`, {
      version: d0.convention.version,
      lignes: [{ fiche_id: fiche.id, previsionnel: { cd: fiche.previsionnel.etat - 100 } }],
    });
    expect(r1.statut).toBe(200);
    const d1 = corps<ConventionDetail>(r1);
    expect(d1.convention.version).toBe(d0.convention.version + 1);
    const parite = d1.controles.find((c) => c.code === 'PARITE_ACTION');
    expect(parite).toMatchObject({ gravite: 'bloquant', actions: ['1.1'], source: '001 · annexe 4' });
    expect(d1.depot_possible).toBe(false);

    const r2 = await client.requete('PUT', `/api/conventions/${convention.id}/lignes-financieres`, {
      version: d1.convention.version,
      lignes: [{ fiche_id: fiche.id, previsionnel: { cd: cdInitial } }],
    });
    expect(corps<ConventionDetail>(r2).controles).toEqual([]);

    const historique = corps<{ entrees: EntreeHistorique[] }>(
      await client.get(`/api/conventions/${convention.id}/historique`),
    ).entrees;
    const [dernier, avantDernier] = historique;
    expect(dernier).toMatchObject({
      qui: 'agent.44',
      action: 'modifier_lignes_financieres',
      role: 'departement_agent',
    });
    expect(dernier?.avant).toMatchObject({ '1.1': { previsionnel: { cd: fiche.previsionnel.etat - 100 } } });
    expect(dernier?.apres).toMatchObject({ '1.1': { previsionnel: { cd: cdInitial } } });
    expect(avantDernier?.avant).toMatchObject({ '1.1': { previsionnel: { cd: cdInitial } } });
  });

  it('version périmée : 409 en français, rien n’est écrit', async () => {
    const client = await connecte('agent.44');
    const convention = await conventionDe(client, '44', 2023);
    const d0 = await detail(client, convention.id);
    const fiche = d0.fiches_actions[0];
    if (fiche === undefined) throw new Error('aucune fiche');
    const r = await client.requete('PUT', `/api/conventions/${convention.id}/lignes-financieres`, {
      version: d0.convention.version - 1,
      lignes: [{ fiche_id: fiche.id, previsionnel: { autres: 123 } }],
    });
    expect(r.statut).toBe(409);
    expect(corps<{ erreur: string; details: unknown }>(r)).toMatchObject({
      erreur: expect.stringContaining('modifiée entre-temps'),
      details: { version_envoyee: d0.convention.version - 1, version_actuelle: d0.convention.version },
    });
    const d1 = await detail(client, convention.id);
    expect(d1.convention.version).toBe(d0.convention.version);
    expect(d1.fiches_actions[0]?.previsionnel.autres).toBe(fiche.previsionnel.autres);
  });

  it('montants : centimes entiers positifs, sinon 422 avec le chemin', async () => {
    const client = await connecte('agent.44');
    const convention = await conventionDe(client, '44', 2023);
    const d = await detail(client, convention.id);
    const r = await client.requete('PUT', `/api/conventions/${convention.id}/lignes-financieres`, {
      version: d.convention.version,
      lignes: [{ fiche_id: d.fiches_actions[0]?.id, previsionnel: { cd: -5, etat: 1.5 } }],
    });
    expect(r.statut).toBe(422);
    const { erreur } = corps<{ erreur: string }>(r);
    expect(erreur).toContain('lignes[0].previsionnel.cd');
    expect(erreur).toContain('lignes[0].previsionnel.etat');
  });

  it('fiche action : création, modification, numéro en double, suppression, chacune auditée', async () => {
    const client = await connecte('agent.37');
    const convention = await conventionDe(client, '37', 2023);
    const creee = await client.requete('POST', `/api/conventions/${convention.id}/fiches`, {
      version: convention.version,
      numero: '9.1',
      intitule: 'Action nouvelle',
      mesure: 'initiatives_departementales',
      code_chorus: '030450191910',
      previsionnel: { etat: 100_00, report_etat: 0, cd: 200_00, valorisation_cd: 0, report_cd: 0, autres: 0 },
      realise_exercice_precedent: 0,
      justification: 'Action nouvelle validée en comité local (fictif)',
    });
    expect(creee.statut).toBe(201);
    const d1 = corps<ConventionDetail & { fiche_id: number }>(creee);
    expect(d1.fiches_actions.find((f) => f.id === d1.fiche_id)).toMatchObject({
      numero: '9.1',
      description: '',
    });

    const doublon = await client.requete('POST', `/api/conventions/${convention.id}/fiches`, {
      version: d1.convention.version,
      numero: '9.1',
      intitule: 'Doublon',
      mesure: 'initiatives_departementales',
    });
    expect(doublon.statut).toBe(422);

    const modifiee = await client.requete(
      'PATCH',
      `/api/conventions/${convention.id}/fiches/${d1.fiche_id}`,
      {
        version: d1.convention.version,
        description: 'Décrite',
      },
    );
    const d2 = corps<ConventionDetail>(modifiee);
    expect(d2.fiches_actions.find((f) => f.id === d1.fiche_id)?.description).toBe('Décrite');

    const supprimee = await client.requete(
      'DELETE',
      `/api/conventions/${convention.id}/fiches/${d1.fiche_id}?version=${d2.convention.version}`,
    );
    expect(corps<ConventionDetail>(supprimee).fiches_actions.some((f) => f.id === d1.fiche_id)).toBe(false);
    const actions = corps<{ entrees: EntreeHistorique[] }>(
      await client.get(`/api/conventions/${convention.id}/historique`),
    ).entrees.map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['supprimer_fiche', 'modifier_fiche', 'creer_fiche']);
  });

  it('France Travail : une fiche sans volet est refusée avec son chemin JSON', async () => {
    const client = await connecte('agent.37');
    const convention = await conventionDe(client, '37', 2024);
    const r = await client.requete('POST', `/api/conventions/${convention.id}/fiches`, {
      version: convention.version,
      numero: 'V9',
      intitule: 'Sans volet',
      mesure: 'remobilisation',
    });
    expect(r.statut).toBe(422);
    expect(corps<{ erreur: string }>(r).erreur).toMatch(/actions\[\d+\]\.volet/);
  });

  it('dépôt : agent refusé (403) ; contrôles bloquants → 422 ; valideur dépose ; DDETS valide ; figée ensuite', async () => {
    const agent = await connecte('agent.59');
    const valideur59 = await connecte('valideur.59');
    const c59 = await conventionDe(agent, '59', 2023);
    expect(
      (await agent.requete('POST', `/api/conventions/${c59.id}/depot`, { version: c59.version })).statut,
    ).toBe(403);
    const refus = await valideur59.requete('POST', `/api/conventions/${c59.id}/depot`, {
      version: c59.version,
    });
    expect(refus.statut).toBe(422);
    expect(
      corps<{ details: { controles: { code: string }[] } }>(refus).details.controles.map((c) => c.code),
    ).toEqual(['PARITE_ACTION']);
    expect((await conventionDe(agent, '59', 2023)).version).toBe(c59.version);

    const valideur = await connecte('valideur.37');
    const c37 = await conventionDe(valideur, '37', 2022);
    // 2022 est clôturée : plus modifiable.
    expect(
      (await valideur.requete('POST', `/api/conventions/${c37.id}/depot`, { version: c37.version })).statut,
    ).toBe(403);

    const ddets = await connecte('ddets.44');
    const valideur44 = await connecte('valideur.44');
    const c44 = await conventionDe(valideur44, '44', 2023);
    const depot = await valideur44.requete('POST', `/api/conventions/${c44.id}/depot`, {
      version: c44.version,
    });
    expect(depot.statut).toBe(200);
    // Le dépôt = validation de toutes les fiches par la collectivité (INT-PILOTAGE-CYCLE-2) : toujours en négociation.
    const deposee = corps<ConventionDetail>(depot);
    expect(deposee.convention.statut).toBe('en_negociation');
    const cycle = corps<VueCycleApi>(await ddets.get(`/api/conventions/${c44.id}/transitions`));
    expect(cycle.fiches.length).toBe(deposee.fiches_actions.length);
    expect(cycle.fiches.every((f) => f.collectivite !== null && f.etat === null)).toBe(true);
    const validation = await ddets.requete('POST', `/api/conventions/${c44.id}/validation`, {
      version: deposee.convention.version,
    });
    const validee = corps<ConventionDetail>(validation);
    expect(validee.convention.statut).toBe('validee_conjointement');
    expect(validee.droits.modifier).toBe(false);
    const agent44 = await connecte('agent.44');
    const apres = await agent44.requete('PATCH', `/api/conventions/${c44.id}`, {
      version: validee.convention.version,
      enveloppe_etat: 1,
    });
    expect(apres.statut).toBe(403);
  });
});

describe('échange jalon.convention/1', () => {
  it('export lisible par le domaine ; ré-import avec version : mêmes totaux', async () => {
    const client = await connecte('agent.37');
    const convention = await conventionDe(client, '37', 2023);
    const avant = await detail(client, convention.id);
    const exporte = await client.get(`/api/conventions/${convention.id}/export`);
    expect(exporte.entetes.get('content-disposition')).toContain('convention-37-calpae-2023-2023.json');
    const lecture = lireConvention(JSON.stringify(exporte.corps));
    expect(lecture.ok).toBe(true);
    const r = await client.requete(
      'POST',
      `/api/conventions/import?version=${avant.convention.version}`,
      exporte.corps,
    );
    expect(r.corps).toEqual({ id: convention.id, version: avant.convention.version + 1, cree: false });
    const apres = await detail(client, convention.id);
    expect(apres.totaux).toEqual(avant.totaux);
    // Les champs descriptifs, absents du format, sont gardés.
    expect(apres.fiches_actions.map((f) => f.description)).toEqual(
      avant.fiches_actions.map((f) => f.description),
    );
  });

  it('import sans version sur une convention existante : 422 qui le dit', async () => {
    const client = await connecte('agent.37');
    const convention = await conventionDe(client, '37', 2023);
    const exporte = await client.get(`/api/conventions/${convention.id}/export`);
    const r = await client.requete('POST', '/api/conventions/import', exporte.corps);
    expect(r.statut).toBe(422);
    expect(corps<{ erreur: string }>(r).erreur).toContain('version');
  });

  it('import d’un document invalide : erreurs avec chemin JSON en français', async () => {
    const client = await connecte('agent.37');
    const r = await client.requete('POST', '/api/conventions/import', {
      format: 'jalon.convention/1',
      cadre: 'calpae-2023',
      collectivite: { type: 'departement', code: '37' },
      exercice: 2025,
      regime: 'civil',
      duree_mois: 12,
      enveloppe_etat: 10,
      actions: [{ numero: '1', intitule: 'x', mesure: 'mobilite', previsionnel: { etat: 1 } }],
    });
    expect(r.statut).toBe(422);
    const { erreur } = corps<{ erreur: string }>(r);
    expect(erreur).toContain('actions[0].previsionnel.cd : champ obligatoire manquant');
  });

  it('import d’un montant illisible : 422 avec le chemin', async () => {
    const client = await connecte('agent.37');
    const exporte = corps<{ actions: { previsionnel: { etat: unknown } }[]; exercice: number }>(
      await client.get(`/api/conventions/${(await conventionDe(client, '37', 2023)).id}/export`),
    );
    const premiere = exporte.actions[0];
    if (premiere) premiere.previsionnel.etat = 10.005;
    exporte.exercice = 2030;
    const r = await client.requete('POST', '/api/conventions/import', exporte);
    expect(r.statut).toBe(422);
    expect(corps<{ erreur: string }>(r).erreur).toContain(
      'actions[0].previsionnel.etat : plus de deux décimales',
    );
  });

  it('import pour une nouvelle année crée une convention en brouillon ; hors territoire : 403', async () => {
    const client = await connecte('agent.37');
    const exporte = corps<Record<string, unknown>>(
      await client.get(`/api/conventions/${(await conventionDe(client, '37', 2023)).id}/export`),
    );
    const cree = await client.requete('POST', '/api/conventions/import', {
      ...exporte,
      cadre: 'calpae-2023',
      exercice: 2031,
    });
    expect(corps<{ cree: boolean }>(cree).cree).toBe(true);
    const ailleurs = await client.requete('POST', '/api/conventions/import', {
      ...exporte,
      collectivite: { type: 'departement', code: '44' },
      exercice: 2031,
    });
    expect(ailleurs.statut).toBe(403);
  });
});

describe('indicateurs', () => {
  it('matrice du cadre : années 2018 à l’exercice, lignes du référentiel, valeurs semées', async () => {
    const client = await connecte('agent.44');
    const convention = await conventionDe(client, '44', 2022);
    const m = corps<MatriceIndicateurs>(await client.get(`/api/conventions/${convention.id}/indicateurs`));
    expect(m.annees).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect(m.indicateurs.length).toBeGreaterThan(0);
    expect(m.valeurs.some((v) => v.nature === 'situation_t0' && v.annee === 2018)).toBe(true);
  });

  it('saisie d’une valeur (provenance saisie), indicateur inconnu refusé', async () => {
    const client = await connecte('agent.59');
    const convention = await conventionDe(client, '59', 2023);
    const m0 = corps<MatriceIndicateurs>(await client.get(`/api/conventions/${convention.id}/indicateurs`));
    const code = m0.indicateurs[0]?.code ?? '';
    const r = await client.requete('PUT', `/api/conventions/${convention.id}/indicateurs`, {
      version: m0.version,
      valeurs: [{ indicateur: code, annee: 2022, nature: 'resultat', valeur: 4321, commentaire: 'vérifié' }],
    });
    const m1 = corps<MatriceIndicateurs>(r);
    expect(
      m1.valeurs.find((v) => v.indicateur === code && v.annee === 2022 && v.nature === 'resultat'),
    ).toMatchObject({
      valeur: 4321,
      commentaire: 'vérifié',
      provenance: { type: 'saisie' },
      modifiee_par: 'agent.59',
    });
    const refus = await client.requete('PUT', `/api/conventions/${convention.id}/indicateurs`, {
      version: m1.version,
      valeurs: [{ indicateur: 'inconnu', annee: 2022, nature: 'resultat', valeur: 1 }],
    });
    expect(refus.statut).toBe(422);
  });

  it('import d’un résultat de « jalon indicateurs calculer » : provenance calcul, codes hors cadre listés', async () => {
    const client = await connecte('agent.59');
    const convention = await conventionDe(client, '59', 2023);
    const m0 = corps<MatriceIndicateurs>(await client.get(`/api/conventions/${convention.id}/indicateurs`));
    const calculable = m0.indicateurs.find((i) => i.calculable)?.code ?? 'nouveaux_entrants';
    const resultat = {
      annee: 2022,
      cadre: 'calpae-2023',
      indicateurs: { [calculable]: 987, code_hors_cadre: 3 },
      lignes_ecartees: 0,
      anomalies: [],
    };
    const r = await client.requete('POST', `/api/conventions/${convention.id}/indicateurs/import`, {
      version: m0.version,
      resultat,
    });
    expect(r.statut).toBe(200);
    const sortie = corps<
      MatriceIndicateurs & {
        import: { importes: number; ignores: { indicateur: string }[]; empreinte: string };
      }
    >(r);
    expect(sortie.import.importes).toBe(1);
    expect(sortie.import.ignores.map((i) => i.indicateur)).toEqual(['code_hors_cadre']);
    expect(sortie.import.empreinte).toMatch(/^sha256:[0-9a-f]{64}$/);
    const valeur = sortie.valeurs.find(
      (v) => v.indicateur === calculable && v.annee === 2022 && v.nature === 'resultat',
    );
    expect(valeur).toMatchObject({
      valeur: 987,
      provenance: { type: 'calcul', empreinte: sortie.import.empreinte },
    });

    // Même contenu, clés dans un autre ordre : même empreinte ; version et empreinte fournies : reprises telles quelles.
    const inverse = {
      anomalies: [],
      lignes_ecartees: 0,
      indicateurs: { code_hors_cadre: 3, [calculable]: 987 },
      cadre: 'calpae-2023',
      annee: 2022,
    };
    const r2 = await client.requete('POST', `/api/conventions/${convention.id}/indicateurs/import`, {
      version: sortie.version,
      resultat: inverse,
    });
    const sortie2 = corps<typeof sortie>(r2);
    expect(sortie2.import.empreinte).toBe(sortie.import.empreinte);
    const r3 = await client.requete('POST', `/api/conventions/${convention.id}/indicateurs/import`, {
      version: sortie2.version,
      resultat: { ...resultat, moteur: { version: '1.2.3' }, empreinte: 'sha256:fourni' },
    });
    expect(
      corps<typeof sortie>(r3).valeurs.find(
        (v) => v.indicateur === calculable && v.annee === 2022 && v.nature === 'resultat',
      )?.provenance,
    ).toMatchObject({
      type: 'calcul',
      moteur_version: '1.2.3',
      empreinte: 'sha256:fourni',
    });
    const mauvaisCadre = await client.requete(
      'POST',
      `/api/conventions/${convention.id}/indicateurs/import`,
      {
        version: corps<typeof sortie>(r3).version,
        resultat: { ...resultat, cadre: 'france-travail-2024' },
      },
    );
    expect(mauvaisCadre.statut).toBe(422);
  });
});

describe('import du JSON réel de « jalon indicateurs calculer »', () => {
  // Le résultat est produit ici par la commande elle-même (module de la CLI, en mémoire), sur le jeu d'exemple
  // de la spec parcours-rsa-v1 : la provenance vient donc du vrai format de sortie, pas d'une copie à la main.
  const MINI = join(RACINE, '../shared/specs/exemples/parcours-mini');

  async function calculer(
    annee: number,
  ): Promise<Record<string, unknown> & { provenance: Record<string, string> }> {
    let sortie = '';
    let erreurs = '';
    const code = await main(['indicateurs', 'calculer', '--donnees', MINI, '--annee', String(annee)], {
      stdout: { write: (texte: string) => (sortie += texte) },
      stderr: { write: (texte: string) => (erreurs += texte) },
      cwd: RACINE,
    });
    expect(code, erreurs).toBe(0);
    return JSON.parse(sortie) as Record<string, unknown> & { provenance: Record<string, string> };
  }

  it.skipIf(!existsSync(MINI) && !process.env.CI)(
    'version du moteur, empreinte des extractions et date du calcul gardées et rendues avec chaque valeur',
    async () => {
      const resultat = await calculer(2022);
      // Seconde méthode, indépendante du code : l'empreinte est le SHA-256 des octets lus, situations mensuelles
      // puis événements (ordre de lecture de la spec parcours-rsa-v1 § 1), et la version celle du paquet.
      const empreinte = `sha256:${createHash('sha256')
        .update(readFileSync(join(MINI, 'situations_mensuelles.csv')))
        .update(readFileSync(join(MINI, 'evenements.csv')))
        .digest('hex')}`;
      const versionPaquet = (
        JSON.parse(readFileSync(join(RACINE, 'packages/indicateurs/package.json'), 'utf8')) as {
          version: string;
        }
      ).version;
      expect(resultat.provenance.empreinte).toBe(empreinte);
      expect(resultat.provenance.moteur).toBe(`jalon-indicateurs ${versionPaquet}`);

      // Indre-et-Loire 2023, en négociation (la convention 2023 de Loire-Atlantique est déposée plus haut).
      const client = await connecte('agent.37');
      const convention = await conventionDe(client, '37', 2023);
      const m0 = corps<MatriceIndicateurs>(await client.get(`/api/conventions/${convention.id}/indicateurs`));
      const r = await client.requete('POST', `/api/conventions/${convention.id}/indicateurs/import`, {
        version: m0.version,
        resultat,
      });
      expect(r.statut, JSON.stringify(r.corps)).toBe(200);
      const sortie = corps<
        MatriceIndicateurs & { import: { moteur_version: string; empreinte: string; calcule_le: string } }
      >(r);
      expect(sortie.import).toMatchObject({
        moteur_version: `jalon-indicateurs ${versionPaquet}`,
        empreinte,
        calcule_le: resultat.provenance.calcule_le,
      });
      // Relue depuis la base : nouveaux entrants 2022 = 4 (specs/exemples/parcours-mini/attendu-2022.json).
      const relue = corps<MatriceIndicateurs>(
        await client.get(`/api/conventions/${convention.id}/indicateurs`),
      );
      const valeur = relue.valeurs.find(
        (v) => v.indicateur === 'nouveaux_entrants' && v.annee === 2022 && v.nature === 'resultat',
      );
      expect(valeur).toMatchObject({
        valeur: 4,
        provenance: {
          type: 'calcul',
          moteur_version: `jalon-indicateurs ${versionPaquet}`,
          empreinte,
          calcule_le: resultat.provenance.calcule_le,
        },
      });
      const historique = corps<{ entrees: EntreeHistorique[] }>(
        await client.get(`/api/conventions/${convention.id}/historique`),
      );
      expect(historique.entrees[0]).toMatchObject({
        action: 'importer_indicateurs',
        apres: { empreinte, moteur_version: `jalon-indicateurs ${versionPaquet}` },
      });

      // Une provenance altérée (empreinte tronquée, date illisible) est refusée avec son chemin.
      const altere = await client.requete('POST', `/api/conventions/${convention.id}/indicateurs/import`, {
        version: relue.version,
        resultat: {
          ...resultat,
          provenance: { ...resultat.provenance, empreinte: 'sha256:abc', calcule_le: 'hier' },
        },
      });
      expect(altere.statut).toBe(422);
      expect(JSON.stringify(altere.corps)).toMatch(/provenance\.empreinte/);
      expect(JSON.stringify(altere.corps)).toMatch(/provenance\.calcule_le/);
    },
  );
});

describe('France Travail', () => {
  it('lecture et modification des parcours types, du volet 3 et de la coopération ; refus hors cadre', async () => {
    const client = await connecte('agent.44');
    const convention = await conventionDe(client, '44', 2024);
    const ft = corps<FranceTravail>(await client.get(`/api/conventions/${convention.id}/france-travail`));
    expect(ft.parcours_types.length).toBe(2);
    expect(ft.cooperation.map((c) => c.axe)).toEqual(['1.1', '1.2', '2.1', '2.2', '3', '4', '5']);
    const r = await client.requete('PUT', `/api/conventions/${convention.id}/france-travail`, {
      version: convention.version,
      volet3: {
        note_engagement: {
          bassin_cible: 'Saint-Nazaire',
          engagement_methode: 'oui',
          strategie_deploiement: 'RH',
        },
        plan_partage: {
          entree_parcours: 'a',
          accompagnement_emploi: 'b',
          partage_donnees: 'c',
          mobilisation_entreprises: 'd',
          gouvernance: 'e',
        },
      },
    });
    expect(corps<FranceTravail>(r).volet3.note_engagement.bassin_cible).toBe('Saint-Nazaire');
    const calpae = await conventionDe(client, '44', 2022);
    expect((await client.get(`/api/conventions/${calpae.id}/france-travail`)).statut).toBe(422);
  });
});
