import type { ImportDonnees } from '@jalon/schemas';
import { dateHeure } from '../composants/format.ts';
import { ROUTES_DONNEES } from './routes.ts';

const FORMES: Readonly<Record<ImportDonnees['forme'], string>> = {
  archive: 'archive zip',
  echange: 'format d’échange',
  sources: 'flux CAF et exports',
};

/** Historique des téléversements : qui, quand, fichiers et empreintes, lignes, anomalies, listes d'explication. */
export function HistoriqueImports({
  conventionId,
  imports,
}: {
  readonly conventionId: number;
  readonly imports: readonly ImportDonnees[];
}) {
  if (imports.length === 0) return <p>Aucun téléversement pour cette convention.</p>;
  return (
    <div className="fr-table fr-table--sm">
      <table tabIndex={0}>
        <caption>Historique des téléversements (le plus récent d’abord)</caption>
        <thead>
          <tr>
            <th scope="col">Quand, qui</th>
            <th scope="col">Fichiers</th>
            <th scope="col">Lignes lues</th>
            <th scope="col">Calcul</th>
            <th scope="col">Anomalies et avertissements</th>
            <th scope="col">Listes d’explication (CSV)</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((i) => (
            <tr key={i.id}>
              <td>
                {dateHeure(i.quand)}
                <br />
                {i.qui}
              </td>
              <td>
                {FORMES[i.forme]}
                {i.profil !== null ? `, profil ${i.profil}` : ''}
                <ul className="fr-text--xs">
                  {i.fichiers.map((f) => (
                    <li key={f.nom}>
                      {f.nom} ({f.octets} octets){' '}
                      <code className="jalon-empreinte">{f.empreinte.slice(0, 19)}…</code>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="jalon-nombre">
                {i.lignes.situations} situations
                <br />
                {i.lignes.evenements} événements
              </td>
              <td>
                année {i.annee}, moteur {i.moteur_version}
                <br />
                <code className="jalon-empreinte" title={i.empreinte}>
                  {i.empreinte.slice(0, 19)}…
                </code>
              </td>
              <td>
                {i.anomalies.length === 0 && i.avertissements.length === 0 && i.ignores.length === 0 ? (
                  'aucune'
                ) : (
                  <ul className="fr-text--xs">
                    {i.anomalies.map((a) => (
                      <li key={a.code}>
                        {a.message} : {a.nombre}
                      </li>
                    ))}
                    {i.avertissements.map((a) => (
                      <li key={a}>{a}</li>
                    ))}
                    {i.ignores.length > 0 && (
                      <li>{i.ignores.length} indicateur(s) calculé(s) hors de la matrice du cadre</li>
                    )}
                  </ul>
                )}
              </td>
              <td>
                <details>
                  <summary>{i.explications.length} indicateurs</summary>
                  <ul className="fr-text--xs">
                    {i.explications.map((x) => (
                      <li key={x.indicateur}>
                        <a
                          href={ROUTES_DONNEES.explication(conventionId, i.id, x.indicateur)}
                          download={`explication-${x.indicateur}-import-${i.id}.csv`}
                        >
                          {x.indicateur}
                        </a>{' '}
                        ({x.retenues} retenue(s) sur {x.lignes})
                      </li>
                    ))}
                  </ul>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
