import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { AXES_COOPERATION, type FranceTravail, type FranceTravailModification } from '@jalon/schemas';
import { MessageEnregistrement, type Retour } from './Enregistrement.tsx';

interface Props {
  readonly cooperation: FranceTravail['cooperation'];
  readonly modifiable: boolean;
  readonly enregistrer: (modification: Omit<FranceTravailModification, 'version'>) => Promise<Retour>;
}

const libelleAxe = (code: string): string =>
  AXES_COOPERATION.find((a) => a.code === code)?.libelle ?? `Axe ${code}`;

/** Annexe de coopération France Travail / département (003 · annexe 7, annexe 5), en liste à cocher. */
export function ListeCooperation({ cooperation, modifiable, enregistrer }: Props) {
  const [axes, setAxes] = useState(cooperation);
  const [retour, setRetour] = useState<Retour>(null);
  const [enCours, setEnCours] = useState(false);
  const changer = (index: number, modif: Partial<(typeof axes)[number]>) =>
    setAxes((avant) => avant.map((a, i) => (i === index ? { ...a, ...modif } : a)));

  const soumettre = async () => {
    setEnCours(true);
    setRetour(await enregistrer({ cooperation: axes }));
    setEnCours(false);
  };
  const retenus = axes.filter((a) => a.retenu).length;

  return (
    <section aria-labelledby="titre-cooperation" className="fr-mb-6w">
      <h3 id="titre-cooperation">Annexe de coopération avec France Travail</h3>
      <p className="fr-text--sm">
        {retenus} axe{retenus > 1 ? 's' : ''} retenu{retenus > 1 ? 's' : ''} sur {axes.length} (003 · annexe
        7, annexe 5).
      </p>
      <MessageEnregistrement retour={retour} />
      {modifiable ? (
        <>
          {axes.map((axe, i) => (
            <div key={axe.axe} className="fr-mb-3w">
              <Checkbox
                options={[
                  {
                    label: `${axe.axe} — ${libelleAxe(axe.axe)}`,
                    nativeInputProps: {
                      checked: axe.retenu,
                      onChange: (e) => changer(i, { retenu: e.target.checked }),
                    },
                  },
                ]}
                small
              />
              <Input
                label={`Commentaire, axe ${axe.axe}`}
                nativeInputProps={{
                  value: axe.commentaire,
                  onChange: (e) => changer(i, { commentaire: e.target.value }),
                }}
              />
            </div>
          ))}
          <Button onClick={() => void soumettre()} disabled={enCours}>
            Enregistrer la coopération
          </Button>
        </>
      ) : (
        <ul>
          {axes.map((axe) => (
            <li key={axe.axe}>
              {axe.retenu ? 'Retenu' : 'Non retenu'} — {axe.axe} {libelleAxe(axe.axe)}
              {axe.commentaire === '' ? '' : ` (${axe.commentaire})`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
