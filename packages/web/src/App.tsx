import { Navigate, Route, Routes, useLocation } from 'react-router';
import { FournisseurSession, useSession } from './api/session.tsx';
import { Gabarit } from './composants/Gabarit.tsx';
import { Chargement } from './composants/Chargement.tsx';
import { PageConnexion } from './pages/PageConnexion.tsx';
import { PageAccueil } from './pages/PageAccueil.tsx';
import { PageConvention } from './pages/PageConvention.tsx';
import { PageIntrouvable } from './pages/PageIntrouvable.tsx';
import { PageOffre, PageOffreAccueil } from './pages/PageOffre.tsx';
import { PageTableauBord, PageTableauBordAccueil } from './pages/PageTableauBord.tsx';
import { PageNoteAnalyse } from './pages/PageNoteAnalyse.tsx';
import { PageEnveloppes } from './pages/PageEnveloppes.tsx';
import { PageIdentites } from './pages/PageIdentites.tsx';
import { PageEcheances } from './pages/PageEcheances.tsx';
import { PageBoiteEnvoi } from './pages/PageBoiteEnvoi.tsx';
import type { ReactNode } from 'react';

/** Une page réservée aux comptes connectés : sinon, la page de connexion (puis retour à la page demandée). */
function Protegee({ children }: { readonly children: ReactNode }) {
  const { session } = useSession();
  const lieu = useLocation();
  if (session === undefined) return <Chargement />;
  if (session.utilisateur === null) {
    return <Navigate to={`/connexion?retour=${encodeURIComponent(lieu.pathname + lieu.search)}`} replace />;
  }
  return children;
}

export function App() {
  return (
    <FournisseurSession>
      <Gabarit>
        <Routes>
          <Route path="/connexion" element={<PageConnexion />} />
          <Route
            path="/"
            element={
              <Protegee>
                <PageAccueil />
              </Protegee>
            }
          />
          <Route
            path="/echeances"
            element={
              <Protegee>
                <PageEcheances />
              </Protegee>
            }
          />
          <Route
            path="/boite-envoi"
            element={
              <Protegee>
                <PageBoiteEnvoi />
              </Protegee>
            }
          />
          <Route
            path="/enveloppes"
            element={
              <Protegee>
                <PageEnveloppes />
              </Protegee>
            }
          />
          <Route
            path="/tableaux-bord"
            element={
              <Protegee>
                <PageTableauBordAccueil />
              </Protegee>
            }
          />
          <Route
            path="/tableaux-bord/national"
            element={
              <Protegee>
                <PageTableauBord />
              </Protegee>
            }
          />
          <Route
            path="/tableaux-bord/regions/:code"
            element={
              <Protegee>
                <PageTableauBord />
              </Protegee>
            }
          />
          <Route
            path="/conventions/:id/note-analyse"
            element={
              <Protegee>
                <PageNoteAnalyse />
              </Protegee>
            }
          />
          <Route
            path="/conventions/:id/:onglet?"
            element={
              <Protegee>
                <PageConvention />
              </Protegee>
            }
          />
          <Route
            path="/identites"
            element={
              <Protegee>
                <PageIdentites />
              </Protegee>
            }
          />
          <Route
            path="/offre"
            element={
              <Protegee>
                <PageOffreAccueil />
              </Protegee>
            }
          />
          <Route
            path="/offre/:collectivite"
            element={
              <Protegee>
                <PageOffre />
              </Protegee>
            }
          />
          <Route path="*" element={<PageIntrouvable />} />
        </Routes>
      </Gabarit>
    </FournisseurSession>
  );
}
