import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { PARTIES_PLAN_PARTAGE, type FranceTravailModification, type Volet3 } from '@jalon/schemas';
import { MessageEnregistrement, type Retour } from './Enregistrement.tsx';

/** Les trois engagements de la note (003 · annexe 3, « Documents clés » : « Une note d'engagement »). */
const CHAMPS_NOTE: readonly { readonly cle: keyof Volet3['note_engagement']; readonly libelle: string }[] = [
  { cle: 'bassin_cible', libelle: 'Bassin cible' },
  { cle: 'engagement_methode', libelle: 'Engagement dans la méthode co-construite France Travail' },
  {
    cle: 'strategie_deploiement',
    libelle: 'Mise en œuvre accélérée : stratégie de déploiement (RH, soutien au secteur associatif…)',
  },
];

interface Props {
  readonly volet3: Volet3;
  readonly modifiable: boolean;
  readonly enregistrer: (modification: Omit<FranceTravailModification, 'version'>) => Promise<Retour>;
}

/** Volet 3 : note d'engagement et plan partagé d'actions en 5 volets (003 · annexe 3). */
export function FormulaireVolet3({ volet3, modifiable, enregistrer }: Props) {
  const [valeurs, setValeurs] = useState<Volet3>(volet3);
  const [retour, setRetour] = useState<Retour>(null);
  const [enCours, setEnCours] = useState(false);

  const zone = (id: string, libelle: string, valeur: string, changer: (v: string) => void) =>
    modifiable ? (
      <div key={id} className="fr-fieldset__element">
        <Input
          label={libelle}
          textArea
          nativeTextAreaProps={{ id, value: valeur, rows: 3, onChange: (e) => changer(e.target.value) }}
        />
      </div>
    ) : (
      <div key={id} className="fr-fieldset__element">
        <p className="fr-text--bold fr-mb-0">{libelle}</p>
        <p>{valeur === '' ? 'Non renseigné.' : valeur}</p>
      </div>
    );

  const soumettre = async () => {
    setEnCours(true);
    setRetour(await enregistrer({ volet3: valeurs }));
    setEnCours(false);
  };

  return (
    <section aria-labelledby="titre-volet3" className="fr-mb-6w">
      <h3 id="titre-volet3">Volet 3 — note d'engagement et plan partagé d'actions</h3>
      <MessageEnregistrement retour={retour} />
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Note d'engagement (003 · annexe 3)</legend>
        {CHAMPS_NOTE.map((c) =>
          zone(`note-${c.cle}`, c.libelle, valeurs.note_engagement[c.cle], (v) =>
            setValeurs((avant) => ({ ...avant, note_engagement: { ...avant.note_engagement, [c.cle]: v } })),
          ),
        )}
      </fieldset>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Plan partagé d'actions en 5 volets (003 · annexe 3)</legend>
        {PARTIES_PLAN_PARTAGE.map((partie, i) =>
          zone(
            `plan-${partie.code}`,
            `${i + 1} — ${partie.libelle}`,
            valeurs.plan_partage[partie.code],
            (v) =>
              setValeurs((avant) => ({
                ...avant,
                plan_partage: { ...avant.plan_partage, [partie.code]: v },
              })),
          ),
        )}
      </fieldset>
      {modifiable && (
        <Button onClick={() => void soumettre()} disabled={enCours}>
          Enregistrer le volet 3
        </Button>
      )}
    </section>
  );
}
