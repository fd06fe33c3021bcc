import type { Logger } from 'pino';
import { ConnexionOidc, type ConfigOidc } from './cas/oidc.ts';
import type { ReglagesSecurite } from './http/securite-reglages.ts';
import { migrer } from './base/migrer.ts';
import type { Base } from './base/ouvrir.ts';
import { collectivitesDuReferentiel } from './collectivites.ts';
import { persistanceKysely } from './depots/kysely/index.ts';
import type { Persistance } from './depots/ports.ts';
import { infoDemo, semerDemonstration } from './demo/semer.ts';
import { creerApplication } from './http/app.ts';
import type { AppJalon } from './http/contexte.ts';

export interface OptionsApplication {
  readonly demo: boolean;
  readonly cookieSecure?: boolean | 'auto';
  readonly journal?: Logger;
  readonly dossierWeb?: string;
  readonly horloge?: () => Date;
  readonly securite?: ReglagesSecurite;
  readonly oidc?: ConfigOidc | undefined;
}

/** Migre une base ouverte et y enregistre les collectivités du référentiel (serveur et commandes d'administration). */
export async function preparerBase(base: Base): Promise<{ persistance: Persistance; migrations: string[] }> {
  const migrations = await migrer(base.db);
  const persistance = persistanceKysely(base.db);
  await persistance.depots.collectivites.enregistrer(collectivitesDuReferentiel());
  return { persistance, migrations };
}

/** Prépare une base ouverte (migrations, collectivités du référentiel, démonstration) et l'application HTTP. */
export async function preparerApplication(
  base: Base,
  options: OptionsApplication,
): Promise<{ app: AppJalon; persistance: Persistance; migrations: string[]; demoSemee: boolean }> {
  const { persistance, migrations } = await preparerBase(base);
  const demoSemee = options.demo ? await semerDemonstration(persistance) : false;
  const app = creerApplication({
    persistance,
    demo: options.demo ? infoDemo() : undefined,
    horloge: options.horloge ?? (() => new Date()),
    cookieSecure: options.cookieSecure ?? 'auto',
    journal: options.journal,
    dossierWeb: options.dossierWeb,
    ...(options.securite !== undefined ? { securite: options.securite } : {}),
    oidc: options.oidc === undefined ? undefined : new ConnexionOidc(options.oidc),
  });
  return { app, persistance, migrations, demoSemee };
}
