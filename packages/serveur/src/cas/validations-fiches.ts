import type { FicheAction } from '@jalon/schemas';
import type { Depots } from '../depots/ports.ts';
import type { ValidationFiche } from '../depots/ports-pilotage.ts';
import type { Acteur } from './mutation.ts';

/**
 * Une validation de fiche action porte sur le contenu validé (001 · annexe 4 § 2 : fiches « validées
 * conjointement par les deux parties cocontractantes »). Toute écriture des fiches d'une convention (création,
 * modification, suppression, lignes financières, ré-import JSON ou XLSX) passe par `gardeValidations` : après
 * l'écriture, dans la MÊME transaction, les validations des fiches dont le contenu a changé sont retirées et une
 * ligne d'audit dit lesquelles (avant / après). INT-CYCLE-VALIDATIONS-1 et 2.
 */

/**
 * Le contenu validé d'une fiche : tous ses champs sauf l'identifiant, le rang d'affichage et l'exécution
 * (`execution`, saisie après l'exercice pour le rapport d'exécution, 001 · annexe 4 § 1 : ce n'est pas ce que
 * les parties ont négocié). Clés triées : deux contenus égaux donnent la même chaîne quel que soit l'ordre.
 */
export function contenuValide(fiche: FicheAction): string {
  const { id: _id, rang: _rang, execution: _execution, ...contenu } = fiche;
  return JSON.stringify(contenu, (_cle, valeur: unknown) =>
    typeof valeur === 'object' && valeur !== null && !Array.isArray(valeur)
      ? Object.fromEntries(
          Object.entries(valeur as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : valeur,
  );
}

/** Une validation retirée, telle qu'écrite dans l'audit. */
interface ValidationAuditee {
  readonly numero: string;
  readonly partie: ValidationFiche['partie'];
  readonly acteur: string;
  readonly role: string;
  readonly le: string;
}

export interface GardeValidations {
  /**
   * Après l'écriture des fiches : retire les validations des fiches dont le contenu a changé (ou qui ont
   * disparu) ; rétablit celles d'une fiche recréée à l'identique (ré-import) ; écrit l'audit si l'une a été
   * retirée. Rend les numéros des fiches dont les validations sont retirées.
   */
  accorder(acteur: Acteur, cause: string): Promise<string[]>;
}

/** À appeler AVANT d'écrire les fiches, dans la transaction de l'écriture. */
export async function gardeValidations(depots: Depots, conventionId: number): Promise<GardeValidations> {
  const validations = await depots.cycle.lireValidations(conventionId);
  // Aucune validation (brouillon, négociation avant toute validation) : rien à garder, une seule requête.
  if (validations.length === 0) return { accorder: () => Promise.resolve([]) };
  const avant = new Map((await depots.fiches.lister(conventionId)).map((f) => [f.id, f]));

  return {
    async accorder(acteur, cause) {
      const apres = await depots.fiches.lister(conventionId);
      const parId = new Map(apres.map((f) => [f.id, f]));
      const parNumero = new Map(apres.map((f) => [f.numero, f]));
      const retirees: ValidationAuditee[] = [];
      const aRetirer = new Set<number>();
      const aRetablir: ValidationFiche[] = [];
      for (const validation of validations) {
        const ancienne = avant.get(validation.ficheId);
        if (ancienne === undefined) continue;
        // La même fiche : même identifiant, sinon (fiches recréées par un ré-import) même numéro.
        const nouvelle = parId.get(validation.ficheId) ?? parNumero.get(ancienne.numero);
        if (nouvelle !== undefined && contenuValide(nouvelle) === contenuValide(ancienne)) {
          if (nouvelle.id !== validation.ficheId) aRetablir.push({ ...validation, ficheId: nouvelle.id });
          continue;
        }
        if (nouvelle !== undefined && nouvelle.id === validation.ficheId) aRetirer.add(nouvelle.id);
        retirees.push({ numero: ancienne.numero, partie: validation.partie, ...validation.trace });
      }
      await depots.cycle.retirerValidations([...aRetirer]);
      await depots.cycle.ajouterValidations(aRetablir);
      if (retirees.length === 0) return [];
      await depots.audit.ecrire({
        conventionId,
        utilisateurId: acteur.compte.id,
        qui: acteur.compte.identifiant,
        role: acteur.compte.role,
        action: 'retirer_validations_fiches',
        entite: 'validation_fiche',
        entiteId: [...new Set(retirees.map((v) => v.numero))].join(','),
        avant: { validations: retirees },
        apres: { validations: [], cause },
      });
      return [...new Set(retirees.map((v) => v.numero))];
    },
  };
}
