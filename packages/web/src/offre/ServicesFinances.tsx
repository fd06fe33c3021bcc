import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ConventionDetail, FinancementsConvention } from '@jalon/schemas';
import { Link } from 'react-router';
import { useDonnees } from '../composants/useDonnees.ts';
import { delier, liensDeLaConvention, lier, lireOffre } from './api.ts';

/**
 * Sur l'onglet des fiches actions : les services de l'offre d'insertion que chaque fiche finance (issue 8 § 4),
 * avec ajout et retrait pour les agents et valideurs de la collectivité.
 */
export function ServicesFinances({ detail }: { readonly detail: ConventionDetail }) {
  const conventionId = detail.convention.id;
  const collectivite = detail.convention.collectivite.id;
  const liens = useDonnees(() => liensDeLaConvention(conventionId), [conventionId]);
  const offre = useDonnees(() => lireOffre(collectivite), [collectivite]);
  const [choix, setChoix] = useState<Record<number, string>>({});
  const [erreur, setErreur] = useState<string | null>(null);
  if (liens.etat !== 'pret') return null;
  const peutModifier = offre.etat === 'pret' && offre.donnees.modifier;
  const services = offre.etat === 'pret' ? offre.donnees.services : [];
  const fiches = [...detail.fiches_actions].sort((a, b) => a.rang - b.rang);

  const agir = async (action: () => Promise<FinancementsConvention>) => {
    setErreur(null);
    try {
      liens.remplacer(await action());
    } catch (e) {
      setErreur(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="titre-services-finances" className="fr-mt-6w">
      <h3 id="titre-services-finances">Services de l’offre d’insertion financés</h3>
      <p className="fr-text--sm">
        Chaque fiche action peut financer des services de l’offre d’insertion (schéma data·inclusion), publiés
        en open data : <Link to={`/offre/${encodeURIComponent(collectivite)}`}>offre de la collectivité</Link>
        .
      </p>
      {erreur !== null && <Alert severity="error" small description={erreur} className="fr-mb-2w" />}
      <div className="fr-table" tabIndex={0}>
        <table>
          <caption>Services financés par fiche action</caption>
          <thead>
            <tr>
              <th scope="col">Fiche</th>
              <th scope="col">Services financés</th>
              {peutModifier && <th scope="col">Ajouter un service</th>}
            </tr>
          </thead>
          <tbody>
            {fiches.map((f) => {
              const siens = liens.donnees.liens.filter((l) => l.fiche_id === f.id);
              const disponibles = services.filter((s) => !siens.some((l) => l.service_id === s.id));
              return (
                <tr key={f.id}>
                  <th scope="row">
                    {f.numero} — {f.intitule}
                  </th>
                  <td>
                    {siens.length === 0 ? (
                      '—'
                    ) : (
                      <ul className="fr-my-0">
                        {siens.map((l) => (
                          <li key={l.service_id}>
                            {l.service_nom} <code>{l.service_id_publie}</code>
                            {peutModifier && (
                              <Button
                                size="small"
                                priority="tertiary no outline"
                                className="fr-ml-1w"
                                onClick={() => void agir(() => delier(conventionId, f.id, l.service_id))}
                              >
                                Retirer
                                <span className="fr-sr-only">
                                  {' '}
                                  {l.service_nom} de la fiche {f.numero}
                                </span>
                              </Button>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  {peutModifier && (
                    <td>
                      <div className="jalon-ligne-lien">
                        <Select
                          label={<span className="fr-sr-only">Service à lier à la fiche {f.numero}</span>}
                          nativeSelectProps={{
                            value: choix[f.id] ?? '',
                            onChange: (e) => setChoix((c) => ({ ...c, [f.id]: e.target.value })),
                          }}
                        >
                          <option value="">Choisir un service</option>
                          {disponibles.map((s) => (
                            <option key={s.id} value={String(s.id)}>
                              {String(s.donnees.nom)}
                            </option>
                          ))}
                        </Select>
                        <Button
                          size="small"
                          disabled={(choix[f.id] ?? '') === ''}
                          onClick={() => void agir(() => lier(conventionId, f.id, Number(choix[f.id])))}
                        >
                          Lier<span className="fr-sr-only"> à la fiche {f.numero}</span>
                        </Button>
                      </div>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
