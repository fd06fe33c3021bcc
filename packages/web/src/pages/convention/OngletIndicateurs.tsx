import { useState, type ChangeEvent } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import {
  matriceIndicateursSchema,
  type ConventionDetail,
  type MatriceIndicateurs,
  type NatureValeur,
  type ResultatCalcul,
  type ValeurIndicateur,
} from '@jalon/schemas';
import { appeler } from '../../api/client.ts';
import { ROUTES } from '../../api/routes.ts';
import { Chargement } from '../../composants/Chargement.tsx';
import { dateHeure } from '../../composants/format.ts';
import { useDonnees } from '../../composants/useDonnees.ts';
import { lireResultatCalcul } from '../../indicateurs/importCalcul.ts';

/** T0 : situation au 31 décembre 2018 (001 · annexe 7, annexe A « tableau des engagements du socle »). */
const ANNEE_T0 = 2018;

const cle = (indicateur: string, annee: number, nature: NatureValeur): string =>
  `${indicateur}|${annee}|${nature}`;

function provenance(valeur: ValeurIndicateur | undefined): string {
  if (valeur === undefined) return '';
  if (valeur.provenance.type === 'saisie')
    return `saisie${valeur.modifiee_par === null ? '' : ` par ${valeur.modifiee_par}`}`;
  const p = valeur.provenance;
  return `calcul (moteur ${p.moteur_version}, empreinte ${p.empreinte.slice(0, 19)}…${p.calcule_le === null ? '' : `, calculé le ${dateHeure(p.calcule_le)}`}, importé le ${dateHeure(p.importe_le)})`;
}

interface Calcul {
  readonly moteur: string;
  readonly empreinte: string;
  readonly calculeLe: string | null;
  readonly importeLe: string;
  readonly annees: number[];
  readonly nombre: number;
}

/** Les calculs dont viennent les valeurs de la matrice : un par (moteur, empreinte), montrés en clair. */
function calculsImportes(valeurs: readonly ValeurIndicateur[]): Calcul[] {
  const parCle = new Map<string, Calcul>();
  for (const v of valeurs) {
    if (v.provenance.type !== 'calcul') continue;
    const cleCalcul = `${v.provenance.moteur_version}|${v.provenance.empreinte}`;
    const connu = parCle.get(cleCalcul);
    parCle.set(cleCalcul, {
      moteur: v.provenance.moteur_version,
      empreinte: v.provenance.empreinte,
      calculeLe: v.provenance.calcule_le,
      importeLe:
        connu !== undefined && connu.importeLe > v.provenance.importe_le
          ? connu.importeLe
          : v.provenance.importe_le,
      annees: [...new Set([...(connu?.annees ?? []), v.annee])].sort((a, b) => a - b),
      nombre: (connu?.nombre ?? 0) + 1,
    });
  }
  return [...parCle.values()];
}

function nombre(texte: string): number | null | 'invalide' {
  const t = texte.trim().replace(/\s/g, '').replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : 'invalide';
}

export function OngletIndicateurs({ detail }: { readonly detail: ConventionDetail }) {
  const conventionId = detail.convention.id;
  const matrice = useDonnees(
    () => appeler('GET', ROUTES.indicateurs(conventionId), matriceIndicateursSchema),
    [conventionId],
  );
  const [saisies, setSaisies] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ severite: 'success' | 'error'; texte: string } | null>(null);
  const [importe, setImporte] = useState<{ resultat: ResultatCalcul; provenance: readonly string[] } | null>(
    null,
  );
  const [erreursImport, setErreursImport] = useState<readonly string[]>([]);
  const modifiable = detail.droits.modifier;

  if (matrice.etat === 'chargement') return <Chargement texte="Chargement des indicateurs…" />;
  if (matrice.etat === 'erreur')
    return <Alert severity="error" title="Indicateurs indisponibles" description={matrice.message} />;
  const m: MatriceIndicateurs = matrice.donnees;
  const valeurs = new Map(m.valeurs.map((v) => [cle(v.indicateur, v.annee, v.nature), v]));
  const annees = m.annees.filter((a) => a !== ANNEE_T0);

  const lireFichier = async (evenement: ChangeEvent<HTMLInputElement>) => {
    const fichier = evenement.target.files?.[0];
    setImporte(null);
    setErreursImport([]);
    if (fichier === undefined) return;
    const lecture = lireResultatCalcul(fichier.name, await fichier.text());
    if (lecture.ok) setImporte(lecture);
    else setErreursImport(lecture.erreurs);
  };

  const importer = async () => {
    if (importe === null) return;
    try {
      matrice.remplacer(
        await appeler('POST', ROUTES.importIndicateurs(conventionId), matriceIndicateursSchema, {
          version: m.version,
          resultat: importe.resultat,
        }),
      );
      setMessage({
        severite: 'success',
        texte: `Résultat du calcul ${importe.resultat.annee} importé, avec sa provenance.`,
      });
      setImporte(null);
    } catch (erreur) {
      setMessage({ severite: 'error', texte: erreur instanceof Error ? erreur.message : String(erreur) });
    }
  };

  const enregistrer = async () => {
    const modifs = Object.entries(saisies).map(([k, texte]) => {
      const [indicateur = '', annee = '0', nature = 'resultat'] = k.split('|');
      return { indicateur, annee: Number(annee), nature: nature as NatureValeur, valeur: nombre(texte) };
    });
    const fautive = modifs.find((v) => v.valeur === 'invalide');
    if (fautive !== undefined) {
      setMessage({
        severite: 'error',
        texte: `Valeur illisible pour ${fautive.indicateur} (${fautive.annee}) : saisissez un nombre.`,
      });
      return;
    }
    try {
      matrice.remplacer(
        await appeler('PUT', ROUTES.indicateurs(conventionId), matriceIndicateursSchema, {
          version: m.version,
          valeurs: modifs,
        }),
      );
      setSaisies({});
      setMessage({ severite: 'success', texte: `${modifs.length} valeur(s) enregistrée(s).` });
    } catch (erreur) {
      setMessage({
        severite: 'error',
        texte: `${erreur instanceof Error ? erreur.message : String(erreur)} Vos saisies sont conservées.`,
      });
    }
  };

  const cellule = (indicateur: string, libelle: string, annee: number, nature: NatureValeur) => {
    const k = cle(indicateur, annee, nature);
    const valeur = valeurs.get(k);
    const texte =
      saisies[k] ??
      (valeur?.valeur === null || valeur === undefined ? '' : String(valeur.valeur).replace('.', ','));
    const nomNature =
      nature === 'situation_t0'
        ? 'T0 2018'
        : nature === 'objectif'
          ? `objectif ${annee}`
          : `résultat ${annee}`;
    return (
      <td
        key={k}
        title={provenance(valeur)}
        className={valeur?.provenance.type === 'calcul' ? 'jalon-indicateur--calcul' : undefined}
      >
        {modifiable ? (
          <input
            className="fr-input jalon-indicateur__champ"
            aria-label={`${libelle}, ${nomNature}`}
            inputMode="decimal"
            value={texte}
            onChange={(e) => setSaisies((s) => ({ ...s, [k]: e.target.value }))}
          />
        ) : (
          texte
        )}
        {valeur?.provenance.type === 'calcul' && <span className="fr-sr-only"> ({provenance(valeur)})</span>}
      </td>
    );
  };

  return (
    <section aria-labelledby="titre-indicateurs">
      <h2 id="titre-indicateurs">Matrice d'indicateurs</h2>
      <p className="fr-text--sm">
        T0 : situation au 31 décembre 2018 ; puis, pour chaque année, le résultat atteint et l'objectif fixé
        (001 · annexe 7, annexe A). Une valeur issue d'un calcul garde sa provenance (version du moteur,
        empreinte des données).
      </p>
      <div role="status">
        {message?.severite === 'success' && <Alert small severity="success" description={message.texte} />}
      </div>
      <div role="alert">
        {message?.severite === 'error' && <Alert small severity="error" description={message.texte} />}
      </div>
      {calculsImportes(m.valeurs).length > 0 && (
        <div className="fr-table">
          {/* Tableau défilant (DSFR : overflow auto) : atteignable au clavier (RGAA 7.3, axe scrollable-region-focusable). */}
          <table tabIndex={0}>
            <caption>Calculs importés (provenance des valeurs sur fond bleu)</caption>
            <thead>
              <tr>
                <th scope="col">Moteur</th>
                <th scope="col">Empreinte des données</th>
                <th scope="col">Calculé le</th>
                <th scope="col">Importé le</th>
                <th scope="col">Années</th>
                <th scope="col">Valeurs</th>
              </tr>
            </thead>
            <tbody>
              {calculsImportes(m.valeurs).map((c) => (
                <tr key={`${c.moteur}|${c.empreinte}`}>
                  <td>{c.moteur}</td>
                  <td>
                    <code className="jalon-empreinte">{c.empreinte}</code>
                  </td>
                  <td>{c.calculeLe === null ? 'non indiqué' : dateHeure(c.calculeLe)}</td>
                  <td>{dateHeure(c.importeLe)}</td>
                  <td>{c.annees.join(', ')}</td>
                  <td className="jalon-nombre">{c.nombre}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="fr-table jalon-matrice">
        {/* Tableau défilant (DSFR : overflow auto) : atteignable au clavier (RGAA 7.3, axe scrollable-region-focusable). */}
        <table tabIndex={0}>
          <caption>Indicateurs du cadre {m.cadre}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Indicateur
              </th>
              <th scope="col" rowSpan={2}>
                T0 (2018)
              </th>
              {annees.map((a) => (
                <th key={a} scope="colgroup" colSpan={2}>
                  {a}
                </th>
              ))}
              <th scope="col" rowSpan={2}>
                Commentaire
              </th>
            </tr>
            <tr>
              {annees.flatMap((a) => [
                <th key={`${a}-r`} scope="col">
                  Résultat
                </th>,
                <th key={`${a}-o`} scope="col">
                  Objectif
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {m.indicateurs.map((ind) => {
              const derniere = annees.at(-1) ?? ANNEE_T0;
              const kc = `commentaire|${ind.code}`;
              const commentaire =
                saisies[kc] ?? valeurs.get(cle(ind.code, derniere, 'resultat'))?.commentaire ?? '';
              return (
                <tr key={ind.code}>
                  <th scope="row">
                    {ind.libelle}
                    <span className="fr-hint-text">
                      {ind.rubrique} — {ind.obligatoire ? 'obligatoire' : 'optionnel'}
                      {ind.calculable ? ', calculable par le moteur' : ''} ({ind.source})
                    </span>
                  </th>
                  {cellule(ind.code, ind.libelle, ANNEE_T0, 'situation_t0')}
                  {annees.flatMap((a) => [
                    cellule(ind.code, ind.libelle, a, 'resultat'),
                    cellule(ind.code, ind.libelle, a, 'objectif'),
                  ])}
                  <td>{commentaire}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {modifiable && (
        <Button onClick={() => void enregistrer()} disabled={Object.keys(saisies).length === 0}>
          Enregistrer les valeurs
        </Button>
      )}
      {modifiable && (
        <section className="fr-mt-5w" aria-labelledby="titre-import">
          <h3 id="titre-import">Importer un calcul du moteur</h3>
          <Upload
            label="Résultat de « jalon indicateurs calculer » (fichier JSON)"
            hint="Le fichier reste sur votre poste jusqu'à l'import ; seuls les agrégats sont envoyés."
            nativeInputProps={{ accept: 'application/json,.json', onChange: (e) => void lireFichier(e) }}
            {...(erreursImport.length > 0
              ? { state: 'error' as const, stateRelatedMessage: erreursImport.join(' ; ') }
              : {})}
          />
          {importe !== null && (
            <div className="fr-mt-2w">
              <h4 className="fr-h6">Provenance du calcul</h4>
              <ul>
                {importe.provenance.map((ligne) => (
                  <li key={ligne}>{ligne}</li>
                ))}
              </ul>
              <Button onClick={() => void importer()}>Importer ces valeurs</Button>
            </div>
          )}
        </section>
      )}
    </section>
  );
}
