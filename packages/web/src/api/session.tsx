import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { oidcDeconnexionSchema, sessionSchema, type Session } from '@jalon/schemas';
import { appeler, definirJetonCsrf } from './client.ts';
import { ROUTES } from './routes.ts';

interface ContexteSession {
  /** `undefined` tant que la session n'est pas chargée. */
  readonly session: Session | undefined;
  readonly erreur: string | undefined;
  readonly connecter: (identifiant: string, motDePasse: string) => Promise<void>;
  readonly deconnecter: () => Promise<void>;
  readonly recharger: () => Promise<void>;
}

const Contexte = createContext<ContexteSession | undefined>(undefined);

export function FournisseurSession({ children }: { readonly children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(undefined);
  const [erreur, setErreur] = useState<string | undefined>(undefined);

  const retenir = useCallback((nouvelle: Session) => {
    definirJetonCsrf(nouvelle.csrf);
    setSession(nouvelle);
  }, []);

  const recharger = useCallback(async () => {
    try {
      retenir(await appeler('GET', ROUTES.session, sessionSchema));
      setErreur(undefined);
    } catch (e) {
      setErreur(e instanceof Error ? e.message : String(e));
      setSession({ utilisateur: null, csrf: null, demo: false });
    }
  }, [retenir]);

  useEffect(() => {
    void recharger();
  }, [recharger]);

  const connecter = useCallback(
    async (identifiant: string, motDePasse: string) => {
      retenir(
        await appeler('POST', ROUTES.session, sessionSchema, { identifiant, mot_de_passe: motDePasse }),
      );
    },
    [retenir],
  );

  const deconnecter = useCallback(async () => {
    // Session ProConnect : on termine aussi la session chez le fournisseur (docs/securite.md).
    const { redirection } = await appeler('POST', '/api/oidc/deconnexion', oidcDeconnexionSchema);
    if (redirection !== null) {
      window.location.assign(redirection);
      return;
    }
    await recharger();
  }, [recharger]);

  return (
    <Contexte.Provider value={{ session, erreur, connecter, deconnecter, recharger }}>
      {children}
    </Contexte.Provider>
  );
}

export function useSession(): ContexteSession {
  const contexte = useContext(Contexte);
  if (contexte === undefined) throw new Error('useSession doit être appelé sous <FournisseurSession>.');
  return contexte;
}
