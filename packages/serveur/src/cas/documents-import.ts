import { importerTableauFinancier } from '@jalon/documents';
import type { ImportTableauReponse } from '@jalon/schemas';
import type { ChampsFiche, Persistance } from '../depots/ports.ts';
import { verifierDocument, versDocument } from './document.ts';
import { invalide } from './erreurs.ts';
import { lireDocumentImporte } from './echange.ts';
import { modifierConvention, type Acteur } from './mutation.ts';
import { gardeValidations } from './validations-fiches.ts';

/** Une erreur de relecture, découpée pour l'affichage : « Feuille 'X', cellule G14 : raison ». */
export interface ErreurCellule {
  readonly message: string;
  readonly feuille: string | null;
  readonly cellule: string | null;
  readonly raison: string;
}

const FORME = /^Feuille '(?<feuille>[^']+)'(?:, cellule (?<cellule>[A-Z]+\d+))? : (?<raison>.*)$/su;

export function decouperErreur(message: string): ErreurCellule {
  const m = FORME.exec(message);
  return {
    message,
    feuille: m?.groups?.feuille ?? null,
    cellule: m?.groups?.cellule ?? null,
    raison: m?.groups?.raison ?? message,
  };
}

const MONTANTS = (f: ChampsFiche) => JSON.stringify([f.intitule, f.previsionnel, f.execution]);

/**
 * Ré-import d'un tableau financier XLSX rempli (001 · annexe 9) dans une convention : tout ou rien, dans la
 * transaction de `modifierConvention` (droit « modifier », version → 409, audit avant/après). Seuls les
 * intitulés et les montants (prévisionnel, exécution) changent ; les autres champs des fiches restent.
 * Chaque problème cite sa feuille et sa cellule (`details.erreurs`), rien n'est écrit s'il y en a un.
 */
export async function importerTableauXlsx(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  version: number,
  octets: Uint8Array,
): Promise<ImportTableauReponse> {
  const { resultat, version: nouvelle } = await modifierConvention(persistance, acteur, id, version, {
    action: 'importer_tableau_financier',
    entite: 'lignes_financieres',
    travail: async (depots, convention) => {
      const fiches = await depots.fiches.lister(id);
      const avant = versDocument(convention, fiches);
      const lecture = await importerTableauFinancier(octets, avant);
      if (!lecture.ok) {
        const erreurs = lecture.erreurs.map(decouperErreur);
        throw invalide(
          `Tableau financier refusé, rien n’a été enregistré (${erreurs.length} problème${
            erreurs.length > 1 ? 's' : ''
          }) : ${lecture.erreurs.slice(0, 3).join(' ; ')}${erreurs.length > 3 ? ' ; …' : ''}`,
          { erreurs },
        );
      }
      const lues = new Map(lireDocumentImporte(lecture.document).fiches.map((f) => [f.numero, f]));
      const modifiees: string[] = [];
      const garde = await gardeValidations(depots, id);
      for (const fiche of fiches) {
        const lue = lues.get(fiche.numero);
        if (lue === undefined) continue;
        const { id: ficheId, rang: _rang, ...champs } = fiche;
        const nouvelle: ChampsFiche = {
          ...champs,
          intitule: lue.intitule,
          previsionnel: lue.previsionnel,
          execution: lue.execution,
        };
        if (MONTANTS(nouvelle) === MONTANTS(champs)) continue;
        await depots.fiches.modifier(ficheId, nouvelle);
        modifiees.push(fiche.numero);
      }
      await verifierDocument(depots, id);
      await garde.accorder(acteur, 'importer_tableau_financier');
      return {
        entiteId: String(id),
        avant,
        apres: versDocument(convention, await depots.fiches.lister(id)),
        resultat: modifiees,
      };
    },
  });
  return { version: nouvelle, actions_modifiees: resultat };
}
