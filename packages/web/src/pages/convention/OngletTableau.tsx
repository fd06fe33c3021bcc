import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { conventionDetailSchema, type ConventionDetail } from '@jalon/schemas';
import { appeler, ErreurApi } from '../../api/client.ts';
import { versDocument } from '../../api/convertir.ts';
import { ROUTES } from '../../api/routes.ts';
import { GrilleFinanciere, type ResultatEnregistrement } from '../../grille/GrilleFinanciere.tsx';
import type { LigneModifiee } from '../../grille/modele.ts';

/** Seul le valideur de la collectivité dépose (INT-PLATEFORME-2) ; l'agent voit le bouton désactivé (INT-WEB-5). */
export const DEPOT_RESERVE = 'Dépôt réservé au valideur de la collectivité.';

interface Props {
  readonly detail: ConventionDetail;
  readonly onDetail: (detail: ConventionDetail) => void;
}

export function OngletTableau({ detail, onDetail }: Props) {
  const [depot, setDepot] = useState<{ severite: 'success' | 'error'; texte: string } | null>(null);
  const conventionId = detail.convention.id;
  const idFiche = new Map(detail.fiches_actions.map((fiche) => [fiche.numero, fiche.id]));
  // En exécution, la collectivité saisit le réalisé sans pouvoir modifier le reste (INT-SAISIE-EXECUTION-1).
  const executionSeule = !detail.droits.modifier && detail.droits.saisir_execution;

  const enregistrer = async (lignes: LigneModifiee[]): Promise<ResultatEnregistrement> => {
    try {
      const nouveau = await appeler('PUT', ROUTES.lignesFinancieres(conventionId), conventionDetailSchema, {
        version: detail.convention.version,
        lignes: lignes.map((ligne) => ({
          fiche_id: idFiche.get(ligne.numero),
          // Sans « modifier », le serveur refuse toute colonne hors de l'exécution : on n'envoie qu'elle.
          ...(executionSeule ? {} : { previsionnel: ligne.previsionnel }),
          execution: ligne.execution,
        })),
      });
      onDetail(nouveau);
      return { ok: true };
    } catch (erreur) {
      if (erreur instanceof ErreurApi) {
        return {
          ok: false,
          message:
            erreur.statut === 409
              ? `Conflit : ${erreur.message} Rechargez la page pour voir la version à jour, puis reportez vos montants.`
              : erreur.message,
        };
      }
      throw erreur;
    }
  };

  const deposer = async () => {
    try {
      onDetail(
        await appeler('POST', ROUTES.depot(conventionId), conventionDetailSchema, {
          version: detail.convention.version,
        }),
      );
      setDepot({ severite: 'success', texte: 'La convention est déposée.' });
    } catch (erreur) {
      setDepot({ severite: 'error', texte: erreur instanceof Error ? erreur.message : String(erreur) });
    }
  };

  return (
    <>
      {depot !== null && (
        <Alert small severity={depot.severite} description={depot.texte} className="fr-mb-2w" />
      )}
      <GrilleFinanciere
        key={conventionId}
        document={versDocument(detail)}
        lectureSeule={!detail.droits.modifier && !detail.droits.saisir_execution}
        executionSeule={executionSeule}
        onEnregistrer={enregistrer}
        {...(detail.droits.deposer ? { onDeposer: () => void deposer() } : {})}
        {...(detail.droits.modifier && !detail.droits.deposer ? { depotReserve: DEPOT_RESERVE } : {})}
      />
    </>
  );
}
