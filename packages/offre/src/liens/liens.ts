/**
 * Liens fiche action ↔ services (issue 8 § 4) : une fiche action liste les services qu'elle finance ; un service
 * montre les actions et conventions qui le financent. La plateforme les stockera ; ici, la forme des identifiants
 * et les fonctions pures.
 *
 * Une fiche action est désignée par sa convention (collectivité, cadre, exercice : spec convention-v1 § 1) et
 * son `numero` ; un service par son id publié `<source>--<id local>` (echange/ids.ts).
 */
import type { Service } from '../modele.ts';

export interface ReferenceConvention {
  readonly collectivite: { readonly type: string; readonly code: string };
  readonly cadre: string;
  readonly exercice: number;
}

export interface ReferenceFicheAction {
  readonly convention: ReferenceConvention;
  /** Numéro de l'action dans la convention (spec convention-v1, `actions[].numero`). */
  readonly numero: string;
}

export interface LienFinancement {
  readonly ficheAction: ReferenceFicheAction;
  /** Id publié du service data·inclusion. */
  readonly serviceId: string;
}

/** Clé stable d'une convention : `departement:44/calpae-2023/2023`. */
export function cleConvention(c: ReferenceConvention): string {
  return `${c.collectivite.type}:${c.collectivite.code}/${c.cadre}/${c.exercice}`;
}

/** Clé stable d'une fiche action : `departement:44/calpae-2023/2023#4.1`. */
export function cleFicheAction(f: ReferenceFicheAction): string {
  return `${cleConvention(f.convention)}#${f.numero}`;
}

/** Services financés par une fiche action (ids, sans doublon, dans l'ordre des liens). */
export function servicesDeLaFiche(liens: readonly LienFinancement[], fiche: ReferenceFicheAction): string[] {
  const cle = cleFicheAction(fiche);
  return [...new Set(liens.filter((l) => cleFicheAction(l.ficheAction) === cle).map((l) => l.serviceId))];
}

export interface FinancementDuService {
  readonly convention: ReferenceConvention;
  readonly numeros: readonly string[];
}

/** Conventions et actions qui financent un service, regroupées par convention. */
export function financementsDuService(
  liens: readonly LienFinancement[],
  serviceId: string,
): FinancementDuService[] {
  const parConvention = new Map<string, { convention: ReferenceConvention; numeros: string[] }>();
  for (const l of liens) {
    if (l.serviceId !== serviceId) continue;
    const cle = cleConvention(l.ficheAction.convention);
    const e = parConvention.get(cle) ?? { convention: l.ficheAction.convention, numeros: [] };
    if (!e.numeros.includes(l.ficheAction.numero)) e.numeros.push(l.ficheAction.numero);
    parConvention.set(cle, e);
  }
  return [...parConvention.values()];
}

/** Liens vers un service absent du jeu (service supprimé ou jamais importé) : à signaler, jamais ignorer. */
export function liensOrphelins(
  liens: readonly LienFinancement[],
  services: readonly Pick<Service, 'id'>[],
): LienFinancement[] {
  const ids = new Set(services.map((s) => s.id));
  return liens.filter((l) => !ids.has(l.serviceId));
}
