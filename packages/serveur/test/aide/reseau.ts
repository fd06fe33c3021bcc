import { createServer } from 'node:net';

/** Un port TCP libre sur la boucle locale (le système le choisit ; on le relâche aussitôt). */
export async function portLibre(): Promise<number> {
  return new Promise((ok, ko) => {
    const serveur = createServer();
    serveur.once('error', ko);
    serveur.listen(0, '127.0.0.1', () => {
      const adresse = serveur.address();
      const port = typeof adresse === 'object' && adresse !== null ? adresse.port : 0;
      serveur.close(() => ok(port));
    });
  });
}
