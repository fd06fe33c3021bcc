import { preparerApplication } from '../../src/application.ts';
import type { Base } from '../../src/base/ouvrir.ts';
import { pgliteTest } from './pglite-rapide.ts';
import type { AppJalon } from '../../src/http/contexte.ts';
import type { Persistance } from '../../src/depots/ports.ts';
import type { ReglagesSecurite } from '../../src/http/securite-reglages.ts';

export interface ApplicationTest {
  readonly app: AppJalon;
  readonly base: Base;
  readonly persistance: Persistance;
  /** Horloge réglable (sessions expirées). */
  maintenant: Date;
}

/** Application complète sur PGlite en mémoire, démonstration semée (une instance par fichier de test). */
export async function applicationDemo(
  dossierWeb?: string,
  options: { readonly securite?: ReglagesSecurite } = {},
): Promise<ApplicationTest> {
  const base = await pgliteTest('demo', async (b) => {
    await preparerApplication(b, { demo: true });
  });
  const etat = { maintenant: new Date() };
  const { app, persistance } = await preparerApplication(base, {
    demo: true,
    horloge: () => etat.maintenant,
    ...(dossierWeb !== undefined ? { dossierWeb } : {}),
    ...(options.securite !== undefined ? { securite: options.securite } : {}),
  });
  return Object.assign(etat, { app, base, persistance });
}
