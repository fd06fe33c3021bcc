import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import {
  bilanPartageSchema,
  bilansPartagesSchema,
  type BilanPartage,
  type ConventionDetail,
} from '@jalon/schemas';
import { appeler } from '../../api/client.ts';
import { Chargement } from '../../composants/Chargement.tsx';
import { useDonnees } from '../../composants/useDonnees.ts';

const route = (id: number) => `/api/conventions/${id}/bilans`;
const jourFr = (jour: string): string => jour.split('-').reverse().join('/');
const liste = (texte: string): string[] =>
  texte
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

interface Saisie {
  date_bilan: string;
  participants: string;
  constats: string;
  decisions: string;
  exercice: string;
  actions: string;
  indicateurs: string;
}

const vide = (exercice: number): Saisie => ({
  date_bilan: '',
  participants: '',
  constats: '',
  decisions: '',
  exercice: String(exercice),
  actions: '',
  indicateurs: '',
});

const depuis = (b: BilanPartage): Saisie => ({
  date_bilan: b.date_bilan,
  participants: b.participants,
  constats: b.constats,
  decisions: b.decisions,
  exercice: b.exercice === null ? '' : String(b.exercice),
  actions: b.actions.join(', '),
  indicateurs: b.indicateurs.join(', '),
});

/**
 * Bilan partagé (issue 6 § 3 ; 001 · annexe 4 § 2) : un compte rendu par réunion État / collectivité, lié aux
 * données examinées (exercice, fiches actions, indicateurs). Chaque écriture est auditée (onglet Historique).
 */
export function OngletBilan({ detail }: { readonly detail: ConventionDetail }) {
  const id = detail.convention.id;
  const bilans = useDonnees(() => appeler('GET', route(id), bilansPartagesSchema), [id]);
  const [edition, setEdition] = useState<{ bilan: BilanPartage | undefined; saisie: Saisie } | undefined>();
  const [erreur, setErreur] = useState<string | undefined>();

  const enregistrer = async () => {
    if (edition === undefined) return;
    setErreur(undefined);
    const s = edition.saisie;
    const corps = {
      date_bilan: s.date_bilan,
      participants: s.participants,
      constats: s.constats,
      decisions: s.decisions,
      exercice: s.exercice === '' ? null : Number(s.exercice),
      actions: liste(s.actions),
      indicateurs: liste(s.indicateurs),
    };
    try {
      if (edition.bilan === undefined) await appeler('POST', route(id), bilanPartageSchema, corps);
      else
        await appeler('PUT', `${route(id)}/${edition.bilan.id}`, bilanPartageSchema, {
          ...corps,
          version: edition.bilan.version,
        });
      setEdition(undefined);
      await bilans.recharger();
    } catch (e) {
      setErreur(e instanceof Error ? e.message : String(e));
    }
  };

  if (bilans.etat === 'chargement') return <Chargement texte="Chargement des bilans partagés…" />;
  if (bilans.etat === 'erreur')
    return <Alert severity="error" title="Bilans indisponibles" description={bilans.message} />;
  const champ = (cle: keyof Saisie) => ({
    value: edition?.saisie[cle] ?? '',
    onChange: (e: { target: { value: string } }) =>
      setEdition((ed) =>
        ed === undefined ? ed : { ...ed, saisie: { ...ed.saisie, [cle]: e.target.value } },
      ),
  });
  return (
    <section aria-labelledby="titre-bilans">
      <h2 id="titre-bilans">Bilan partagé</h2>
      {bilans.donnees.bilans.length === 0 && <p>Aucun bilan partagé enregistré.</p>}
      {bilans.donnees.bilans.map((b) => (
        <article key={b.id} className="fr-mb-3w">
          <h3 className="fr-h6">Bilan du {jourFr(b.date_bilan)}</h3>
          <dl>
            <dt>Participants</dt>
            <dd>{b.participants || '—'}</dd>
            <dt>Constats</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{b.constats || '—'}</dd>
            <dt>Décisions</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{b.decisions || '—'}</dd>
            <dt>Données examinées</dt>
            <dd>
              {b.exercice === null ? '' : `exercice ${b.exercice} ; `}
              fiches : {b.actions.join(', ') || 'aucune'} ; indicateurs :{' '}
              {b.indicateurs.join(', ') || 'aucun'}
            </dd>
          </dl>
          {bilans.donnees.modifiable && (
            <Button
              size="small"
              priority="secondary"
              onClick={() => setEdition({ bilan: b, saisie: depuis(b) })}
            >
              Modifier le bilan du {jourFr(b.date_bilan)}
            </Button>
          )}
        </article>
      ))}
      {bilans.donnees.modifiable && edition === undefined && (
        <Button onClick={() => setEdition({ bilan: undefined, saisie: vide(detail.convention.exercice) })}>
          Nouveau bilan partagé
        </Button>
      )}
      {edition !== undefined && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void enregistrer();
          }}
        >
          <Input
            label="Date du bilan"
            nativeInputProps={{ type: 'date', required: true, ...champ('date_bilan') }}
          />
          <Input label="Participants" nativeInputProps={champ('participants')} />
          <Input label="Constats" textArea nativeTextAreaProps={champ('constats')} />
          <Input label="Décisions" textArea nativeTextAreaProps={champ('decisions')} />
          <Input label="Exercice examiné" nativeInputProps={{ inputMode: 'numeric', ...champ('exercice') }} />
          <Input
            label="Fiches actions examinées"
            hintText={`Numéros séparés par des virgules (${detail.fiches_actions.map((f) => f.numero).join(', ')})`}
            nativeInputProps={champ('actions')}
          />
          <Input
            label="Indicateurs examinés"
            hintText="Codes séparés par des virgules"
            nativeInputProps={champ('indicateurs')}
          />
          {erreur !== undefined && <Alert severity="error" small description={erreur} className="fr-mb-2w" />}
          <Button type="submit" className="fr-mr-2w">
            Enregistrer le bilan
          </Button>
          <Button type="button" priority="secondary" onClick={() => setEdition(undefined)}>
            Annuler
          </Button>
        </form>
      )}
    </section>
  );
}
