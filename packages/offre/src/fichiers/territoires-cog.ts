/**
 * Tables du Code officiel géographique (communes, EPCI) pour `Territoires`, lues à la demande dans
 * @etalab/decoupage-administratif (Licence Ouverte / Open Licence, Etalab ; déjà la source de
 * `@jalon/referentiels`). Chargées paresseusement : `communes.json` pèse 8 Mo.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { construireTerritoires, departementParPrefixe, type Territoires } from '../territoires.ts';

interface CommuneCog {
  readonly code: string;
  readonly departement?: string;
}
interface EpciCog {
  readonly code: string;
  readonly membres: readonly { readonly code: string }[];
}

let enCache: Promise<Territoires> | undefined;

export function chargerTerritoiresCog(): Promise<Territoires> {
  enCache ??= (async () => {
    // Lecture directe plutôt qu'`import` : sous vitest, un import JSON de 8 Mo passe par la transformation.
    const require = createRequire(import.meta.url);
    const lire = async (nom: string): Promise<unknown> =>
      JSON.parse(await readFile(require.resolve(`@etalab/decoupage-administratif/data/${nom}`), 'utf8'));
    const [communes, epci] = await Promise.all([lire('communes.json'), lire('epci.json')]);
    const depDeCommune = new Map<string, string>();
    for (const c of communes as readonly CommuneCog[]) {
      const d = c.departement ?? departementParPrefixe(c.code);
      if (d !== undefined && !depDeCommune.has(c.code)) depDeCommune.set(c.code, d);
    }
    const depsDEpci = new Map<string, string[]>();
    for (const e of epci as readonly EpciCog[]) {
      const deps = new Set<string>();
      for (const m of e.membres) {
        const d = depDeCommune.get(m.code);
        if (d !== undefined) deps.add(d);
      }
      depsDEpci.set(e.code, [...deps].sort());
    }
    return construireTerritoires({
      departementDeCommune: (code) => depDeCommune.get(code),
      departementsDEpci: (code) => depsDEpci.get(code),
    });
  })();
  return enCache;
}
