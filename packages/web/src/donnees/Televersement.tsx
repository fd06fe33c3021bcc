import { useId, useState, type FormEvent } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import {
  PROFIL_INTEGRE_RDV_INSERTION,
  reponseTeleversementSchema,
  type ErreurLigneDonnees,
  type ListeProfils,
  type ReponseTeleversement,
} from '@jalon/schemas';
import { ErreurApi } from '../api/client.ts';
import { envoyerFormulaire, lignesEnCause, type Progression } from './envoi.ts';
import { LignesEnCause } from './LignesEnCause.tsx';
import { ROUTES_DONNEES } from './routes.ts';

const octetsLisibles = (n: number): string =>
  n < 1024 * 1024
    ? `${Math.max(1, Math.round(n / 1024))} Ko`
    : `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;

/**
 * Téléversement des données d'un département pour la convention : archive zip ou fichiers du format d'échange,
 * flux CAF/MSA, exports par profil. Progression accessible (`<progress>` étiqueté et annonce polie), erreurs
 * détaillées (fichier, ligne, colonne, raison).
 */
export function Televersement({
  conventionId,
  version,
  annees,
  profils,
  surImport,
}: {
  readonly conventionId: number;
  readonly version: number;
  readonly annees: readonly number[];
  readonly profils: ListeProfils | null;
  readonly surImport: (r: ReponseTeleversement) => void;
}) {
  const id = useId();
  const [fichiers, setFichiers] = useState<File[]>([]);
  const [annee, setAnnee] = useState<number>(annees.at(-2) ?? annees.at(-1) ?? 2023);
  const [profil, setProfil] = useState('');
  const [cle, setCle] = useState('');
  const [progression, setProgression] = useState<Progression | null>(null);
  const [etat, setEtat] = useState<'repos' | 'envoi' | 'calcul'>('repos');
  const [erreur, setErreur] = useState<{
    message: string;
    lignes: ErreurLigneDonnees[];
    nombre?: number;
  } | null>(null);
  const [succes, setSucces] = useState<string | null>(null);

  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    setErreur(null);
    setSucces(null);
    if (fichiers.length === 0) {
      setErreur({ message: 'Choisissez au moins un fichier.', lignes: [] });
      return;
    }
    const f = new FormData();
    f.append('version', String(version));
    f.append('annee', String(annee));
    if (profil !== '') f.append('profil', profil);
    if (cle.trim() !== '') f.append('cle', cle.trim());
    for (const x of fichiers) f.append('fichier', x, x.name);
    setEtat('envoi');
    setProgression({ envoyes: 0, total: fichiers.reduce((s, x) => s + x.size, 0) });
    try {
      const r = await envoyerFormulaire(
        ROUTES_DONNEES.televersement(conventionId),
        f,
        reponseTeleversementSchema,
        (p) => {
          setProgression(p);
          if (p.envoyes >= p.total) setEtat('calcul');
        },
      );
      setSucces(
        `Import enregistré : ${r.import.lignes.situations} situations et ${r.import.lignes.evenements} événements lus, ` +
          `indicateurs ${r.import.annee} calculés (moteur ${r.import.moteur_version}) et reportés dans la matrice.`,
      );
      setFichiers([]);
      surImport(r);
    } catch (x) {
      if (x instanceof ErreurApi) {
        const nombre = (x.details as { nombre?: unknown } | undefined)?.nombre;
        setErreur({
          message: x.message,
          lignes: lignesEnCause(x.details),
          ...(typeof nombre === 'number' ? { nombre } : {}),
        });
      } else setErreur({ message: String(x), lignes: [] });
    } finally {
      setEtat('repos');
    }
  };

  const pourcent =
    progression === null || progression.total === 0
      ? 0
      : Math.round((100 * progression.envoyes) / progression.total);
  return (
    <form onSubmit={(e) => void envoyer(e)} aria-labelledby={`${id}-titre`} className="fr-mb-5w">
      <h3 id={`${id}-titre`}>Téléverser des données</h3>
      <p className="fr-text--sm">
        Une archive <code>.zip</code> au format d’échange ; ou <code>situations_mensuelles.csv</code> avec{' '}
        <code>evenements.csv</code> (v1 ou v1.1) ; ou des flux CAF/MSA <code>.xml</code> et des exports{' '}
        <code>.csv</code>/<code>.xlsx</code> lus par un profil de correspondance. Les indicateurs sont
        calculés par le moteur de Jalon et reportés dans la matrice de la convention avec leur provenance.
      </p>
      <Upload
        label="Fichiers"
        hint="Plusieurs fichiers possibles : .zip, .csv, .xlsx, .xml"
        multiple
        nativeInputProps={{
          accept: '.zip,.csv,.xlsx,.xml',
          onChange: (e) => setFichiers([...(e.target.files ?? [])]),
          disabled: etat !== 'repos',
        }}
      />
      <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
        <div className="fr-col-12 fr-col-md-3">
          <Select
            label="Année calculée"
            nativeSelectProps={{ value: String(annee), onChange: (e) => setAnnee(Number(e.target.value)) }}
          >
            {annees.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Profil des exports (CSV, XLSX)"
            hint="Inutile pour le format d’échange et les flux CAF"
            nativeSelectProps={{ value: profil, onChange: (e) => setProfil(e.target.value) }}
          >
            <option value="">Aucun</option>
            <option value={PROFIL_INTEGRE_RDV_INSERTION}>RDV-Insertion (intégré)</option>
            {(profils?.profils ?? []).map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.nom}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-5">
          <Input
            label="Clé de pseudonymisation du département"
            hintText="Pour les flux CAF et les profils qui pseudonymisent : utilisée pour ce calcul, jamais conservée"
            nativeInputProps={{
              type: 'password',
              autoComplete: 'off',
              value: cle,
              onChange: (e) => setCle(e.target.value),
            }}
          />
        </div>
      </div>
      <Button type="submit" disabled={etat !== 'repos'}>
        Téléverser et calculer
      </Button>
      {progression !== null && etat !== 'repos' && (
        <div className="fr-mt-2w">
          <label htmlFor={`${id}-progression`} className="fr-label">
            {etat === 'envoi'
              ? `Envoi : ${octetsLisibles(progression.envoyes)} sur ${octetsLisibles(progression.total)}`
              : 'Fichiers reçus : calcul des indicateurs…'}
          </label>
          <progress
            id={`${id}-progression`}
            className="jalon-progression"
            max={100}
            value={pourcent}
            data-testid="progression-televersement"
          >
            {pourcent} %
          </progress>
        </div>
      )}
      <div role="status" aria-live="polite" className="fr-mt-2w">
        {etat === 'envoi' && <span className="fr-sr-only">Envoi en cours, {pourcent} %</span>}
        {etat === 'calcul' && <span className="fr-sr-only">Calcul des indicateurs en cours</span>}
        {succes !== null && <Alert small severity="success" description={succes} />}
      </div>
      <div role="alert">
        {erreur !== null && (
          <>
            <Alert small severity="error" description={erreur.message} />
            <LignesEnCause
              titre="Lignes en cause"
              lignes={erreur.lignes}
              {...(erreur.nombre !== undefined ? { nombre: erreur.nombre } : {})}
            />
          </>
        )}
      </div>
    </form>
  );
}
