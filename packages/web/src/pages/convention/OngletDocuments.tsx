import { useRef } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import {
  documentsConventionSchema,
  textesRapportReponseSchema,
  type ConventionDetail,
  type DocumentsConvention,
} from '@jalon/schemas';
import { appeler } from '../../api/client.ts';
import { Chargement } from '../../composants/Chargement.tsx';
import { useDonnees } from '../../composants/useDonnees.ts';
import { ROUTES_DOCUMENTS } from '../../documents/api.ts';
import { DepotsRapport } from '../../documents/DepotsRapport.tsx';
import { ReimportTableau } from '../../documents/ReimportTableau.tsx';
import { Telechargements } from '../../documents/Telechargements.tsx';
import { TextesRapport } from '../../documents/TextesRapport.tsx';

interface Props {
  readonly detail: ConventionDetail;
  /** Relit la convention après une écriture (sa version avance : INT-PLATEFORME-3). */
  readonly onModifiee: () => Promise<void>;
}

/**
 * Documents officiels de la convention (issue 5 ; docs/documents.md) : téléchargements, relecture du tableau
 * financier rempli, textes du rapport, dépôts figés.
 */
export function OngletDocuments({ detail, onModifiee }: Props) {
  const id = detail.convention.id;
  const documents = useDonnees(
    () => appeler('GET', ROUTES_DOCUMENTS.documents(id), documentsConventionSchema),
    [id, detail.convention.version],
  );
  const textes = useDonnees(
    () => appeler('GET', ROUTES_DOCUMENTS.textes(id), textesRapportReponseSchema),
    [id],
  );
  // Relus après chaque écriture (la version avance) : la section reste affichée pendant la relecture, pour
  // garder les messages de ses composants (« Dépôt n° 1 enregistré et figé. »).
  const derniers = useRef<DocumentsConvention | undefined>(undefined);
  if (documents.etat === 'pret') derniers.current = documents.donnees;
  const affiches = documents.etat === 'pret' ? documents.donnees : derniers.current;
  if (documents.etat === 'erreur')
    return <Alert severity="error" title="Documents indisponibles" description={documents.message} />;
  if (textes.etat === 'erreur')
    return <Alert severity="error" title="Textes du rapport indisponibles" description={textes.message} />;
  if (affiches === undefined || textes.etat === 'chargement')
    return <Chargement texte="Chargement des documents…" />;
  const franceTravail = detail.convention.cadre === 'france-travail-2024';
  const version = detail.convention.version;
  return (
    <section aria-labelledby="titre-documents">
      <h2 id="titre-documents">Documents</h2>
      <Telechargements conventionId={id} documents={affiches} fiches={detail.fiches_actions} />
      {affiches.tableau_reimportable && (
        <ReimportTableau
          conventionId={id}
          version={version}
          modifiable={detail.droits.modifier}
          onImporte={onModifiee}
        />
      )}
      <TextesRapport
        key={`${id}-${textes.donnees.modifie_le ?? ''}`}
        conventionId={id}
        version={version}
        franceTravail={franceTravail}
        fiches={detail.fiches_actions}
        textes={textes.donnees}
        modifiable={detail.droits.modifier}
        onEnregistre={async (r) => {
          textes.remplacer(r);
          await onModifiee();
        }}
      />
      <DepotsRapport
        conventionId={id}
        version={version}
        documents={affiches}
        franceTravail={franceTravail}
        onDepose={onModifiee}
      />
    </section>
  );
}
