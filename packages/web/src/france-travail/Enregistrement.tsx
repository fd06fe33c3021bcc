import { Alert } from '@codegouvfr/react-dsfr/Alert';

export type Retour = { readonly severite: 'success' | 'error'; readonly texte: string } | null;

/** Zones d'annonce (status / alert) toujours présentes : le message d'un enregistrement est lu à coup sûr. */
export function MessageEnregistrement({ retour }: { readonly retour: Retour }) {
  return (
    <>
      <div role="status">
        {retour?.severite === 'success' && <Alert small severity="success" description={retour.texte} />}
      </div>
      <div role="alert">
        {retour?.severite === 'error' && <Alert small severity="error" description={retour.texte} />}
      </div>
    </>
  );
}
