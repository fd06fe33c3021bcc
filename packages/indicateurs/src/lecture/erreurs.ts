/** Erreurs de lecture : lignes invalides (signalées une à une) et entrée illisible (tout est refusé). */

/** Une ligne invalide (spec parcours-rsa-v1 § 1 « Lignes invalides ») : fichier, ligne, colonne, raison. */
export interface ErreurLigne {
  readonly fichier: string;
  /** Ligne physique où commence l'enregistrement ; l'en-tête est la ligne 1. */
  readonly ligne: number;
  /** Nom de la colonne selon la spec (`mois`, `date`…), ou `null` quand toute la ligne est en cause. */
  readonly colonne: string | null;
  readonly raison: string;
}

/** « <fichier>, ligne <n>, colonne « <col> » : <raison> ». */
export function formaterErreurLigne(e: ErreurLigne): string {
  const colonne = e.colonne === null ? '' : `, colonne « ${e.colonne} »`;
  return `${e.fichier}, ligne ${e.ligne}${colonne} : ${e.raison}`;
}

/** L'entrée ne peut pas être lue du tout (dossier absent, archive refusée, colonne manquante, identifiants directs). */
export class ErreurLecture extends Error {
  constructor(
    message: string,
    readonly nature: 'illisible' | 'confidentialite' = 'illisible',
  ) {
    super(message);
    this.name = 'ErreurLecture';
  }
}

/**
 * Garde les `limite` premières erreurs dans l'ordre (fichier, ligne) et compte toutes les autres : un fichier
 * entièrement faux ne doit pas remplir la mémoire, mais aucune ligne n'est perdue dans le décompte.
 */
export class RecueilErreurs {
  private erreurs: ErreurLigne[] = [];
  private total = 0;

  constructor(
    private readonly rangFichier: (fichier: string) => number,
    private readonly limite = 1000,
  ) {}

  ajouter(e: ErreurLigne): void {
    this.total++;
    this.erreurs.push(e);
    if (this.erreurs.length >= 2 * this.limite) this.tronquer();
  }

  get nombre(): number {
    return this.total;
  }

  premieres(): ErreurLigne[] {
    this.tronquer();
    return [...this.erreurs];
  }

  private tronquer(): void {
    this.erreurs.sort(
      (a, b) => this.rangFichier(a.fichier) - this.rangFichier(b.fichier) || a.ligne - b.ligne,
    );
    if (this.erreurs.length > this.limite) this.erreurs.length = this.limite;
  }
}
