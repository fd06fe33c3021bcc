import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { REGIONS } from '@jalon/referentiels';
import { simulationSchema, type EnveloppeApi, type SimulationApi } from '@jalon/schemas';
import { appeler } from '../api/client.ts';
import { euros } from '../composants/format.ts';
import { lireSaisieMontant } from '../grille/nombres.ts';

interface LigneProjet {
  readonly cle: number;
  libelle: string;
  montant: string;
}

/** Projets régionaux saisis → corps de la demande, ou les fautes de saisie en français (ligne, raison). */
export function lireProjets(lignes: readonly { libelle: string; montant: string }[]): {
  projets: { libelle: string; montant: number }[];
  erreurs: string[];
} {
  const projets: { libelle: string; montant: number }[] = [];
  const erreurs: string[] = [];
  lignes.forEach((l, i) => {
    const libelle = l.libelle.trim();
    if (libelle === '' && l.montant.trim() === '') return; // ligne laissée vide : ignorée
    const lu = lireSaisieMontant(l.montant);
    if (libelle === '') erreurs.push(`Projet ${i + 1} : libellé obligatoire.`);
    if (!lu.ok) erreurs.push(`Projet ${i + 1} : ${lu.raison}.`);
    else if (libelle !== '') projets.push({ libelle, montant: lu.centimes });
  });
  return { projets, erreurs };
}

/**
 * Simulation des réfactions d'une région (001 · annexe 4 § 2) : montants attribués, part maintenue en région
 * (≥ 80 % des réfactions) et projets régionaux que le commissaire y finance. Rien n'est enregistré. Le
 * commissaire simule sa région ; le national choisit la région.
 */
export function SectionSimulation({
  enveloppe,
  chemin,
  regionDuCompte,
  national,
}: {
  readonly enveloppe: EnveloppeApi;
  readonly chemin: string;
  readonly regionDuCompte: string | undefined;
  readonly national: boolean;
}) {
  const regionsNotifiees = [
    ...new Set(enveloppe.notifications.flatMap((n) => (n.region === null ? [] : [n.region]))),
  ].sort();
  const [regionChoisie, setRegionChoisie] = useState(regionsNotifiees[0] ?? '');
  const region = national ? regionChoisie : regionDuCompte;
  const [attribues, setAttribues] = useState<Record<string, string>>({});
  const [projets, setProjets] = useState<LigneProjet[]>([]);
  const [prochaineCle, setProchaineCle] = useState(1);
  const [simulation, setSimulation] = useState<SimulationApi | null>(null);
  const [fautes, setFautes] = useState<string[]>([]);

  if (region === undefined) return null;
  const dansRegion = enveloppe.notifications.filter((n) => n.region === region);

  const ajouterProjet = () => {
    setProjets([...projets, { cle: prochaineCle, libelle: '', montant: '' }]);
    setProchaineCle(prochaineCle + 1);
  };
  const modifierProjet = (cle: number, champ: 'libelle' | 'montant', valeur: string) =>
    setProjets(projets.map((p) => (p.cle === cle ? { ...p, [champ]: valeur } : p)));

  const simuler = async () => {
    const erreurs: string[] = [];
    const lignes = [];
    for (const n of dansRegion) {
      const lu = lireSaisieMontant(attribues[n.collectivite_id] ?? '0');
      if (!lu.ok) erreurs.push(`${n.nom} : ${lu.raison}.`);
      else lignes.push({ collectivite_id: n.collectivite_id, attribue: lu.centimes });
    }
    const lus = lireProjets(projets);
    erreurs.push(...lus.erreurs);
    if (erreurs.length > 0) {
      setFautes(erreurs);
      setSimulation(null);
      return;
    }
    try {
      setSimulation(
        await appeler('POST', `${chemin}/regions/${region}/simulation`, simulationSchema, {
          lignes,
          projets: lus.projets,
        }),
      );
      setFautes([]);
    } catch (err) {
      setFautes([err instanceof Error ? err.message : String(err)]);
      setSimulation(null);
    }
  };

  return (
    <section className="fr-mt-6w" aria-labelledby="titre-simulation">
      <h2 id="titre-simulation">Simuler les réfactions de la région</h2>
      {national && (
        <Select
          label="Région"
          nativeSelectProps={{
            value: regionChoisie,
            onChange: (ev) => {
              setRegionChoisie(ev.target.value);
              setSimulation(null);
            },
          }}
        >
          {regionsNotifiees.map((r) => (
            <option key={r} value={r}>
              {`${REGIONS.find((x) => x.code === r)?.nom ?? 'Région'} (${r})`}
            </option>
          ))}
        </Select>
      )}
      {dansRegion.length === 0 ? (
        <p>Aucune collectivité de la région n’a de montant notifié pour ce cadre et cet exercice.</p>
      ) : (
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            void simuler();
          }}
        >
          {dansRegion.map((n) => (
            <Input
              key={n.collectivite_id}
              label={`Montant attribué à ${n.nom} (€) — notifié ${euros(n.montant)}`}
              nativeInputProps={{
                value: attribues[n.collectivite_id] ?? '',
                inputMode: 'decimal',
                onChange: (ev) => setAttribues({ ...attribues, [n.collectivite_id]: ev.target.value }),
              }}
            />
          ))}
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">
              Projets régionaux financés sur les crédits maintenus en région (001 · annexe 4 § 2)
            </legend>
            {projets.length === 0 && <p className="fr-fieldset__element">Aucun projet saisi.</p>}
            {projets.map((p, i) => (
              <div key={p.cle} className="fr-fieldset__element fr-grid-row fr-grid-row--gutters">
                <div className="fr-col-12 fr-col-md-5">
                  <Input
                    label={`Projet ${i + 1} : libellé`}
                    nativeInputProps={{
                      value: p.libelle,
                      onChange: (ev) => modifierProjet(p.cle, 'libelle', ev.target.value),
                    }}
                  />
                </div>
                <div className="fr-col-12 fr-col-md-4">
                  <Input
                    label={`Projet ${i + 1} : montant (€)`}
                    nativeInputProps={{
                      value: p.montant,
                      inputMode: 'decimal',
                      onChange: (ev) => modifierProjet(p.cle, 'montant', ev.target.value),
                    }}
                  />
                </div>
                <div className="fr-col-12 fr-col-md-3 fr-mt-md-4w">
                  <Button
                    type="button"
                    priority="tertiary"
                    onClick={() => setProjets(projets.filter((x) => x.cle !== p.cle))}
                  >
                    {`Retirer le projet ${i + 1}`}
                  </Button>
                </div>
              </div>
            ))}
            <div className="fr-fieldset__element">
              <Button type="button" priority="secondary" onClick={ajouterProjet}>
                Ajouter un projet régional
              </Button>
            </div>
          </fieldset>
          {fautes.length > 0 && (
            <div className="fr-mb-2w">
              <Alert
                severity="error"
                small
                description={
                  <ul>
                    {fautes.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                }
              />
            </div>
          )}
          <Button type="submit">Simuler</Button>
        </form>
      )}
      {simulation !== null && (
        <div role="status" data-testid="resultat-simulation">
          <p>
            Réfactions : {euros(simulation.total_refactions)} ; au moins {euros(simulation.retenue_minimale)}{' '}
            maintenus en région (80 %, 001 · annexe 4 § 2) ; au plus {euros(simulation.remonte_au_plus)} hors
            de la région.
          </p>
          <p>
            Projets régionaux engagés : <strong>{euros(simulation.projets_engages)}</strong> ; reste à
            réallouer en région : <strong>{euros(simulation.reste_a_reallouer)}</strong>.
          </p>
          {simulation.erreurs.map((x) => (
            <Alert key={x} severity="error" small description={x} />
          ))}
        </div>
      )}
    </section>
  );
}
