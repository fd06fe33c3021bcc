import { useState, type FormEvent } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { z } from 'zod';
import {
  collectivitesSchema,
  identiteSchema,
  identitesSchema,
  LIBELLES_ROLES,
  ROLES,
  type Collectivite,
  type Identite,
  type Role,
} from '@jalon/schemas';
import { appeler } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { Chargement } from '../composants/Chargement.tsx';
import { useDonnees } from '../composants/useDonnees.ts';
import { useTitre } from '../composants/useTitre.ts';

/** Territoire demandé par chaque rôle (mêmes règles que le serveur, `cas/identites.ts`). */
const CHAMP_TERRITOIRE: Readonly<Record<Role, 'collectivite_id' | 'departement' | 'region' | null>> = {
  departement_agent: 'collectivite_id',
  departement_valideur: 'collectivite_id',
  ddets: 'departement',
  commissaire: 'region',
  national: null,
};

function choixTerritoire(role: Role, collectivites: readonly Collectivite[]) {
  const champ = CHAMP_TERRITOIRE[role];
  const tri = [...collectivites].sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true }));
  if (champ === 'collectivite_id')
    return tri
      .filter((c) => c.type !== 'region')
      .map((c) => ({ valeur: c.id, libelle: `${c.nom} (${c.code})` }));
  if (champ === 'departement')
    return tri
      .filter((c) => c.type === 'departement')
      .map((c) => ({ valeur: c.code, libelle: `${c.nom} (${c.code})` }));
  if (champ === 'region')
    return tri
      .filter((c) => c.type === 'region')
      .map((c) => ({ valeur: c.code, libelle: `${c.nom} (${c.code})` }));
  return [];
}

const territoireDe = (i: Identite, collectivites: readonly Collectivite[]): string => {
  const nom = (id: string) => collectivites.find((c) => c.id === id)?.nom ?? id;
  if (i.collectivite_id !== null) return nom(i.collectivite_id);
  if (i.departement !== null) return nom(`departement:${i.departement}`);
  if (i.region !== null) return nom(`region:${i.region}`);
  return 'France entière';
};

const dateHeure = (iso: string | null) =>
  iso === null ? '—' : new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

/**
 * Administration des identités ProConnect (administration centrale, INT-SECURITE-1) : qui peut se connecter par
 * ProConnect, avec quel rôle et sur quel territoire ; journal des associations.
 */
export function PageIdentites() {
  useTitre('Identités ProConnect');
  const { session } = useSession();
  const identites = useDonnees(() => appeler('GET', '/api/identites', identitesSchema), []);
  const collectivites = useDonnees(() => appeler('GET', '/api/collectivites', collectivitesSchema), []);
  const [email, setEmail] = useState('');
  const [nom, setNom] = useState('');
  const [sub, setSub] = useState('');
  const [role, setRole] = useState<Role>('departement_agent');
  const [territoire, setTerritoire] = useState('');
  const [message, setMessage] = useState<{ type: 'succes' | 'erreur'; texte: string } | undefined>();

  if (session?.utilisateur?.role !== 'national') {
    return (
      <Alert
        severity="error"
        title="Accès réservé"
        description="L’administration des identités ProConnect est réservée à l’administration centrale."
      />
    );
  }
  if (identites.etat === 'chargement' || collectivites.etat === 'chargement') return <Chargement />;
  if (identites.etat === 'erreur')
    return <Alert severity="error" title="Erreur" description={identites.message} />;
  const liste = collectivites.etat === 'pret' ? collectivites.donnees.collectivites : [];
  const choix = choixTerritoire(role, liste);
  const champ = CHAMP_TERRITOIRE[role];

  const associer = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const cree = await appeler('POST', '/api/identites', identiteSchema, {
        email: email.trim(),
        nom: nom.trim(),
        ...(sub.trim() === '' ? {} : { sub: sub.trim() }),
        role,
        ...(champ === null ? {} : { [champ]: territoire }),
      });
      setMessage({
        type: 'succes',
        texte: `${cree.email} est associée au rôle « ${LIBELLES_ROLES[cree.role]} ».`,
      });
      setEmail('');
      setNom('');
      setSub('');
      await identites.recharger();
    } catch (erreur) {
      setMessage({ type: 'erreur', texte: erreur instanceof Error ? erreur.message : String(erreur) });
    }
  };

  const retirer = async (i: Identite) => {
    if (!window.confirm(`Retirer l’identité ${i.email} ? Son compte sera désactivé.`)) return;
    try {
      await appeler('DELETE', `/api/identites/${i.id}`, z.unknown());
      setMessage({ type: 'succes', texte: `${i.email} ne peut plus se connecter.` });
      await identites.recharger();
    } catch (erreur) {
      setMessage({ type: 'erreur', texte: erreur instanceof Error ? erreur.message : String(erreur) });
    }
  };

  return (
    <>
      <h1>Identités ProConnect</h1>
      <p>
        Une personne qui se connecte par ProConnect n’entre dans Jalon que si son identité (adresse e-mail, et
        identifiant ProConnect s’il est connu) est associée ici à un rôle et à un territoire.
      </p>
      {message !== undefined && (
        <Alert
          severity={message.type === 'succes' ? 'success' : 'error'}
          title={message.type === 'succes' ? 'Enregistré' : 'Refusé'}
          description={message.texte}
          className="fr-mb-3w"
          role="status"
        />
      )}
      <div className="fr-table fr-table--no-caption">
        <div className="fr-table__wrapper">
          <div className="fr-table__container">
            <div className="fr-table__content">
              <table>
                <caption>Identités associées</caption>
                <thead>
                  <tr>
                    <th scope="col">E-mail</th>
                    <th scope="col">Nom</th>
                    <th scope="col">Rôle</th>
                    <th scope="col">Territoire</th>
                    <th scope="col">Dernière connexion</th>
                    <th scope="col">Action</th>
                  </tr>
                </thead>
                <tbody>
                  {identites.donnees.identites.length === 0 && (
                    <tr>
                      <td colSpan={6}>Aucune identité associée.</td>
                    </tr>
                  )}
                  {identites.donnees.identites.map((i) => (
                    <tr key={i.id}>
                      <td>{i.email}</td>
                      <td>{i.nom}</td>
                      <td>{LIBELLES_ROLES[i.role]}</td>
                      <td>{territoireDe(i, liste)}</td>
                      <td>{dateHeure(i.derniere_connexion)}</td>
                      <td>
                        <Button priority="tertiary" size="small" onClick={() => void retirer(i)}>
                          {`Retirer ${i.email}`}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>

      <form onSubmit={(e) => void associer(e)} aria-labelledby="titre-associer" className="fr-mt-5w">
        <h2 id="titre-associer">Associer une identité</h2>
        <Input
          label="Adresse e-mail ProConnect"
          nativeInputProps={{
            type: 'email',
            required: true,
            value: email,
            onChange: (e) => setEmail(e.target.value),
          }}
        />
        <Input
          label="Nom"
          nativeInputProps={{ required: true, value: nom, onChange: (e) => setNom(e.target.value) }}
        />
        <Input
          label="Identifiant ProConnect (sub), facultatif"
          hintText="Sinon, il est retenu à la première connexion avec cette adresse e-mail."
          nativeInputProps={{ value: sub, onChange: (e) => setSub(e.target.value) }}
        />
        <Select
          label="Rôle"
          nativeSelectProps={{
            value: role,
            onChange: (e) => {
              setRole(e.target.value as Role);
              setTerritoire('');
            },
          }}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {LIBELLES_ROLES[r]}
            </option>
          ))}
        </Select>
        {champ !== null && (
          <Select
            label="Territoire"
            nativeSelectProps={{
              required: true,
              value: territoire,
              onChange: (e) => setTerritoire(e.target.value),
            }}
          >
            <option value="" disabled>
              Choisir
            </option>
            {choix.map((c) => (
              <option key={c.valeur} value={c.valeur}>
                {c.libelle}
              </option>
            ))}
          </Select>
        )}
        <Button type="submit">Associer</Button>
      </form>

      <h2 className="fr-mt-5w">Journal des associations</h2>
      <ul>
        {identites.donnees.historique.map((h) => (
          <li key={h.id}>
            {dateHeure(h.quand)} — <code>{h.qui}</code> : {h.action.replaceAll('_', ' ')} (identité{' '}
            {h.entite_id})
          </li>
        ))}
      </ul>
    </>
  );
}
