import { useState, type FormEvent } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ErreurApi } from '../api/client.ts';
import { adresseExport, constatsDe, FICHIERS_EXPORT, importer } from './api.ts';

/** Import (JSON, CSV, XLSX « valideur » ; tout ou rien) et export open data au format data·inclusion. */
export function ImportExport(props: {
  readonly collectivite: string;
  readonly modifier: boolean;
  readonly onImporte: () => void;
}) {
  const { collectivite, modifier, onImporte } = props;
  const [fichiers, setFichiers] = useState<File[]>([]);
  const [resultat, setResultat] = useState<{ ok: boolean; titre: string; lignes: string[] } | null>(null);
  const [envoi, setEnvoi] = useState(false);

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    if (fichiers.length === 0) return;
    setEnvoi(true);
    setResultat(null);
    try {
      const r = await importer(collectivite, fichiers);
      setResultat({
        ok: true,
        titre: `Import réussi : ${r.structures.creees} structure(s) créée(s), ${r.structures.remplacees} remplacée(s) ; ${r.services.crees} service(s) créé(s), ${r.services.remplaces} remplacé(s).`,
        lignes: r.avertissements,
      });
      onImporte();
    } catch (erreur) {
      setResultat({
        ok: false,
        titre: erreur instanceof Error ? erreur.message : String(erreur),
        lignes: erreur instanceof ErreurApi ? constatsDe(erreur.details) : [],
      });
    } finally {
      setEnvoi(false);
    }
  };

  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      {modifier && (
        <section className="fr-col-12 fr-col-md-6" aria-labelledby="titre-import-offre">
          <h2 id="titre-import-offre" className="fr-h4">
            Importer
          </h2>
          <form onSubmit={(e) => void soumettre(e)}>
            <div className="fr-upload-group">
              <label className="fr-label" htmlFor="fichiers-offre">
                Fichiers de l’offre
                <span className="fr-hint-text">
                  Exports data·inclusion (structures.json, services.json, structures.csv, services.csv) ou
                  classeur XLSX « valideur » (feuilles Structures et Services). Tout ou rien : une seule
                  erreur et rien n’est enregistré.
                </span>
              </label>
              <input
                className="fr-upload"
                type="file"
                id="fichiers-offre"
                multiple
                accept=".json,.csv,.xlsx"
                onChange={(e) => setFichiers([...(e.target.files ?? [])])}
              />
            </div>
            <Button type="submit" className="fr-mt-2w" disabled={envoi || fichiers.length === 0}>
              Importer
            </Button>
          </form>
          {resultat !== null && (
            <div role={resultat.ok ? 'status' : 'alert'} className="fr-mt-2w">
              <Alert
                severity={resultat.ok ? 'success' : 'error'}
                title={resultat.ok ? 'Import terminé' : 'Import refusé'}
                description={resultat.titre}
              />
              {resultat.lignes.length > 0 && (
                <ul className="fr-text--sm fr-mt-1w">
                  {resultat.lignes.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </section>
      )}
      <section className="fr-col-12 fr-col-md-6" aria-labelledby="titre-export-offre">
        <h2 id="titre-export-offre" className="fr-h4">
          Exporter pour l’open data
        </h2>
        <p className="fr-text--sm">
          Format data·inclusion v1, validé contre les schémas officiels ; identifiants « source--id local ».
        </p>
        <ul className="fr-btns-group fr-btns-group--sm">
          {FICHIERS_EXPORT.map((f) => (
            <li key={f.fichier}>
              <a className="fr-btn fr-btn--secondary" href={adresseExport(collectivite, f.fichier)} download>
                {f.libelle}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
