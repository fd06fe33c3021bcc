import { useState } from 'react';
import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import {
  textesRapportReponseSchema,
  type FicheAction,
  type TextesRapport as Textes,
  type TextesRapportReponse,
} from '@jalon/schemas';
import { appeler, ErreurApi } from '../api/client.ts';
import { ROUTES_DOCUMENTS } from './api.ts';

interface Props {
  readonly conventionId: number;
  readonly version: number;
  readonly franceTravail: boolean;
  readonly fiches: readonly FicheAction[];
  readonly textes: TextesRapportReponse;
  readonly modifiable: boolean;
  readonly onEnregistre: (textes: TextesRapportReponse) => Promise<void>;
}

const ACTION_VIDE = { commentaire_budget: '', bilan: '', perspectives: '' };

/**
 * Textes libres du rapport d'exécution (001 · annexe 5 : introduction, et par action commentaire du budget,
 * bilan d'exécution 1.1.1.7, perspectives 1.1.1.8) ou du bilan final France Travail (003 · annexe 7 art. 3.2).
 * Un texte vide laisse la mention « [à compléter] » du modèle dans le document.
 */
export function TextesRapport(props: Props) {
  const { conventionId, version, franceTravail, fiches, modifiable } = props;
  const [textes, setTextes] = useState<Textes>(props.textes.textes);
  const [retour, setRetour] = useState<{ severite: 'success' | 'error'; texte: string } | null>(null);
  const [envoi, setEnvoi] = useState(false);

  const champ = (numero: string, cle: keyof typeof ACTION_VIDE, valeur: string) =>
    setTextes((t) => ({
      ...t,
      actions: { ...t.actions, [numero]: { ...ACTION_VIDE, ...t.actions[numero], [cle]: valeur } },
    }));

  const enregistrer = async () => {
    setEnvoi(true);
    try {
      const r = await appeler('PUT', ROUTES_DOCUMENTS.textes(conventionId), textesRapportReponseSchema, {
        version,
        textes,
      });
      await props.onEnregistre(r);
      setRetour({ severite: 'success', texte: 'Textes enregistrés.' });
    } catch (erreur) {
      const message = erreur instanceof Error ? erreur.message : String(erreur);
      setRetour({
        severite: 'error',
        texte:
          erreur instanceof ErreurApi && erreur.statut === 409
            ? `Conflit : ${message}`
            : `${message} Vos saisies restent à l’écran.`,
      });
    } finally {
      setEnvoi(false);
    }
  };

  const zone = (id: string, label: string, valeur: string, changer: (v: string) => void, hint?: string) => (
    <Input
      key={id}
      label={label}
      hintText={hint}
      textArea
      disabled={!modifiable}
      nativeTextAreaProps={{ id, value: valeur, rows: 3, onChange: (e) => changer(e.target.value) }}
    />
  );

  return (
    <section aria-labelledby="titre-textes" className="fr-mb-6w">
      <h3 id="titre-textes">
        {franceTravail ? 'Bilan final : textes' : 'Rapport d’exécution : bilan et perspectives'}
      </h3>
      {props.textes.modifie_par !== null && (
        <p className="fr-text--xs">
          Dernière modification par {props.textes.modifie_par}
          {props.textes.modifie_le === null
            ? ''
            : ` le ${new Date(props.textes.modifie_le).toLocaleString('fr-FR')}`}
          .
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void enregistrer();
        }}
      >
        <Input
          label="Date du rapport"
          hintText="Texte libre, par exemple « 20 mars 2024 »."
          disabled={!modifiable}
          nativeInputProps={{
            value: textes.date,
            onChange: (e) => setTextes((t) => ({ ...t, date: e.target.value })),
          }}
        />
        {zone('texte-introduction', 'Introduction (contexte local)', textes.introduction, (v) =>
          setTextes((t) => ({ ...t, introduction: v })),
        )}
        {franceTravail &&
          zone(
            'texte-bilan-mise-en-oeuvre',
            'Bilan de mise en œuvre du plan d’actions (003 · annexe 7 art. 3.2)',
            textes.bilan_mise_en_oeuvre,
            (v) => setTextes((t) => ({ ...t, bilan_mise_en_oeuvre: v })),
          )}
        <h4 className="fr-h6 fr-mt-3w">Par action</h4>
        <div className="fr-accordions-group fr-mb-3w">
          {fiches.map((f) => {
            const a = { ...ACTION_VIDE, ...textes.actions[f.numero] };
            return (
              <Accordion key={f.id} titleAs="h5" label={`Action ${f.numero} — ${f.intitule}`}>
                <fieldset className="fr-fieldset">
                  <legend className="fr-fieldset__legend fr-text--md">
                    Action {f.numero} — {f.intitule}
                  </legend>
                  <div className="fr-fieldset__content" style={{ width: '100%' }}>
                    {zone(
                      `texte-${f.numero}-budget`,
                      'Commentaire du budget (1.1.1.5)',
                      a.commentaire_budget,
                      (v) => champ(f.numero, 'commentaire_budget', v),
                    )}
                    {zone(`texte-${f.numero}-bilan`, 'Bilan d’exécution (1.1.1.7)', a.bilan, (v) =>
                      champ(f.numero, 'bilan', v),
                    )}
                    {zone(`texte-${f.numero}-perspectives`, 'Perspectives (1.1.1.8)', a.perspectives, (v) =>
                      champ(f.numero, 'perspectives', v),
                    )}
                  </div>
                </fieldset>
              </Accordion>
            );
          })}
        </div>
        {modifiable ? (
          <Button type="submit" disabled={envoi} iconId="fr-icon-save-line">
            {envoi ? 'Enregistrement…' : 'Enregistrer les textes'}
          </Button>
        ) : (
          <p className="fr-text--sm">La convention n’est pas modifiable par votre compte.</p>
        )}
      </form>
      <div aria-live="polite">
        {retour !== null && (
          <Alert className="fr-mt-2w" severity={retour.severite} small description={retour.texte} />
        )}
      </div>
    </section>
  );
}
