import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { TAILLE_MAX_TABLEAU } from '@jalon/schemas';
import { ErreurApi } from '../api/client.ts';
import { erreursCellules, taille, televerserTableau, type ErreurCellule } from './api.ts';

interface Props {
  readonly conventionId: number;
  readonly version: number;
  readonly modifiable: boolean;
  /** Après un ré-import réussi : recharger la convention (sa version a avancé). */
  readonly onImporte: () => Promise<void>;
}

type Etat =
  | { readonly type: 'repos' }
  | { readonly type: 'envoi' }
  | { readonly type: 'succes'; readonly texte: string }
  | { readonly type: 'erreur'; readonly texte: string; readonly erreurs: readonly ErreurCellule[] };

/**
 * Ré-import d'un tableau financier XLSX rempli (001 · annexe 9) : tout ou rien ; chaque problème est montré avec
 * sa feuille et sa cellule, dans un tableau.
 */
export function ReimportTableau({ conventionId, version, modifiable, onImporte }: Props) {
  const [fichier, setFichier] = useState<File | null>(null);
  const [etat, setEtat] = useState<Etat>({ type: 'repos' });

  const envoyer = async () => {
    if (fichier === null) return;
    setEtat({ type: 'envoi' });
    try {
      const r = await televerserTableau(conventionId, version, fichier);
      setEtat({
        type: 'succes',
        texte:
          r.actions_modifiees.length === 0
            ? 'Tableau relu : aucun montant ne change.'
            : `Tableau relu et enregistré : ${r.actions_modifiees.length} action(s) modifiée(s) (${r.actions_modifiees.join(', ')}).`,
      });
      await onImporte();
    } catch (erreur) {
      setEtat({
        type: 'erreur',
        texte: erreur instanceof Error ? erreur.message : String(erreur),
        erreurs: erreur instanceof ErreurApi ? erreursCellules(erreur.details) : [],
      });
    }
  };

  return (
    <section aria-labelledby="titre-reimport" className="fr-mb-6w">
      <h3 id="titre-reimport">Relire un tableau financier rempli</h3>
      {!modifiable ? (
        <p className="fr-text--sm">
          La convention n’est pas modifiable par votre compte : le tableau financier ne peut pas y être relu.
        </p>
      ) : (
        <>
          <Upload
            label="Tableau financier XLSX (annexe 9)"
            hint={`Le classeur téléchargé ci-dessus, rempli. ${taille(TAILLE_MAX_TABLEAU)} au plus. Rien n’est enregistré si une seule cellule pose problème.`}
            nativeInputProps={{
              accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              onChange: (e) => {
                setFichier(e.target.files?.[0] ?? null);
                setEtat({ type: 'repos' });
              },
            }}
          />
          <Button
            className="fr-mt-2w"
            iconId="fr-icon-upload-line"
            disabled={fichier === null || etat.type === 'envoi'}
            onClick={() => void envoyer()}
          >
            {etat.type === 'envoi' ? 'Relecture…' : 'Relire et enregistrer'}
          </Button>
        </>
      )}
      <div aria-live="polite">
        {etat.type === 'succes' && (
          <Alert className="fr-mt-2w" severity="success" small description={etat.texte} />
        )}
        {etat.type === 'erreur' && (
          <>
            <Alert className="fr-mt-2w" severity="error" title="Tableau refusé" description={etat.texte} />
            {etat.erreurs.length > 0 && (
              <div className="fr-table fr-mt-2w">
                <table>
                  <caption>Problèmes relevés ({etat.erreurs.length})</caption>
                  <thead>
                    <tr>
                      <th scope="col">Feuille</th>
                      <th scope="col">Cellule</th>
                      <th scope="col">Problème</th>
                    </tr>
                  </thead>
                  <tbody>
                    {etat.erreurs.map((e, i) => (
                      <tr key={i}>
                        <td>{e.feuille ?? '—'}</td>
                        <td>{e.cellule ?? '—'}</td>
                        <td>{e.raison}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}
