import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConventionDetail, ConventionResume } from '@jalon/schemas';
import { infoDemo } from '../src/demo/semer.ts';
import { CacheLectures } from '../src/depots/cache-lectures.ts';
import { persistanceKysely } from '../src/depots/kysely/index.ts';
import { creerApplication } from '../src/http/app.ts';
import { lireUneFois, type ContenuConvention } from '../src/cas/cache-analyse.ts';
import { applicationDemo, type ApplicationTest } from './aide/application.ts';
import { Client, corps } from './aide/client.ts';

/**
 * Cache du contenu d'une convention (issue 9 § 3, charge) : une écriture remplit le cache de la version qu'elle
 * crée avec ce qu'elle a lu dans sa transaction, et les lectures simultanées d'une même version ne lisent la base
 * qu'une fois. Seconde méthode : une SECONDE application ouverte sur la même base (cache vide) relit tout depuis
 * la base, sans aucun cache ; les deux détails doivent être identiques après n'importe quelle suite d'écritures.
 */
let t: ApplicationTest;
let agent: Client;
let temoin: Client;
let id: number;

beforeAll(async () => {
  t = await applicationDemo();
  agent = new Client(t.app);
  expect((await agent.connecter('agent.44')).statut).toBe(200);
  // Le témoin : même base, aucun cache (ni du contenu, neuf, ni des lectures, gardées 0 ms).
  const sansCache = creerApplication({
    persistance: persistanceKysely(t.base.db, new CacheLectures(0)),
    demo: infoDemo(),
    horloge: () => new Date(),
    cookieSecure: 'auto',
    journal: undefined,
    dossierWeb: undefined,
    oidc: undefined,
  });
  temoin = new Client(sansCache);
  expect((await temoin.connecter('agent.44')).statut).toBe(200);
  const liste = corps<{ conventions: ConventionResume[] }>(await agent.get('/api/conventions'));
  const modifiable = liste.conventions.find((c) => c.statut === 'en_negociation' || c.statut === 'brouillon');
  if (modifiable === undefined) throw new Error('aucune convention modifiable pour agent.44');
  id = modifiable.id;
}, 120_000);
afterAll(async () => {
  await t.base.fermer();
});

const detail = async (client: Client) => corps<ConventionDetail>(await client.get(`/api/conventions/${id}`));

/** Ce qui vient du cache du contenu : fiches, avenants, totaux, contrôles. */
const contenu = (d: ConventionDetail) => ({
  version: d.convention.version,
  fiches_actions: d.fiches_actions,
  avenants: d.avenants,
  totaux: d.totaux,
  controles: d.controles,
});

describe('cache du contenu rempli par les écritures', () => {
  it('après chaque écriture, la réponse et la lecture suivante égalent une relecture complète de la base', async () => {
    const depart = await detail(agent);
    const mesure = depart.fiches_actions[0]?.mesure;
    const volet = depart.fiches_actions[0]?.volet ?? null;
    if (mesure === undefined) throw new Error('convention sans fiche');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ genre: fc.constant('creer' as const), etat: fc.integer({ min: 0, max: 5_000_000 }) }),
            fc.record({
              genre: fc.constant('montant' as const),
              etat: fc.integer({ min: 0, max: 5_000_000 }),
            }),
            fc.record({ genre: fc.constant('intitule' as const), texte: fc.string({ maxLength: 20 }) }),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        async (operations) => {
          for (const op of operations) {
            const avant = await detail(agent);
            const version = avant.convention.version;
            const cible = avant.fiches_actions.at(-1);
            if (cible === undefined) throw new Error('convention sans fiche');
            n += 1;
            const r =
              op.genre === 'creer'
                ? await agent.requete('POST', `/api/conventions/${id}/fiches`, {
                    version,
                    numero: `CACHE.${n}`,
                    intitule: `Cache ${n}`,
                    mesure,
                    volet,
                    previsionnel: { ...cible.previsionnel, etat: op.etat },
                  })
                : await agent.requete(
                    'PATCH',
                    `/api/conventions/${id}/fiches/${cible.id}`,
                    op.genre === 'montant'
                      ? { version, previsionnel: { ...cible.previsionnel, etat: op.etat } }
                      : { version, intitule: `${op.texte} ${n}` },
                  );
            expect([200, 201]).toContain(r.statut);
            const reponse = corps<ConventionDetail>(r);
            const relue = await detail(temoin);
            expect(contenu(reponse)).toEqual(contenu(relue));
            expect(contenu(await detail(agent))).toEqual(contenu(relue));
          }
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);

  it('une écriture refusée (format) ne laisse rien en cache : la version ne change pas', async () => {
    const avant = await detail(agent);
    // Numéro déjà pris : 422, transaction annulée.
    const r = await agent.requete('POST', `/api/conventions/${id}/fiches`, {
      version: avant.convention.version,
      numero: avant.fiches_actions[0]?.numero,
      intitule: 'Doublon',
      mesure: avant.fiches_actions[0]?.mesure,
      volet: avant.fiches_actions[0]?.volet ?? null,
    });
    expect(r.statut).toBe(422);
    expect(contenu(await detail(agent))).toEqual(contenu(await detail(temoin)));
    expect((await detail(agent)).convention.version).toBe(avant.convention.version);
  });
});

describe('une seule lecture à la fois par version', () => {
  let vide: ContenuConvention;
  beforeAll(async () => {
    const { fiches_actions, avenants, totaux, controles } = await detail(agent);
    vide = { fiches_actions, avenants, totaux, controles };
  });

  it('des lectures simultanées de la même version partagent une lecture ; une autre version lit à part', async () => {
    let lectures = 0;
    let liberer!: () => void;
    const bloquee = new Promise<void>((r) => (liberer = r));
    const lire = async () => {
      lectures += 1;
      await bloquee;
      return vide;
    };
    const simultanees = Array.from({ length: 20 }, () => lireUneFois(t.persistance, 999_001, 3, lire));
    const autreVersion = lireUneFois(t.persistance, 999_001, 4, lire);
    liberer();
    const lus = await Promise.all([...simultanees, autreVersion]);
    expect(lectures).toBe(2);
    expect(new Set(lus).size).toBe(1);
    // Terminée : la lecture suivante relit (le partage ne dure que le temps de la lecture).
    await lireUneFois(t.persistance, 999_001, 3, lire);
    expect(lectures).toBe(3);
  });

  it('une lecture en échec est rendue à ceux qui l’attendaient, puis la suivante réessaie', async () => {
    let lectures = 0;
    const echoue = async (): Promise<ContenuConvention> => {
      lectures += 1;
      await Promise.resolve();
      throw new Error('base indisponible');
    };
    const deux = [
      lireUneFois(t.persistance, 999_002, 1, echoue),
      lireUneFois(t.persistance, 999_002, 1, echoue),
    ];
    for (const p of deux) await expect(p).rejects.toThrow('base indisponible');
    expect(lectures).toBe(1);
    await expect(lireUneFois(t.persistance, 999_002, 1, () => Promise.resolve(vide))).resolves.toBe(vide);
  });
});
