import { Link, useSearchParams } from 'react-router';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { CADRES, CODES_CADRE } from '@jalon/referentiels';
import {
  collectivitesSchema,
  conventionsSchema,
  LIBELLES_STATUTS,
  STATUTS_CONVENTION,
  type ConventionResume,
} from '@jalon/schemas';
import { appeler } from '../api/client.ts';
import { ROUTES } from '../api/routes.ts';
import { BadgeStatut } from '../composants/BadgeStatut.tsx';
import { Chargement } from '../composants/Chargement.tsx';
import { euros } from '../composants/format.ts';
import { useDonnees } from '../composants/useDonnees.ts';
import { useTitre } from '../composants/useTitre.ts';

const FILTRES = ['collectivite', 'exercice', 'cadre', 'statut'] as const;
type Filtre = (typeof FILTRES)[number];

/** Conventions regroupées par collectivité, exercices du plus récent au plus ancien. */
function grouper(conventions: readonly ConventionResume[]): [string, ConventionResume[]][] {
  const groupes = new Map<string, ConventionResume[]>();
  const triees = [...conventions].sort(
    (a, b) => a.collectivite.nom.localeCompare(b.collectivite.nom, 'fr') || b.exercice - a.exercice,
  );
  for (const convention of triees) {
    const cle = convention.collectivite.nom;
    groupes.set(cle, [...(groupes.get(cle) ?? []), convention]);
  }
  return [...groupes];
}

export function PageAccueil() {
  useTitre('Conventions');
  const [parametres, setParametres] = useSearchParams();
  const filtres = Object.fromEntries(FILTRES.map((f) => [f, parametres.get(f) ?? ''])) as Record<
    Filtre,
    string
  >;
  const conventions = useDonnees(
    () => appeler('GET', ROUTES.conventions(filtres), conventionsSchema),
    [filtres.collectivite, filtres.exercice, filtres.cadre, filtres.statut],
  );
  const collectivites = useDonnees(() => appeler('GET', ROUTES.collectivites, collectivitesSchema), []);

  const changer = (filtre: Filtre, valeur: string) => {
    const suivants = new URLSearchParams(parametres);
    if (valeur === '') suivants.delete(filtre);
    else suivants.set(filtre, valeur);
    setParametres(suivants, { replace: true });
  };

  const liste =
    conventions.etat === 'pret'
      ? conventions.donnees.conventions.filter(
          (c) =>
            (filtres.collectivite === '' || c.collectivite.id === filtres.collectivite) &&
            (filtres.exercice === '' || String(c.exercice) === filtres.exercice) &&
            (filtres.cadre === '' || c.cadre === filtres.cadre) &&
            (filtres.statut === '' || c.statut === filtres.statut),
        )
      : [];
  const exercices = [...new Set(Object.values(CADRES).flatMap((cadre) => cadre.exercices))].sort();

  return (
    <>
      <h1>Conventions</h1>
      <form
        aria-label="Filtrer les conventions"
        className="fr-grid-row fr-grid-row--gutters"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="fr-col-12 fr-col-md-3">
          <Select
            label="Collectivité"
            nativeSelectProps={{
              value: filtres.collectivite,
              onChange: (e) => changer('collectivite', e.target.value),
            }}
          >
            <option value="">Toutes</option>
            {collectivites.etat === 'pret' &&
              collectivites.donnees.collectivites.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.nom}
                </option>
              ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Select
            label="Exercice"
            nativeSelectProps={{
              value: filtres.exercice,
              onChange: (e) => changer('exercice', e.target.value),
            }}
          >
            <option value="">Tous</option>
            {exercices.map((annee) => (
              <option key={annee} value={annee}>
                {annee}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Select
            label="Cadre"
            nativeSelectProps={{ value: filtres.cadre, onChange: (e) => changer('cadre', e.target.value) }}
          >
            <option value="">Tous</option>
            {CODES_CADRE.map((code) => (
              <option key={code} value={code}>
                {CADRES[code].libelle}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Select
            label="Statut"
            nativeSelectProps={{ value: filtres.statut, onChange: (e) => changer('statut', e.target.value) }}
          >
            <option value="">Tous</option>
            {STATUTS_CONVENTION.map((statut) => (
              <option key={statut} value={statut}>
                {LIBELLES_STATUTS[statut]}
              </option>
            ))}
          </Select>
        </div>
      </form>
      {conventions.etat === 'chargement' && <Chargement texte="Chargement des conventions…" />}
      {conventions.etat === 'erreur' && (
        <Alert severity="error" title="Conventions indisponibles" description={conventions.message} />
      )}
      {conventions.etat === 'pret' && (
        <p role="status" className="fr-mt-2w">
          {liste.length === 0
            ? 'Aucune convention ne correspond à ces filtres.'
            : `${liste.length} convention${liste.length > 1 ? 's' : ''}.`}
        </p>
      )}
      {grouper(liste).map(([nom, conventionsCollectivite]) => (
        <section
          key={nom}
          aria-labelledby={`collectivite-${conventionsCollectivite[0]?.collectivite.id ?? nom}`}
        >
          <h2
            id={`collectivite-${conventionsCollectivite[0]?.collectivite.id ?? nom}`}
            className="fr-h4 fr-mt-4w"
          >
            {nom}
          </h2>
          <div className="fr-table fr-table--no-caption">
            <table>
              <caption>Conventions — {nom}</caption>
              <thead>
                <tr>
                  <th scope="col">Exercice</th>
                  <th scope="col">Cadre</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Enveloppe État</th>
                  <th scope="col">Convention</th>
                </tr>
              </thead>
              <tbody>
                {conventionsCollectivite.map((c) => (
                  <tr key={c.id}>
                    <td>{c.exercice}</td>
                    <td>{CADRES[c.cadre].libelle}</td>
                    <td>
                      <BadgeStatut statut={c.statut} />
                    </td>
                    <td className="jalon-nombre">{euros(c.enveloppe_etat)}</td>
                    <td>
                      <Link to={`/conventions/${c.id}`}>
                        Convention {c.exercice}
                        <span className="fr-sr-only"> — {nom}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
