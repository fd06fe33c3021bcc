/** Attente d'une réponse du serveur, annoncée aux lecteurs d'écran. */
export function Chargement({ texte = 'Chargement…' }: { readonly texte?: string }) {
  return (
    <p role="status" className="fr-my-4w">
      {texte}
    </p>
  );
}
