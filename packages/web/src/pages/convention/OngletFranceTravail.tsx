import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { franceTravailSchema, type ConventionDetail, type FranceTravailModification } from '@jalon/schemas';
import { appeler, ErreurApi } from '../../api/client.ts';
import { ROUTES } from '../../api/routes.ts';
import { Chargement } from '../../composants/Chargement.tsx';
import { useDonnees } from '../../composants/useDonnees.ts';
import type { Retour } from '../../france-travail/Enregistrement.tsx';
import { FormulaireVolet3 } from '../../france-travail/FormulaireVolet3.tsx';
import { ListeCooperation } from '../../france-travail/ListeCooperation.tsx';
import { TableauParcours } from '../../france-travail/TableauParcours.tsx';

interface Props {
  readonly detail: ConventionDetail;
  /** Relit la convention après un enregistrement (sa version avance : INT-PLATEFORME-3). */
  readonly onModifiee: () => Promise<void>;
}

/**
 * Éléments propres au cadre France Travail 2024 : parcours types du volet 2 (003 · annexe 4 § 2-a), note
 * d'engagement et plan partagé d'actions du volet 3 (annexe 3), coopération avec France Travail (annexe 7,
 * annexe 5). Chaque partie s'enregistre seule, avec la version de la convention.
 */
export function OngletFranceTravail({ detail, onModifiee }: Props) {
  const conventionId = detail.convention.id;
  const donnees = useDonnees(
    () => appeler('GET', ROUTES.franceTravail(conventionId), franceTravailSchema),
    [conventionId],
  );
  if (donnees.etat === 'chargement') return <Chargement texte="Chargement des volets France Travail…" />;
  if (donnees.etat === 'erreur')
    return (
      <Alert severity="error" title="Volets France Travail indisponibles" description={donnees.message} />
    );

  const enregistrer = async (modification: Omit<FranceTravailModification, 'version'>): Promise<Retour> => {
    try {
      donnees.remplacer(
        await appeler('PUT', ROUTES.franceTravail(conventionId), franceTravailSchema, {
          version: detail.convention.version,
          ...modification,
        }),
      );
      await onModifiee();
      return { severite: 'success', texte: 'Enregistré.' };
    } catch (erreur) {
      const message = erreur instanceof Error ? erreur.message : String(erreur);
      return {
        severite: 'error',
        texte:
          erreur instanceof ErreurApi && erreur.statut === 409
            ? `Conflit : ${message} Vos saisies restent à l'écran ; rechargez la page pour voir la version à jour.`
            : `${message} Vos saisies restent à l'écran.`,
      };
    }
  };
  const modifiable = detail.droits.modifier;
  const d = donnees.donnees;

  return (
    <section aria-labelledby="titre-france-travail">
      <h2 id="titre-france-travail">Volets France Travail</h2>
      <TableauParcours parcours={d.parcours_types} modifiable={modifiable} enregistrer={enregistrer} />
      <FormulaireVolet3 volet3={d.volet3} modifiable={modifiable} enregistrer={enregistrer} />
      <ListeCooperation cooperation={d.cooperation} modifiable={modifiable} enregistrer={enregistrer} />
    </section>
  );
}
