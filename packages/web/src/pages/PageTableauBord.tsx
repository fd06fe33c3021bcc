import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { trouverDepartement } from '@jalon/referentiels';
import { LIBELLES_STATUTS, tableauBordSchema, type StatutConvention } from '@jalon/schemas';
import { appeler } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { CarteDepartements } from '../carte/index.ts';
import { Chargement } from '../composants/Chargement.tsx';
import { useDonnees } from '../composants/useDonnees.ts';
import { useTitre } from '../composants/useTitre.ts';
import {
  celluleMesure,
  classerLignes,
  estTaux,
  libelleMesure,
  texteCellule,
  valeursCarte,
  type Mesure,
} from '../pilotage/tableaux/mesures.ts';

const ANNEES = [2019, 2020, 2021, 2022, 2023, 2024];
const nombre = (v: number) => v.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
const pourcent = (v: number) => `${nombre(v)}\u00a0%`;

/** `/tableaux-bord` : le tableau du territoire du compte (région du commissaire ou de la DDETS, national). */
export function PageTableauBordAccueil() {
  const { session } = useSession();
  const u = session?.utilisateur;
  if (u === undefined || u === null) return <Chargement />;
  if (u.territoire.type === 'region')
    return <Navigate to={`/tableaux-bord/regions/${u.territoire.code}`} replace />;
  if (u.territoire.type === 'departement') {
    const region = trouverDepartement(u.territoire.code)?.codeRegion;
    if (region !== undefined) return <Navigate to={`/tableaux-bord/regions/${region}`} replace />;
  }
  if (u.territoire.type === 'national') return <Navigate to="/tableaux-bord/national" replace />;
  return (
    <Alert
      severity="info"
      title="Tableaux de bord"
      description="Les tableaux de bord régionaux et nationaux sont réservés aux services de l’État."
    />
  );
}

/**
 * Tableau de bord d'une région ou national (issue 6 § 6) : carte des départements colorée par la mesure
 * choisie, classement, séries 2018-2024, exports CSV et XLSX. Les comptes sous le seuil du secret statistique
 * arrivent déjà masqués du serveur (« < 11 »).
 */
export function PageTableauBord() {
  const { code } = useParams();
  const [parametres, setParametres] = useSearchParams();
  const annee = Number(parametres.get('annee') ?? '2022');
  const mesure = (parametres.get('mesure') ?? 'consommation') as Mesure;
  const chemin = code === undefined ? '/api/tableaux-bord/national' : `/api/tableaux-bord/regions/${code}`;
  const tableau = useDonnees(
    () => appeler('GET', `${chemin}?annee=${annee}`, tableauBordSchema),
    [chemin, annee],
  );
  const t = tableau.etat === 'pret' ? tableau.donnees : undefined;
  useTitre(t === undefined ? 'Tableau de bord' : `Tableau de bord — ${t.territoire.nom}`);
  const changer = (cle: string, valeur: string) => {
    const p = new URLSearchParams(parametres);
    p.set(cle, valeur);
    setParametres(p, { replace: true });
  };

  if (tableau.etat === 'chargement') return <Chargement />;
  if (tableau.etat === 'erreur')
    return <Alert severity="error" title="Tableau de bord indisponible" description={tableau.message} />;
  const d = tableau.donnees;
  const format = estTaux(mesure) ? pourcent : nombre;
  const libelle = libelleMesure(d, mesure);
  const retards = d.lignes.filter((l) => l.en_retard);
  const classement = classerLignes(d, mesure);

  return (
    <>
      <h1>Tableau de bord — {d.territoire.nom}</h1>
      <p>
        Exercice {d.annee}, cadre {d.cadre}. Secret statistique : les comptes de 1 à {d.seuil_secret - 1} sont
        affichés « &lt; {d.seuil_secret} ».
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Exercice"
            nativeSelectProps={{ value: String(annee), onChange: (e) => changer('annee', e.target.value) }}
          >
            {ANNEES.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <Select
            label="Mesure affichée sur la carte"
            nativeSelectProps={{ value: mesure, onChange: (e) => changer('mesure', e.target.value) }}
          >
            <option value="consommation">Taux de consommation (réalisé / F)</option>
            <option value="atteinte">Taux d’atteinte moyen des cibles</option>
            {d.indicateurs.map((i) => (
              <option key={i.code} value={`indicateur:${i.code}`}>
                {i.libelle}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <p>
        <a
          className="fr-link fr-icon-download-line fr-link--icon-left fr-mr-3w"
          href={`${chemin}?annee=${annee}&format=csv`}
        >
          Exporter (CSV)
        </a>
        <a
          className="fr-link fr-icon-download-line fr-link--icon-left"
          href={`${chemin}?annee=${annee}&format=xlsx`}
        >
          Exporter (XLSX)
        </a>
      </p>
      {retards.length > 0 && (
        <Alert
          className="fr-mb-2w"
          severity="warning"
          small
          description={`${retards.length} convention(s) en retard sur une échéance : ${retards.map((l) => l.nom).join(', ')}.`}
        />
      )}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-6">
          <CarteDepartements
            valeurs={valeursCarte(d, mesure)}
            libelle={libelle}
            format={format}
            departements={d.departements}
            texteSansValeur={(dep) => {
              const l = d.lignes.find((x) => x.departement === dep);
              const c = l === undefined ? undefined : celluleMesure(l, mesure);
              return c?.type === 'secret' ? c.affichage : 'non disponible';
            }}
            sansTableau
          />
        </div>
        <div className="fr-col-12 fr-col-lg-6">
          <div className="fr-table fr-table--sm">
            <table>
              <caption>Classement des départements : {libelle}</caption>
              <thead>
                <tr>
                  <th scope="col">Rang</th>
                  <th scope="col">Département</th>
                  <th scope="col">{libelle}</th>
                  <th scope="col">Convention</th>
                </tr>
              </thead>
              <tbody>
                {classement.map((l, i) => (
                  <tr key={l.departement}>
                    <td>{celluleMesure(l, mesure).type === 'valeur' ? i + 1 : '—'}</td>
                    <th scope="row">
                      {l.nom} ({l.departement})
                    </th>
                    <td className="jalon-nombre">{texteCellule(celluleMesure(l, mesure), format)}</td>
                    <td>
                      {l.convention_id === null ? (
                        'aucune'
                      ) : (
                        <>
                          <Link to={`/conventions/${l.convention_id}`}>
                            {LIBELLES_STATUTS[l.etat as StatutConvention] ?? l.etat}
                          </Link>
                          {l.en_retard && (
                            <>
                              {' '}
                              <Badge severity="warning" small>
                                En retard
                              </Badge>{' '}
                              <Link to={`/conventions/${l.convention_id}/note-analyse`}>Note d’analyse</Link>
                            </>
                          )}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
      <h2>Séries 2018-2024</h2>
      <div className="fr-table fr-table--sm">
        <table>
          <caption>Comptes additionnés sur le territoire, par année</caption>
          <thead>
            <tr>
              <th scope="col">Indicateur</th>
              {d.series[0]?.points.map((p) => (
                <th scope="col" key={p.annee}>
                  {p.annee}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.series.map((s) => (
              <tr key={s.indicateur}>
                <th scope="row">
                  {d.indicateurs.find((i) => i.code === s.indicateur)?.libelle ?? s.indicateur}
                </th>
                {s.points.map((p) => (
                  <td key={p.annee} className="jalon-nombre">
                    {p.valeur.type === 'vide' ? '—' : texteCellule(p.valeur, nombre)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
