import { Link } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import {
  listeImportsSchema,
  listeProfilsSchema,
  matriceIndicateursSchema,
  type ConventionDetail,
} from '@jalon/schemas';
import { appeler } from '../../api/client.ts';
import { ROUTES } from '../../api/routes.ts';
import { Chargement } from '../../composants/Chargement.tsx';
import { useDonnees } from '../../composants/useDonnees.ts';
import { ConstructeurProfil } from '../../donnees/ConstructeurProfil.tsx';
import { HistoriqueImports } from '../../donnees/HistoriqueImports.tsx';
import { ROUTES_DONNEES } from '../../donnees/routes.ts';
import { Televersement } from '../../donnees/Televersement.tsx';

/**
 * Onglet « Données » de la convention (docs/donnees-reelles.md § 4) : c'est la convention qui reçoit les
 * indicateurs calculés (matrice, provenance) ; les profils de correspondance, eux, appartiennent à la collectivité
 * et sont partagés par toutes ses conventions (INT-DONNEES-16).
 */
export function OngletDonnees({
  detail,
  onModifiee,
}: {
  readonly detail: ConventionDetail;
  readonly onModifiee: () => Promise<void>;
}) {
  const conventionId = detail.convention.id;
  const collectivite = detail.convention.collectivite.id;
  const matrice = useDonnees(
    () => appeler('GET', ROUTES.indicateurs(conventionId), matriceIndicateursSchema),
    [conventionId],
  );
  const imports = useDonnees(
    () => appeler('GET', ROUTES_DONNEES.imports(conventionId), listeImportsSchema),
    [conventionId],
  );
  const profils = useDonnees(
    () => appeler('GET', ROUTES_DONNEES.profils(collectivite), listeProfilsSchema),
    [collectivite],
  );

  if (matrice.etat === 'chargement' || imports.etat === 'chargement')
    return <Chargement texte="Chargement des données…" />;
  if (matrice.etat === 'erreur')
    return <Alert severity="error" title="Données indisponibles" description={matrice.message} />;
  if (imports.etat === 'erreur')
    return <Alert severity="error" title="Données indisponibles" description={imports.message} />;
  const annees = matrice.donnees.annees.filter((a) => a > 2018);
  const dernier = imports.donnees.imports[0];

  return (
    <section aria-labelledby="titre-donnees">
      <h2 id="titre-donnees">Données du département</h2>
      {detail.droits.modifier ? (
        <Televersement
          conventionId={conventionId}
          version={detail.convention.version}
          annees={annees}
          profils={profils.etat === 'pret' ? profils.donnees : null}
          surImport={() => {
            void imports.recharger();
            void matrice.recharger();
            void onModifiee();
          }}
        />
      ) : (
        <p className="fr-text--sm">
          Téléversement réservé aux agents de la collectivité, convention en brouillon ou en négociation.
        </p>
      )}
      {dernier !== undefined && (
        <section aria-labelledby="titre-resultat" className="fr-mb-5w">
          <h3 id="titre-resultat">Dernier calcul ({dernier.annee})</h3>
          <div className="fr-table fr-table--sm">
            <table tabIndex={0}>
              <caption>
                Indicateurs calculés le {new Date(dernier.quand).toLocaleString('fr-FR')} par {dernier.qui} —
                moteur {dernier.moteur_version}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Indicateur</th>
                  <th scope="col">Valeur</th>
                  <th scope="col">Liste d’explication</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(dernier.indicateurs).map(([code, valeur]) => (
                  <tr key={code}>
                    <th scope="row">{code}</th>
                    <td className="jalon-nombre">
                      {valeur === null ? '—' : String(valeur).replace('.', ',')}
                    </td>
                    <td>
                      {dernier.explications.some((x) => x.indicateur === code) && (
                        <a href={ROUTES_DONNEES.explication(conventionId, dernier.id, code)} download>
                          CSV <span className="fr-sr-only">de l’indicateur {code}</span>
                        </a>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <Link to={`/conventions/${conventionId}/indicateurs`}>
              Voir la matrice d’indicateurs et la provenance
            </Link>
          </p>
        </section>
      )}
      {profils.etat === 'pret' && (
        <ConstructeurProfil
          collectivite={collectivite}
          liste={profils.donnees}
          surModification={() => void profils.recharger()}
        />
      )}
      {profils.etat === 'erreur' && <Alert small severity="error" description={profils.message} />}
      <section aria-labelledby="titre-historique-imports">
        <h3 id="titre-historique-imports">Historique des téléversements</h3>
        <HistoriqueImports conventionId={conventionId} imports={imports.donnees.imports} />
      </section>
    </section>
  );
}
