/**
 * Téléversement de données réelles (docs/donnees-reelles.md § 4), de bout en bout sur l'application HTTP réelle
 * (PGlite, démonstration semée). Les valeurs attendues viennent d'une seconde méthode : la commande réelle
 * `jalon indicateurs calculer` / `expliquer` sur les mêmes fichiers, et des empreintes SHA-256 calculées ici.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EN_TETE_CSRF,
  type ConventionDetail,
  type ConventionResume,
  type ImportDonnees,
  type MatriceIndicateurs,
} from '@jalon/schemas';
import { main } from '@jalon/cli';
import { genererFluxSynthetique } from '../../indicateurs/test/fixtures/caf/generateur.ts';
import { lireConfig } from '../src/config.ts';
import { REGLAGES_SECURITE } from '../src/http/securite-reglages.ts';
import { applicationDemo, type ApplicationTest } from './aide/application.ts';
import { Client, corps } from './aide/client.ts';

const MINI = '/work/shared/specs/exemples/parcours-mini';
const prerequis = !existsSync(MINI) && !process.env.CI;

let t: ApplicationTest;
let agent: Client;
let national: Client;
let convention: ConventionResume;

/**
 * Réglages de sécurité de l'application de test, lus comme par le serveur (`principal.ts` → `lireConfig`) : la
 * borne des téléversements vient de `JALON_TELEVERSEMENT_MAX_MO`, lue par config.ts seulement, et arrive à la route
 * des données par les réglages (jamais par `process.env`, que ce fichier ne touche pas).
 */
const REGLAGES_LUS = lireConfig(
  { JALON_TELEVERSEMENT_MAX_MO: '1' },
  resolve(import.meta.dirname, '../../..'),
).securite;

/**
 * Application de démonstration aux limites de débit relevées : ce fichier envoie des dizaines de lots avec le même
 * compte (fuzz) ; la limitation des imports a ses propres tests (http/limites.ts).
 */
async function applicationSansLimiteDeDebit(): Promise<ApplicationTest> {
  const grand = { points: 100_000, dureeS: 60 };
  return applicationDemo(undefined, {
    securite: {
      ...REGLAGES_LUS,
      limites: { ...REGLAGES_LUS.limites, importParIp: grand, importParCompte: grand },
    },
  });
}

beforeAll(async () => {
  t = await applicationSansLimiteDeDebit();
  agent = new Client(t.app);
  national = new Client(t.app);
  await agent.connecter('agent.37');
  await national.connecter('national');
  convention = await conventionModifiable('37', 2023);
});
afterAll(async () => {
  await t.base.fermer();
});

async function conventionModifiable(code: string, exercice: number): Promise<ConventionResume> {
  const liste = corps<{ conventions: ConventionResume[] }>(
    await national.get(`/api/conventions?collectivite=departement:${code}&exercice=${exercice}`),
  ).conventions;
  const c = liste[0];
  if (c === undefined) throw new Error('convention de démonstration absente');
  return corps<ConventionDetail>(await national.get(`/api/conventions/${c.id}`)).convention;
}

interface Envoi {
  readonly nom: string;
  readonly contenu: Uint8Array | string;
}

/** Téléversement multipart réel (FormData), avec cookie et jeton CSRF du client. */
async function televerser(
  client: Client,
  chemin: string,
  champs: Record<string, string>,
  fichiers: readonly Envoi[],
): Promise<{ statut: number; corps: unknown }> {
  const f = new FormData();
  for (const [k, v] of Object.entries(champs)) f.append(k, v);
  for (const x of fichiers) f.append('fichier', new Blob([x.contenu]), x.nom);
  const entetes: Record<string, string> = {};
  if (client.cookie) entetes.cookie = client.cookie;
  if (client.csrf) entetes[EN_TETE_CSRF] = client.csrf;
  const r = await t.app.request(chemin, { method: 'POST', headers: entetes, body: f });
  const texte = await r.text();
  let lu: unknown = texte;
  try {
    lu = JSON.parse(texte);
  } catch {
    // texte brut
  }
  return { statut: r.status, corps: lu };
}

async function version(id: number): Promise<number> {
  return corps<ConventionDetail>(await national.get(`/api/conventions/${id}`)).convention.version;
}
const matrice = async (id: number) =>
  corps<MatriceIndicateurs>(await national.get(`/api/conventions/${id}/indicateurs`));
const imports = async (id: number) =>
  corps<{ imports: ImportDonnees[] }>(await national.get(`/api/conventions/${id}/donnees/imports`)).imports;

function io() {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd: process.cwd(),
    sortie: () => out,
    erreurs: () => err,
  };
}

const fichiersMini = (): Envoi[] => [
  { nom: 'situations_mensuelles.csv', contenu: readFileSync(join(MINI, 'situations_mensuelles.csv')) },
  { nom: 'evenements.csv', contenu: readFileSync(join(MINI, 'evenements.csv')) },
];
const sha256 = (b: Uint8Array | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

describe.skipIf(prerequis)('téléversement → matrice d’indicateurs', () => {
  it('les valeurs de la matrice sont celles de « jalon indicateurs calculer » sur le même fichier, avec leur provenance', async () => {
    const v = await version(convention.id);
    const r = await televerser(
      agent,
      `/api/conventions/${convention.id}/donnees`,
      { version: String(v), annee: '2022' },
      fichiersMini(),
    );
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
    const rep = corps<{ import: ImportDonnees; version: number }>(r);
    expect(rep.version).toBe(v + 1);

    const sortie = io();
    expect(await main(['indicateurs', 'calculer', '--donnees', MINI, '--annee', '2022'], sortie)).toBe(0);
    const cli = JSON.parse(sortie.sortie()) as {
      indicateurs: Record<string, number | null>;
      provenance: { moteur: string; empreinte: string };
    };

    const m = await matrice(convention.id);
    const resultats = m.valeurs.filter((x) => x.annee === 2022 && x.nature === 'resultat');
    const codesMatrice = new Set(m.indicateurs.map((i) => i.code));
    const attendus = Object.entries(cli.indicateurs).filter(([code]) => codesMatrice.has(code));
    expect(attendus.length).toBeGreaterThan(3);
    for (const [code, valeur] of attendus) {
      const x = resultats.find((y) => y.indicateur === code);
      expect(x?.valeur, code).toBe(valeur);
      expect(x?.provenance).toMatchObject({
        type: 'calcul',
        moteur_version: cli.provenance.moteur,
        empreinte: cli.provenance.empreinte,
      });
      expect(x?.modifiee_par).toBe('agent.37');
    }

    // Historique de l'import : qui, fichiers et empreintes (calculées ici), lignes.
    const [dernier] = await imports(convention.id);
    expect(dernier?.qui).toBe('agent.37');
    expect(dernier?.forme).toBe('echange');
    expect(dernier?.fichiers).toEqual(
      fichiersMini()
        .map((f) => ({ nom: f.nom, octets: f.contenu.length, empreinte: sha256(f.contenu) }))
        .sort((a, b) => (a.nom < b.nom ? -1 : 1)),
    );
    expect(dernier?.empreinte).toBe(cli.provenance.empreinte);
    const lignes = (f: string) =>
      readFileSync(join(MINI, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '').length - 1;
    expect(dernier?.lignes).toEqual({
      situations: lignes('situations_mensuelles.csv'),
      evenements: lignes('evenements.csv'),
    });

    // Liste d'explication : identique à « jalon indicateurs expliquer --format csv ».
    const code = 'orientes_1_mois';
    const csv = await national.get(
      `/api/conventions/${convention.id}/donnees/imports/${dernier?.id}/explications/${code}`,
    );
    expect(csv.statut).toBe(200);
    expect(csv.entetes.get('content-type')).toContain('text/csv');
    const s2 = io();
    expect(
      await main(
        [
          'indicateurs',
          'expliquer',
          '--donnees',
          MINI,
          '--annee',
          '2022',
          '--indicateur',
          code,
          '--format',
          'csv',
        ],
        s2,
      ),
    ).toBe(0);
    // Le décodage UTF-8 du client retire le BOM : on le vérifie sur les octets.
    expect(csv.corps).toBe(s2.sortie().replace(/^\uFEFF/, ''));
    const octets = new Uint8Array(
      await (
        await t.app.request(
          `/api/conventions/${convention.id}/donnees/imports/${dernier?.id}/explications/${code}`,
          { headers: { cookie: national.cookie ?? '' } },
        )
      ).arrayBuffer(),
    );
    expect([...octets.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(String(csv.corps).split('\r\n').length).toBeGreaterThan(2);
  });

  it('fichier invalide : erreur française (fichier, ligne, colonne, raison), rien n’est écrit', async () => {
    const v = await version(convention.id);
    const avantMatrice = await matrice(convention.id);
    const avantImports = await imports(convention.id);
    const r = await televerser(
      agent,
      `/api/conventions/${convention.id}/donnees`,
      { version: String(v), annee: '2022' },
      [
        {
          nom: 'situations_mensuelles.csv',
          contenu:
            'id_personne;mois;droit_versable;soumis_droits_devoirs\nA;2022-03;oui;oui\nA;2022-13;oui;oui\n',
        },
        {
          nom: 'evenements.csv',
          contenu: 'id_personne;type;date;organisme\nA;orientation;2022-03-10;departement\n',
        },
      ],
    );
    expect(r.statut).toBe(422);
    const e = corps<{
      erreur: string;
      details: { erreurs: { fichier: string; ligne: number; colonne: string | null; raison: string }[] };
    }>(r);
    expect(e.erreur).toContain('rien n’a été enregistré');
    expect(e.details.erreurs[0]).toMatchObject({
      fichier: 'situations_mensuelles.csv',
      ligne: 3,
      colonne: 'mois',
    });
    expect(await version(convention.id)).toBe(v);
    expect(await matrice(convention.id)).toEqual(avantMatrice);
    expect(await imports(convention.id)).toEqual(avantImports);
  });

  it('type de fichier refusé, formulaire sans fichier, version périmée : refus clair, rien n’est écrit', async () => {
    const v = await version(convention.id);
    const chemin = `/api/conventions/${convention.id}/donnees`;
    const pdf = await televerser(agent, chemin, { version: String(v), annee: '2022' }, [
      { nom: 'rapport.pdf', contenu: '%PDF' },
    ]);
    expect(pdf.statut).toBe(422);
    expect(corps<{ erreur: string }>(pdf).erreur).toContain('type de fichier non accepté');
    const vide = await televerser(agent, chemin, { version: String(v), annee: '2022' }, []);
    expect(vide.statut).toBe(422);
    const perimee = await televerser(
      agent,
      chemin,
      { version: String(v - 1), annee: '2022' },
      fichiersMini(),
    );
    expect(perimee.statut).toBe(409);
    expect(await version(convention.id)).toBe(v);
  });

  it('taille bornée (JALON_TELEVERSEMENT_MAX_MO → config.ts → réglages de sécurité) : 413, rien n’est écrit', async () => {
    // La variable est lue par config.ts (et seulement là) : 1 Mo → 1 Mio ; sans elle, le défaut de 200 Mio.
    expect(REGLAGES_LUS.tailles.televersement).toBe(1024 * 1024);
    expect(lireConfig({}, '/').securite.tailles.televersement).toBe(REGLAGES_SECURITE.tailles.televersement);
    const v = await version(convention.id);
    const avant = await imports(convention.id);
    const envoyer = (lignes: number) =>
      televerser(agent, `/api/conventions/${convention.id}/donnees`, { version: String(v), annee: '2022' }, [
        {
          nom: 'situations_mensuelles.csv',
          contenu:
            'id_personne;mois;droit_versable;soumis_droits_devoirs\n' + 'A;2022-03;oui;oui\n'.repeat(lignes),
        },
        { nom: 'evenements.csv', contenu: 'id_personne;type;date\n' },
      ]);
    // Fichiers à peine au-delà de 1 Mio (18 × 59 000 octets), enveloppe sous la marge multipart de 64 Kio : c'est la
    // réception en flux de la route qui compte les octets et refuse, avec la borne des réglages.
    const juste = await envoyer(59_000);
    expect(juste.statut).toBe(413);
    expect(corps<{ erreur: string }>(juste).erreur).toContain('1 Mo au plus');
    // Bien au-delà : l'intergiciel des tailles (http/limites.ts) refuse avant la route, avec la même borne.
    const gros = await envoyer(70_000);
    expect(gros.statut).toBe(413);
    expect(corps<{ erreur: string }>(gros).erreur).toContain('1 Mio au plus');
    expect(await version(convention.id)).toBe(v);
    expect(await imports(convention.id)).toEqual(avant);
  });

  it('hors territoire ou sans droit d’écriture : refusé avant toute lecture, rien n’est écrit', async () => {
    const v = await version(convention.id);
    const avant = await imports(convention.id);
    for (const [compte, statuts] of [
      ['agent.44', [404]],
      ['ddets.37', [403]],
      ['commissaire.24', [403]],
      ['national', [403]],
    ] as const) {
      const c = new Client(t.app);
      await c.connecter(compte);
      const r = await televerser(
        c,
        `/api/conventions/${convention.id}/donnees`,
        { version: String(v), annee: '2022' },
        fichiersMini(),
      );
      expect(statuts, `${compte} → ${r.statut}`).toContain(r.statut);
    }
    const sansCsrf = new Client(t.app);
    await sansCsrf.connecter('agent.37');
    sansCsrf.csrf = undefined;
    const r = await televerser(
      sansCsrf,
      `/api/conventions/${convention.id}/donnees`,
      { version: String(v), annee: '2022' },
      fichiersMini(),
    );
    expect(r.statut).toBe(403);
    expect(await version(convention.id)).toBe(v);
    expect(await imports(convention.id)).toEqual(avant);
    // Un autre département ne lit ni l'historique ni les listes d'explication.
    const autre = new Client(t.app);
    await autre.connecter('agent.44');
    expect((await autre.get(`/api/conventions/${convention.id}/donnees/imports`)).statut).toBe(404);
    const id = avant[0]?.id ?? 1;
    expect(
      (
        await autre.get(
          `/api/conventions/${convention.id}/donnees/imports/${id}/explications/orientes_1_mois`,
        )
      ).statut,
    ).toBe(404);
  });
});

/** Flux VRSB0801 synthétiques (générés depuis le XSD) : NIR fictifs. */
const NIR = ['1800175000001', '2800175000002', '1850175000004'];
const flux = (mois: string, creation: string, etat: string) =>
  genererFluxSynthetique({
    type: 'M',
    dateReference: mois,
    dateCreation: creation,
    foyers: [
      {
        matricule: '1001',
        etat,
        personnes: [
          { nir: NIR[0] ?? '', role: 'DEM', sdd: true },
          { nir: NIR[1] ?? '', role: 'CJT', sdd: true },
        ],
      },
      { matricule: '1002', etat: '2', personnes: [{ nir: NIR[2] ?? '', role: 'DEM', sdd: true }] },
    ],
  });
const CLE = '0f'.repeat(32);

describe.skipIf(prerequis)('flux CAF/MSA et export RDV-Insertion', () => {
  it('les flux sont validés, l’historique pseudonymisé est conservé en base (sans NIR) et sert aux exports suivants', async () => {
    const c = await conventionModifiable('37', 2024);
    const chemin = `/api/conventions/${c.id}/donnees`;
    const sansCle = await televerser(agent, chemin, { version: String(c.version), annee: '2024' }, [
      { nom: 'RSABEM-202401.xml', contenu: flux('2024-01-31', '2024-02-05', '2') },
    ]);
    expect(sansCle.statut).toBe(422);
    expect(corps<{ erreur: string }>(sansCle).erreur).toContain('clé de pseudonymisation');

    const r = await televerser(agent, chemin, { version: String(c.version), annee: '2024', cle: CLE }, [
      { nom: 'RSABEM-202401.xml', contenu: flux('2024-01-31', '2024-02-05', '2') },
      { nom: 'RSABEM-202402.xml', contenu: flux('2024-02-29', '2024-03-05', '4') },
    ]);
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
    expect(corps<{ import: ImportDonnees }>(r).import.forme).toBe('sources');
    const h = await t.persistance.depots.donnees.compterHistoriqueCaf('departement:37');
    // 3 personnes (demandeurs et conjoint) × 2 mois ; 2 flux.
    expect(h).toEqual({ observations: 6, flux: 2 });
    const brut = JSON.stringify(await t.persistance.depots.donnees.lireHistoriqueCaf('departement:37'));
    for (const nir of NIR) expect(brut).not.toContain(nir);
    expect(brut).not.toContain('SYNTHETIQUE');

    // Flux invalide : refus en français avec ligne et colonne, historique inchangé.
    const v = await version(c.id);
    const invalide = flux('2024-03-31', '2024-04-05', '22');
    const e = await televerser(agent, chemin, { version: String(v), annee: '2024', cle: CLE }, [
      { nom: 'RSABEM-202403.xml', contenu: invalide },
    ]);
    expect(e.statut).toBe(422);
    const message = corps<{ erreur: string }>(e).erreur;
    expect(message).toMatch(/RSABEM-202403\.xml, ligne \d+, colonne \d+/);
    expect(message).toContain('ETATDOSRSA');
    expect(await t.persistance.depots.donnees.compterHistoriqueCaf('departement:37')).toEqual(h);
    expect(await version(c.id)).toBe(v);

    // Export RDV-Insertion seul : les situations viennent de l'historique CAF conservé.
    const rdv = [
      "Civilité;Nom;Prénom;ID interne au département;Date d'entrée flux;Date du dernier RDV;Statut du rdv;Type d'orientation;Date de début d'accompagnement;Date de fin d'accompagnement",
      'madame;Synthé;Une;D1;18/01/2024;25/02/2024;Rendez-vous honoré;Sociale;01/02/2024;',
    ].join('\r\n');
    const r2 = await televerser(
      agent,
      chemin,
      { version: String(v), annee: '2024', cle: CLE, profil: 'rdv-insertion' },
      [{ nom: 'usagers.csv', contenu: rdv }],
    );
    expect(r2.statut, JSON.stringify(r2.corps)).toBe(200);
    const i2 = corps<{ import: ImportDonnees }>(r2).import;
    expect(i2.profil).toBe('rdv-insertion');
    expect(i2.lignes.situations).toBe(6);
  });
});

describe.skipIf(prerequis)('profils de correspondance enregistrés', () => {
  const PROFIL = {
    format: 'jalon.profil/1',
    nom: 'Logiciel X',
    cible: 'evenements',
    identifiant: { colonne: 'N° individu', pseudonymiser: false },
    formatsDate: ['JJ/MM/AAAA'],
    regles: [
      {
        nom: 'rdv',
        si: 'Date RDV',
        champs: {
          type: { valeur: 'rdv' },
          date: { colonne: 'Date RDV' },
          statut: { colonne: 'Présence', correspondances: { Venu: 'honore', 'Pas venu': 'absent' } },
          organisme: { valeur: 'departement' },
        },
      },
    ],
  };

  it('création, lecture État, modification versionnée, aperçu, suppression ; audit ; droits', async () => {
    const base = '/api/collectivites/departement:37/profils';
    const cree = await agent.requete('POST', base, { nom: 'Logiciel X', profil: PROFIL });
    expect(cree.statut, JSON.stringify(cree.corps)).toBe(201);
    const p = corps<{ id: number; version: number }>(cree);
    const ddets = new Client(t.app);
    await ddets.connecter('ddets.37');
    const liste = await ddets.get(base);
    expect(liste.statut).toBe(200);
    expect(corps<{ profils: { nom: string }[]; droits: { modifier: boolean } }>(liste)).toMatchObject({
      profils: [{ nom: 'Logiciel X' }],
      droits: { modifier: false },
    });
    expect((await ddets.requete('POST', base, { nom: 'intrus', profil: PROFIL })).statut).toBe(403);
    const autre = new Client(t.app);
    await autre.connecter('agent.44');
    expect((await autre.get(base)).statut).toBe(404);
    expect(
      (await autre.requete('PUT', `${base}/${p.id}`, { nom: 'x', profil: PROFIL, version: 1 })).statut,
    ).toBe(404);

    const invalide = await agent.requete('POST', base, { nom: 'faux', profil: { format: 'autre' } });
    expect(invalide.statut).toBe(422);
    expect(corps<{ erreur: string }>(invalide).erreur).toContain('Profil de correspondance invalide');

    const modifie = await agent.requete('PUT', `${base}/${p.id}`, {
      nom: 'Logiciel X v2',
      profil: PROFIL,
      version: p.version,
    });
    expect(modifie.statut).toBe(200);
    expect(corps<{ version: number }>(modifie).version).toBe(p.version + 1);
    const perime = await agent.requete('PUT', `${base}/${p.id}`, {
      nom: 'Logiciel X v3',
      profil: PROFIL,
      version: p.version,
    });
    expect(perime.statut).toBe(409);

    // Aperçu : premières lignes produites et lignes rejetées (ligne, colonne, raison).
    const exportCsv =
      'N° individu;Date RDV;Présence\nI1;12/03/2024;Venu\nI2;13/03/2024;Peut-être\nI3;;\nI4;14/03/2024;Pas venu\n';
    const a = await televerser(agent, `${base}/apercu`, { profil: String(p.id) }, [
      { nom: 'export.csv', contenu: exportCsv },
    ]);
    expect(a.statut, JSON.stringify(a.corps)).toBe(200);
    const apercu = corps<{
      produites: number;
      lignes: Record<string, string>[];
      rejets: { ligne: number; colonne: string | null; raison: string }[];
    }>(a);
    expect(apercu.produites).toBe(2);
    expect(apercu.lignes.map((l) => [l.id_personne, l.statut])).toEqual([
      ['I1', 'honore'],
      ['I4', 'absent'],
    ]);
    expect(apercu.rejets).toHaveLength(1);
    expect(apercu.rejets[0]).toMatchObject({ ligne: 3, colonne: 'Présence' });
    expect(apercu.rejets[0]?.raison).toContain('Peut-être');
    const aDdets = await televerser(ddets, `${base}/apercu`, { profil: String(p.id) }, [
      { nom: 'export.csv', contenu: exportCsv },
    ]);
    expect(aDdets.statut).toBe(403);

    expect((await agent.requete('DELETE', `${base}/${p.id}?version=${p.version}`)).statut).toBe(409);
    expect((await agent.requete('DELETE', `${base}/${p.id}?version=${p.version + 1}`)).statut).toBe(204);
    const journal = await t.base.db
      .selectFrom('audit')
      .select(['action', 'qui'])
      .where('entite', '=', 'profil_correspondance')
      .where('entite_id', '=', String(p.id))
      .orderBy('id')
      .execute();
    expect(journal.map((j) => j.action)).toEqual(['creer_profil', 'modifier_profil', 'supprimer_profil']);
    expect(new Set(journal.map((j) => j.qui))).toEqual(new Set(['agent.37']));
  });
});

describe.skipIf(prerequis)('fuzz de la route de téléversement', () => {
  it('aucune entrée ne provoque d’erreur 500 ; un refus n’écrit rien', async () => {
    const c = await conventionModifiable('37', 2023);
    const noms = fc.constantFrom(
      'situations_mensuelles.csv',
      'evenements.csv',
      'a.zip',
      'flux.xml',
      'export.xlsx',
      'export.csv',
      'x.txt',
      '../../etc/passwd',
      '',
    );
    const fluxValide = flux('2024-01-31', '2024-02-05', '2');
    // Flux CAF valide abîmé en un point (coupé, ou un caractère remplacé) : l'import doit refuser proprement.
    const fluxAbime = fc
      .tuple(
        fc.nat({ max: fluxValide.length - 1 }),
        fc.constantFrom('', '<', '&', '9', '\u0000', 'é'),
        fc.boolean(),
      )
      .map(([k, c, couper]) =>
        couper ? fluxValide.slice(0, k) : fluxValide.slice(0, k) + c + fluxValide.slice(k + 1),
      );
    const contenu = fc.oneof(
      fluxAbime,
      fc.uint8Array({ maxLength: 400 }),
      fc.string({ maxLength: 400 }),
      fc.constantFrom(
        'id_personne;mois;droit_versable;soumis_droits_devoirs\nA;2022-01;oui;oui\n',
        '<?xml version="1.0"?><Racine/>',
        'PK\u0003\u0004',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ nom: noms, contenu }), { maxLength: 3 }),
        fc.record({
          // Jamais la version courante : un lot valide finit en 409, rien n'est écrit.
          version: fc.oneof(
            fc.constant('999'),
            fc.string({ maxLength: 5 }).filter((v) => !/^\s*\d+\s*$/.test(v)),
          ),
          annee: fc.constantFrom('2022', 'x', '1900'),
          profil: fc.constantFrom('', 'rdv-insertion', '42', '{'),
          cle: fc.constantFrom('', CLE, 'abc'),
        }),
        async (fichiers, champs) => {
          const avant = (await imports(c.id)).length;
          const r = await televerser(agent, `/api/conventions/${c.id}/donnees`, champs, fichiers);
          expect(r.statut, JSON.stringify(r.corps)).toBeLessThan(500);
          expect([404, 409, 413, 422]).toContain(r.statut);
          expect(typeof (r.corps as { erreur?: unknown }).erreur).toBe('string');
          expect((await imports(c.id)).length).toBe(avant);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe.skipIf(prerequis)('cadre France Travail 2024 : volet 3', () => {
  it('les indicateurs du volet 3 de la matrice sont ceux de « jalon donnees volet3 » sur le même fichier', async () => {
    const c = await conventionModifiable('37', 2024);
    // parcours-mini complété d'événements v1.1 (diagnostic, action, reprise d'emploi) pour la personne A.
    const [entete = '', ...lignes] = readFileSync(join(MINI, 'evenements.csv'), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l !== '');
    const plus = ',freins,duree_heures,modalite,type_contrat,duree_mois';
    const evenements = [
      entete + plus,
      ...lignes.map((l) => `${l},,,,,`),
      'A,diagnostic,2022-05-02,departement,,,,,,mobilite,,,,',
      'A,action_accompagnement,2022-05-10,departement,,,,,,,20,individuel,,',
      'A,reprise_emploi,2022-09-01,,,,,,,,,,cdi,',
    ].join('\n');
    const dossier = mkdtempSync(join(tmpdir(), 'jalon-v11-'));
    writeFileSync(
      join(dossier, 'situations_mensuelles.csv'),
      readFileSync(join(MINI, 'situations_mensuelles.csv')),
    );
    writeFileSync(join(dossier, 'evenements.csv'), `${evenements}\n`);

    const r = await televerser(
      agent,
      `/api/conventions/${c.id}/donnees`,
      { version: String(c.version), annee: '2022' },
      [
        {
          nom: 'situations_mensuelles.csv',
          contenu: readFileSync(join(dossier, 'situations_mensuelles.csv')),
        },
        { nom: 'evenements.csv', contenu: readFileSync(join(dossier, 'evenements.csv')) },
      ],
    );
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);

    const sortie = io();
    expect(
      await main(['donnees', 'volet3', '--donnees', dossier, '--annee', '2022'], sortie),
      sortie.erreurs(),
    ).toBe(0);
    const cli = JSON.parse(sortie.sortie()) as { volet3: Record<string, number | null>; empreinte: string };
    const m = await matrice(c.id);
    const codes = m.indicateurs.map((i) => i.code).filter((code) => code in cli.volet3);
    expect(codes).toContain('taux_retour_emploi');
    expect(codes).toContain('part_accompagnement_intensif');
    for (const code of codes) {
      const v = m.valeurs.find((x) => x.indicateur === code && x.annee === 2022 && x.nature === 'resultat');
      expect(v?.valeur, code).toBe(cli.volet3[code]);
      expect(v?.provenance).toMatchObject({ type: 'calcul', empreinte: cli.empreinte });
    }
    expect(cli.volet3.retour_emploi).toBe(1);

    // Liste d'explication d'un indicateur du volet 3 : mêmes lignes que « jalon donnees volet3 --expliquer ».
    const [dernier] = await imports(c.id);
    const code = 'retour_emploi';
    const csv = await national.get(
      `/api/conventions/${c.id}/donnees/imports/${dernier?.id}/explications/${code}`,
    );
    expect(csv.statut).toBe(200);
    const s2 = io();
    expect(
      await main(['donnees', 'volet3', '--donnees', dossier, '--annee', '2022', '--expliquer', code], s2),
    ).toBe(0);
    const attendues = s2
      .sortie()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { id_personne: string; compte: boolean; raison: string });
    const recues = String(csv.corps)
      .split('\r\n')
      .slice(1)
      .filter((l) => l !== '')
      .map((l) => l.split(';'));
    expect(recues.map(([id, , compte, raison]) => [id, compte, raison])).toEqual(
      attendues.map((a) => [a.id_personne, a.compte ? 'oui' : 'non', a.raison]),
    );
  });
});
