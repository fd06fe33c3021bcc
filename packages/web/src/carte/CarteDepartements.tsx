import './carte.css';
import { useId, useMemo, type KeyboardEvent } from 'react';
import { useContours } from './contours.ts';
import { tracerDepartements, type ContoursDepartements } from './geometrie.ts';
import { classerValeurs, COULEUR_SANS_VALEUR, indexClasse } from './echelle.ts';

export interface CarteDepartementsProps {
  /** Valeur par code de département INSEE (`"37"`, `"2A"`, `"974"`) ; `null` : pas de donnée (ou secret). */
  readonly valeurs: Readonly<Record<string, number | null>>;
  /** Ce que mesurent les valeurs : titre de la carte, de la légende et de la colonne du tableau. */
  readonly libelle: string;
  /** Mise en forme d'une valeur (par défaut : nombre français). */
  readonly format?: (valeur: number) => string;
  /** Texte d'une valeur absente ou masquée (par défaut « non disponible » ; « < 11 » pour le secret). */
  readonly texteSansValeur?: (code: string) => string;
  /** Départements à dessiner (tous par défaut) ; la carte est cadrée sur eux. */
  readonly departements?: readonly string[];
  /** Clic ou Entrée sur un département (ou sur sa ligne du tableau). */
  readonly onSelect?: (code: string) => void;
  /** Département mis en évidence (contour épais). */
  readonly selection?: string;
  /** Contours déjà chargés (tests, rendu serveur) ; sinon le GeoJSON servi par l'application. */
  readonly contours?: ContoursDepartements;
  readonly largeur?: number;
  readonly hauteur?: number;
  /** Masquer le tableau équivalent (si la page en montre déjà un avec les mêmes valeurs). */
  readonly sansTableau?: boolean;
}

const nombreFrancais = (v: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(v);

/**
 * Carte choroplèthe des départements (métropole et DROM en encarts), accessible : chaque département a un titre
 * (nom, code, valeur), la légende donne les classes, un tableau équivalent liste les mêmes valeurs, et la
 * sélection se fait aussi au clavier. Hors ligne : le GeoJSON vient de `public/geo/` (IGN ADMIN EXPRESS COG 2018,
 * Licence Ouverte — voir `public/geo/SOURCE.md`).
 *
 * ```tsx
 * <CarteDepartements valeurs={{ '37': 0.82, '44': null }} libelle="Taux de consommation"
 *   format={(v) => `${Math.round(v * 100)} %`} departements={['18', '28', '36', '37', '41', '45']}
 *   onSelect={(code) => naviguer(`/departements/${code}`)} />
 * ```
 */
export function CarteDepartements(props: CarteDepartementsProps) {
  const charge = useContours(props.contours === undefined);
  const contours = props.contours ?? (charge.etat === 'pret' ? charge.contours : undefined);
  if (contours === undefined) {
    return (
      <p role="status" className="fr-text--sm">
        {charge.etat === 'erreur' ? charge.message : 'Chargement de la carte…'}
      </p>
    );
  }
  return <CarteTracee {...props} contours={contours} />;
}

function CarteTracee(props: CarteDepartementsProps & { readonly contours: ContoursDepartements }) {
  const { valeurs, libelle, onSelect, selection, contours } = props;
  const largeur = props.largeur ?? 560;
  const hauteur = props.hauteur ?? 520;
  const format = props.format ?? nombreFrancais;
  const sansValeur = props.texteSansValeur ?? (() => 'non disponible');
  const idTitre = useId();
  const traces = useMemo(
    () => tracerDepartements(contours, { codes: props.departements, largeur, hauteur }),
    [contours, props.departements, largeur, hauteur],
  );
  const valeurDe = (code: string): number | null => valeurs[code] ?? null;
  const classes = useMemo(
    () => classerValeurs(traces.map((t) => valeurs[t.code] ?? null)),
    [traces, valeurs],
  );
  const texte = (code: string) => {
    const v = valeurDe(code);
    return v === null ? sansValeur(code) : format(v);
  };
  const touche = (code: string) => (e: KeyboardEvent) => {
    if (onSelect && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      onSelect(code);
    }
  };
  const aDesSansValeur = traces.some((t) => valeurDe(t.code) === null);
  const encarts = traces.some((t) => t.encart);

  return (
    <figure className="jalon-carte" aria-labelledby={idTitre}>
      <figcaption id={idTitre} className="fr-text--bold">
        {libelle} par département
      </figcaption>
      <svg
        viewBox={`0 0 ${largeur} ${hauteur}`}
        width="100%"
        style={{ maxWidth: largeur }}
        role="group"
        aria-label={`Carte : ${libelle} par département`}
        data-testid="carte-departements"
      >
        <defs>
          <pattern id={`${idTitre}-hachures`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill={COULEUR_SANS_VALEUR} />
            <path d="M0,6 L6,0" stroke="#929292" strokeWidth="1" />
          </pattern>
        </defs>
        {traces.map((t) => {
          const v = valeurDe(t.code);
          const i = indexClasse(classes, v);
          const remplissage =
            i < 0 ? `url(#${idTitre}-hachures)` : (classes[i]?.couleur ?? COULEUR_SANS_VALEUR);
          const titre = `${t.nom} (${t.code}) : ${texte(t.code)}`;
          return (
            <path
              key={t.code}
              d={t.d}
              fill={remplissage}
              stroke={selection === t.code ? '#000091' : '#3a3a3a'}
              strokeWidth={selection === t.code ? 2.5 : 0.6}
              data-code={t.code}
              data-classe={i}
              role={onSelect ? 'button' : 'img'}
              aria-label={titre}
              tabIndex={onSelect ? 0 : undefined}
              onClick={onSelect ? () => onSelect(t.code) : undefined}
              onKeyDown={onSelect ? touche(t.code) : undefined}
              style={onSelect ? { cursor: 'pointer' } : undefined}
            >
              <title>{titre}</title>
            </path>
          );
        })}
      </svg>
      <div className="jalon-carte__legende" aria-label={`Légende : ${libelle}`} role="list">
        {classes.map((c, i) => (
          <span key={i} role="listitem" className="jalon-carte__classe">
            <svg width="18" height="14" aria-hidden="true">
              <rect width="18" height="14" fill={c.couleur} stroke="#3a3a3a" />
            </svg>{' '}
            {c.min === c.max ? format(c.min) : `${format(c.min)} à ${format(c.max)}`}
          </span>
        ))}
        {aDesSansValeur && (
          <span role="listitem" className="jalon-carte__classe">
            <svg width="18" height="14" aria-hidden="true">
              <rect width="18" height="14" fill={`url(#${idTitre}-hachures)`} stroke="#3a3a3a" />
            </svg>{' '}
            hachuré : sans valeur diffusable
          </span>
        )}
      </div>
      <p className="fr-text--xs fr-mb-1w">
        Contours : IGN – ADMIN EXPRESS COG (édition 2018), via github.com/gregoiredavid/france-geojson,
        Licence Ouverte.{encarts ? ' Outre-mer en encarts à l’ouest, hors échelle.' : ''}
      </p>
      {!props.sansTableau && (
        <details className="jalon-carte__tableau">
          <summary>Tableau des valeurs de la carte</summary>
          <div className="fr-table fr-table--sm">
            <table>
              <caption className="fr-sr-only">{libelle} par département (mêmes valeurs que la carte)</caption>
              <thead>
                <tr>
                  <th scope="col">Département</th>
                  <th scope="col">{libelle}</th>
                </tr>
              </thead>
              <tbody>
                {[...traces]
                  .sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true }))
                  .map((t) => (
                    <tr key={t.code}>
                      <th scope="row">
                        {onSelect ? (
                          <button type="button" className="fr-link" onClick={() => onSelect(t.code)}>
                            {t.nom} ({t.code})
                          </button>
                        ) : (
                          `${t.nom} (${t.code})`
                        )}
                      </th>
                      <td className="jalon-nombre">{texte(t.code)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
