import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  activerCompte,
  avecBase,
  creerCompte,
  DossierVerrouille,
  ErreurMetier,
  lireConfig,
  listerComptes,
  preparerBase,
  territoireDe,
  verifierNouveauCompte,
} from '@jalon/serveur';
import { lireArguments } from '../arguments.ts';
import { SORTIE, type Io } from '../io.ts';

const AIDE = `Usage :
  jalon comptes creer --identifiant <id> --nom "<nom>" --role <rôle> [--collectivite <id> | --departement <code> | --region <code>]
        [--mot-de-passe-fichier <fichier | ->]
      Crée un compte local (mot de passe haché argon2id, 12 caractères au moins). Le mot de passe est lu dans
      le fichier donné (« - » : l'entrée standard) ou dans la variable JALON_MOT_DE_PASSE ; jamais en argument
      (il serait visible dans la liste des processus).
      Rôles et territoire exigé : departement_agent, departement_valideur → --collectivite (departement:37,
      metropole:69M…) ; ddets → --departement (37, 2A…) ; commissaire → --region (24…) ; national → aucun.
  jalon comptes lister
      Les comptes (identifiant, rôle, territoire, actif).
  jalon comptes desactiver <identifiant>   |   jalon comptes activer <identifiant>
      Un compte désactivé ne peut plus se connecter et ne voit plus rien.
  Base : celle du serveur (DATABASE_URL, sinon le dossier PGlite JALON_DONNEES, par défaut .jalon/donnees ;
  --donnees <dossier> le remplace). Serveur PGlite arrêté : le dossier est verrouillé pendant qu'il tourne.
  Chaque écriture est inscrite au journal d'audit. Documentation : docs/plateforme.md
`;

const RACINE = fileURLToPath(new URL('../../../../', import.meta.url));

const OPTIONS = {
  identifiant: { type: 'string' },
  nom: { type: 'string' },
  role: { type: 'string' },
  collectivite: { type: 'string' },
  departement: { type: 'string' },
  region: { type: 'string' },
  'mot-de-passe-fichier': { type: 'string' },
  donnees: { type: 'string' },
} as const;

async function lireMotDePasse(io: Io, fichier: string | undefined): Promise<string | undefined> {
  if (fichier === undefined) return process.env.JALON_MOT_DE_PASSE;
  const texte =
    fichier === '-'
      ? await new Promise<string>((ok, ko) => {
          let lu = '';
          process.stdin.setEncoding('utf8');
          process.stdin.on('data', (d: string) => (lu += d));
          process.stdin.on('end', () => ok(lu));
          process.stdin.on('error', ko);
        })
      : await readFile(resolve(io.cwd, fichier), 'utf8');
  return texte.replace(/\r?\n$/u, '');
}

const chaine = (v: string | boolean | undefined): string | undefined =>
  typeof v === 'string' ? v : undefined;

/** `jalon comptes` : voir AIDE. */
export async function commandeComptes(args: string[], io: Io): Promise<number> {
  const lus = lireArguments(args, OPTIONS);
  if (!lus.ok) {
    io.stderr.write(`${lus.message}\n\n${AIDE}`);
    return SORTIE.ENTREE_ILLISIBLE;
  }
  const [action, cible, ...trop] = lus.positionnels;
  if (lus.aide) {
    io.stdout.write(AIDE);
    return SORTIE.OK;
  }
  const v = lus.valeurs;
  const attendus = action === 'activer' || action === 'desactiver' ? 1 : 0;
  if (
    !['creer', 'lister', 'activer', 'desactiver'].includes(action ?? '') ||
    (attendus === 1 ? cible === undefined : cible !== undefined) ||
    trop.length > 0
  ) {
    io.stderr.write(`Action manquante ou inconnue.\n\n${AIDE}`);
    return SORTIE.ENTREE_ILLISIBLE;
  }
  const env =
    chaine(v.donnees) === undefined ? process.env : { ...process.env, JALON_DONNEES: chaine(v.donnees) };
  const auteur = `cli:${userInfo().username}`;
  try {
    let entree: Record<string, string | undefined> | undefined;
    if (action === 'creer') {
      const motDePasse = await lireMotDePasse(io, chaine(v['mot-de-passe-fichier']));
      if (motDePasse === undefined) {
        io.stderr.write(
          'Mot de passe absent : donnez --mot-de-passe-fichier <fichier | -> ou la variable JALON_MOT_DE_PASSE.\n',
        );
        return SORTIE.ENTREE_ILLISIBLE;
      }
      entree = {
        identifiant: chaine(v.identifiant),
        nom: chaine(v.nom),
        role: chaine(v.role),
        collectivite: chaine(v.collectivite),
        departement: chaine(v.departement),
        region: chaine(v.region),
        motDePasse,
      };
      verifierNouveauCompte(entree); // refus immédiat, sans ouvrir la base
    }
    const config = lireConfig(env, RACINE);
    return await avecBase(config, async (base) => {
      const { persistance } = await preparerBase(base);
      if (action === 'lister') {
        for (const c of await listerComptes(persistance)) {
          io.stdout.write(
            `${c.identifiant}\t${c.role}\t${territoireDe(c)}\t${c.actif ? 'actif' : 'désactivé'}\t${c.nom}\n`,
          );
        }
        return SORTIE.OK;
      }
      if (action === 'activer' || action === 'desactiver') {
        const compte = await activerCompte(persistance, cible ?? '', action === 'activer', auteur);
        io.stdout.write(`Compte ${compte.identifiant} ${compte.actif ? 'activé' : 'désactivé'}.\n`);
        return SORTIE.OK;
      }
      const compte = await creerCompte(persistance, entree, auteur);
      io.stdout.write(`Compte ${compte.identifiant} créé (${compte.role}, ${territoireDe(compte)}).\n`);
      return SORTIE.OK;
    });
  } catch (erreur) {
    if (erreur instanceof ErreurMetier || erreur instanceof DossierVerrouille) {
      io.stderr.write(`${erreur.message}\n`);
      return SORTIE.ECHEC_METIER;
    }
    const code = (erreur as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES') {
      io.stderr.write(`Fichier du mot de passe illisible (${code}) : ${chaine(v['mot-de-passe-fichier'])}\n`);
      return SORTIE.ENTREE_ILLISIBLE;
    }
    throw erreur;
  }
}
