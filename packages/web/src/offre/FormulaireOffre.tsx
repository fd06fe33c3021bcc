import { useState, type FormEvent } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { CATEGORIES_THEMATIQUES, type Referentiel } from '@jalon/offre';
import type { ObjetDataInclusion, StructureOffre } from '@jalon/schemas';
import { ErreurApi } from '../api/client.ts';
import { enregistrer, type ModeleOffre } from './api.ts';
import { champsDuFormulaire, type ChampFormulaire } from './champs.ts';

type Valeurs = Record<string, string | string[]>;

interface Props {
  readonly collectivite: string;
  readonly modele: ModeleOffre;
  /** L'objet modifié (id interne et données), ou `null` pour une création. */
  readonly objet: { id: number; donnees: ObjetDataInclusion } | null;
  readonly structures: readonly StructureOffre[];
  readonly onEnregistre: (message: string) => void;
  readonly onAnnuler: () => void;
}

function valeursDe(modele: ModeleOffre, donnees: ObjetDataInclusion | undefined): Valeurs {
  const v: Valeurs = {};
  for (const c of champsDuFormulaire(modele)) {
    const d = donnees?.[c.colonne.nom];
    if (c.colonne.genre === 'liste')
      v[c.colonne.nom] =
        c.referentiel === undefined
          ? Array.isArray(d)
            ? d.join(', ')
            : ''
          : Array.isArray(d)
            ? d.map(String)
            : [];
    else v[c.colonne.nom] = d === null || d === undefined ? '' : String(d);
  }
  v.structure_id = typeof donnees?.structure_id === 'string' ? donnees.structure_id : '';
  return v;
}

/** Valeurs saisies → objet data·inclusion (vide = absent ; listes libres séparées par des virgules). */
function objetDe(modele: ModeleOffre, v: Valeurs, base: ObjetDataInclusion | undefined): ObjetDataInclusion {
  const o: ObjetDataInclusion = {};
  if (base !== undefined)
    for (const cle of ['source', 'id', 'lien_source', 'latitude', 'longitude'])
      if (base[cle] !== undefined) o[cle] = base[cle];
  if (modele === 'service') o.structure_id = v.structure_id ?? '';
  for (const c of champsDuFormulaire(modele)) {
    const x = v[c.colonne.nom];
    if (Array.isArray(x)) {
      if (x.length > 0) o[c.colonne.nom] = x;
    } else if (x !== undefined && x.trim() !== '') {
      const t = x.trim();
      if (c.colonne.genre === 'liste')
        o[c.colonne.nom] = t
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
      else if (c.colonne.genre === 'nombre' || c.colonne.genre === 'entier')
        o[c.colonne.nom] = Number(t.replace(',', '.'));
      else o[c.colonne.nom] = t;
    }
  }
  return o;
}

/**
 * Formulaire DSFR d'une structure ou d'un service au schéma data·inclusion : champs et valeurs des référentiels
 * lus comme données (`@jalon/offre`) ; la validation est celle du serveur (schéma officiel par Ajv et règles hors
 * schéma), ses messages français sont affichés sous chaque champ.
 */
export function FormulaireOffre({ collectivite, modele, objet, structures, onEnregistre, onAnnuler }: Props) {
  const [valeurs, setValeurs] = useState<Valeurs>(() => valeursDe(modele, objet?.donnees));
  const [erreurs, setErreurs] = useState<Record<string, string>>({});
  const [erreurGlobale, setErreurGlobale] = useState<string | null>(null);
  const [envoi, setEnvoi] = useState(false);
  const champs = champsDuFormulaire(modele);
  const titre =
    `${objet === null ? 'Nouveau' : 'Modifier le'} ${modele === 'service' ? 'service' : 'structure'}`
      .replace('Nouveau structure', 'Nouvelle structure')
      .replace('Modifier le structure', 'Modifier la structure');

  const changer = (nom: string, valeur: string | string[]) => setValeurs((v) => ({ ...v, [nom]: valeur }));

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    setEnvoi(true);
    setErreurs({});
    setErreurGlobale(null);
    try {
      const r = await enregistrer(
        collectivite,
        modele,
        objet?.id ?? null,
        objetDe(modele, valeurs, objet?.donnees),
      );
      onEnregistre(
        `${modele === 'service' ? 'Service' : 'Structure'} « ${String(r.donnees.nom)} » enregistré${modele === 'structure' ? 'e' : ''}${r.score === null ? '' : ` (score de qualité ${Math.round(r.score * 100)} %)`}.`,
      );
    } catch (erreur) {
      if (erreur instanceof ErreurApi) {
        setErreurGlobale(erreur.message);
        const constats = (erreur.details as { constats?: { champ: string; message: string }[] } | undefined)
          ?.constats;
        if (Array.isArray(constats)) {
          const parChamp: Record<string, string> = {};
          for (const c of constats)
            parChamp[c.champ] =
              parChamp[c.champ] === undefined ? c.message : `${parChamp[c.champ]} ; ${c.message}`;
          setErreurs(parChamp);
        }
      } else setErreurGlobale(String(erreur));
    } finally {
      setEnvoi(false);
    }
  };

  return (
    <form
      onSubmit={(e) => void soumettre(e)}
      noValidate
      aria-labelledby="titre-formulaire-offre"
      className="fr-mt-4w"
    >
      <h2 id="titre-formulaire-offre" className="fr-h4">
        {titre}
      </h2>
      <p className="fr-text--sm">
        Champs du schéma data·inclusion v1. Les champs marqués d’un astérisque sont obligatoires ;
        l’identifiant et la date de mise à jour sont posés à l’enregistrement.
      </p>
      {erreurGlobale !== null && (
        <Alert
          severity="error"
          title="Enregistrement refusé"
          description={erreurGlobale}
          className="fr-mb-2w"
        />
      )}
      {modele === 'service' && (
        <Select
          label="Structure *"
          state={erreurs.structure_id === undefined ? 'default' : 'error'}
          stateRelatedMessage={erreurs.structure_id}
          nativeSelectProps={{
            value: typeof valeurs.structure_id === 'string' ? valeurs.structure_id : '',
            onChange: (e) => changer('structure_id', e.target.value),
            required: true,
          }}
        >
          <option value="">Choisir la structure qui porte le service</option>
          {structures.map((s) => (
            <option key={s.id} value={s.id_publie}>
              {String(s.donnees.nom)}
            </option>
          ))}
        </Select>
      )}
      {champs.map((c) => (
        <Champ
          key={c.colonne.nom}
          champ={c}
          valeur={valeurs[c.colonne.nom] ?? ''}
          erreur={erreurs[c.colonne.nom]}
          onChange={changer}
        />
      ))}
      <div className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
        <Button type="submit" disabled={envoi}>
          Enregistrer
        </Button>
        <Button type="button" priority="secondary" onClick={onAnnuler}>
          Annuler
        </Button>
      </div>
    </form>
  );
}

function Champ(props: {
  readonly champ: ChampFormulaire;
  readonly valeur: string | string[];
  readonly erreur: string | undefined;
  readonly onChange: (nom: string, valeur: string | string[]) => void;
}) {
  const { champ, valeur, erreur, onChange } = props;
  const { colonne, referentiel } = champ;
  const libelle = `${champ.libelle}${colonne.obligatoire ? ' *' : ''}`;
  const etat = erreur === undefined ? ('default' as const) : ('error' as const);
  if (referentiel !== undefined && colonne.genre === 'liste') {
    return (
      <CasesReferentiel
        nom={colonne.nom}
        libelle={libelle}
        referentiel={referentiel}
        choisies={Array.isArray(valeur) ? valeur : []}
        erreur={erreur}
        onChange={(v) => onChange(colonne.nom, v)}
      />
    );
  }
  if (referentiel !== undefined) {
    return (
      <Select
        label={libelle}
        state={etat}
        stateRelatedMessage={erreur}
        nativeSelectProps={{ value: String(valeur), onChange: (e) => onChange(colonne.nom, e.target.value) }}
      >
        <option value="">Non renseigné</option>
        {referentiel.entrees.map((e) => (
          <option key={e.value} value={e.value}>
            {e.label}
          </option>
        ))}
      </Select>
    );
  }
  if (colonne.nom === 'description') {
    return (
      <Input
        label={libelle}
        state={etat}
        stateRelatedMessage={erreur}
        textArea
        nativeTextAreaProps={{
          value: String(valeur),
          onChange: (e) => onChange(colonne.nom, e.target.value),
          rows: 4,
          required: colonne.obligatoire,
        }}
      />
    );
  }
  const nombre = colonne.genre === 'nombre' || colonne.genre === 'entier';
  return (
    <Input
      label={libelle}
      state={etat}
      stateRelatedMessage={erreur}
      nativeInputProps={{
        value: String(valeur),
        onChange: (e) => onChange(colonne.nom, e.target.value),
        ...(nombre ? { inputMode: 'decimal' as const } : {}),
        ...(colonne.obligatoire ? { required: true } : {}),
      }}
    />
  );
}

/** Cases à cocher d'un référentiel ; les thématiques sont groupées par catégorie (derived · catégories). */
function CasesReferentiel(props: {
  readonly nom: string;
  readonly libelle: string;
  readonly referentiel: Referentiel;
  readonly choisies: readonly string[];
  readonly erreur: string | undefined;
  readonly onChange: (v: string[]) => void;
}) {
  const { nom, libelle, referentiel, choisies, erreur, onChange } = props;
  const basculer = (v: string) =>
    onChange(choisies.includes(v) ? choisies.filter((x) => x !== v) : [...choisies, v]);
  const groupes =
    nom === 'thematiques'
      ? CATEGORIES_THEMATIQUES.liste.map((c) => ({
          titre: c.label,
          entrees: referentiel.entrees.filter((e) => c.thematiques.includes(e.value)),
        }))
      : [{ titre: undefined, entrees: referentiel.entrees }];
  return (
    <fieldset
      className={`fr-fieldset${erreur === undefined ? '' : ' fr-fieldset--error'}`}
      aria-labelledby={`legende-${nom}`}
    >
      <legend id={`legende-${nom}`} className="fr-fieldset__legend">
        {libelle}
        {choisies.length > 0 && <span className="fr-hint-text">{choisies.length} choisie(s)</span>}
      </legend>
      {groupes.map((g) => {
        const cases = g.entrees.map((e) => (
          <div key={e.value} className="fr-checkbox-group fr-checkbox-group--sm fr-fieldset__element">
            <input
              type="checkbox"
              id={`${nom}-${e.value}`}
              checked={choisies.includes(e.value)}
              onChange={() => basculer(e.value)}
            />
            <label className="fr-label" htmlFor={`${nom}-${e.value}`}>
              {e.label}
            </label>
          </div>
        ));
        if (g.titre === undefined) return cases;
        const n = g.entrees.filter((e) => choisies.includes(e.value)).length;
        return (
          <details key={g.titre} className="fr-fieldset__element" open={n > 0}>
            <summary>
              {g.titre}
              {n > 0 ? ` (${n})` : ''}
            </summary>
            {cases}
          </details>
        );
      })}
      {erreur !== undefined && (
        <div className="fr-messages-group" aria-live="polite">
          <p className="fr-message fr-message--error">{erreur}</p>
        </div>
      )}
    </fieldset>
  );
}
