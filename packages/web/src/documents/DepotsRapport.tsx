import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { depotFigeSchema, type DocumentsConvention } from '@jalon/schemas';
import { appeler } from '../api/client.ts';
import { ROUTES_DOCUMENTS, taille } from './api.ts';

interface Props {
  readonly conventionId: number;
  readonly version: number;
  readonly documents: DocumentsConvention;
  readonly franceTravail: boolean;
  readonly onDepose: () => Promise<void>;
}

/**
 * Dépôt figé du rapport d'exécution (ou du bilan final) : après confirmation, le serveur enregistre les données et
 * les fichiers produits avec leur SHA-256 ; la liste rend ensuite exactement ces fichiers.
 */
export function DepotsRapport({ conventionId, version, documents, franceTravail, onDepose }: Props) {
  const [confirmation, setConfirmation] = useState(false);
  const [envoi, setEnvoi] = useState(false);
  const [retour, setRetour] = useState<{ severite: 'success' | 'error'; texte: string } | null>(null);
  const nom = franceTravail ? 'le bilan final' : 'le rapport d’exécution';

  const deposer = async () => {
    setEnvoi(true);
    try {
      const depot = await appeler('POST', ROUTES_DOCUMENTS.depots(conventionId), depotFigeSchema, {
        version,
      });
      setRetour({ severite: 'success', texte: `Dépôt n° ${depot.numero} enregistré et figé.` });
      setConfirmation(false);
      await onDepose();
    } catch (erreur) {
      setRetour({ severite: 'error', texte: erreur instanceof Error ? erreur.message : String(erreur) });
    } finally {
      setEnvoi(false);
    }
  };

  return (
    <section aria-labelledby="titre-depots" className="fr-mb-6w">
      <h3 id="titre-depots">Dépôts {franceTravail ? 'du bilan final' : 'du rapport d’exécution'}</h3>
      <p className="fr-text--sm">
        Déposer {nom} en fige une copie : données, document Word et PDF, tableaux financier et des
        indicateurs, chacun avec son empreinte SHA-256. Les modifications ultérieures de la convention ne
        changent pas un dépôt. Quand la convention est en exécution, ce dépôt est le dépôt officiel : la
        convention passe à l’étape « {franceTravail ? 'Bilan final déposé' : 'Rapport d’exécution déposé'} »
        du cycle de vie (tout ou rien : si l’étape est refusée, rien n’est déposé).
      </p>
      {documents.depot_possible && !confirmation && (
        <Button iconId="fr-icon-send-plane-line" onClick={() => setConfirmation(true)}>
          {franceTravail ? 'Déposer le bilan final' : 'Déposer le rapport d’exécution'}
        </Button>
      )}
      {!documents.depot_possible && (
        <p className="fr-text--sm fr-text-mention--grey">
          Seul le valideur de la collectivité dépose, tant que la convention n’est pas clôturée.
        </p>
      )}
      {confirmation && (
        <div role="group" aria-labelledby="titre-confirmation-depot" className="fr-callout">
          <p id="titre-confirmation-depot" className="fr-callout__text">
            Confirmer le dépôt de {nom} tel qu’il est produit maintenant ? Le dépôt ne pourra plus être
            modifié ni supprimé.
          </p>
          <ButtonsGroup
            inlineLayoutWhen="always"
            buttons={[
              {
                children: envoi ? 'Dépôt en cours…' : 'Confirmer le dépôt',
                disabled: envoi,
                onClick: () => void deposer(),
              },
              {
                children: 'Annuler',
                priority: 'secondary',
                disabled: envoi,
                onClick: () => setConfirmation(false),
              },
            ]}
          />
        </div>
      )}
      <div aria-live="polite">
        {retour !== null && (
          <Alert className="fr-mt-2w" severity={retour.severite} small description={retour.texte} />
        )}
      </div>
      {documents.depots.length === 0 ? (
        <p className="fr-mt-2w">Aucun dépôt pour l’instant.</p>
      ) : (
        <div className="fr-table fr-mt-2w">
          <table>
            <caption>Dépôts figés ({documents.depots.length})</caption>
            <thead>
              <tr>
                <th scope="col">N°</th>
                <th scope="col">Déposé le</th>
                <th scope="col">Par</th>
                <th scope="col">Version</th>
                <th scope="col">Fichiers (SHA-256)</th>
              </tr>
            </thead>
            <tbody>
              {documents.depots.map((d) => (
                <tr key={d.id}>
                  <td>{d.numero}</td>
                  <td>{new Date(d.depose_le).toLocaleString('fr-FR')}</td>
                  <td>{d.depose_par}</td>
                  <td>{d.version_convention}</td>
                  <td>
                    <ul className="fr-raw-list">
                      {d.fichiers.map((f) => (
                        <li key={f.nom}>
                          <a href={ROUTES_DOCUMENTS.fichierDepose(conventionId, d.id, f.nom)} download>
                            {f.nom}
                          </a>{' '}
                          <span className="fr-text--xs">({taille(f.taille)})</span>
                          <br />
                          <code className="fr-text--xs" style={{ wordBreak: 'break-all' }}>
                            {f.sha256}
                          </code>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
