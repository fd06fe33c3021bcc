import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { Manques as DonneesManques } from '@jalon/schemas';
import { CarteDepartements } from '../carte/index.ts';
import { Chargement } from '../composants/Chargement.tsx';
import { useDonnees } from '../composants/useDonnees.ts';
import { lireManques } from './api.ts';

/**
 * Manques de l'offre du département (issue 8 § 5) : tableau (catégories, freins, zones, offres intensives) et
 * carte choroplèthe du département (composant partagé `carte/`). La carte infra-départementale par zone
 * d'éligibilité n'est pas tracée (pas de contours des communes ni des EPCI dans shared/reference/geo) : les
 * zones sont dans le tableau (INT-OFFRE-13).
 */
export function Manques({
  collectivite,
  departement,
}: {
  readonly collectivite: string;
  readonly departement: string | null;
}) {
  const donnees = useDonnees(() => lireManques(collectivite), [collectivite]);
  const [categorie, setCategorie] = useState('');
  if (donnees.etat === 'chargement') return <Chargement texte="Analyse des manques…" />;
  if (donnees.etat === 'erreur')
    return <Alert severity="error" title="Manques indisponibles" description={donnees.message} />;
  const m: DonneesManques = donnees.donnees;
  const ligne = m.parCategorie.find((c) => c.categorie === categorie);
  const manques = m.parCategorie.filter((c) => c.manque);
  return (
    <section aria-labelledby="titre-manques">
      <h2 id="titre-manques" className="fr-h4">
        Manques de l’offre — département {m.departement}
      </h2>
      <Alert
        severity={m.freins.some((f) => f.manque) ? 'warning' : 'info'}
        small
        description={`${manques.length} catégorie(s) sans aucun service ; freins sans réponse : ${
          m.freins
            .filter((f) => f.manque)
            .map((f) => f.libelle)
            .join(', ') || 'aucun'
        } ; ${m.intensif.atteignantSeuil} offre(s) d’au moins ${m.intensif.seuilHeuresHebdomadaires} h par semaine.`}
        className="fr-mb-2w"
      />
      <h3 className="fr-h5">Freins périphériques nommés par les textes</h3>
      <div className="fr-table fr-table--no-caption" tabIndex={0}>
        <table>
          <caption>Services par frein</caption>
          <thead>
            <tr>
              <th scope="col">Frein</th>
              <th scope="col">Services</th>
              <th scope="col">Dont tout le département</th>
              <th scope="col">Zones infra-départementales couvertes</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {m.freins.map((f) => (
              <tr key={f.frein}>
                <th scope="row">
                  {f.libelle}
                  {f.manque && <p className="fr-badge fr-badge--error fr-badge--sm fr-ml-1w">manque</p>}
                </th>
                <td>{f.services}</td>
                <td>{f.servicesToutLeDepartement}</td>
                <td>{f.zonesCouvertes.join(', ') || '—'}</td>
                <td>{f.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {departement !== null && (
        <>
          <h3 className="fr-h5">Carte</h3>
          <Select
            label="Catégorie de thématiques montrée sur la carte"
            nativeSelectProps={{ value: categorie, onChange: (e) => setCategorie(e.target.value) }}
          >
            <option value="">Toutes catégories (nombre de catégories couvertes)</option>
            {m.parCategorie.map((c) => (
              <option key={c.categorie} value={c.categorie}>
                {c.libelle}
              </option>
            ))}
          </Select>
          <CarteDepartements
            valeurs={{
              [departement]:
                ligne === undefined ? m.parCategorie.filter((c) => !c.manque).length : ligne.services,
            }}
            libelle={
              ligne === undefined ? 'Catégories de thématiques couvertes' : `Services : ${ligne.libelle}`
            }
            departements={[departement]}
            selection={departement}
            sansTableau
          />
        </>
      )}
      <h3 className="fr-h5">Tableau complet</h3>
      <div className="fr-table" tabIndex={0}>
        <table>
          <caption>
            Services par catégorie, frein, zone et offres intensives (export possible en CSV par la ligne de
            commande)
          </caption>
          <thead>
            <tr>
              {m.tableau.colonnes.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.tableau.lignes.map((l, i) => (
              <tr key={i}>
                {l.map((cellule, j) => (
                  <td key={j}>{cellule}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {m.nonRattaches.length > 0 && (
        <Alert
          severity="warning"
          small
          description={`Services non rattachés : ${m.nonRattaches.map((n) => `${n.id} (${n.raison})`).join(' ; ')}`}
        />
      )}
    </section>
  );
}
