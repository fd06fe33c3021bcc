import { Button } from '@codegouvfr/react-dsfr/Button';
import type { OffreCollectivite } from '@jalon/schemas';
import type { ModeleOffre } from './api.ts';
import { libelleChamp } from './champs.ts';

const pourcent = (x: number) => `${Math.round(x * 100)} %`;

/** Tableau des services (score de qualité, critères, financements) ou des structures d'une collectivité. */
export function ListeOffre(props: {
  readonly offre: OffreCollectivite;
  readonly modele: ModeleOffre;
  readonly onModifier: (modele: ModeleOffre, objet: { id: number; donnees: Record<string, unknown> }) => void;
  readonly onSupprimer: (modele: ModeleOffre, id: number, nom: string) => void;
}) {
  const { offre, modele, onModifier, onSupprimer } = props;
  const objets = modele === 'service' ? offre.services : offre.structures;
  if (objets.length === 0) return <p>{modele === 'service' ? 'Aucun service.' : 'Aucune structure.'}</p>;
  return (
    <div className="fr-table" tabIndex={0}>
      <table>
        <caption>{modele === 'service' ? 'Services' : 'Structures'} de l’offre d’insertion</caption>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Identifiant publié</th>
            <th scope="col">Score de qualité</th>
            {modele === 'service' && <th scope="col">Financé par</th>}
            {offre.modifier && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {objets.map((o) => {
            const nom = String(o.donnees.nom);
            const service = modele === 'service' ? offre.services.find((s) => s.id === o.id) : undefined;
            const faibles =
              service === undefined
                ? []
                : Object.entries(service.criteres)
                    .filter(([, v]) => v !== null && v < 1)
                    .map(([k, v]) => `${k.replaceAll('_', ' ')} (${pourcent(v ?? 0)})`);
            return (
              <tr key={o.id}>
                <th scope="row">{nom}</th>
                <td>
                  <code>{o.id_publie}</code>
                </td>
                <td>
                  <p
                    className={`fr-badge fr-badge--sm ${o.score >= offre.seuil_dora ? 'fr-badge--success' : 'fr-badge--warning'}`}
                  >
                    {pourcent(o.score)}
                  </p>
                  {faibles.length > 0 && (
                    <p className="fr-text--xs fr-mb-0">À améliorer : {faibles.join(', ')}</p>
                  )}
                  {service !== undefined && service.avertissements.length > 0 && (
                    <p className="fr-text--xs fr-mb-0">
                      {service.avertissements
                        .map((a) => `${libelleChamp(a.champ)} : ${a.message}`)
                        .join(' ; ')}
                    </p>
                  )}
                </td>
                {service !== undefined && (
                  <td>
                    {service.financements.length === 0 ? (
                      '—'
                    ) : (
                      <ul className="fr-my-0">
                        {service.financements.map((f) => (
                          <li key={`${f.convention_id}-${f.fiche_id}`}>
                            <a href={`/conventions/${f.convention_id}/fiches`}>
                              {f.cadre} {f.exercice}, fiche {f.numero}
                            </a>{' '}
                            — {f.intitule}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                )}
                {offre.modifier && (
                  <td>
                    <Button size="small" priority="secondary" onClick={() => onModifier(modele, o)}>
                      Modifier<span className="fr-sr-only"> {nom}</span>
                    </Button>{' '}
                    <Button size="small" priority="tertiary" onClick={() => onSupprimer(modele, o.id, nom)}>
                      Supprimer<span className="fr-sr-only"> {nom}</span>
                    </Button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
