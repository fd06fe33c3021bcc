import { afterAll, beforeAll, expect } from 'vitest';
import type { ConventionDetail, ConventionResume, EntreeHistorique, VueCycleApi } from '@jalon/schemas';
import { applicationDemo, type ApplicationTest } from './application.ts';
import { Client, corps } from './client.ts';

/**
 * Aide des tests par l'API sur la démonstration : une application pour le fichier de test (ouverte avant, fermée
 * après), un client connecté par compte (gardé), la convention d'un département et d'un exercice, et pour le
 * cycle de vie la vue du cycle et une transition faite à la version courante. À appeler au niveau du fichier.
 */
export interface DemoParApi {
  /** L'application ouverte (après `beforeAll`). */
  app(): ApplicationTest;
  compte(identifiant: string): Promise<Client>;
  convention(code: string, exercice: number): Promise<ConventionResume>;
  vue(id: number): Promise<VueCycleApi>;
  /** Le détail de la convention, lu par `qui` (le national par défaut). */
  detail(id: number, qui?: string): Promise<ConventionDetail>;
  historique(id: number): Promise<EntreeHistorique[]>;
  /** Une transition qui doit réussir (200) ; rend la vue du cycle après. */
  reussir(qui: string, id: number, demande: Record<string, unknown>): Promise<VueCycleApi>;
  transition(
    qui: string,
    id: number,
    demande: Record<string, unknown>,
  ): Promise<Awaited<ReturnType<Client['requete']>>>;
}

export function demoParApi(): DemoParApi {
  let t: ApplicationTest | undefined;
  const clients = new Map<string, Client>();
  beforeAll(async () => {
    t = await applicationDemo();
  }, 120_000);
  afterAll(async () => {
    await t?.base.fermer();
  });

  const app = (): ApplicationTest => {
    if (t === undefined) throw new Error('application de démonstration non ouverte');
    return t;
  };
  async function compte(identifiant: string): Promise<Client> {
    const deja = clients.get(identifiant);
    if (deja !== undefined) return deja;
    const client = new Client(app().app);
    expect((await client.connecter(identifiant)).statut).toBe(200);
    clients.set(identifiant, client);
    return client;
  }
  async function convention(code: string, exercice: number): Promise<ConventionResume> {
    const national = await compte('national');
    const r = await national.get(`/api/conventions?collectivite=departement:${code}&exercice=${exercice}`);
    const [c] = corps<{ conventions: ConventionResume[] }>(r).conventions;
    if (c === undefined) throw new Error(`pas de convention ${code} ${exercice}`);
    return c;
  }
  const vue = async (id: number) =>
    corps<VueCycleApi>(await (await compte('national')).get(`/api/conventions/${id}/transitions`));
  async function transition(qui: string, id: number, demande: Record<string, unknown>) {
    const version = (await vue(id)).version;
    return (await compte(qui)).requete('POST', `/api/conventions/${id}/transitions`, { version, ...demande });
  }
  const detail = async (id: number, qui = 'national') =>
    corps<ConventionDetail>(await (await compte(qui)).get(`/api/conventions/${id}`));
  const historique = async (id: number) =>
    corps<{ entrees: EntreeHistorique[] }>(
      await (await compte('national')).get(`/api/conventions/${id}/historique`),
    ).entrees;
  async function reussir(qui: string, id: number, demande: Record<string, unknown>): Promise<VueCycleApi> {
    const r = await transition(qui, id, demande);
    expect(r.statut, `${qui} ${JSON.stringify(demande)} : ${JSON.stringify(r.corps)}`).toBe(200);
    return corps<VueCycleApi>(r);
  }
  return { app, compte, convention, vue, detail, historique, reussir, transition };
}
