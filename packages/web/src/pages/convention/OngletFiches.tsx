import { useState, type FormEvent } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { CADRES, trouverMesure } from '@jalon/referentiels';
import { NATURES_DEPENSE } from '@jalon/domaine';
import { conventionDetailSchema, type ConventionDetail, type FicheAction } from '@jalon/schemas';
import { appeler } from '../../api/client.ts';
import { ROUTES } from '../../api/routes.ts';
import { euros } from '../../composants/format.ts';
import { lireSaisieMontant, texteEdition } from '../../grille/nombres.ts';
import { CHAMPS_TEXTE, type CleChampTexte } from './champsFiche.ts';
import { ServicesFinances } from '../../offre/ServicesFinances.tsx';

interface Props {
  readonly detail: ConventionDetail;
  readonly onDetail: (detail: ConventionDetail) => void;
}

type Formulaire = Record<
  | CleChampTexte
  | 'numero'
  | 'intitule'
  | 'mesure'
  | 'code_chorus'
  | 'volet'
  | 'nature_depense'
  | 'montant_fapi'
  | 'justification',
  string
> & {
  financee_fapi: boolean;
  validee_par_commissaire: boolean;
};

const vide = (): Formulaire => ({
  ...(Object.fromEntries(CHAMPS_TEXTE.map((c) => [c.cle, ''])) as Record<CleChampTexte, string>),
  numero: '',
  intitule: '',
  mesure: '',
  code_chorus: '',
  volet: '',
  nature_depense: '',
  montant_fapi: '',
  justification: '',
  financee_fapi: false,
  validee_par_commissaire: false,
});

const depuisFiche = (fiche: FicheAction): Formulaire => ({
  ...(Object.fromEntries(CHAMPS_TEXTE.map((c) => [c.cle, fiche[c.cle]])) as Record<CleChampTexte, string>),
  numero: fiche.numero,
  intitule: fiche.intitule,
  mesure: fiche.mesure,
  code_chorus: fiche.code_chorus ?? '',
  volet: fiche.volet === null ? '' : String(fiche.volet),
  nature_depense: fiche.nature_depense ?? '',
  montant_fapi: fiche.montant_fapi === null ? '' : texteEdition(fiche.montant_fapi),
  justification: fiche.justification,
  financee_fapi: fiche.financee_fapi ?? false,
  validee_par_commissaire: fiche.validee_par_commissaire,
});

export function OngletFiches({ detail, onDetail }: Props) {
  const cadre = CADRES[detail.convention.cadre];
  const [edition, setEdition] = useState<{ ficheId: number | null; valeurs: Formulaire } | null>(null);
  const [erreurs, setErreurs] = useState<Partial<Record<keyof Formulaire | 'serveur', string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const modifiable = detail.droits.modifier;
  const fiches = [...detail.fiches_actions].sort((a, b) => a.rang - b.rang);

  const champ = (cle: keyof Formulaire, valeur: string | boolean) =>
    setEdition((e) => (e === null ? e : { ...e, valeurs: { ...e.valeurs, [cle]: valeur } }));

  const soumettre = async (evenement: FormEvent) => {
    evenement.preventDefault();
    if (edition === null) return;
    const v = edition.valeurs;
    const nouvelles: typeof erreurs = {};
    if (v.numero.trim() === '') nouvelles.numero = 'Le numéro de la fiche est obligatoire.';
    if (v.intitule.trim() === '') nouvelles.intitule = "L'intitulé est obligatoire.";
    if (v.mesure === '') nouvelles.mesure = 'Choisissez la mesure (ou le type d’action) du cadre.';
    if (cadre.famille === 'france_travail' && v.volet === '')
      nouvelles.volet = 'Choisissez le volet (1, 2 ou 3).';
    const fapi = v.montant_fapi.trim() === '' ? null : lireSaisieMontant(v.montant_fapi);
    if (fapi !== null && !fapi.ok) nouvelles.montant_fapi = `Montant illisible : ${fapi.raison}.`;
    setErreurs(nouvelles);
    if (Object.keys(nouvelles).length > 0) return;
    const corps = {
      version: detail.convention.version,
      ...Object.fromEntries(CHAMPS_TEXTE.map((c) => [c.cle, v[c.cle]])),
      numero: v.numero.trim(),
      intitule: v.intitule.trim(),
      mesure: v.mesure,
      code_chorus: v.code_chorus.trim() === '' ? null : v.code_chorus.replace(/\s/g, ''),
      volet: v.volet === '' ? null : Number(v.volet),
      nature_depense: v.nature_depense === '' ? null : v.nature_depense,
      financee_fapi: v.financee_fapi,
      montant_fapi: fapi?.ok === true ? fapi.centimes : null,
      justification: v.justification,
      validee_par_commissaire: v.validee_par_commissaire,
    };
    try {
      const nouveau =
        edition.ficheId === null
          ? await appeler('POST', ROUTES.fiches(detail.convention.id), conventionDetailSchema, corps)
          : await appeler(
              'PATCH',
              ROUTES.fiche(detail.convention.id, edition.ficheId),
              conventionDetailSchema,
              corps,
            );
      onDetail(nouveau);
      setMessage(`Fiche action ${corps.numero} enregistrée.`);
      setEdition(null);
    } catch (erreur) {
      setErreurs({ serveur: erreur instanceof Error ? erreur.message : String(erreur) });
    }
  };

  return (
    <section aria-labelledby="titre-fiches">
      <h2 id="titre-fiches">Fiches actions</h2>
      <div role="status">{message !== null && <p className="fr-text--sm">{message}</p>}</div>
      <div className="fr-table">
        {/* Tableau défilant (DSFR : overflow auto) : atteignable au clavier (RGAA 7.3, axe scrollable-region-focusable). */}
        <table tabIndex={0}>
          <caption>Fiches actions de la convention</caption>
          <thead>
            <tr>
              <th scope="col">N°</th>
              <th scope="col">Intitulé</th>
              <th scope="col">{cadre.famille === 'calpae' ? 'Mesure' : 'Volet et type d’action'}</th>
              <th scope="col">Crédits État (A)</th>
              <th scope="col">Crédits CD (C)</th>
              {modifiable && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {fiches.map((fiche) => (
              <tr key={fiche.id}>
                <td>{fiche.numero}</td>
                <td>{fiche.intitule}</td>
                <td>
                  {fiche.volet !== null && `Volet ${fiche.volet} — `}
                  {trouverMesure(cadre, fiche.mesure)?.libelle ??
                    `mesure inconnue du cadre (« ${fiche.mesure} »)`}
                </td>
                <td className="jalon-nombre">{euros(fiche.previsionnel.etat)}</td>
                <td className="jalon-nombre">{euros(fiche.previsionnel.cd)}</td>
                {modifiable && (
                  <td>
                    <Button
                      size="small"
                      priority="secondary"
                      onClick={() => {
                        setErreurs({});
                        setEdition({ ficheId: fiche.id, valeurs: depuisFiche(fiche) });
                      }}
                    >
                      Modifier<span className="fr-sr-only"> la fiche {fiche.numero}</span>
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {modifiable && edition === null && (
        <Button iconId="fr-icon-add-line" onClick={() => setEdition({ ficheId: null, valeurs: vide() })}>
          Ajouter une fiche action
        </Button>
      )}
      {edition !== null && (
        <form
          onSubmit={(e) => void soumettre(e)}
          noValidate
          className="fr-mt-4w"
          aria-labelledby="titre-formulaire-fiche"
        >
          <h3 id="titre-formulaire-fiche">
            {edition.ficheId === null ? 'Nouvelle fiche action' : `Fiche action ${edition.valeurs.numero}`}
          </h3>
          {erreurs.serveur !== undefined && (
            <Alert
              severity="error"
              title="Enregistrement impossible"
              description={erreurs.serveur}
              className="fr-mb-2w"
            />
          )}
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-3">
              <Input
                label="Fiche action N°"
                state={erreurs.numero === undefined ? 'default' : 'error'}
                stateRelatedMessage={erreurs.numero}
                nativeInputProps={{
                  value: edition.valeurs.numero,
                  onChange: (e) => champ('numero', e.target.value),
                }}
              />
            </div>
            <div className="fr-col-12 fr-col-md-9">
              <Input
                label="Intitulé de l'action"
                state={erreurs.intitule === undefined ? 'default' : 'error'}
                stateRelatedMessage={erreurs.intitule}
                nativeInputProps={{
                  value: edition.valeurs.intitule,
                  onChange: (e) => champ('intitule', e.target.value),
                }}
              />
            </div>
            {cadre.famille === 'france_travail' && (
              <div className="fr-col-12 fr-col-md-3">
                <Select
                  label="Volet"
                  state={erreurs.volet === undefined ? 'default' : 'error'}
                  stateRelatedMessage={erreurs.volet}
                  nativeSelectProps={{
                    value: edition.valeurs.volet,
                    onChange: (e) => champ('volet', e.target.value),
                  }}
                >
                  <option value="">Choisir</option>
                  <option value="1">Volet 1</option>
                  <option value="2">Volet 2</option>
                  <option value="3">Volet 3</option>
                </Select>
              </div>
            )}
            <div className="fr-col-12 fr-col-md-6">
              <Select
                label={cadre.famille === 'calpae' ? 'Mesure' : "Type d'action"}
                state={erreurs.mesure === undefined ? 'default' : 'error'}
                stateRelatedMessage={erreurs.mesure}
                nativeSelectProps={{
                  value: edition.valeurs.mesure,
                  onChange: (e) => champ('mesure', e.target.value),
                }}
              >
                <option value="">Choisir</option>
                {cadre.mesures
                  .filter(
                    (m) =>
                      edition.valeurs.volet === '' ||
                      m.volets === undefined ||
                      m.volets.includes(Number(edition.valeurs.volet) as 1 | 2 | 3),
                  )
                  .map((mesure) => (
                    <option key={mesure.code} value={mesure.code}>
                      {mesure.libelle}
                    </option>
                  ))}
              </Select>
            </div>
            <div className="fr-col-12 fr-col-md-3">
              <Input
                label="Code Chorus"
                hintText="12 chiffres (001 · annexe 10)"
                nativeInputProps={{
                  value: edition.valeurs.code_chorus,
                  onChange: (e) => champ('code_chorus', e.target.value),
                }}
              />
            </div>
            {cadre.famille === 'france_travail' && (
              <div className="fr-col-12 fr-col-md-6">
                <Select
                  label="Nature de la dépense"
                  hint="003 · annexe 7 art. 4.2"
                  nativeSelectProps={{
                    value: edition.valeurs.nature_depense,
                    onChange: (e) => champ('nature_depense', e.target.value),
                  }}
                >
                  <option value="">Non renseignée</option>
                  {NATURES_DEPENSE.map((nature) => (
                    <option key={nature} value={nature}>
                      {nature.replaceAll('_', ' ')}
                    </option>
                  ))}
                </Select>
              </div>
            )}
          </div>
          {CHAMPS_TEXTE.map((c) => (
            <Input
              key={c.cle}
              label={c.libelle}
              hintText={c.source}
              {...(c.long
                ? {
                    textArea: true as const,
                    nativeTextAreaProps: {
                      value: edition.valeurs[c.cle],
                      onChange: (e) => champ(c.cle, e.target.value),
                      rows: 3,
                    },
                  }
                : {
                    nativeInputProps: {
                      value: edition.valeurs[c.cle],
                      onChange: (e) => champ(c.cle, e.target.value),
                    },
                  })}
            />
          ))}
          <Checkbox
            legend="Financement FAPI (001 · annexe 7, annexes A et B)"
            options={[
              {
                label: 'Action déjà financée au titre du FAPI',
                nativeInputProps: {
                  checked: edition.valeurs.financee_fapi,
                  onChange: (e) => champ('financee_fapi', e.target.checked),
                },
              },
            ]}
          />
          {edition.valeurs.financee_fapi && (
            <Input
              label="Montant FAPI (€)"
              state={erreurs.montant_fapi === undefined ? 'default' : 'error'}
              stateRelatedMessage={erreurs.montant_fapi}
              nativeInputProps={{
                value: edition.valeurs.montant_fapi,
                inputMode: 'decimal',
                onChange: (e) => champ('montant_fapi', e.target.value),
              }}
            />
          )}
          <Input
            label="Justification (valorisation, action sans dépense l'exercice précédent)"
            hintText="001 · annexe 4"
            textArea
            nativeTextAreaProps={{
              value: edition.valeurs.justification,
              onChange: (e) => champ('justification', e.target.value),
              rows: 2,
            }}
          />
          <Checkbox
            legend="Validation"
            options={[
              {
                label:
                  'Validée par le commissaire (action sans dépense l’exercice précédent, 001 · annexe 4)',
                nativeInputProps: {
                  checked: edition.valeurs.validee_par_commissaire,
                  onChange: (e) => champ('validee_par_commissaire', e.target.checked),
                },
              },
            ]}
          />
          <div className="fr-btns-group fr-btns-group--inline-md">
            <Button type="submit">Enregistrer la fiche</Button>
            <Button type="button" priority="secondary" onClick={() => setEdition(null)}>
              Annuler
            </Button>
          </div>
        </form>
      )}
      <ServicesFinances detail={detail} />
    </section>
  );
}
