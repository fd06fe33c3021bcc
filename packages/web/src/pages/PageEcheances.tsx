import { Link, useSearchParams } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { LIBELLES_ROLES_PILOTAGE } from '@jalon/domaine';
import {
  echeancesSchema,
  jetonCalendrierSchema,
  type EcheanceApi,
  type JetonCalendrier,
} from '@jalon/schemas';
import { useState } from 'react';
import { appeler } from '../api/client.ts';
import { Chargement } from '../composants/Chargement.tsx';
import { useDonnees } from '../composants/useDonnees.ts';
import { useTitre } from '../composants/useTitre.ts';

const jourFr = (jour: string): string => jour.split('-').reverse().join('/');

const STATUTS: Readonly<
  Record<EcheanceApi['statut'], { libelle: string; severite?: 'error' | 'warning' | 'info' | 'success' }>
> = {
  en_retard: { libelle: 'En retard', severite: 'error' },
  proche: { libelle: 'Proche', severite: 'warning' },
  a_venir: { libelle: 'À venir', severite: 'info' },
  fait: { libelle: 'Fait', severite: 'success' },
  repere: { libelle: 'Repère' },
};

/**
 * Échéances du territoire du compte (issue 6 § 2) : en retard et à venir, filtrables par exercice, collectivité
 * et statut ; dates calculées par le domaine depuis les textes (colonne « Source ») ; abonnement iCalendar.
 */
export function PageEcheances() {
  useTitre('Échéances');
  const [parametres, setParametres] = useSearchParams();
  const statut = parametres.get('statut') ?? 'a_faire';
  const exercice = parametres.get('exercice') ?? '';
  const collectivite = parametres.get('collectivite') ?? '';
  const requete = new URLSearchParams(
    Object.entries({ exercice, collectivite }).filter(([, v]) => v !== ''),
  ).toString();
  const donnees = useDonnees(
    () => appeler('GET', `/api/echeances${requete === '' ? '' : `?${requete}`}`, echeancesSchema),
    [requete],
  );
  const changer = (cle: string, valeur: string) => {
    const suivants = new URLSearchParams(parametres);
    if (valeur === '') suivants.delete(cle);
    else suivants.set(cle, valeur);
    setParametres(suivants);
  };
  return (
    <>
      <h1>Échéances</h1>
      <p>
        Dates limites de chaque convention de votre territoire, calculées d’après les textes (synthèse du
        calendrier, 001 · annexe 4 ; 000 · annexe 5 ; 003 · III.4 et annexe 7).
      </p>
      {donnees.etat === 'chargement' && <Chargement texte="Chargement des échéances…" />}
      {donnees.etat === 'erreur' && (
        <Alert severity="error" title="Échéances indisponibles" description={donnees.message} />
      )}
      {donnees.etat === 'pret' && (
        <>
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-4">
              <Select
                label="Afficher"
                nativeSelectProps={{ value: statut, onChange: (e) => changer('statut', e.target.value) }}
              >
                <option value="a_faire">En retard et à venir</option>
                <option value="en_retard">En retard seulement</option>
                <option value="proche">Proches</option>
                <option value="fait">Faites</option>
                <option value="tout">Toutes</option>
              </Select>
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Select
                label="Exercice"
                nativeSelectProps={{ value: exercice, onChange: (e) => changer('exercice', e.target.value) }}
              >
                <option value="">Tous</option>
                {[2019, 2020, 2021, 2022, 2023, 2024].map((a) => (
                  <option key={a} value={String(a)}>
                    {a}
                  </option>
                ))}
              </Select>
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Select
                label="Collectivité"
                nativeSelectProps={{
                  value: collectivite,
                  onChange: (e) => changer('collectivite', e.target.value),
                }}
              >
                <option value="">Toutes</option>
                {[
                  ...new Map(donnees.donnees.echeances.map((e) => [e.collectivite.id, e.collectivite.nom])),
                ].map(([id, nom]) => (
                  <option key={id} value={id}>
                    {nom}
                  </option>
                ))}
              </Select>
            </div>
          </div>
          <TableEcheances
            echeances={donnees.donnees.echeances.filter((e) =>
              statut === 'tout'
                ? true
                : statut === 'a_faire'
                  ? e.statut === 'en_retard' || e.statut === 'proche' || e.statut === 'a_venir'
                  : e.statut === statut,
            )}
            aujourdhui={donnees.donnees.aujourdhui}
          />
        </>
      )}
      <Abonnement />
    </>
  );
}

function TableEcheances({
  echeances,
  aujourdhui,
}: {
  readonly echeances: readonly EcheanceApi[];
  readonly aujourdhui: string;
}) {
  if (echeances.length === 0) return <p>Aucune échéance pour ces critères.</p>;
  return (
    <div className="fr-table">
      <table tabIndex={0}>
        <caption>
          {echeances.length} échéance{echeances.length > 1 ? 's' : ''} au {jourFr(aujourdhui)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Date limite</th>
            <th scope="col">Échéance</th>
            <th scope="col">Convention</th>
            <th scope="col">À faire par</th>
            <th scope="col">Statut</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {echeances.map((e) => (
            <tr key={`${e.convention_id}-${e.code}`}>
              <td>
                {e.debut === null ? '' : `du ${jourFr(e.debut)} au `}
                {jourFr(e.echeance)}
              </td>
              <td>{e.libelle}</td>
              <td>
                <Link to={`/conventions/${e.convention_id}`}>
                  {e.collectivite.nom} {e.exercice}
                </Link>
              </td>
              <td>{e.responsables.map((r) => LIBELLES_ROLES_PILOTAGE[r]).join(', ')}</td>
              <td>
                <Badge
                  small
                  noIcon
                  {...(STATUTS[e.statut].severite === undefined
                    ? {}
                    : { severity: STATUTS[e.statut].severite })}
                >
                  {STATUTS[e.statut].libelle}
                  {e.fait_le === null ? '' : ` le ${jourFr(e.fait_le)}`}
                </Badge>
              </td>
              <td>{e.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Abonnement d'agenda : adresse secrète créée, montrée une fois, révocable. */
function Abonnement() {
  const etat = useDonnees(() => appeler('GET', '/api/calendrier/jeton', jetonCalendrierSchema), []);
  const [cree, setCree] = useState<JetonCalendrier | undefined>();
  const [erreur, setErreur] = useState<string | undefined>();
  const agir = async (methode: 'POST' | 'DELETE') => {
    setErreur(undefined);
    try {
      const r = await appeler(methode, '/api/calendrier/jeton', jetonCalendrierSchema);
      setCree(methode === 'POST' ? r : undefined);
      await etat.recharger();
    } catch (e) {
      setErreur(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section aria-labelledby="titre-abonnement" className="fr-mt-4w">
      <h2 id="titre-abonnement">Abonnement à votre agenda (iCalendar)</h2>
      <p>
        Une adresse secrète, propre à votre compte, que votre agenda peut suivre. Créer une nouvelle adresse
        révoque la précédente.
      </p>
      {etat.etat === 'pret' && (
        <p>{etat.donnees.actif ? 'Une adresse est active.' : 'Aucune adresse active.'}</p>
      )}
      {cree?.url != null && (
        <Alert
          severity="success"
          small
          description={
            <>
              Adresse de votre flux (copiez-la maintenant, elle ne sera plus affichée) :{' '}
              <code>{cree.url}</code>
            </>
          }
        />
      )}
      {erreur !== undefined && <Alert severity="error" small description={erreur} />}
      <Button className="fr-mr-2w fr-mt-1w" onClick={() => void agir('POST')}>
        Créer une adresse d’abonnement
      </Button>
      {etat.etat === 'pret' && etat.donnees.actif && (
        <Button className="fr-mt-1w" priority="secondary" onClick={() => void agir('DELETE')}>
          Révoquer l’adresse
        </Button>
      )}
    </section>
  );
}
