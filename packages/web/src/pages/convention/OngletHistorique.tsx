import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { historiqueSchema } from '@jalon/schemas';
import { appeler } from '../../api/client.ts';
import { ROUTES } from '../../api/routes.ts';
import { Chargement } from '../../composants/Chargement.tsx';
import { dateHeure } from '../../composants/format.ts';
import { useDonnees } from '../../composants/useDonnees.ts';
import { differences } from '../../historique/differences.ts';

/** Journal d'audit de la convention : qui, quand, quoi, avant, après (issue « Plateforme » § 6). */
export function OngletHistorique({ conventionId }: { readonly conventionId: number }) {
  const historique = useDonnees(
    () => appeler('GET', ROUTES.historique(conventionId), historiqueSchema),
    [conventionId],
  );
  if (historique.etat === 'chargement') return <Chargement texte="Chargement de l'historique…" />;
  if (historique.etat === 'erreur')
    return <Alert severity="error" title="Historique indisponible" description={historique.message} />;
  const entrees = [...historique.donnees.entrees].sort((a, b) => b.quand.localeCompare(a.quand));
  return (
    <section aria-labelledby="titre-historique">
      <h2 id="titre-historique">Historique</h2>
      {entrees.length === 0 ? (
        <p>Aucune modification enregistrée.</p>
      ) : (
        <div className="fr-table jalon-historique">
          {/* Tableau défilant (DSFR : overflow auto) : atteignable au clavier (RGAA 7.3, axe scrollable-region-focusable). */}
          <table tabIndex={0}>
            <caption>Modifications de la convention, de la plus récente à la plus ancienne</caption>
            <thead>
              <tr>
                <th scope="col">Quand</th>
                <th scope="col">Qui</th>
                <th scope="col">Quoi</th>
                <th scope="col">Champ</th>
                <th scope="col">Avant</th>
                <th scope="col">Après</th>
              </tr>
            </thead>
            <tbody>
              {entrees.flatMap((entree) => {
                const lignes = differences(entree.avant, entree.apres);
                const base = (
                  <>
                    <td>{dateHeure(entree.quand)}</td>
                    <td>
                      {entree.qui}
                      {entree.role !== null && <span className="fr-hint-text">{entree.role}</span>}
                    </td>
                    <td>
                      {entree.action} — {entree.entite} {entree.entite_id}
                    </td>
                  </>
                );
                if (lignes.length === 0) {
                  return [
                    <tr key={entree.id}>
                      {base}
                      <td>—</td>
                      <td>—</td>
                      <td>—</td>
                    </tr>,
                  ];
                }
                return lignes.map((ligne, i) => (
                  <tr key={`${entree.id}-${ligne.chemin}`}>
                    {i === 0 ? (
                      base
                    ) : (
                      <>
                        <td />
                        <td />
                        <td />
                      </>
                    )}
                    <td>{ligne.chemin}</td>
                    <td>{ligne.avant}</td>
                    <td>{ligne.apres}</td>
                  </tr>
                ));
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
