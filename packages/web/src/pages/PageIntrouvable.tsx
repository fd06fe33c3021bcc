import { Link } from 'react-router';
import { useTitre } from '../composants/useTitre.ts';

export function PageIntrouvable() {
  useTitre('Page introuvable');
  return (
    <div className="fr-my-7w">
      <h1>Page introuvable</h1>
      <p className="fr-text--lead">La page que vous cherchez n'existe pas ou a été déplacée.</p>
      <p>Erreur 404. Vérifiez l'adresse saisie, ou revenez à l'accueil.</p>
      <Link className="fr-btn" to="/">
        Retour à l'accueil
      </Link>
    </div>
  );
}
