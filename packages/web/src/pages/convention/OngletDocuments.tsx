import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { documentsConventionSchema, textesRapportReponseSchema, type ConventionDetail } from '@jalon/schemas';
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
  if (documents.etat === 'chargement' || textes.etat === 'chargement')
    return <Chargement texte="Chargement des documents…" />;
  if (documents.etat === 'erreur')
    return <Alert severity="error" title="Documents indisponibles" description={documents.message} />;
  if (textes.etat === 'erreur')
    return <Alert severity="error" title="Textes du rapport indisponibles" description={textes.message} />;
  const franceTravail = detail.convention.cadre === 'france-travail-2024';
  const version = detail.convention.version;
  return (
    <section aria-labelledby="titre-documents">
      <h2 id="titre-documents">Documents</h2>
      <Telechargements conventionId={id} documents={documents.donnees} fiches={detail.fiches_actions} />
      {documents.donnees.tableau_reimportable && (
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
        documents={documents.donnees}
        franceTravail={franceTravail}
        onDepose={onModifiee}
      />
    </section>
  );
}
