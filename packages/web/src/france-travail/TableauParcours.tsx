import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { FranceTravail, FranceTravailModification } from '@jalon/schemas';
import { euros } from '../composants/format.ts';
import {
  COLONNES_PARCOURS,
  coutTotal,
  libelleColonne,
  ligneVide,
  lireParcours,
  versLigne,
  type LigneParcours,
} from './parcoursTypes.ts';
import { MessageEnregistrement, type Retour } from './Enregistrement.tsx';

interface Props {
  readonly parcours: FranceTravail['parcours_types'];
  readonly modifiable: boolean;
  readonly enregistrer: (modification: Omit<FranceTravailModification, 'version'>) => Promise<Retour>;
}

/** Volet 2 : tableau des parcours types (003 · annexe 4 § 2-a), saisi ligne par ligne. */
export function TableauParcours({ parcours, modifiable, enregistrer }: Props) {
  const [lignes, setLignes] = useState<LigneParcours[]>(() => parcours.map(versLigne));
  const [retour, setRetour] = useState<Retour>(null);
  const [enCours, setEnCours] = useState(false);

  const changer = (index: number, cle: keyof LigneParcours, valeur: string) =>
    setLignes((avant) => avant.map((l, i) => (i === index ? { ...l, [cle]: valeur } : l)));

  const soumettre = async () => {
    const lecture = lireParcours(lignes);
    if (!lecture.ok) {
      setRetour({
        severite: 'error',
        texte: `Parcours types non enregistrés : ${lecture.fautes
          .map((f) => `ligne ${f.ligne}, colonne « ${libelleColonne(f.colonne)} » : ${f.raison}`)
          .join(' ; ')}.`,
      });
      return;
    }
    setEnCours(true);
    setRetour(await enregistrer({ parcours_types: lecture.parcours }));
    setEnCours(false);
  };

  return (
    <section aria-labelledby="titre-parcours" className="fr-mb-6w">
      <h3 id="titre-parcours">Volet 2 — parcours types</h3>
      <p className="fr-text--sm">
        Pour chaque parcours type : nom, durée, contenu de l'offre de services, modalités de déploiement,
        public cible, coût unitaire et nombre de places financées (003 · annexe 4 § 2-a).
      </p>
      <MessageEnregistrement retour={retour} />
      <div className="fr-table jalon-parcours">
        {/* Tableau défilant (DSFR : overflow auto) : atteignable au clavier (RGAA 7.3, axe scrollable-region-focusable). */}
        <table tabIndex={0}>
          <caption>Parcours types du volet 2</caption>
          <thead>
            <tr>
              <th scope="col">N°</th>
              {COLONNES_PARCOURS.map((c) => (
                <th key={c.cle} scope="col">
                  {c.libelle}
                </th>
              ))}
              <th scope="col">Coût prévu (€)</th>
              {modifiable && (
                <th scope="col">
                  <span className="fr-sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {lignes.length === 0 && (
              <tr>
                <td colSpan={COLONNES_PARCOURS.length + (modifiable ? 3 : 2)}>Aucun parcours type saisi.</td>
              </tr>
            )}
            {lignes.map((ligne, i) => {
              const lu = lireParcours([ligne]);
              const premier = lu.ok ? lu.parcours[0] : undefined;
              const total = premier === undefined ? null : coutTotal(premier);
              return (
                <tr key={i}>
                  <th scope="row">{i + 1}</th>
                  {COLONNES_PARCOURS.map((c) => (
                    <td
                      key={c.cle}
                      className={
                        c.cle === 'cout_unitaire' || c.cle === 'places_financees'
                          ? 'jalon-parcours__nombre'
                          : undefined
                      }
                    >
                      {modifiable ? (
                        <input
                          className="fr-input"
                          aria-label={`${c.libelle}, parcours ${i + 1}`}
                          value={ligne[c.cle]}
                          {...(c.cle === 'cout_unitaire' || c.cle === 'places_financees'
                            ? { inputMode: 'decimal' as const }
                            : {})}
                          onChange={(e) => changer(i, c.cle, e.target.value)}
                        />
                      ) : c.cle === 'cout_unitaire' && premier?.cout_unitaire != null ? (
                        euros(premier.cout_unitaire)
                      ) : (
                        ligne[c.cle]
                      )}
                    </td>
                  ))}
                  <td className="jalon-nombre">{total === null ? '—' : euros(total)}</td>
                  {modifiable && (
                    <td>
                      <Button
                        priority="tertiary"
                        size="small"
                        iconId="fr-icon-delete-line"
                        onClick={() => setLignes((avant) => avant.filter((_, j) => j !== i))}
                      >
                        Retirer le parcours {i + 1}
                      </Button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {modifiable && (
        <div className="fr-btns-group fr-btns-group--inline-md">
          <Button priority="secondary" onClick={() => setLignes((avant) => [...avant, ligneVide()])}>
            Ajouter un parcours type
          </Button>
          <Button onClick={() => void soumettre()} disabled={enCours}>
            Enregistrer les parcours types
          </Button>
        </div>
      )}
    </section>
  );
}
