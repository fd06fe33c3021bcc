import { useId, useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import {
  apercuProfilSchema,
  profilEnregistreSchema,
  type ApercuProfilDto,
  type ListeProfils,
  type ProfilEnregistre,
} from '@jalon/schemas';
import { z } from 'zod';
import { appeler, ErreurApi } from '../api/client.ts';
import { envoyerFormulaire } from './envoi.ts';
import { LignesEnCause } from './LignesEnCause.tsx';
import { ROUTES_DONNEES } from './routes.ts';

/** Point de départ d'un profil (docs/donnees-reelles.md § 2) : à adapter aux colonnes de l'export. */
const MODELE = {
  format: 'jalon.profil/1',
  nom: 'Export du logiciel',
  cible: 'evenements',
  identifiant: { colonne: 'N° individu', pseudonymiser: true },
  formatsDate: ['JJ/MM/AAAA'],
  regles: [
    {
      nom: 'rendez-vous',
      si: 'Date RDV',
      champs: {
        type: { valeur: 'rdv' },
        date: { colonne: 'Date RDV' },
        statut: {
          colonne: 'Présence',
          correspondances: { Venu: 'honore', 'Pas venu': 'absent', Annulé: 'annule' },
        },
        organisme: { valeur: 'departement' },
      },
    },
  ],
};

const texteDe = (p: unknown): string => JSON.stringify(p, null, 2);

/**
 * Constructeur de profil de correspondance : le profil (JSON `jalon.profil/1`, partant d'un modèle ou d'un profil
 * existant), un export d'essai, l'aperçu des premières lignes produites et des lignes rejetées (avec leur raison),
 * puis l'enregistrement pour la collectivité. Rien n'est écrit par l'aperçu.
 */
export function ConstructeurProfil({
  collectivite,
  liste,
  surModification,
}: {
  readonly collectivite: string;
  readonly liste: ListeProfils;
  readonly surModification: () => void;
}) {
  const id = useId();
  const [edite, setEdite] = useState<ProfilEnregistre | null>(null);
  const [nom, setNom] = useState(MODELE.nom);
  const [texte, setTexte] = useState(texteDe(MODELE));
  const [exemple, setExemple] = useState<File | null>(null);
  const [apercu, setApercu] = useState<ApercuProfilDto | null>(null);
  const [message, setMessage] = useState<{ severite: 'success' | 'error'; texte: string } | null>(null);
  const modifier = liste.droits.modifier;

  const profilLu = (): Record<string, unknown> | null => {
    try {
      const v = JSON.parse(texte) as unknown;
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // message ci-dessous
    }
    setMessage({ severite: 'error', texte: 'Le profil n’est pas un objet JSON valide.' });
    return null;
  };

  const charger = (p: ProfilEnregistre | null, modele: unknown = MODELE) => {
    setEdite(p);
    setNom(p?.nom ?? (modele as { nom?: string }).nom ?? 'Nouveau profil');
    setTexte(texteDe(p?.profil ?? modele));
    setApercu(null);
    setMessage(null);
  };

  const voirApercu = async () => {
    setMessage(null);
    const profil = profilLu();
    if (profil === null) return;
    if (exemple === null) {
      setMessage({ severite: 'error', texte: 'Choisissez un export d’essai (CSV ou XLSX).' });
      return;
    }
    const f = new FormData();
    f.append('profil', JSON.stringify(profil));
    f.append('fichier', exemple, exemple.name);
    try {
      setApercu(
        await envoyerFormulaire(ROUTES_DONNEES.apercu(collectivite), f, apercuProfilSchema, () => undefined),
      );
    } catch (e) {
      setApercu(null);
      setMessage({ severite: 'error', texte: e instanceof Error ? e.message : String(e) });
    }
  };

  const enregistrer = async () => {
    setMessage(null);
    const profil = profilLu();
    if (profil === null) return;
    try {
      const r =
        edite === null
          ? await appeler('POST', ROUTES_DONNEES.profils(collectivite), profilEnregistreSchema, {
              nom,
              profil,
            })
          : await appeler('PUT', ROUTES_DONNEES.profil(collectivite, edite.id), profilEnregistreSchema, {
              nom,
              profil,
              version: edite.version,
            });
      setEdite(r);
      setMessage({ severite: 'success', texte: `Profil « ${r.nom} » enregistré (version ${r.version}).` });
      surModification();
    } catch (e) {
      setMessage({ severite: 'error', texte: e instanceof ErreurApi ? e.message : String(e) });
    }
  };

  const supprimer = async (p: ProfilEnregistre) => {
    try {
      await appeler(
        'DELETE',
        `${ROUTES_DONNEES.profil(collectivite, p.id)}?version=${p.version}`,
        z.unknown(),
      );
      if (edite?.id === p.id) charger(null);
      surModification();
    } catch (e) {
      setMessage({ severite: 'error', texte: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section aria-labelledby={`${id}-titre`} className="fr-mb-5w">
      <h3 id={`${id}-titre`}>Profils de correspondance de la collectivité</h3>
      <p className="fr-text--sm">
        Un profil dit une fois comment un export de votre logiciel (colonnes, formats de date, vos codes)
        devient le format d’échange. Il est enregistré pour la collectivité et réutilisable ici comme dans la
        commande <code>jalon donnees convertir</code>.
      </p>
      <ul>
        {liste.integres.map((p) => (
          <li key={p.code}>
            {p.nom} (intégré){' '}
            {modifier && (
              <Button
                priority="tertiary"
                size="small"
                onClick={() => charger(null, { ...p.profil, nom: `${p.nom} (copie)` })}
              >
                Copier pour l’adapter
              </Button>
            )}
          </li>
        ))}
        {liste.profils.map((p) => (
          <li key={p.id}>
            {p.nom} — version {p.version}, par {p.modifie_par}{' '}
            {modifier && (
              <>
                <Button priority="tertiary" size="small" onClick={() => charger(p)}>
                  Modifier « {p.nom} »
                </Button>{' '}
                <Button priority="tertiary" size="small" onClick={() => void supprimer(p)}>
                  Supprimer « {p.nom} »
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
      {modifier ? (
        <>
          <h4 className="fr-h6">{edite === null ? 'Nouveau profil' : `Modifier « ${edite.nom} »`}</h4>
          <Input
            label="Nom du profil"
            nativeInputProps={{ value: nom, onChange: (e) => setNom(e.target.value) }}
          />
          <Input
            label="Profil (JSON jalon.profil/1)"
            hintText="Colonnes de l’export, formats de date, correspondances de vos codes (voir la documentation)"
            textArea
            nativeTextAreaProps={{
              rows: 14,
              value: texte,
              spellCheck: false,
              className: 'jalon-code',
              onChange: (e) => setTexte(e.target.value),
            }}
          />
          <Upload
            label="Export d’essai pour l’aperçu (CSV ou XLSX)"
            hint="Les identifiants de l’aperçu sont pseudonymisés ; rien n’est enregistré"
            nativeInputProps={{
              accept: '.csv,.xlsx',
              onChange: (e) => setExemple(e.target.files?.[0] ?? null),
            }}
          />
          <div className="fr-btns-group fr-btns-group--inline fr-mt-2w">
            <Button priority="secondary" onClick={() => void voirApercu()}>
              Voir l’aperçu
            </Button>
            <Button onClick={() => void enregistrer()}>Enregistrer le profil</Button>
          </div>
        </>
      ) : (
        <p className="fr-text--sm">
          Lecture seule : seuls les agents de la collectivité modifient ses profils.
        </p>
      )}
      <div role="status">
        {message?.severite === 'success' && <Alert small severity="success" description={message.texte} />}
      </div>
      <div role="alert">
        {message?.severite === 'error' && <Alert small severity="error" description={message.texte} />}
      </div>
      {apercu !== null && (
        <div className="fr-mt-2w">
          <p>
            {apercu.lues} ligne(s) lue(s), {apercu.produites} produite(s), {apercu.rejets.length} rejetée(s).
          </p>
          <p className="fr-text--sm">
            Colonnes de l’export : {apercu.colonnes_source.map((c) => `« ${c} »`).join(', ')}
          </p>
          <div className="fr-table fr-table--sm">
            <table tabIndex={0}>
              <caption>Aperçu : premières lignes produites</caption>
              <thead>
                <tr>
                  {apercu.colonnes.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {apercu.lignes.map((l, k) => (
                  <tr key={k}>
                    {apercu.colonnes.map((c) => (
                      <td key={c}>{l[c] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LignesEnCause titre="Lignes rejetées" lignes={apercu.rejets} />
        </div>
      )}
    </section>
  );
}
