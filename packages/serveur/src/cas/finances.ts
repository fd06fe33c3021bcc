import {
  calculerTotaux,
  controlerConvention,
  normaliserConvention,
  type ConventionDocument,
  type Ligne,
} from '@jalon/domaine';
import type { Controle, LigneTotaux, Totaux } from '@jalon/schemas';

/**
 * Totaux et contrôles d'une convention, calculés par `@jalon/domaine` (jamais recalculés ici), rendus en
 * centimes pour l'API (spec convention-v1 § 2 et § 3).
 */
const versLigne = (ligne: Ligne): LigneTotaux => ({
  previsionnel: { ...ligne.previsionnel },
  execution: { ...ligne.execution },
});

const versRecord = (lignes: ReadonlyMap<string, Ligne>): Record<string, LigneTotaux> =>
  Object.fromEntries([...lignes].map(([cle, ligne]) => [cle, versLigne(ligne)]));

export function analyseFinanciere(document: ConventionDocument): { totaux: Totaux; controles: Controle[] } {
  const convention = normaliserConvention(document);
  const totaux = calculerTotaux(convention);
  return {
    totaux: {
      actions: versRecord(totaux.actions),
      mesures: versRecord(totaux.mesures),
      socle: totaux.socle === undefined ? null : versLigne(totaux.socle),
      initiatives: totaux.initiatives === undefined ? null : versLigne(totaux.initiatives),
      volets: totaux.volets === undefined ? null : versRecord(totaux.volets),
      general: versLigne(totaux.general),
      controle: { ligne: versLigne(totaux.controle.ligne), ecart: totaux.controle.ecart },
    },
    controles: controlerConvention(convention).map((c) => ({ ...c, actions: [...c.actions] })),
  };
}
