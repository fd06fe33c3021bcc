/**
 * Port des documents (issue 5) : textes libres du rapport d'exécution et dépôts figés. Implémenté par
 * `kysely/documents.ts`, vérifié sur PGlite et PostgreSQL par `test/documents-depots.contract.test.ts`.
 */
export interface TextesEnregistres {
  /** Document JSON des textes (`textesRapportSchema` de `@jalon/schemas`), relu et validé par le cas d'usage. */
  readonly textes: unknown;
  readonly modifiePar: string;
  readonly modifieLe: string;
}

export interface NouveauFichierDepot {
  readonly nom: string;
  readonly typeMime: string;
  readonly octets: Uint8Array;
  /** SHA-256 des octets, hexadécimal (calculé par le cas d'usage ; la base vérifie la forme et la taille). */
  readonly sha256: string;
}

export interface NouveauDepotFige {
  readonly conventionId: number;
  readonly typeDocument: 'rapport-execution' | 'bilan-final';
  readonly versionConvention: number;
  readonly deposePar: string;
  readonly role: string;
  readonly utilisateurId: number | null;
  readonly fichiers: readonly NouveauFichierDepot[];
}

export interface FichierDepotEnregistre {
  readonly nom: string;
  readonly typeMime: string;
  readonly taille: number;
  readonly sha256: string;
}

export interface DepotFigeEnregistre {
  readonly id: number;
  readonly conventionId: number;
  /** 1, 2, … par convention, dans l'ordre des dépôts. */
  readonly numero: number;
  readonly typeDocument: 'rapport-execution' | 'bilan-final';
  readonly versionConvention: number;
  readonly deposePar: string;
  readonly role: string;
  readonly deposeLe: string;
  readonly fichiers: readonly FichierDepotEnregistre[];
}

export interface DepotDocuments {
  lireTextes(conventionId: number): Promise<TextesEnregistres | undefined>;
  /** Écrit (ou remplace) les textes d'une convention. */
  ecrireTextes(conventionId: number, textes: unknown, modifiePar: string): Promise<void>;
  /** Enregistre un dépôt et ses fichiers (numéro suivant pour la convention) ; jamais modifié ensuite. */
  deposer(depot: NouveauDepotFige): Promise<DepotFigeEnregistre>;
  /** Dépôts d'une convention, du plus récent au plus ancien, sans les octets. */
  listerDepots(conventionId: number): Promise<DepotFigeEnregistre[]>;
  /** Les octets d'un fichier déposé, tels qu'enregistrés. */
  lireFichier(
    conventionId: number,
    depotId: number,
    nom: string,
  ): Promise<(FichierDepotEnregistre & { readonly octets: Buffer }) | undefined>;
}
