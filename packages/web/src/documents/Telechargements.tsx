import { useState } from 'react';
import { Download } from '@codegouvfr/react-dsfr/Download';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { DocumentsConvention, FicheAction, FormatDocumentApi } from '@jalon/schemas';
import { FORMATS_LIBELLES, ROUTES_DOCUMENTS } from './api.ts';

interface Props {
  readonly conventionId: number;
  readonly documents: DocumentsConvention;
  readonly fiches: readonly FicheAction[];
}

/**
 * Boutons de téléchargement (composant DSFR « Téléchargement de fichier ») : chaque document du cadre dans ses
 * formats, produit à la demande depuis l'état courant de la convention. Le PDF n'est offert que si le serveur a
 * LibreOffice.
 */
export function Telechargements({ conventionId, documents, fiches }: Props) {
  const [action, setAction] = useState(fiches[0]?.numero ?? '');
  const formats = (liste: readonly FormatDocumentApi[]) =>
    liste.filter((f) => f !== 'pdf' || documents.pdf_disponible);
  return (
    <section aria-labelledby="titre-telechargements" className="fr-mb-6w">
      <h3 id="titre-telechargements">Télécharger</h3>
      <p className="fr-text--sm">
        Documents produits à la demande depuis la convention telle qu’elle est enregistrée, aux formats des
        annexes officielles.
        {documents.pdf_disponible
          ? ''
          : ' Le PDF est indisponible : LibreOffice n’est pas installé sur le serveur.'}
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        {documents.documents.map((d) => (
          <div key={d.type} className="fr-col-12 fr-col-md-6">
            <h4 className="fr-h6 fr-mb-1w">
              {d.libelle} <span className="fr-text--xs fr-text-mention--grey">({d.source})</span>
            </h4>
            {d.par_action &&
              (fiches.length === 0 ? (
                <p className="fr-text--sm">Aucune fiche action.</p>
              ) : (
                <Select
                  label="Action"
                  nativeSelectProps={{ value: action, onChange: (e) => setAction(e.target.value) }}
                >
                  {fiches.map((f) => (
                    <option key={f.id} value={f.numero}>
                      {f.numero} — {f.intitule}
                    </option>
                  ))}
                </Select>
              ))}
            {(!d.par_action || fiches.length > 0) &&
              formats(d.formats).map((format) => (
                <Download
                  key={format}
                  label={`${d.libelle}${d.par_action ? ` ${action}` : ''} — ${format.toUpperCase()}`}
                  details={FORMATS_LIBELLES[format]}
                  linkProps={{
                    to: ROUTES_DOCUMENTS.document(
                      conventionId,
                      d.type,
                      format,
                      d.par_action ? action : undefined,
                    ),
                    reloadDocument: true,
                    download: '',
                  }}
                />
              ))}
          </div>
        ))}
      </div>
    </section>
  );
}
