import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ProConnectButton } from '@codegouvfr/react-dsfr/ProConnectButton';
import {
  ERREURS_OIDC,
  LIBELLES_ROLES,
  MESSAGES_ERREURS_OIDC,
  oidcEtatSchema,
  type ErreurOidc,
} from '@jalon/schemas';
import { appeler } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { useTitre } from '../composants/useTitre.ts';

/** Retour après connexion : seulement un chemin interne (jamais une autre origine). */
const retourSur = (valeur: string | null): string =>
  valeur !== null && /^\/(?!\/)/.test(valeur) ? valeur : '/';

export function PageConnexion() {
  useTitre('Connexion');
  const { session, connecter } = useSession();
  const [parametres] = useSearchParams();
  const naviguer = useNavigate();
  const [courriel, setCourriel] = useState('');
  const [motDePasse, setMotDePasse] = useState('');
  const [erreurs, setErreurs] = useState<{ courriel?: string; motDePasse?: string; serveur?: string }>({});
  const [enCours, setEnCours] = useState(false);
  const retour = retourSur(parametres.get('retour'));
  // Connexion ProConnect (si le serveur la propose) et son éventuel refus au retour du fournisseur.
  const [proConnect, setProConnect] = useState(false);
  useEffect(() => {
    appeler('GET', '/api/oidc', oidcEtatSchema)
      .then((etat) => setProConnect(etat.actif))
      .catch(() => setProConnect(false));
  }, []);
  const codeErreur = parametres.get('erreur');
  const erreurOidc = ERREURS_OIDC.includes(codeErreur as ErreurOidc)
    ? MESSAGES_ERREURS_OIDC[codeErreur as ErreurOidc]
    : undefined;

  if (session?.utilisateur != null && !enCours) return <Navigate to={retour} replace />;

  const soumettre = async (evenement: FormEvent) => {
    evenement.preventDefault();
    const nouvelles = {
      ...(courriel.trim() === '' ? { courriel: 'Saisissez votre identifiant.' } : {}),
      ...(motDePasse === '' ? { motDePasse: 'Saisissez votre mot de passe.' } : {}),
    };
    setErreurs(nouvelles);
    if (Object.keys(nouvelles).length > 0) return;
    setEnCours(true);
    try {
      await connecter(courriel.trim(), motDePasse);
      naviguer(retour, { replace: true });
    } catch (erreur) {
      setErreurs({ serveur: erreur instanceof Error ? erreur.message : String(erreur) });
    } finally {
      setEnCours(false);
    }
  };

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Connexion à Jalon</h1>
        {erreurOidc !== undefined && (
          <Alert
            severity="error"
            title="Connexion ProConnect refusée"
            description={erreurOidc}
            className="fr-mb-3w"
          />
        )}
        {proConnect && (
          <section className="fr-mb-5w" aria-labelledby="titre-proconnect">
            <h2 id="titre-proconnect" className="fr-h5">
              Agents de l’État et des collectivités
            </h2>
            <ProConnectButton url={`/api/oidc/connexion?retour=${encodeURIComponent(retour)}`} />
            <p className="fr-hr-or">ou</p>
          </section>
        )}
        {erreurs.serveur !== undefined && (
          <Alert
            severity="error"
            title="Connexion impossible"
            description={erreurs.serveur}
            className="fr-mb-3w"
          />
        )}
        <form onSubmit={(e) => void soumettre(e)} noValidate aria-label="Connexion">
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">Vos identifiants</legend>
            <div className="fr-fieldset__element">
              <Input
                // Le serveur attend l'identifiant du compte (`connexionEntreeSchema.identifiant`), par exemple
                // « agent.37 » : « Courriel, format nom@domaine.fr » trompait l'utilisateur.
                label="Identifiant"
                hintText="L'identifiant de votre compte Jalon"
                state={erreurs.courriel === undefined ? 'default' : 'error'}
                stateRelatedMessage={erreurs.courriel}
                nativeInputProps={{
                  name: 'courriel',
                  type: 'text',
                  autoComplete: 'username',
                  value: courriel,
                  onChange: (e) => setCourriel(e.target.value),
                  'aria-required': true,
                }}
              />
            </div>
            <div className="fr-fieldset__element">
              <Input
                label="Mot de passe"
                state={erreurs.motDePasse === undefined ? 'default' : 'error'}
                stateRelatedMessage={erreurs.motDePasse}
                nativeInputProps={{
                  name: 'mot_de_passe',
                  type: 'password',
                  autoComplete: 'current-password',
                  value: motDePasse,
                  onChange: (e) => setMotDePasse(e.target.value),
                  'aria-required': true,
                }}
              />
            </div>
          </fieldset>
          <Button type="submit" disabled={enCours}>
            {enCours ? 'Connexion…' : 'Se connecter'}
          </Button>
        </form>
        {session?.demo === true && (session.comptes_demo?.length ?? 0) > 0 && (
          <section className="fr-mt-5w" aria-labelledby="titre-comptes-demo">
            <h2 id="titre-comptes-demo" className="fr-h5">
              Comptes de démonstration (données fictives)
            </h2>
            {session.mot_de_passe_demo !== undefined && (
              <p>
                Mot de passe commun : <code>{session.mot_de_passe_demo}</code>
              </p>
            )}
            <ul>
              {session.comptes_demo?.map((compte) => (
                <li key={compte.identifiant}>
                  <code>{compte.identifiant}</code> — {LIBELLES_ROLES[compte.role]}, {compte.territoire}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}
