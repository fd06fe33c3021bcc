import { useEffect, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { LIBELLES_ROLES } from '@jalon/schemas';
import { useSession } from '../api/session.tsx';

/** En-tête, bandeau « Démonstration », contenu et pied de page DSFR communs à toutes les pages. */
export function Gabarit({ children }: { readonly children: ReactNode }) {
  const { session, deconnecter } = useSession();
  const naviguer = useNavigate();
  const lieu = useLocation();
  const utilisateur = session?.utilisateur ?? null;

  // Changement de page : le focus revient au contenu principal (RGAA 12.x, navigation au clavier).
  useEffect(() => {
    document.getElementById('contenu')?.focus();
  }, [lieu.pathname]);

  return (
    <>
      <SkipLinks
        links={[
          { anchor: '#contenu', label: 'Contenu' },
          { anchor: '#pied-de-page', label: 'Pied de page' },
        ]}
      />
      <Header
        brandTop={
          <>
            République
            <br />
            Française
          </>
        }
        serviceTitle="Jalon"
        serviceTagline="Contractualisation État – collectivités pour l'insertion et la lutte contre la pauvreté"
        homeLinkProps={{ to: '/', title: 'Accueil — Jalon' }}
        quickAccessItems={
          utilisateur === null
            ? []
            : [
                {
                  iconId: 'fr-icon-account-circle-line',
                  text: `${utilisateur.nom} — ${LIBELLES_ROLES[utilisateur.role]}, ${utilisateur.territoire.libelle}`,
                  linkProps: { to: '/' },
                },
                ...(['ddets', 'commissaire', 'national'].includes(utilisateur.role)
                  ? [
                      {
                        iconId: 'fr-icon-map-pin-2-line' as const,
                        text: 'Tableaux de bord',
                        linkProps: { to: '/tableaux-bord' },
                      },
                      {
                        iconId: 'fr-icon-money-euro-circle-line' as const,
                        text: 'Enveloppes',
                        linkProps: { to: '/enveloppes' },
                      },
                    ]
                  : []),
                {
                  iconId: 'fr-icon-calendar-line' as const,
                  text: 'Échéances',
                  linkProps: { to: '/echeances' },
                },
                {
                  iconId: 'fr-icon-mail-line' as const,
                  text: 'Boîte d’envoi',
                  linkProps: { to: '/boite-envoi' },
                },
                {
                  iconId: 'fr-icon-road-map-line' as const,
                  text: 'Offre d’insertion',
                  linkProps: { to: '/offre' },
                },
                ...(utilisateur.role === 'national'
                  ? [
                      {
                        iconId: 'fr-icon-team-line' as const,
                        text: 'Identités ProConnect',
                        linkProps: { to: '/identites' },
                      },
                    ]
                  : []),
                {
                  iconId: 'fr-icon-logout-box-r-line',
                  text: 'Se déconnecter',
                  buttonProps: {
                    onClick: () => {
                      void deconnecter().then(() => naviguer('/connexion'));
                    },
                  },
                },
              ]
        }
      />
      {session?.demo === true && (
        <Notice
          title="Démonstration"
          description="Jalon fonctionne ici en mode démonstration : toutes les données sont fictives."
          severity="info"
        />
      )}
      <main id="contenu" tabIndex={-1} className="fr-container fr-my-4w">
        {children}
      </main>
      <Footer
        id="pied-de-page"
        accessibility="non compliant"
        contentDescription="Jalon outille la contractualisation entre l'État et les collectivités pour l'insertion des allocataires du RSA : conventions, fiches actions, tableaux financiers, indicateurs."
      />
    </>
  );
}
